/**
 * The CLI with what definitions live in: templates, configuration, substitutions, --fix and the
 * machine formats, in process through main(io) (test/cli-support.ts).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-support.js';
import { CORPUS, CORPUS_NOTE, HAS_CORPUS } from './support.js';

const ROOT = join(import.meta.dirname, '..');
const UNPARSEABLE = join(CORPUS, 'real-world-unparseable');

/** In process, through main(io) (test/cli-support.ts). */
function run(args: string[], cwd = ROOT, input = '') {
  return cli(args, { cwd, input });
}

async function json(args: string[], cwd = ROOT) {
  const r = await run([...args, '-f', 'json'], cwd);
  return {
    ...r,
    files: JSON.parse(r.stdout || '[]') as { filePath: string; result: string; diagnostics: { code: string; location: string | null; line: number; column: number; severity: string }[] }[],
  };
}

describe('templates', () => {
  it('finds templates in a directory and lints each definition once, referenced files with their substitutions', async () => {
    const r = await json(['test/fixtures/templates']);
    expect(r.code).toBe(1);
    expect(r.files.map((f) => [f.filePath, f.result, f.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.location}`)])).toEqual([
      ['test/fixtures/templates/cdk.template.json', 'FAIL', ['10:38 MISSING_END_STATE Machine1A2B3C: /', '12:28 MISSING_TRANSITION_TARGET Machine1A2B3C: /States/Call/Next']],
      [
        'test/fixtures/templates/sam/template.yaml',
        'FAIL',
        [
          '17:15 NO_DOLLAR OrderFlow: /States/Process/Parameters',
          '18:19 MISSING_TRANSITION_TARGET OrderFlow: /States/Process/Next',
          '19:11 MISSING_TRANSITION_TARGET OrderFlow: /States/Notify',
          '32:7 LINT_NOT_CHECKABLE S3Flow: /',
          '45:15 MISSING_TRANSITION_TARGET StringFlow: /States/Orphan',
        ],
      ],
      ['test/fixtures/templates/sam/statemachine/flow.asl.json', 'FAIL', ['3:3 MISSING_END_STATE null', '4:92 MISSING_TRANSITION_TARGET /States/Work/Next']],
      ['test/fixtures/templates/serverless.yml', 'FAIL', ['17:11 MISSING_TRANSITION_TARGET checkout: /States/Extra', '20:15 PASS_RESULT_IS_STATIC checkout: /States/Extra/Result']],
      ['test/fixtures/templates/tf/main.tf', 'FAIL', ['8:3 MISSING_END_STATE inline: /', '9:87 MISSING_TRANSITION_TARGET inline: /States/Hello/Next', '22:16 LINT_NOT_CHECKABLE encoded: /']],
      ['test/fixtures/templates/tf/flow.asl.json', 'FAIL', ['5:5 MISSING_TRANSITION_TARGET /States/Lost']],
    ]);
  });

  it('skips found template.yaml files that hold no state machine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-cli-'));
    writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    writeFileSync(join(dir, 'a.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
    const r = await json(['.'], dir);
    expect(r.code).toBe(0);
    expect(r.files.map((f) => f.filePath)).toEqual(['a.asl.json']);
  });
});

describe('configuration', () => {
  const dir = 'test/fixtures/cli-config';

  it('applies the nearest config: rules off, ignore globs, type per glob', async () => {
    const r = await json(['.'], join(ROOT, dir));
    expect(r.files.map((f) => [f.filePath, f.diagnostics.map((d) => d.code)])).toEqual([
      ['express/sync.asl.json', ['SCHEMA_VALIDATION_FAILED']],
      ['warn.asl.json', []],
    ]);
    expect(r.code).toBe(1);
  });

  it('--no-config and --rule override it; --type on the command line wins', async () => {
    const r = await json(['--no-config', '--rule', 'NO_DOLLAR=error', 'warn.asl.json', 'express/sync.asl.json'], join(ROOT, dir));
    expect(r.files.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.severity} ${d.code}`)])).toEqual([
      ['warn.asl.json', ['ERROR NO_DOLLAR']],
      ['express/sync.asl.json', []],
    ]);
    expect((await json(['--type', 'STANDARD', 'express/sync.asl.json'], join(ROOT, dir))).code).toBe(0);
  });

  it('--print-config shows what applies to a file', async () => {
    const r = await run(['--print-config', 'express/x.asl.json'], join(ROOT, dir));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ configFile: join(ROOT, dir, 'asl-lint.config.json'), ignored: false, type: 'EXPRESS', rules: { 'no-dollar': 'off' }, substitutions: {} }); // by rule id (the file says NO_DOLLAR)
  });

  it('a broken config is exit 2 with one line naming the problem', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'asl-cfg-'));
    writeFileSync(join(tmp, '.asl-lint.json'), '{"rules": {"NO_DOLAR": "off"}}');
    writeFileSync(join(tmp, 'a.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
    const r = await run(['a.asl.json'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^asl-lint: .*\.asl-lint\.json: unknown rule 'NO_DOLAR'.*\n$/);
  });
});

describe('template-definition is a rule the configuration and --rule know (issue 11)', () => {
  const S3 = 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location:\n        Bucket: b\n        Key: k.json\n';
  const project = (config?: string) => {
    const tmp = mkdtempSync(join(tmpdir(), 'asl-tpl-'));
    writeFileSync(join(tmp, 'template.yaml'), S3);
    if (config) writeFileSync(join(tmp, '.asl-lint.json'), config);
    return tmp;
  };
  const rows = (r: Awaited<ReturnType<typeof json>>) => r.files.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.location}`)]);

  it('reports a definition it cannot check, by default', async () => {
    const r = await json(['template.yaml'], project());
    expect([r.code, rows(r)]).toEqual([0, [['template.yaml', ['5:7 WARNING LINT_NOT_CHECKABLE Flow: /']]]]);
  });

  it('"template-definition": "off" in the configuration turns it off (it was refused as an unknown rule)', async () => {
    const r = await json(['template.yaml'], project('{"rules": {"template-definition": "off"}}'));
    expect([r.code, r.stderr, rows(r)]).toEqual([0, 'asl-lint: checked 1 file (0 state machines)\n', [['template.yaml', []]]]);
  });

  it('--rule template-definition=off and --rule LINT_NOT_CHECKABLE=error', async () => {
    const dir = project();
    const off = await json(['--rule', 'template-definition=off', 'template.yaml'], dir);
    expect([off.code, off.stderr, rows(off)]).toEqual([0, 'asl-lint: checked 1 file (0 state machines)\n', [['template.yaml', []]]]);
    const error = await json(['--rule', 'LINT_NOT_CHECKABLE=error', 'template.yaml'], dir);
    expect([error.code, rows(error)]).toEqual([1, [['template.yaml', ['5:7 ERROR LINT_NOT_CHECKABLE Flow: /']]]]);
  });

  it('is in the SARIF rule list, and the result points at it', async () => {
    const log = JSON.parse((await run(['-f', 'sarif', 'template.yaml'], project())).stdout);
    const rules = log.runs[0].tool.driver.rules as { id: string; properties: { awsCode: string }; defaultConfiguration: { level: string } }[];
    const i = rules.findIndex((r) => r.id === 'template-definition');
    expect([rules[i].properties.awsCode, rules[i].defaultConfiguration.level]).toEqual(['LINT_NOT_CHECKABLE', 'warning']);
    expect(rules.some((r) => r.id === 'unused-disable-directive')).toBe(true);
    expect(log.runs[0].results.map((r: { ruleId: string; ruleIndex: number }) => [r.ruleId, r.ruleIndex])).toEqual([['template-definition', i]]);
  });
});

describe('substitutions', () => {
  const files = (HAS_CORPUS ? readdirSync(UNPARSEABLE, { recursive: true, withFileTypes: false }) : [])
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => /:\s*\$\{[^}]+\}/.test(readFileSync(join(UNPARSEABLE, f), 'utf8')));

  it.skipIf(!HAS_CORPUS)(`there are published definitions with unquoted placeholders${CORPUS_NOTE}`, async () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s lints with no error once its unquoted placeholders have values', async (f) => {
    const text = readFileSync(join(UNPARSEABLE, f), 'utf8');
    expect((await run([join(UNPARSEABLE, f)])).stdout).toContain('INVALID_JSON_DESCRIPTION');
    // Distinct increasing values, so pairs such as heartbeat < timeout hold.
    const names = [...new Set([...text.matchAll(/:\s*\$\{([^}]+)\}/g)].map((m) => m[1]))].sort();
    const args = names.flatMap((n, i) => ['-s', `${n}=${i + 1}`]);
    const r = await json([...args, '--severity', 'ERROR', join(UNPARSEABLE, f)]);
    expect(r.files[0].diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('--substitutions-file fills placeholders from a JSON object', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'asl-subs-'));
    writeFileSync(join(tmp, 'subs.json'), '{"Next": "B", "T": 30}');
    writeFileSync(join(tmp, 'a.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${T}, "Next": "${Next}"}, "B": {"Type": "Succeed"}}}');
    expect(await run(['--substitutions-file', 'subs.json', 'a.asl.json'], tmp)).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('--fix', () => {
  const original = '{\n  "StartAt": "Frist",\n  "States": {\n    "First":  {"Type": "Pass", "Parameters": {"id": "$.id"}, "Next": "Secnod"},\n    "Second": {"Type": "Succeed"}\n  }\n}\n';

  it('--fix-dry-run prints a unified diff and changes nothing', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'asl-fix-'));
    writeFileSync(join(tmp, 'a.asl.json'), original);
    const r = await run(['--fix-dry-run', '--fix-type', 'fix,suggestion', 'a.asl.json'], tmp);
    expect(r.stderr).toBe('asl-lint: checked 1 file (1 state machine)\nwould fix 3 problems in 1 file\n');
    expect(r.stdout).toContain('--- a/a.asl.json\n+++ b/a.asl.json\n');
    expect(r.stdout).toContain('-  "StartAt": "Frist",\n+  "StartAt": "First",');
    expect(readFileSync(join(tmp, 'a.asl.json'), 'utf8')).toBe(original);
  });

  it('--fix rewrites only the fixed bytes, reports what is left, and is idempotent', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'asl-fix-'));
    const file = join(tmp, 'a.asl.json');
    writeFileSync(file, original);
    const r = await json(['--fix', '--fix-type', 'suggestion', 'a.asl.json'], tmp);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(original.replace('"Frist"', '"First"').replace('"Secnod"', '"Second"').replace('"id":', '"id.$":'));
    expect(r.code).toBe(0);
    expect(r.files[0].diagnostics).toEqual([]);
    expect(r.stderr).toBe('asl-lint: checked 1 file (1 state machine)\nfixed 3 problems in 1 file\n');
    expect((await run(['--fix', '--fix-type', 'suggestion', 'a.asl.json'], tmp)).stderr).toBe('asl-lint: checked 1 file (1 state machine)\nfixed 0 problems in 0 files\n');
    expect(readFileSync(file, 'utf8')).toBe(fixed);
    expect(readdirSync(tmp)).toEqual(['a.asl.json']);
  });

  it('refuses --fix on standard input', async () => {
    const r = await run(['--fix', '-'], ROOT, '{}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fix-dry-run/);
  });
});

describe('machine formats, through main(io)', () => {
  const file = 'test/fixtures/templates/sam/template.yaml';

  it('sarif is SARIF 2.1.0 with template positions', async () => {
    const r = await run(['-f', 'sarif', file]);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/templates/sam/template.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 19, endLine: 18, endColumn: 26 },
    });
  });

  it('github prints annotations; junit prints XML; --output-file writes the report', async () => {
    expect((await run(['-f', 'github', file])).stdout.split('\n')[1]).toBe(
      "::error file=test/fixtures/templates/sam/template.yaml,line=18,col=19,endLine=18,endColumn=26,title=MISSING_TRANSITION_TARGET (transition-target)::Missing 'Next' target: Notifyy (did you mean 'Notify'?) [OrderFlow: /States/Process/Next]",
    );
    const tmp = mkdtempSync(join(tmpdir(), 'asl-out-'));
    const r = await run(['-f', 'junit', '-o', join(tmp, 'r.xml'), file]);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(tmp, 'r.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="asl-lint" tests="7" failures="7" errors="0">/);
  });
});

describe('directives', () => {
  it('--report-unused-disable-directives reports a directive that silences nothing', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'asl-dir-'));
    writeFileSync(join(tmp, 'a.asl.json'), '{"Comment": "asl-lint-disable NO_PATH", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
    expect((await run(['a.asl.json'], tmp)).code).toBe(0);
    const r = await json(['--report-unused-disable-directives', 'a.asl.json'], tmp);
    expect(r.files[0].diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.location}`)).toEqual(['1:13 LINT_UNUSED_DIRECTIVE /Comment']);
  });
});
