/**
 * The V8 code cache (src/code-cache.ts) in real processes: it is written at exit, used by the next
 * start, never used for another version of the file, and never an error. And the built CLI really
 * starts from its cache (V8 accepts it, so the run does not rewrite it).
 */
import { execSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const LOADER = join(ROOT, 'dist', 'src', 'code-cache.js');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);
const CLI_CACHE = join(ROOT, 'dist', 'asl-lint-main.cjs.v8cache');

let dir: string;

beforeAll(() => {
  if (!existsSync(LOADER) || !existsSync(CLI_CACHE)) execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-code-cache-'));
}, 120_000);

afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `requireCached(file)` in a fresh node process, as the bin does (`enable`: it sets the flag
 * first) or as a library user would; prints what the module exports, and the cache's status.
 */
function load(file: string, env: NodeJS.ProcessEnv = {}, { enable = true, nodeArgs = [] as string[] } = {}) {
  const script =
    `import { CODE_CACHE_FLAG, requireCached } from ${JSON.stringify(LOADER)};` +
    (enable ? 'globalThis[CODE_CACHE_FLAG] = true;' : '') +
    'console.log(JSON.stringify(requireCached(process.argv[2])));';
  // A script file, not `-e` with --input-type: node options are part of the cache's name.
  const runner = join(dir, enable ? 'run-enabled.mjs' : 'run-library.mjs');
  writeFileSync(runner, script);
  const run = spawnSync(process.execPath, [...nodeArgs, runner, file], {
    encoding: 'utf8',
    env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', NODE_OPTIONS: '', ASL_LINT_DEBUG_CODE_CACHE: '1', ...env },
  });
  const status = /code cache: .*: (used|written|refused|off|not written)$/m.exec(run.stderr)?.[1];
  const stderr = run.stderr.replace(/^asl-lint code cache: .*\n/gm, '');
  return { status: run.status, stdout: run.stdout.trim(), stderr, cache: status };
}

function header(cacheFile: string): string {
  return readFileSync(cacheFile).toString('latin1').split('\n')[0];
}

function module(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

describe('requireCached', () => {
  it('runs the file as CommonJS, writes the cache at exit, and the next start uses it unchanged', () => {
    const file = module('a.cjs', `const path = require('node:path');\nmodule.exports = { base: path.basename(__filename), dir: __dirname === ${JSON.stringify(dir)} };\n`);
    const first = load(file);
    expect(first).toEqual({ status: 0, stdout: '{"base":"a.cjs","dir":true}', stderr: '', cache: 'written' });
    const cache = `${file}.v8cache`;
    expect(existsSync(cache)).toBe(true);
    const bytes = readFileSync(cache);
    const source = readFileSync(file);
    const payload = bytes.subarray(bytes.indexOf(10) + 1);
    expect(header(cache)).toBe(`asl-lint-v8-cache 2 ${process.version} ${process.arch} ${source.length} ${crc32(source).toString(16)} ${crc32(payload).toString(16)}`);
    const written = statSync(cache).mtimeMs;

    const second = load(file);
    expect(second).toEqual({ ...first, cache: 'used' });
    // Accepted by V8: not rewritten.
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(readFileSync(cache).equals(bytes)).toBe(true);
  });

  it('never runs a cache made from another version of the file: same length, same modification time', () => {
    const file = module('b.cjs', "module.exports = 'AAAA';\n");
    const then = new Date('1985-10-26T08:15:00Z'); // what npm gives every file it unpacks
    utimesSync(file, then, then);
    expect(load(file)).toMatchObject({ stdout: '"AAAA"', cache: 'written' });
    // V8's own check compares only the length: it would run the old bytecode.
    writeFileSync(file, "module.exports = 'BBBB';\n");
    utimesSync(file, then, then);
    expect(load(file)).toMatchObject({ stdout: '"BBBB"', cache: 'written' });
    expect(load(file)).toMatchObject({ stdout: '"BBBB"', cache: 'used' });
  });

  it('a damaged cache is never given to V8 (it would abort the process): ignored and replaced', () => {
    const file = module('c.cjs', 'module.exports = [1, 2, 3].map((x) => x * 2);\n');
    expect(load(file)).toMatchObject({ stdout: '[2,4,6]', cache: 'written' });
    const cache = `${file}.v8cache`;
    const bytes = readFileSync(cache);
    const start = bytes.indexOf(10) + 1;
    // Flip bytes inside the payload, keeping the header and the length.
    for (let i = start + 16; i < Math.min(bytes.length, start + 80); i++) bytes[i] ^= 0xff;
    writeFileSync(cache, bytes);
    expect(load(file)).toEqual({ status: 0, stdout: '[2,4,6]', stderr: '', cache: 'written' });
    writeFileSync(cache, `${header(cache)}\nnot V8 data at all`);
    expect(load(file)).toEqual({ status: 0, stdout: '[2,4,6]', stderr: '', cache: 'written' });
    expect(load(file)).toMatchObject({ cache: 'used' });
  });

  it('V8 flags get a cache of their own (a cache made under other flags is refused by V8)', () => {
    const file = module('g.cjs', 'module.exports = "flags";\n');
    expect(load(file)).toMatchObject({ stdout: '"flags"', cache: 'written' });
    const flagged = load(file, {}, { nodeArgs: ['--stack-size=2000'] });
    expect(flagged).toMatchObject({ stdout: '"flags"', cache: 'written' });
    expect(load(file, {}, { nodeArgs: ['--stack-size=2000'] })).toMatchObject({ cache: 'used' });
    expect(load(file)).toMatchObject({ cache: 'used' });
  });

  it('off unless the bin turns it on: a library user gets plain require() and no file', () => {
    const file = module('h.cjs', 'module.exports = "library";\n');
    expect(load(file, {}, { enable: false })).toEqual({ status: 0, stdout: '"library"', stderr: '', cache: 'off' });
    expect(existsSync(`${file}.v8cache`)).toBe(false);
  });

  it('a folder it cannot write to is not an error (a read-only install)', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to observe
    const ro = mkdtempSync(join(dir, 'ro-'));
    const file = join(ro, 'd.cjs');
    writeFileSync(file, 'module.exports = [1, 2];\n');
    chmodSync(ro, 0o555);
    expect(load(file)).toEqual({ status: 0, stdout: '[1,2]', stderr: '', cache: 'not written' });
    expect(existsSync(`${file}.v8cache`)).toBe(false);
    chmodSync(ro, 0o755);
  });

  it('ASL_LINT_NO_CODE_CACHE=1 loads the file with require() and writes nothing', () => {
    const file = module('e.cjs', 'module.exports = "plain";\n');
    expect(load(file, { ASL_LINT_NO_CODE_CACHE: '1' })).toEqual({ status: 0, stdout: '"plain"', stderr: '', cache: 'off' });
    expect(existsSync(`${file}.v8cache`)).toBe(false);
  });

  it('a hashbang line is allowed, and line numbers in stack traces are kept', () => {
    const file = module('f.cjs', '#!/usr/bin/env node\nmodule.exports = new Error("x").stack.split("\\n")[1].trim();\n');
    const out = load(file);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`${file}:2:`);
  });
});

describe('the built CLI', () => {
  it('starts from the code caches the build wrote, and runs in strict mode', () => {
    const caches = [CLI_CACHE, join(ROOT, 'schemas', 'asl.validators.cjs.v8cache')];
    for (const c of caches) expect(existsSync(c)).toBe(true);
    const before = caches.map((c) => statSync(c).mtimeMs);
    const run = spawnSync(process.execPath, [BIN, '-'], {
      input: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}',
      encoding: 'utf8',
      env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', NODE_OPTIONS: '', ASL_LINT_DEBUG_CODE_CACHE: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `asl-lint code cache: ${join(ROOT, 'dist', 'asl-lint-main.cjs')}: used\nasl-lint code cache: ${join(ROOT, 'schemas', 'asl.validators.cjs')}: used\nasl-lint: checked 1 file (1 state machine)\n`,
    );
    expect(caches.map((c) => statSync(c).mtimeMs)).toEqual(before);
    // The banner must not push esbuild's "use strict" out of the directive prologue.
    expect(readFileSync(join(ROOT, 'dist', 'asl-lint-main.cjs'), 'utf8').split('\n').slice(0, 3)).toEqual([
      '#!/usr/bin/env node',
      "'use strict';",
      "const __aslImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
    ]);
  });

  it('the package ships the bundles but no code cache (a cache is made for one Node.js)', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/asl-lint.cjs', 'dist/asl-lint-main.cjs', 'schemas/asl.validators.cjs', 'schemas/asl.schema.json']));
    expect(files.filter((f) => f.endsWith('.v8cache') || f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
