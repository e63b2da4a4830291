/**
 * The package as users install it: `npm pack` of the built tree, installed from the tarball into a
 * scratch project, then used through require() and import, its types checked by tsc (CommonJS
 * and ES module consumers), its bin run. Also what the tarball ships (LICENSE, notices, rule docs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch: string;
let project: string;
let files: string[];

function sh(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'index.cjs')), 'run `npm run build` first (npm test does)').toBe(true);
  scratch = mkdtempSync(join(tmpdir(), 'asl-lint-pack-'));
  // --ignore-scripts: pack what `npm run build` made (prepack would build again).
  const [packed] = JSON.parse(sh(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT)) as { filename: string; files: { path: string }[] }[];
  files = packed.files.map((f) => f.path);
  project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  sh(NPM, ['install', '--ignore-scripts', '--prefer-offline', '--no-package-lock', join(scratch, packed.filename)], project);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the licence, the third-party notices and the rule reference', () => {
    for (const f of [
      'LICENSE',
      'THIRD_PARTY_NOTICES.md',
      'rules/README.md',
      'README.md',
      'dist/index.cjs',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/cjs/src/index.d.cts',
      'schemas/asl.validators.cjs',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(files.filter((f) => f.endsWith('.v8cache') || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('works through require()', () => {
    const out = sh(
      process.execPath,
      [
        '-e',
        `
      const a = require('asl-lint');
      const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}';
      console.log(JSON.stringify({
        validate: a.validate(text),
        lint: a.lint(text).diagnostics.map((d) => d.code),
        lintFile: a.lintFile(text, 'm.asl.json').map((r) => r.diagnostics.length),
        rules: a.allRules.length,
        listing: a.ruleListing(a.allRules).find((r) => r.id === 'no-dollar'),
      }));`,
      ],
      project,
    );
    const r = JSON.parse(out);
    expect(r.validate).toEqual({
      result: 'FAIL',
      diagnostics: [
        { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: "Missing 'Next' target: B", location: '/States/A/Next' },
        { severity: 'ERROR', code: 'MISSING_END_STATE', message: 'Workflow has no terminal state' },
      ],
      truncated: false,
    });
    expect(r.lint).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(r.lintFile).toEqual([2]);
    expect(r.rules).toBe(allRules.length);
    expect(r.listing).toMatchObject({
      id: 'no-dollar',
      code: 'NO_DOLLAR',
      severity: 'WARNING',
      fixable: 'suggestion',
      docs: `${pathToFileURL(join(project, 'node_modules', 'asl-lint', 'rules', 'README.md')).href}#no-dollar`,
    });
  });

  it('works through import', () => {
    const out = sh(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import { validate, lint, lintFile, allRules } from 'asl-lint';
      const yaml = 'StartAt: A\\nStates:\\n  A: {Type: Succeed}\\n';
      console.log(JSON.stringify([validate('{}').result, lint(yaml, { format: 'yaml' }).result, lintFile(yaml, 'm.asl.yaml')[0].diagnostics.length, allRules.length]));`,
      ],
      project,
    );
    expect(JSON.parse(out)).toEqual(['FAIL', 'OK', 0, allRules.length]);
  });

  it('has types for CommonJS and ES module consumers (tsc, node16, no skipLibCheck)', () => {
    const code = [
      "import { validate, lint, lintFile, allRules, ruleListing, type FileResult, type Formatter, type RuleListing, type ValidateResult, type Diagnostic } from 'asl-lint';",
      "const v: ValidateResult = validate('{}');",
      "const d: Diagnostic[] = lint('{}').diagnostics;",
      "const f: Formatter = { format: (rs: readonly FileResult[]) => `${rs.length}`, stream: () => ({ file: (r: FileResult) => r.filePath, end: () => '' }) };",
      'const l: RuleListing[] = ruleListing(allRules);',
      "export const n = [v.result, d.length, f.format([], {} as never), l.length, lintFile('{}', 'x.asl.json').length];",
    ].join('\n');
    writeFileSync(join(project, 'a.cts'), code);
    writeFileSync(join(project, 'b.mts'), code);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['a.cts', 'b.mts'] }),
    );
    sh(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
  });

  it('runs its bin (--version, --list-rules)', () => {
    const bin = join(project, 'node_modules', 'asl-lint', 'dist', 'asl-lint.cjs');
    expect(sh(process.execPath, [bin, '--version'], project)).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    const out = sh(process.execPath, [bin, '--list-rules'], project);
    expect(out.trimEnd().split('\n').pop()).toBe(
      `${allRules.length} rules. Each one's rationale, evidence and examples: ${pathToFileURL(join(project, 'node_modules', 'asl-lint', 'rules', 'README.md')).href}`,
    );
  });

  it('names every package bundled into the CLI in THIRD_PARTY_NOTICES.md', async () => {
    // The bundle's inputs, as scripts/bundle-cli.mjs builds it (esbuild's metafile).
    const { build } = await import('esbuild');
    const { bundledPackages } = (await import(pathToFileURL(join(ROOT, 'scripts', 'notices.mjs')).href)) as { bundledPackages: (m: unknown) => string[] };
    const r = await build({
      entryPoints: [join(ROOT, 'src', 'cli', 'bin.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      define: { 'import.meta.url': '__u' },
    });
    const bundled = bundledPackages(r.metafile);
    expect(bundled).toContain('tinyglobby');
    const notices = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    const headings = [...notices.matchAll(/^## (\S+) /gm)].map((m) => m[1]);
    expect(headings).toEqual([...bundled, 'ajv']);
  });
});
