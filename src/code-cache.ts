/**
 * Loads a CommonJS file of ours (the bundled CLI, the generated schema validators) through a V8
 * code cache, so a cold start deserializes compiled code instead of parsing and compiling ~750 KB
 * of JavaScript again (measured: 25 ms of compilation become 5 ms of deserialization).
 *
 * The cache is `<file>.v8cache` beside the file. `npm run build` writes it (scripts/warm-code-cache.mjs);
 * when it is missing, stale or refused by V8 (another Node.js version), the file is compiled as
 * usual and a fresh cache is written when the process exits, if the folder is writable. A cache is
 * only used for the exact file it was made from: its header names the Node.js version, the
 * architecture, and the file's size and modification time (V8's own check compares only the
 * length of the source). ASL_LINT_NO_CODE_CACHE=1 turns it off (the benchmark measures both).
 *
 * Node 22+ has module.enableCompileCache(); Node 20, our runtime, does not, hence vm.Script.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const MAGIC = 'asl-lint-v8-cache 1';

/** What a code cache is valid for: this runtime and this exact file. */
function cacheKey(size: number, mtimeMs: number): string {
  return `${MAGIC} ${process.version} ${process.arch} ${size} ${mtimeMs}\n`;
}

function readCache(cacheFile: string, key: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const head = Buffer.from(key, 'latin1');
  if (bytes.length <= head.length || !bytes.subarray(0, head.length).equals(head)) return undefined;
  return bytes.subarray(head.length);
}

function writeCache(cacheFile: string, key: string, data: Buffer): void {
  // Another process may write the same cache at the same moment: write aside, then rename.
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(key, 'latin1'), data]));
    renameSync(temp, cacheFile);
  } catch {
    // A read-only install, a full disk: the cache is an optimisation, never an error.
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
}

export function codeCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const off = env.ASL_LINT_NO_CODE_CACHE;
  return off === undefined || off === '' || off === '0';
}

/**
 * Runs a CommonJS file as `require()` would (its own `require`, `module`, `exports`, `__filename`,
 * `__dirname`) and returns its exports, using and maintaining its code cache.
 */
export function requireCached(filename: string): unknown {
  if (!codeCacheEnabled()) return createRequire(filename)(filename);
  const source = readFileSync(filename, 'utf8');
  const { size, mtimeMs } = statSync(filename);
  const cacheFile = `${filename}.v8cache`;
  const key = cacheKey(size, mtimeMs);
  const cachedData = readCache(cacheFile, key);
  // The wrapper keeps line numbers; a hashbang line would be a syntax error inside it.
  const body = source.startsWith('#!') ? `//${source}` : source;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, {
    filename,
    cachedData,
  });
  if (!cachedData || script.cachedDataRejected) {
    // After the run, the cache also holds the functions this run compiled lazily.
    process.once('exit', () => writeCache(cacheFile, key, script.createCachedData()));
  }
  const module = { exports: {} as unknown, filename, id: filename, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  module.loaded = true;
  return module.exports;
}
