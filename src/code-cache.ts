/**
 * Loads a CommonJS file of ours (the bundled CLI, the generated schema validators) through a
 * compile cache, so a cold start deserializes compiled code instead of parsing and compiling
 * ~750 KB of JavaScript again (measured: 25 ms of compilation become 5 ms of deserialization).
 *
 * Only the `asl-lint` bin turns it on (src/cli/launch.ts sets CODE_CACHE_FLAG before loading the
 * program): a library user or the language server never gets an exit hook or a file written.
 * ASL_LINT_NO_CODE_CACHE=1 turns it off (the benchmark measures both).
 *
 * Where Node.js has its own compile cache (module.enableCompileCache, Node.js 22+), that is used,
 * in the folder below. Otherwise (Node.js 20, our runtime) a V8 code cache made with vm.Script.
 * Code from a cache runs as ours, so the cache is kept where only the user can write:
 *
 * - the folder is `$ASL_LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/asl-lint`, else
 *   `~/.cache/asl-lint`, created 0700; a folder (or file) that is a symbolic link, owned by
 *   another user, or writable by group or others is never read or written;
 * - a cache file (0600, created exclusively, renamed into place) is named by the SHA-256 of the
 *   exact bytes of the file it was made from, the Node.js version, architecture and V8 flags, and
 *   carries the SHA-256 of its payload (V8 does not check the payload, and a damaged one aborts
 *   the process inside the deserializer, before any handler can run);
 * - the folder keeps at most MAX_ENTRIES caches (the oldest go), however many Node.js versions,
 *   flags or builds have run.
 */
import { closeSync, constants, fstatSync, readFileSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Script } from 'node:vm';

/** Set to true on globalThis by the bin before it loads the program. */
export const CODE_CACHE_FLAG = Symbol.for('asl-lint.code-cache');

const MAGIC = 'asl-lint-v8-cache 3';
/** Caches kept in the folder (two per Node.js version and flags: the CLI and the validators). */
const MAX_ENTRIES = 16;
const SUFFIX = '.v8cache';

const require = createRequire(import.meta.url);

function codeCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((globalThis as Record<symbol, unknown>)[CODE_CACHE_FLAG] !== true) return false;
  const off = env.ASL_LINT_NO_CODE_CACHE;
  return off === undefined || off === '' || off === '0';
}

/** The per-user cache folder: $ASL_LINT_CACHE_DIR, $XDG_CACHE_HOME/asl-lint or ~/.cache/asl-lint. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ASL_LINT_CACHE_DIR) return resolve(env.ASL_LINT_CACHE_DIR);
  // The XDG base directory rules: a relative XDG_CACHE_HOME is ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'asl-lint');
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, '.cache', 'asl-lint') : undefined;
}

type CodeCacheStatus = 'used' | 'written' | 'refused' | 'off' | 'node';

function debug(filename: string, status: CodeCacheStatus | 'not written' | `unsafe folder: ${string}`): void {
  if (process.env.ASL_LINT_DEBUG_CODE_CACHE) process.stderr.write(`asl-lint code cache: ${filename}: ${status}\n`);
}

/** Why a folder or file must not be trusted with code, or undefined when it is the user's alone. */
function unsafe(st: Stats, kind: 'folder' | 'file'): string | undefined {
  if (kind === 'folder' ? !st.isDirectory() : !st.isFile()) return st.isSymbolicLink() ? 'a symbolic link' : `not a ${kind}`;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return 'owned by another user';
  if (process.platform !== 'win32' && (st.mode & 0o022) !== 0) return 'writable by group or others';
  return undefined;
}

/** The cache folder, created if needed, when it is safe to use; else undefined (and why, under debug). */
function privateFolder(filename: string, create: boolean): string | undefined {
  const dir = cacheFolder();
  if (!dir) return undefined;
  let st: Stats;
  try {
    st = lstatSync(dir);
  } catch {
    if (!create) return undefined;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      st = lstatSync(dir);
    } catch {
      return undefined;
    }
  }
  const why = unsafe(st, 'folder');
  if (why) {
    debug(filename, `unsafe folder: ${dir} is ${why}`);
    return undefined;
  }
  return dir;
}

let nodeCompileCache: boolean | undefined;

/** Node.js 22+: its own compile cache, in our folder; true when it is on. */
function enableNodeCompileCache(filename: string): boolean {
  if (nodeCompileCache !== undefined) return nodeCompileCache;
  const mod = require('node:module') as { enableCompileCache?: (dir?: string) => { status: number } };
  nodeCompileCache = false;
  if (typeof mod.enableCompileCache !== 'function') return false;
  const dir = privateFolder(filename, true);
  if (!dir) return (nodeCompileCache = true); // Node.js has one: never our own; without a safe folder, none
  try {
    mod.enableCompileCache(join(dir, 'node-compile-cache'));
  } catch {
    // An optimisation, never an error.
  }
  return (nodeCompileCache = true);
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Runs a CommonJS file as `require()` would (its own `require`, `module`, `exports`, `__filename`,
 * `__dirname`) and returns its exports, using and maintaining its compile cache when enabled.
 */
export function requireCached(filename: string): unknown {
  if (!codeCacheEnabled()) {
    debug(filename, 'off');
    return createRequire(filename)(filename);
  }
  if (enableNodeCompileCache(filename)) {
    debug(filename, 'node');
    return createRequire(filename)(filename);
  }
  const bytes = readFileSync(filename);
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  const key = sha256(`${MAGIC}\n${process.version}\n${process.arch}\n${flags}\n${sha256(bytes)}`);
  const dir = privateFolder(filename, false);
  const cacheFile = dir ? join(dir, `${key}${SUFFIX}`) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile, key) : undefined;
  const source = bytes.toString('utf8');
  // The wrapper keeps line numbers; a hashbang line would be a syntax error inside it.
  const body = source.startsWith('#!') ? `//${source}` : source;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, { filename, cachedData });
  if (cachedData && !script.cachedDataRejected) debug(filename, 'used');
  else {
    if (cachedData) debug(filename, 'refused');
    // After the run, the cache also holds the functions this run compiled lazily.
    process.once('exit', () => writeCache(filename, key, script));
  }
  const module = { exports: {} as unknown, filename, id: filename, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  module.loaded = true;
  return module.exports;
}

/** The payload of a cache made for exactly this key, the user's own, intact; else undefined. */
function readCache(cacheFile: string, key: string): Buffer | undefined {
  let bytes: Buffer;
  let fd: number;
  try {
    // Never through a link: the file itself must be the user's.
    fd = openSync(cacheFile, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (unsafe(st, 'file') || st.size > 64 * 1024 * 1024) return undefined;
    bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) return undefined;
      at += n;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const payload = bytes.subarray(newline + 1);
  return bytes.toString('latin1', 0, newline) === `${MAGIC} ${key} ${sha256(payload)}` ? payload : undefined;
}

function writeCache(filename: string, key: string, script: Script): void {
  const dir = privateFolder(filename, true);
  if (!dir) {
    debug(filename, 'not written');
    return;
  }
  // Another process may write the same cache at the same moment: write aside under a name no one
  // else uses (created exclusively, owner-only, so never through a planted link), then rename.
  const cacheFile = join(dir, `${key}${SUFFIX}`);
  const temp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const payload = script.createCachedData();
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      writeSync(fd, `${MAGIC} ${key} ${sha256(payload)}\n`, null, 'latin1');
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
    return;
  }
  prune(dir, cacheFile);
}

/** Keeps the newest MAX_ENTRIES caches; leftovers of crashed writers (an hour old) go too. */
function prune(dir: string, keep: string): void {
  try {
    const now = Date.now();
    const caches: { path: string; mtime: number }[] = [];
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(SUFFIX) && !name.endsWith('.tmp')) continue;
      const path = join(dir, name);
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      if (name.endsWith('.tmp')) {
        if (now - st.mtimeMs > 3_600_000) unlinkSync(path);
      } else if (path !== keep) caches.push({ path, mtime: st.mtimeMs });
    }
    caches.sort((a, b) => b.mtime - a.mtime);
    for (const old of caches.slice(MAX_ENTRIES - 1)) unlinkSync(old.path);
  } catch {
    // Another process pruning at the same moment: fine.
  }
}
