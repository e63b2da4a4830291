/**
 * Loads a CommonJS file of ours (the bundled CLI, the generated schema validators) through a V8
 * code cache, so a cold start deserializes compiled code instead of parsing and compiling ~750 KB
 * of JavaScript again (measured: 25 ms of compilation become 5 ms of deserialization).
 *
 * Only the `asl-lint` bin turns it on (src/cli/launch.ts sets CODE_CACHE_FLAG before loading the
 * program): a library user or the language server never gets an exit hook or a file written next
 * to the package. ASL_LINT_NO_CODE_CACHE=1 turns it off (the benchmark measures both).
 *
 * The cache is `<file>.v8cache` beside the file (`<file>.<flags>.v8cache` when Node.js runs with
 * V8 flags, which change what V8 accepts). `npm run build` writes it
 * (scripts/warm-code-cache.mjs); when it is missing, stale or refused, the file is compiled as
 * usual and a fresh cache is written when the process exits, if the folder is writable.
 * Its header names the Node.js version and architecture, the CRC-32 and length of the source it
 * was made from (V8's own check compares only the length, and would run stale bytecode for a
 * same-length edit) and the CRC-32 of the payload (V8 does not checksum the payload, and a
 * damaged one aborts the process inside the deserializer, before any handler can run).
 *
 * Node 22+ has module.enableCompileCache(); Node 20, our runtime, does not, hence vm.Script.
 * Without zlib.crc32 (Node < 20.15) the files are simply required.
 */
import { accessSync, constants, openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Set to true on globalThis by the bin before it loads the program. */
export const CODE_CACHE_FLAG = Symbol.for('asl-lint.code-cache');

const MAGIC = 'asl-lint-v8-cache 2';
const require = createRequire(import.meta.url);

type Crc32 = (data: Buffer | string, value?: number) => number;

function crc32(): Crc32 | undefined {
  return (require('node:zlib') as { crc32?: Crc32 }).crc32;
}

export function codeCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((globalThis as Record<symbol, unknown>)[CODE_CACHE_FLAG] !== true) return false;
  const off = env.ASL_LINT_NO_CODE_CACHE;
  return off === undefined || off === '' || off === '0';
}

export type CodeCacheStatus = 'used' | 'written' | 'refused' | 'off';

function debug(filename: string, status: CodeCacheStatus | 'not written'): void {
  if (process.env.ASL_LINT_DEBUG_CODE_CACHE) process.stderr.write(`asl-lint code cache: ${filename}: ${status}\n`);
}

/**
 * Runs a CommonJS file as `require()` would (its own `require`, `module`, `exports`, `__filename`,
 * `__dirname`) and returns its exports, using and maintaining its code cache when enabled.
 */
export function requireCached(filename: string): unknown {
  const crc = codeCacheEnabled() ? crc32() : undefined;
  if (!crc) {
    debug(filename, 'off');
    return createRequire(filename)(filename);
  }
  const bytes = readFileSync(filename);
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  const cacheFile = flags ? `${filename}.${crc(flags).toString(16)}.v8cache` : `${filename}.v8cache`;
  const key = `${MAGIC} ${process.version} ${process.arch} ${bytes.length} ${crc(bytes).toString(16)}`;
  const cachedData = readCache(cacheFile, key, crc);
  const source = bytes.toString('utf8');
  // The wrapper keeps line numbers; a hashbang line would be a syntax error inside it.
  const body = source.startsWith('#!') ? `//${source}` : source;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, { filename, cachedData });
  if (cachedData && !script.cachedDataRejected) debug(filename, 'used');
  else {
    if (cachedData) debug(filename, 'refused');
    // After the run, the cache also holds the functions this run compiled lazily.
    process.once('exit', () => writeCache(filename, cacheFile, key, script, crc));
  }
  const module = { exports: {} as unknown, filename, id: filename, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  module.loaded = true;
  return module.exports;
}

/** The payload of a cache made for exactly this key, with an intact checksum; else undefined. */
function readCache(cacheFile: string, key: string, crc: Crc32): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const header = bytes.toString('latin1', 0, newline);
  const sum = header.lastIndexOf(' ');
  if (header.slice(0, sum) !== key) return undefined;
  const payload = bytes.subarray(newline + 1);
  return crc(payload).toString(16) === header.slice(sum + 1) ? payload : undefined;
}

function writeCache(filename: string, cacheFile: string, key: string, script: Script, crc: Crc32): void {
  const dir = dirname(cacheFile);
  try {
    // A read-only install: not even worth serializing.
    accessSync(dir, constants.W_OK);
  } catch {
    debug(filename, 'not written');
    return;
  }
  // Another process may write the same cache at the same moment: write aside under a name no one
  // else uses (created exclusively, so never through a planted link), then rename into place.
  const temp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const payload = script.createCachedData();
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, `${key} ${crc(payload).toString(16)}\n`, null, 'latin1');
      writeSync(fd, payload);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, cacheFile);
    debug(filename, 'written');
  } catch {
    // A full disk, a race lost: the cache is an optimisation, never an error.
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    debug(filename, 'not written');
  }
}
