/**
 * The GitHub Action (action.yml): its inputs reach the shell only through environment variables,
 * so a hostile `paths` or `args` value is data, never code. The steps' scripts run here as the
 * runner would run them (bash, with the inputs in the environment).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, ensureBuilt } from './lsp-helpers.js';

interface Step {
  name: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } };
const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  if (!existsSync(join(ROOT, 'dist', 'asl-lint.cjs'))) throw new Error('npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-action-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a step's script in `cwd` with the inputs as the runner passes them (env), like GitHub's `shell: bash`. */
function runStep(s: Step, inputs: Record<string, string>, cwd: string) {
  const output = join(cwd, 'github-output');
  writeFileSync(output, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) {
    env[k] = v.replace(/\$\{\{\s*inputs\.(\w+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '').replace(/\$\{\{\s*steps\.lint\.outputs\.exit\s*\}\}/g, inputs.exit ?? '');
  }
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, NO_COLOR: '1', ...env },
  });
  return { ...r, output: readFileSync(output, 'utf8') };
}

describe('action.yml', () => {
  it('pastes no input or step output into a script', () => {
    const scripts = action.runs.steps.filter((s) => s.run);
    expect(scripts.length).toBe(4);
    for (const s of scripts) expect(s.run, s.name).not.toMatch(/\$\{\{/);
  });

  it('a hostile paths or args value is passed as words, never run', () => {
    const cwd = mkdtempSync(join(dir, 'hostile-'));
    mkdirSync(join(cwd, 'machines'));
    writeFileSync(join(cwd, 'machines', 'a.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
    const hostile = {
      paths: `machines/*.asl.json $(touch ${join(cwd, 'p1')}) \`touch ${join(cwd, 'p2')}\`; touch ${join(cwd, 'p3')}`,
      args: `--type STANDARD "; touch ${join(cwd, 'p4')}; echo "`,
    };
    const sarif = runStep(step('Lint (SARIF)'), hostile, cwd);
    const annotations = runStep(step('Lint (annotations)'), hostile, cwd);
    for (const p of ['p1', 'p2', 'p3', 'p4']) expect(existsSync(join(cwd, p)), p).toBe(false);
    // The words reached asl-lint as arguments: it refuses them (exit 2) instead of a shell running them.
    expect(sarif.output).toBe('exit=2\n');
    expect(sarif.stderr).toMatch(/^asl-lint: /);
    expect(annotations.status).toBe(0); // `|| true`: the annotations step never fails the job
  });

  it('globs reach asl-lint unexpanded, and the exit code is passed on', () => {
    const cwd = mkdtempSync(join(dir, 'glob-'));
    mkdirSync(join(cwd, 'machines'));
    writeFileSync(join(cwd, 'machines', 'a.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
    const sarif = runStep(step('Lint (SARIF)'), { paths: 'machines/*.asl.json', args: '--type EXPRESS' }, cwd);
    expect(sarif.output).toBe('exit=1\n');
    const log = JSON.parse(readFileSync(join(cwd, 'asl-lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(log.runs[0].results.map((r) => r.ruleId)).toEqual(['missing-end-state', 'transition-target']);
    const annotations = runStep(step('Lint (annotations)'), { paths: 'machines/*.asl.json', args: '' }, cwd);
    expect(annotations.stdout).toMatch(/^::error file=machines\/a\.asl\.json,line=1,/);
    expect(runStep(step('Fail on lint errors'), { exit: '1' }, cwd).status).toBe(1);
    expect(runStep(step('Fail on lint errors'), { exit: '0' }, cwd).status).toBe(0);
    // A lint step that did not run at all (no output) fails the job rather than passing it.
    expect(runStep(step('Fail on lint errors'), { exit: '' }, cwd).status).toBe(2);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; args?: string[] }[];

  it("ends every hook's arguments with --: the file names pre-commit appends are never options", () => {
    expect(hooks.map((h) => [h.id, h.args?.at(-1)])).toEqual([
      ['asl-lint', '--'],
      ['asl-lint-templates', '--'],
    ]);
  });

  it('a staged file named like an option is linted as a file (before: it became --output-file)', () => {
    const cwd = mkdtempSync(join(dir, 'pre-commit-'));
    const name = '--output-file=pwned.asl.json';
    writeFileSync(join(cwd, name), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
    // What pre-commit runs: entry, args, then the file names.
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'asl-lint.cjs'), ...(hooks[0].args ?? []), name], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(name);
    expect(existsSync(join(cwd, 'pwned.asl.json'))).toBe(false);
  });
});
