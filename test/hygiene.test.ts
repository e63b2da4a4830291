/**
 * The tests type-check: tsconfig.test.json (the project's compiler options over src/, rules/ and
 * test/) has no error, so a test cannot silently check something other than it says (a value of
 * the wrong shape, a helper typed `any`).
 *
 * An expectation on a Promise type-checks but checks nothing: `expect(promise).toBeTruthy()` looks
 * at the Promise, an un-awaited `expect(p).rejects...` ends after the test, `expect(asyncFn).toThrow()`
 * never sees the rejection. The type checker finds them (over the same tsconfig.test.json program).
 *
 * No dead exports: knip (knip.json: the package's entry points, the tests, scripts and benchmarks
 * as entries; src/ and rules/ as the project) reports every export and exported type that no
 * other file imports. Something only its own file uses is not exported; something nothing uses
 * is deleted. A public API name (exported from src/index.ts) counts as used.
 *
 * One format: Prettier (.prettierrc.json) over the files `npm run format` writes; `npm run
 * format:check` finds none it would change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
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

/** `file:line: why` for every expectation on a Promise that checks nothing, in the program's files under `dir`; and how many expect() calls were looked at. */
function promiseExpectations(tsconfig: string, dir: string): { found: string[]; checked: number } {
  const host = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d: ts.Diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, host);
  if (!config) throw new Error(`${tsconfig} cannot be read`);
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const thenable = (t: ts.Type): boolean => (t.isUnion() ? t.types.some(thenable) : checker.getPropertyOfType(checker.getApparentType(t), 'then') !== undefined);
  const asyncFunction = (t: ts.Type): boolean => t.getCallSignatures().some((sig) => thenable(sig.getReturnType()));
  const isExpect = (n: ts.Node): n is ts.CallExpression => ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'expect' && n.arguments.length > 0;
  /** The member names after expect(...): ['not', 'toThrow'], ['rejects', 'toThrow']... */
  const chainOf = (call: ts.CallExpression): string[] => {
    const names: string[] = [];
    for (let n: ts.Node = call; ts.isPropertyAccessExpression(n.parent) || (ts.isCallExpression(n.parent) && n.parent.expression === n); n = n.parent) {
      if (ts.isPropertyAccessExpression(n.parent)) names.push(n.parent.name.text);
    }
    return names;
  };
  /** Whether the expression's value is awaited or returned (climbing the calls and members around it). */
  const awaited = (n: ts.Node): boolean => {
    for (let p = n.parent; p; p = p.parent) {
      if (ts.isAwaitExpression(p) || ts.isReturnStatement(p) || (ts.isArrowFunction(p) && !ts.isBlock(p.body))) return true;
      if (ts.isExpressionStatement(p) || ts.isBlock(p) || ts.isSourceFile(p)) return false;
    }
    return false;
  };
  const found: string[] = [];
  let checked = 0;
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || relative(dir, sf.fileName).startsWith('..')) continue;
    const visit = (n: ts.Node): void => {
      if (isExpect(n)) {
        checked++;
        const chain = chainOf(n);
        const type = checker.getTypeAtLocation(n.arguments[0]);
        const settles = chain[0] === 'resolves' || chain[0] === 'rejects';
        const matcher = chain.find((c) => c !== 'not' && c !== 'resolves' && c !== 'rejects') ?? '';
        let why = '';
        if (thenable(type) && !settles) why = 'expect() on a Promise';
        else if (settles && !awaited(n)) why = `.${chain[0]} not awaited`;
        else if (!settles && matcher.startsWith('toThrow') && asyncFunction(type)) why = `.${matcher} on an async function`;
        if (why) found.push(`${relative(dir, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${why}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { found: found.sort(), checked };
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

  it('no test switches the check off (a ts-ignore or ts-nocheck comment; an expected error is ts-expect-error, itself checked)', () => {
    const tests = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const off = tests.filter((f) => /\/\/\s*@ts-(ignore|nocheck)\b|\/\*\s*@ts-(ignore|nocheck)\b/.test(readFileSync(join(ROOT, 'test', f), 'utf8')));
    expect(off).toEqual([]);
  });

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

  it('no expectation on a Promise that checks nothing', () => {
    const { found, checked } = promiseExpectations(join(ROOT, 'tsconfig.test.json'), join(ROOT, 'test'));
    expect(found).toEqual([]);
    expect(checked).toBeGreaterThan(1500);
  }, 120_000);

  it('the Promise check finds each kind, and lets awaited and returned ones be', () => {
    const dir = join(scratch, 'promises');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(ROOT, 'tsconfig.test.json'), compilerOptions: { rootDir: '/', typeRoots: [join(ROOT, 'node_modules', '@types')] }, include: ['*.test.ts'] }),
    );
    const vitest = JSON.stringify(join(ROOT, 'node_modules', 'vitest', 'dist', 'index.js'));
    writeFileSync(
      join(dir, 'p.test.ts'),
      [
        `import { expect, it } from ${vitest};`,
        'const later = (): Promise<number> => Promise.resolve(1);',
        "it('bad', () => {",
        '  expect(later()).toBeTruthy();',
        '  expect(later()).resolves.toBe(1);',
        "  expect(async () => { throw new Error('x'); }).not.toThrow();",
        '  expect(later() as Promise<number> | undefined).toBeDefined();',
        '});',
        "it('good', async () => {",
        '  expect(await later()).toBe(1);',
        '  await expect(later()).resolves.toBe(1);',
        "  await expect(Promise.reject(new Error('x'))).rejects.toThrow('x');",
        '  expect(() => later()).not.toBeNull();',
        "  expect(() => { throw new Error('x'); }).toThrow('x');",
        '});',
        "it('returned', () => expect(later()).resolves.toBe(1));",
        '',
      ].join('\n'),
    );
    expect(promiseExpectations(join(dir, 'tsconfig.json'), dir)).toEqual({
      checked: 10,
      found: ['p.test.ts:4: expect() on a Promise', 'p.test.ts:5: .resolves not awaited', 'p.test.ts:6: .toThrow on an async function', 'p.test.ts:7: expect() on a Promise'],
    });
  }, 120_000);
});

describe('the code has one format (Prettier, .prettierrc.json)', () => {
  const PRETTIER = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const check = (cwd: string, patterns: string[]) => spawnSync(process.execPath, [PRETTIER, '--check', ...patterns], { cwd, encoding: 'utf8' });

  it('npm run format:check finds nothing to change', () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['format:check'];
    const patterns = [...script.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(2);
    expect(patterns.length).toBeGreaterThan(3);
    const r = check(ROOT, patterns);
    expect(r.stdout + r.stderr, 'run `npm run format`').not.toMatch(/\[warn\]/);
    expect(r.status).toBe(0);
  }, 120_000);

  it('the check fails on a file written another way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-prettier-'));
    try {
      writeFileSync(join(dir, '.prettierrc.json'), readFileSync(join(ROOT, '.prettierrc.json')));
      writeFileSync(join(dir, 'a.ts'), 'const a = {b: "c"}\n');
      const r = check(dir, ['a.ts']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('a.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
