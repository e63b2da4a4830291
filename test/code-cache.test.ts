/**
 * The compile cache (src/code-cache.ts) in real processes: kept in the user's own cache folder
 * (never beside the package), written at exit, used by the next start, never used for another
 * version of the file, never read from a folder or file someone else could have written, bounded
 * in number, and never an error. And the built CLI really starts from its cache.
 */
import { execSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../src/code-cache.js';

const ROOT = join(import.meta.dirname, '..');
const LOADER = join(ROOT, 'dist', 'src', 'code-cache.js');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);
const MAX_ENTRIES = 16;
const isRoot = process.getuid?.() === 0;

let dir: string;
let n = 0;

beforeAll(() => {
  if (!existsSync(LOADER) || !existsSync(BIN)) execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-code-cache-'));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh cache folder (not created yet) for one test. */
function cacheDir(): string {
  return join(dir, `cache-${n++}`);
}

/**
 * Runs `requireCached(file)` in a fresh node process, as the bin does (`enable`: it sets the flag
 * first) or as a library user would; prints what the module exports, and the cache's status.
 */
function load(file: string, cache: string, env: NodeJS.ProcessEnv = {}, { enable = true, nodeArgs = [] as string[], before = '' } = {}) {
  const script =
    before +
    `import { CODE_CACHE_FLAG, requireCached } from ${JSON.stringify(LOADER)};` +
    (enable ? 'globalThis[CODE_CACHE_FLAG] = true;' : '') +
    'console.log(JSON.stringify(requireCached(process.argv[2])));';
  // A script file, not `-e` with --input-type: node options are part of the cache's key.
  const runner = join(dir, `run-${createHash('sha256').update(script).digest('hex').slice(0, 12)}.mjs`);
  writeFileSync(runner, script);
  const run = spawnSync(process.execPath, [...nodeArgs, runner, file], {
    encoding: 'utf8',
    env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', NODE_OPTIONS: '', ASL_LINT_DEBUG_CODE_CACHE: '1', ASL_LINT_CACHE_DIR: cache, ...env },
  });
  const statuses = [...run.stderr.matchAll(/^asl-lint code cache: .*?: (.*)$/gm)].map((m) => m[1]);
  const stderr = run.stderr.replace(/^asl-lint code cache: .*\n/gm, '');
  return { status: run.status, stdout: run.stdout.trim(), stderr, cache: statuses.join('; ') };
}

function entries(cache: string): string[] {
  return existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith('.v8cache')) : [];
}

function module(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

describe('requireCached', () => {
  it('runs the file as CommonJS; the cache goes to the user folder (0700, files 0600), and the next start uses it unchanged', () => {
    const cache = cacheDir();
    const file = module('a.cjs', `const path = require('node:path');\nmodule.exports = { base: path.basename(__filename), dir: __dirname === ${JSON.stringify(dir)} };\n`);
    const first = load(file, cache);
    expect(first).toEqual({ status: 0, stdout: '{"base":"a.cjs","dir":true}', stderr: '', cache: 'written' });
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    const [name] = entries(cache);
    expect(entries(cache)).toHaveLength(1);
    // Named by a SHA-256 (of the file's bytes, Node.js version, architecture and flags), nothing beside the file.
    expect(name).toMatch(/^[0-9a-f]{64}\.v8cache$/);
    expect(readdirSync(dir).filter((f) => f.startsWith('a.cjs'))).toEqual(['a.cjs']);
    const cacheFile = join(cache, name);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(cacheFile);
    const payload = bytes.subarray(bytes.indexOf(10) + 1);
    expect(bytes.toString('latin1', 0, bytes.indexOf(10))).toBe(`asl-lint-v8-cache 3 ${name.slice(0, 64)} ${createHash('sha256').update(payload).digest('hex')}`);
    const written = statSync(cacheFile).mtimeMs;

    expect(load(file, cache)).toEqual({ ...first, cache: 'used' });
    // Accepted by V8: not rewritten.
    expect(statSync(cacheFile).mtimeMs).toBe(written);
    expect(readFileSync(cacheFile).equals(bytes)).toBe(true);
  });

  it('never runs a cache made from another version of the file: same length, same modification time', () => {
    const cache = cacheDir();
    const file = module('b.cjs', "module.exports = 'AAAA';\n");
    const then = new Date('1985-10-26T08:15:00Z'); // what npm gives every file it unpacks
    utimesSync(file, then, then);
    expect(load(file, cache)).toMatchObject({ stdout: '"AAAA"', cache: 'written' });
    writeFileSync(file, "module.exports = 'BBBB';\n");
    utimesSync(file, then, then);
    expect(load(file, cache)).toMatchObject({ stdout: '"BBBB"', cache: 'written' });
    expect(load(file, cache)).toMatchObject({ stdout: '"BBBB"', cache: 'used' });
  });

  it('a damaged cache is never given to V8 (it would abort the process): ignored and replaced', () => {
    const cache = cacheDir();
    const file = module('c.cjs', 'module.exports = [1, 2, 3].map((x) => x * 2);\n');
    expect(load(file, cache)).toMatchObject({ stdout: '[2,4,6]', cache: 'written' });
    const cacheFile = join(cache, entries(cache)[0]);
    const bytes = readFileSync(cacheFile);
    const start = bytes.indexOf(10) + 1;
    // Flip bytes inside the payload, keeping the header and the length.
    for (let i = start + 16; i < Math.min(bytes.length, start + 80); i++) bytes[i] ^= 0xff;
    writeFileSync(cacheFile, bytes);
    expect(load(file, cache)).toEqual({ status: 0, stdout: '[2,4,6]', stderr: '', cache: 'written' });
    const header = readFileSync(cacheFile).toString('latin1').split('\n')[0];
    writeFileSync(cacheFile, `${header}\nnot V8 data at all`);
    expect(load(file, cache)).toEqual({ status: 0, stdout: '[2,4,6]', stderr: '', cache: 'written' });
    expect(load(file, cache)).toMatchObject({ cache: 'used' });
  });

  it('a forged cache beside the file (where earlier versions kept it) is never read', () => {
    const cache = cacheDir();
    const honest = module('forged.cjs', 'module.exports = "honest";\n');
    const evil = module('evil.cjs', 'module.exports = "forged";\n');
    // V8 checks only the source's length: a cache of other code of the same length, in the old
    // place and format, with its CRCs recomputed, ran the other code before.
    expect(load(evil, cache)).toMatchObject({ cache: 'written' });
    const made = readFileSync(join(cache, entries(cache)[0]));
    const payload = made.subarray(made.indexOf(10) + 1);
    const source = readFileSync(honest);
    const header = `asl-lint-v8-cache 2 ${process.version} ${process.arch} ${source.length} ${crc32(source).toString(16)} ${crc32(payload).toString(16)}\n`;
    writeFileSync(`${honest}.v8cache`, Buffer.concat([Buffer.from(header, 'latin1'), payload]));
    expect(load(honest, cache)).toMatchObject({ stdout: '"honest"', cache: 'written' });
    expect(load(honest, cache)).toMatchObject({ stdout: '"honest"', cache: 'used' });
  });

  it.skipIf(!isRoot && process.platform !== 'linux')('a cache folder someone else could write is neither read nor written', () => {
    const file = module('shared.cjs', 'module.exports = "mine";\n');
    // Writable by group and others.
    const open = cacheDir();
    mkdirSync(open, { mode: 0o777 });
    chmodSync(open, 0o777);
    expect(load(file, open)).toEqual({
      status: 0,
      stdout: '"mine"',
      stderr: '',
      cache: `unsafe folder: ${open} is writable by group or others; unsafe folder: ${open} is writable by group or others; not written`,
    });
    expect(entries(open)).toEqual([]);
    // A symbolic link to a folder.
    const real = cacheDir();
    mkdirSync(real, { mode: 0o700 });
    const link = cacheDir();
    symlinkSync(real, link);
    expect(load(file, link)).toMatchObject({ stdout: '"mine"', cache: expect.stringContaining('is a symbolic link') });
    expect(entries(real)).toEqual([]);
    if (isRoot) {
      // Owned by another user (only root can make one to test with).
      const theirs = cacheDir();
      mkdirSync(theirs, { mode: 0o700 });
      chownSync(theirs, 4321, 4321);
      expect(load(file, theirs)).toMatchObject({ stdout: '"mine"', cache: expect.stringContaining('owned by another user') });
      expect(entries(theirs)).toEqual([]);
    }
  });

  it('a cache file that is a link, or writable by others, is not used even in the user folder', () => {
    const cache = cacheDir();
    const file = module('links.cjs', 'module.exports = "linked";\n');
    expect(load(file, cache)).toMatchObject({ cache: 'written' });
    const name = entries(cache)[0];
    const cacheFile = join(cache, name);
    chmodSync(cacheFile, 0o666);
    expect(load(file, cache)).toMatchObject({ stdout: '"linked"', cache: 'written' });
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600); // replaced by a private one
    const elsewhere = join(dir, `${name}.elsewhere`);
    writeFileSync(elsewhere, readFileSync(cacheFile), { mode: 0o600 });
    rmSync(cacheFile);
    symlinkSync(elsewhere, cacheFile);
    expect(load(file, cache)).toMatchObject({ stdout: '"linked"', cache: 'written' });
  });

  it('V8 flags get a cache of their own, and the folder keeps at most MAX_ENTRIES caches', () => {
    const cache = cacheDir();
    const file = module('g.cjs', 'module.exports = "flags";\n');
    expect(load(file, cache)).toMatchObject({ stdout: '"flags"', cache: 'written' });
    expect(load(file, cache, {}, { nodeArgs: ['--stack-size=2000'] })).toMatchObject({ stdout: '"flags"', cache: 'written' });
    expect(load(file, cache, {}, { nodeArgs: ['--stack-size=2000'] })).toMatchObject({ cache: 'used' });
    expect(load(file, cache)).toMatchObject({ cache: 'used' });
    expect(entries(cache)).toHaveLength(2);
    // Every NODE_OPTIONS value makes a cache; the folder does not grow past the bound.
    for (let i = 0; i < MAX_ENTRIES + 4; i++) expect(load(file, cache, { NODE_OPTIONS: `--max-old-space-size=${1000 + i}` })).toMatchObject({ cache: 'written' });
    expect(entries(cache)).toHaveLength(MAX_ENTRIES);
    // The newest stay.
    expect(load(file, cache, { NODE_OPTIONS: `--max-old-space-size=${1000 + MAX_ENTRIES + 3}` })).toMatchObject({ cache: 'used' });
  }, 60_000);

  it('off unless the bin turns it on: a library user gets plain require() and no file', () => {
    const cache = cacheDir();
    const file = module('h.cjs', 'module.exports = "library";\n');
    expect(load(file, cache, {}, { enable: false })).toEqual({ status: 0, stdout: '"library"', stderr: '', cache: 'off' });
    expect(existsSync(cache)).toBe(false);
  });

  it('a cache folder that cannot be made is not an error', () => {
    const blocker = module('not-a-folder', 'x');
    const file = module('d.cjs', 'module.exports = [1, 2];\n');
    expect(load(file, join(blocker, 'cache'))).toEqual({ status: 0, stdout: '[1,2]', stderr: '', cache: 'not written' });
  });

  it('ASL_LINT_NO_CODE_CACHE=1 loads the file with require() and writes nothing', () => {
    const cache = cacheDir();
    const file = module('e.cjs', 'module.exports = "plain";\n');
    expect(load(file, cache, { ASL_LINT_NO_CODE_CACHE: '1' })).toEqual({ status: 0, stdout: '"plain"', stderr: '', cache: 'off' });
    expect(existsSync(cache)).toBe(false);
  });

  it('a hashbang line is allowed, and line numbers in stack traces are kept', () => {
    const file = module('f.cjs', '#!/usr/bin/env node\nmodule.exports = new Error("x").stack.split("\\n")[1].trim();\n');
    const out = load(file, cacheDir());
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`${file}:2:`);
  });

  it('where Node.js has its own compile cache (22+), that is used, in the user folder, and no V8 cache of ours', () => {
    const cache = cacheDir();
    const file = module('i.cjs', 'module.exports = "node";\n');
    // Node.js 20 has no module.enableCompileCache: a stand-in records how it is called.
    const before = `import mod from 'node:module'; mod.enableCompileCache = (d) => { process.stderr.write('enableCompileCache ' + d + '\\n'); return { status: 1 }; };`;
    const out = load(file, cache, {}, { before });
    expect(out).toEqual({ status: 0, stdout: '"node"', stderr: `enableCompileCache ${join(cache, 'node-compile-cache')}\n`, cache: 'node' });
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(entries(cache)).toEqual([]);
  });

  it('the folder: $ASL_LINT_CACHE_DIR, else $XDG_CACHE_HOME/asl-lint (if absolute), else ~/.cache/asl-lint', async () => {
    const home = (await import('node:os')).homedir();
    expect(cacheFolder({ ASL_LINT_CACHE_DIR: '/x/own', XDG_CACHE_HOME: '/x/xdg' })).toBe('/x/own');
    expect(cacheFolder({ XDG_CACHE_HOME: '/x/xdg' })).toBe('/x/xdg/asl-lint');
    expect(cacheFolder({ XDG_CACHE_HOME: 'relative/xdg' })).toBe(join(home, '.cache', 'asl-lint'));
    expect(cacheFolder({})).toBe(join(home, '.cache', 'asl-lint'));
  });
});

describe('the built CLI', () => {
  it('starts from the code caches in the user folder, and runs in strict mode', () => {
    const cache = cacheDir();
    const cli = (() =>
      spawnSync(process.execPath, [BIN, '-'], {
        input: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}',
        encoding: 'utf8',
        env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', NODE_OPTIONS: '', ASL_LINT_DEBUG_CODE_CACHE: '1', ASL_LINT_CACHE_DIR: cache },
      })) as () => { status: number | null; stderr: string };
    const said = (status: string) => `asl-lint code cache: ${join(ROOT, 'dist', 'asl-lint-main.cjs')}: ${status}\nasl-lint code cache: ${join(ROOT, 'schemas', 'asl.validators.cjs')}: ${status}\n`;
    const first = cli();
    expect(first.status).toBe(0);
    // A cache is written at exit, after the run's own count line.
    expect(first.stderr).toBe('asl-lint: checked 1 file (1 state machine)\n' + said('written'));
    const files = entries(cache).map((f) => join(cache, f));
    expect(files).toHaveLength(2);
    const before = files.map((c) => statSync(c).mtimeMs);
    const second = cli();
    expect(second.status).toBe(0);
    expect(second.stderr).toBe(said('used') + 'asl-lint: checked 1 file (1 state machine)\n');
    expect(files.map((c) => statSync(c).mtimeMs)).toEqual(before);
    // Nothing beside the package.
    expect(readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.v8cache'))).toEqual([]);
    // The banner must not push esbuild's "use strict" out of the directive prologue.
    expect(
      readFileSync(join(ROOT, 'dist', 'asl-lint-main.cjs'), 'utf8')
        .split('\n')
        .slice(0, 3),
    ).toEqual(['#!/usr/bin/env node', "'use strict';", "const __aslImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"]);
  });

  it('the package ships the bundles but no code cache (a cache is made for one Node.js)', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/asl-lint.cjs', 'dist/asl-lint-main.cjs', 'schemas/asl.validators.cjs', 'schemas/asl.schema.json']));
    expect(files.filter((f) => f.endsWith('.v8cache') || f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
