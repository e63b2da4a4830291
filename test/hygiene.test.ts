/**
 * The tests type-check: tsconfig.test.json (the project's compiler options over src/, rules/ and
 * test/) has no error, so a test cannot silently check something other than it says (an
 * expectation on a Promise, a helper returning the wrong shape).
 *
 * No dead exports: knip (knip.json: the package's entry points, the tests, scripts and benchmarks
 * as entries; src/ and rules/ as the project) reports every export and exported type that no
 * other file imports. Something only its own file uses is not exported; something nothing uses
 * is deleted. A public API name (exported from src/index.ts) counts as used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const KNIP = join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** `tsc -p <tsconfig> --listFiles` run in `cwd`: its error messages (first lines) and the files of its program. */
function typeCheck(tsconfig: string, cwd: string): { errors: string[]; files: string[] } {
  if (!existsSync(TSC)) throw new Error(`${TSC} is missing: run \`npm ci\` (typescript is a devDependency)`);
  const r = spawnSync(process.execPath, [TSC, '-p', tsconfig, '--listFiles', '--pretty', 'false'], { cwd, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 2) throw new Error(`tsc exited ${r.status}: ${r.stderr}${r.stdout}`);
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
  const errors = lines.filter((l) => / error TS\d+: /.test(l));
  if (r.status === 2 && errors.length === 0) throw new Error(`tsc exited 2 with no error line: ${r.stdout}`);
  return { errors, files: lines.filter((l) => l.startsWith('/') && !/ error TS\d+: /.test(l)) };
}

interface KnipIssue {
  file: string;
  [kind: string]: unknown;
}

/** `file: name (kind)` for every unused export knip finds in `cwd`. */
function unusedExports(cwd: string): string[] {
  if (!existsSync(KNIP)) throw new Error(`${KNIP} is missing: run \`npm ci\` (knip is a devDependency)`);
  const out = execFileSync(process.execPath, [KNIP, '--exports', '--no-config-hints', '--no-exit-code', '--reporter', 'json'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { issues } = JSON.parse(out) as { issues: KnipIssue[] };
  const found: string[] = [];
  for (const issue of issues) {
    for (const [kind, list] of Object.entries(issue)) {
      if (!Array.isArray(list)) continue;
      for (const item of list as { name: string }[]) found.push(`${issue.file}: ${item.name} (${kind})`);
    }
  }
  return found.sort();
}

describe('hygiene', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'asl-lint-knip-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('no file exports what no other file imports (knip --exports)', () => {
    expect(unusedExports(ROOT)).toEqual([]);
  }, 120_000);

  it('the check finds a dead export, a dead type and an export only its own file uses', () => {
    writeFileSync(join(fixture, 'package.json'), JSON.stringify({ name: 'fixture', private: true, type: 'module' }));
    writeFileSync(join(fixture, 'knip.json'), JSON.stringify({ entry: ['index.ts'], project: ['**/*.ts'] }));
    writeFileSync(join(fixture, 'index.ts'), "import { used } from './lib.js';\nconsole.log(used);\n");
    writeFileSync(
      join(fixture, 'lib.ts'),
      [
        'export const used = 1;',
        'export const dead = 2;',
        'export type Dead = { a: number };',
        'export function onlyHere(): number { return used; }',
        'const local = onlyHere();',
        'console.log(local);',
        '',
      ].join('\n'),
    );
    expect(unusedExports(fixture)).toEqual(['lib.ts: Dead (types)', 'lib.ts: dead (exports)', 'lib.ts: onlyHere (exports)']);
  }, 120_000);
});

describe('the tests type-check', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'asl-lint-tsc-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('tsc -p tsconfig.test.json: no error, and every test file is in the program', () => {
    const { errors, files } = typeCheck(join(ROOT, 'tsconfig.test.json'), ROOT);
    expect(errors).toEqual([]);
    const tests = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.split('/').includes('node_modules'))
      .map((f) => join(ROOT, 'test', f));
    expect(tests.length).toBeGreaterThan(50);
    expect(tests.filter((f) => !files.includes(f))).toEqual([]);
    // The .mjs helpers the tests import are typed by the declarations beside them.
    expect(files).toContain(join(ROOT, 'bench', 'generate.d.mts'));
  }, 120_000);

  it('the check fails on a type error, with its place (a scratch config extending tsconfig.test.json)', () => {
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.test.json'),
        // Outside the repository: its root and type packages named explicitly.
        compilerOptions: { rootDir: '/', typeRoots: [join(ROOT, 'node_modules', '@types')] },
        include: ['*.test.ts'],
      }),
    );
    writeFileSync(join(scratch, 'bad.test.ts'), `import { lint } from ${JSON.stringify(join(ROOT, 'src', 'index.js'))};\n\nexport const count: number = lint('{}');\n`);
    const { errors, files } = typeCheck(join(scratch, 'tsconfig.json'), scratch);
    expect(errors).toEqual(["bad.test.ts(3,14): error TS2322: Type 'LintResult' is not assignable to type 'number'."]);
    expect(files).toContain(join(scratch, 'bad.test.ts'));
  }, 120_000);
});
