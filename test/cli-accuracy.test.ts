/** Issue 10's CLI additions, in process through main(io): --list-rules and YAML on standard input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-support.js';
import { allRules } from '../src/index.js';
import { stdinLooksLikeYaml } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');

/** In process, through main(io) (test/cli-support.ts). */
function run(args: string[], input = '') {
  return cli(args, { input, env: { NO_COLOR: '1' } });
}

describe('--list-rules', () => {
  it('prints one line per rule: id, AWS code, severity, fixable, description; then where the docs are', async () => {
    const r = await run(['--list-rules']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(allRules.length + 2);
    expect(lines[lines.length - 1]).toBe(`${allRules.length} rules. Each one's rationale, evidence and examples: ${pathToFileURL(join(ROOT, 'rules', 'README.md')).href}`);
    const row = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.split(/\s{2,}/);
    expect(row('no-dollar')).toEqual(['no-dollar', 'NO_DOLLAR', 'WARNING', 'suggestion', allRules.find((x) => x.meta.id === 'no-dollar')!.meta.description]);
    expect(row('template-key-collision').slice(0, 4)).toEqual(['template-key-collision', 'SCHEMA_VALIDATION_FAILED', 'ERROR', '-']);
    // The metadata-only rules (issue 11): reported by the engine and by lintFile(), listed like the others.
    expect(lines.slice(-5, -2).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['unused-disable-directive', 'LINT_UNUSED_DIRECTIVE', 'off', '-'], // default off: turned on by a setting or --report-unused-disable-directives
      ['invalid-disable-directive', 'LINT_INVALID_DIRECTIVE', 'ERROR', '-'],
      ['template-definition', 'LINT_NOT_CHECKABLE', 'WARNING', '-'],
    ]);
  });

  it('prints JSON with --format json', async () => {
    const r = await run(['--list-rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; code: string; severity: string; fixable: string | false; description: string; docs: string }[];
    expect(list.map((x) => x.id)).toEqual(allRules.map((x) => x.meta.id));
    expect(list.find((x) => x.id === 'task-resource')).toEqual({
      id: 'task-resource',
      code: 'INVALID_RESOURCE',
      severity: 'ERROR',
      fixable: false,
      description: allRules.find((x) => x.meta.id === 'task-resource')!.meta.description,
      docs: `${pathToFileURL(join(ROOT, 'rules', 'README.md')).href}#task-resource`,
    });
  });

  it('other formats and files are usage errors', async () => {
    expect(await run(['--list-rules', '-f', 'sarif'])).toEqual({ code: 2, stdout: '', stderr: "asl-lint: --list-rules prints text, or JSON with --format json (not 'sarif')\n" });
    expect(await run(['--list-rules', 'x.asl.json'])).toEqual({ code: 2, stdout: '', stderr: 'asl-lint: --list-rules lists the rules and lints nothing: give no files\n' });
  });
});

describe('YAML on standard input without --stdin-filename', () => {
  const yaml = '# a machine\n---\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nope\n';

  it('is linted as YAML (not reported as invalid JSON)', async () => {
    const r = await run(['-f', 'json', '-'], yaml);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout) as { filePath: string; diagnostics: { line: number; column: number; code: string }[] }[];
    expect(file.filePath).toBe('<stdin>');
    expect(file.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:1 MISSING_END_STATE', '7:11 MISSING_TRANSITION_TARGET']);
  });

  it.each([
    ['StartAt: A', true],
    ['"StartAt": A', true],
    ['\n# c\n---\nComment: x', true],
    ['{"StartAt": "A"}', false],
    ['  {', false],
    ['not a definition', false],
    ['', false],
    ['arn:aws:x', false],
  ])('%j looks like YAML: %s', (text, yes) => {
    expect(stdinLooksLikeYaml(text)).toBe(yes);
  });
});

describe('an unquoted ${placeholder}', () => {
  const definition = '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${Delay}, "End": true}}}';

  it('alone: says it is a deploy-time placeholder and how to lint it; -s fills it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-ph-'));
    try {
      writeFileSync(join(dir, 'wait.asl.json'), definition);
      const r = await cli(['-f', 'json', 'wait.asl.json'], { cwd: dir });
      const [file] = JSON.parse(r.stdout) as { diagnostics: { line: number; column: number; endColumn: number; code: string; message: string }[] }[];
      expect(file.diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn, d.message])).toEqual([
        [
          'INVALID_JSON_DESCRIPTION',
          1,
          62,
          70,
          'Invalid JSON: Unexpected character (line 1, column 62). \'${Delay}\' is a deploy-time placeholder outside quotes: the text is JSON only once it is substituted. Lint it with a value: asl-lint -s Delay=VALUE (or --substitutions-file FILE with {"Delay": VALUE}).',
        ],
      ]);
      expect((await cli(['-s', 'Delay=5', 'wait.asl.json'], { cwd: dir })).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reached through a template: the template supplies its value (DefinitionSubstitutions)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-ph-'));
    try {
      writeFileSync(join(dir, 'wait.asl.json'), definition);
      writeFileSync(
        join(dir, 'template.yaml'),
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: wait.asl.json\n      DefinitionSubstitutions:\n        Delay: 5\n',
      );
      expect(await cli(['template.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: 'asl-lint: checked 2 files (1 state machine)\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
