/**
 * The V8 code cache (src/code-cache.ts) in real processes: it is written at exit, used by the next
 * start, never used for another version of the file, and never an error. And the built CLI really
 * starts from its cache (V8 accepts it, so the run does not rewrite it).
 */
import { execSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

/** Runs `requireCached(file)` in a fresh node process; prints what the module exports. */
function load(file: string, env: NodeJS.ProcessEnv = {}) {
  const script = `import { requireCached } from ${JSON.stringify(LOADER)}; console.log(JSON.stringify(requireCached(process.argv[1])));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], {
    encoding: 'utf8',
    env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', ...env },
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
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
    expect(first).toEqual({ status: 0, stdout: '{"base":"a.cjs","dir":true}', stderr: '' });
    const cache = `${file}.v8cache`;
    expect(existsSync(cache)).toBe(true);
    const head = readFileSync(cache).subarray(0, 200).toString('latin1').split('\n')[0];
    const { size, mtimeMs } = statSync(file);
    expect(head).toBe(`asl-lint-v8-cache 1 ${process.version} ${process.arch} ${size} ${mtimeMs}`);
    const written = statSync(cache).mtimeMs;
    const bytes = readFileSync(cache);

    const second = load(file);
    expect(second).toEqual(first);
    // Accepted by V8: not rewritten.
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(readFileSync(cache).equals(bytes)).toBe(true);
  });

  it('never runs a cache made from another version of the file, even one of the same length', () => {
    const file = module('b.cjs', "module.exports = 'AAAA';\n");
    expect(load(file).stdout).toBe('"AAAA"');
    // Same length (V8's own check compares only the length), another modification time.
    writeFileSync(file, "module.exports = 'BBBB';\n");
    const later = new Date(statSync(file).mtimeMs + 5_000);
    utimesSync(file, later, later);
    expect(load(file).stdout).toBe('"BBBB"');
    const head = readFileSync(`${file}.v8cache`).toString('latin1').split('\n')[0];
    expect(head.endsWith(` ${statSync(file).size} ${statSync(file).mtimeMs}`)).toBe(true);
    expect(load(file).stdout).toBe('"BBBB"');
  });

  it('a corrupt cache file is ignored and replaced', () => {
    const file = module('c.cjs', 'module.exports = 42;\n');
    const { size, mtimeMs } = statSync(file);
    writeFileSync(`${file}.v8cache`, `asl-lint-v8-cache 1 ${process.version} ${process.arch} ${size} ${mtimeMs}\nnot V8 data at all`);
    expect(load(file)).toEqual({ status: 0, stdout: '42', stderr: '' });
    expect(readFileSync(`${file}.v8cache`).length).toBeGreaterThan(100);
    expect(load(file)).toEqual({ status: 0, stdout: '42', stderr: '' });
  });

  it('a folder it cannot write to is not an error (a read-only install)', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to observe
    const ro = mkdtempSync(join(dir, 'ro-'));
    const file = join(ro, 'd.cjs');
    writeFileSync(file, 'module.exports = [1, 2];\n');
    chmodSync(ro, 0o555);
    expect(load(file)).toEqual({ status: 0, stdout: '[1,2]', stderr: '' });
    expect(existsSync(`${file}.v8cache`)).toBe(false);
    chmodSync(ro, 0o755);
  });

  it('ASL_LINT_NO_CODE_CACHE=1 loads the file with require() and writes nothing', () => {
    const file = module('e.cjs', 'module.exports = "plain";\n');
    expect(load(file, { ASL_LINT_NO_CODE_CACHE: '1' })).toEqual({ status: 0, stdout: '"plain"', stderr: '' });
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
  it('starts from the code caches the build wrote (V8 accepts them: a run does not rewrite them)', () => {
    const caches = [CLI_CACHE, join(ROOT, 'schemas', 'asl.validators.cjs.v8cache')];
    for (const c of caches) expect(existsSync(c)).toBe(true);
    const before = caches.map((c) => statSync(c).mtimeMs);
    const run = spawnSync(process.execPath, [BIN, '-'], {
      input: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}',
      encoding: 'utf8',
      env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '' },
    });
    expect(run.status).toBe(0);
    expect(caches.map((c) => statSync(c).mtimeMs)).toEqual(before);
  });
});
