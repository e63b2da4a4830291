/**
 * One way to lint a source file for both adapters (issue 11, item 5): optionsFromConfig() turns
 * the configuration and the adapter's own settings into lint options, lintSource() lints the file
 * (templates, substitutions, directives). The CLI (`asl-lint . -f json`, the real binary) and the
 * LSP (publishDiagnostics over stdio) list the same problems for the same project.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromConfig, readConfigFile } from '../src/config/config.js';
import { lintFile, lintSource } from '../src/lint-file.js';
import { lint } from '../src/api.js';
import { analyzeTextDocument } from '../src/lsp/analysis.js';
import { DEFAULT_MAX_LENGTH } from '../src/parse/index.js';
import { ensureBuilt, LspClient, messageText, ROOT } from './lsp-helpers.js';

const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);

function cli(args: string[], cwd: string) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project with a template of each kind, plain definitions, a configuration with substitutions, rule settings and an override. */
const PROJECT: Record<string, string> = {
  'asl-lint.config.json': JSON.stringify({
    rules: { 'state-unreachable': 'warn', 'no-dollar': 'error' },
    substitutions: { Fn: 'arn:aws:lambda:us-east-1:123456789012:function:f', Wait: 5 },
    overrides: [{ files: ['express/**'], type: 'EXPRESS' }],
  }),
  'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrderFlow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: First
        States:
          First:
            Type: Task
            Resource: !GetAtt Charge.Arn
            Parameters:
              id: $.id
            Next: Missing
          Orphan:
            Type: Pass
            End: true
          Bad:
            Type: Wait
            Seconds: -1
            End: true
  FromFile:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions:
        Timeout: 30
`,
  'statemachine/flow.asl.json': '{\n  "StartAt": "A",\n  "TimeoutSeconds": ${Timeout},\n  "States": {\n    "A": {"Type": "Pass", "Next": "Nowhere"}\n  }\n}\n',
  'cfn.template.json': JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, C: { Type: 'Succeed' } } } } } },
    },
    null,
    2,
  ),
  'serverless.yml': `service: orders
provider:
  name: aws
stepFunctions:
  stateMachines:
    checkout:
      definition:
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: arn:aws:lambda:us-east-1:123456789012:function:charge
            Next: Gone
          Extra:
            Type: Pass
            Result:
              id.$: $.id
            End: true
`,
  'main.tf': `resource "aws_sfn_state_machine" "inline" {
  name     = "inline"
  definition = <<EOF
{
  "StartAt": "Hello",
  "States": {
    "Hello": {"Type": "Task", "Resource": "\${aws_lambda_function.hello.arn}", "Next": "Bye"}
  }
}
EOF
}
`,
  'flow.asl.json': '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Task", "Resource": "${Fn}", "Next": "W"},\n    "W": {"Type": "Wait", "Seconds": ${Wait}, "Next": "Nope"}\n  }\n}\n',
  'flow.asl.yaml': 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters:\n      # asl-lint-disable-next-line NO_DOLLAR\n      x: $.x\n      y: $.y\n    Next: Later\n',
  'machine.json':
    '{\n  "StartAt": "Start",\n  "States": {\n    "Start": {"Type": "Pass", "Parameters": {"a": "$.a"}, "Next": "End"},\n    "End": {"Type": "Succeed"},\n    "Lost": {"Type": "Fail"}\n  }\n}\n',
  'express/flow.asl.json':
    '{\n  "StartAt": "Ask",\n  "States": {\n    "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": {"QueueUrl": "q", "MessageBody": {"t.$": "$$.Task.Token"}}, "End": true}\n  }\n}\n',
  // A template in a folder of its own naming a definition in another one (the editor finds the
  // template from the definition, and reads the definition as `asl-lint .` at the top allows).
  'infra/template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Order:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: ../definitions/order.asl.json
      DefinitionSubstitutions:
        T: 30
  Inline:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Pass
            Next: Z
`,
  'definitions/order.asl.json': '{\n  "StartAt": "A",\n  "TimeoutSeconds": ${T},\n  "States": {"A": {"Type": "Pass", "Next": "Z"}}\n}\n',
  'package.json': '{"name": "x", "version": "1.0.0"}\n',
};

function languageOf(rel: string): string {
  return rel.endsWith('.tf') ? 'terraform' : rel.endsWith('.json') ? 'json' : 'yaml';
}

interface Problem {
  code: string;
  rule: string;
  severity: string;
  message: string;
  at: [number, number, number, number];
}

let dir: string;
let client: LspClient;

function writeProject(root: string, files: Record<string, string>): void {
  // The project's root: the editor looks no further up for templates naming a definition.
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-source-'));
  writeProject(dir, PROJECT);
  client = new LspClient();
  await client.initialize();
});

afterAll(async () => {
  await client?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

/** `asl-lint . -f json` in the project, and what the editor publishes for each file it lists (opened as VS Code would). */
async function bothViews(root: string, files: Record<string, string>) {
  const r = cli(['.', '-f', 'json'], root);
  expect(r.code).toBe(1);
  const listed = JSON.parse(r.stdout) as {
    filePath: string;
    diagnostics: { code: string; rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  }[];
  const viaCli: Record<string, Problem[]> = Object.fromEntries(
    listed.map((f) => [f.filePath, f.diagnostics.map((d): Problem => ({ code: d.code, rule: d.rule, severity: d.severity, message: d.message, at: [d.line, d.column, d.endLine, d.endColumn] }))]),
  );
  const viaEditor: Record<string, Problem[]> = {};
  for (const rel of Object.keys(viaCli)) {
    const uri = pathToFileURL(join(root, rel)).href;
    await client.open(uri, files[rel], languageOf(rel));
    // None published: the editor does not take the file for a state machine (shown as such in the diff).
    const diagnostics = await client.current(uri).catch(() => undefined);
    viaEditor[rel] = (diagnostics ?? []).map((d) => ({
      code: String(d.code),
      rule: (d.data as { rule: string }).rule,
      severity: d.severity === 1 ? 'ERROR' : 'WARNING',
      message: messageText(d),
      at: [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
    }));
  }
  return { viaCli, viaEditor };
}

describe('the CLI and the editor list the same problems', () => {
  it('over a project: templates of each kind, plain definitions, a configuration with substitutions, rule settings and an override', async () => {
    const { viaCli, viaEditor } = await bothViews(dir, PROJECT);
    // Every kind of file is checked, each with problems (a test that compares empty lists proves nothing).
    expect(Object.keys(viaCli).sort()).toEqual([
      'cfn.template.json',
      'definitions/order.asl.json',
      'express/flow.asl.json',
      'flow.asl.json',
      'flow.asl.yaml',
      'infra/template.yaml',
      'machine.json',
      'main.tf',
      'serverless.yml',
      'statemachine/flow.asl.json',
      'template.yaml',
    ]);
    for (const problems of Object.values(viaCli)) expect(problems.length).toBeGreaterThan(0);
    expect(viaEditor).toEqual(viaCli);
    // The configuration made the differences: substitutions (no syntax error on `${Wait}`), rule
    // settings (no-dollar an error, state-unreachable a warning), the override's type, a directive.
    expect(viaCli['flow.asl.json'].map((p) => p.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(viaCli['machine.json'].map((p) => [p.rule, p.severity])).toEqual([
      ['no-dollar', 'ERROR'],
      ['state-unreachable', 'WARNING'],
    ]);
    expect(viaCli['express/flow.asl.json'].map((p) => p.rule)).toEqual(['express-integration']);
    expect(viaCli['flow.asl.yaml'].filter((p) => p.rule === 'no-dollar').map((p) => p.at[0])).toEqual([8]);
    expect(viaCli['template.yaml'].map((p) => p.rule)).toEqual(['no-dollar', 'transition-target', 'state-unreachable', 'state-unreachable', 'field-value']);
    // The template's substitutions applied (no syntax error on `${T}`), its reference read (no 'outside the project folder').
    expect(viaCli['definitions/order.asl.json'].map((p) => p.rule)).toEqual(['missing-end-state', 'transition-target']);
    expect(viaCli['infra/template.yaml'].map((p) => [p.rule, p.at[0]])).toEqual([
      ['missing-end-state', 14],
      ['transition-target', 17],
    ]);
  });

  it("without a configuration: a definition is linted through a template in a sibling folder, with the template's substitutions", async () => {
    const root = mkdtempSync(join(tmpdir(), 'asl-lint-source-sibling-'));
    const files = {
      'infra/template.yaml': PROJECT['infra/template.yaml'],
      'definitions/order.asl.json': PROJECT['definitions/order.asl.json'],
    };
    writeProject(root, files);
    try {
      const { viaCli, viaEditor } = await bothViews(root, files);
      expect(viaEditor).toEqual(viaCli);
      // On its own the definition is not JSON (`${T}` unquoted): the template made the difference.
      expect(viaCli['definitions/order.asl.json'].map((p) => p.rule)).toEqual(['missing-end-state', 'transition-target']);
      expect(lintFile(files['definitions/order.asl.json'], join(root, 'definitions/order.asl.json'))[0].diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a draft with StartAt or States alone is a state machine to both; a "States" that is no object is one to neither', async () => {
    const root = mkdtempSync(join(tmpdir(), 'asl-lint-source-drafts-'));
    const files = {
      'start-only.json': '{"StartAt": "A"}',
      'states-only.yaml': 'States:\n  A:\n    Type: Pass\n',
      'package.json': '{"name": "x", "States": 1}',
    };
    writeProject(root, files);
    try {
      const { viaCli, viaEditor } = await bothViews(root, files);
      expect(Object.keys(viaCli).sort()).toEqual(['start-only.json', 'states-only.yaml']);
      expect(viaEditor).toEqual(viaCli);
      expect(viaCli['start-only.json'].map((p) => p.message)).toEqual(['These fields are required: [States]']);
      const other = pathToFileURL(join(root, 'package.json')).href;
      await client.open(other, files['package.json'], 'json');
      await client.change(pathToFileURL(join(root, 'start-only.json')).href, [{ text: files['start-only.json'] + ' ' }]);
      await client.current(pathToFileURL(join(root, 'start-only.json')).href);
      expect(client.published(other).flatMap((p) => p.diagnostics)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('files the CLI does not check get no diagnostics in the editor', async () => {
    for (const rel of ['package.json', 'asl-lint.config.json']) {
      const uri = pathToFileURL(join(dir, rel)).href;
      await client.open(uri, PROJECT[rel], 'json');
    }
    // A document that is checked afterwards: its diagnostics arrive after the two above were handled.
    const marker = pathToFileURL(join(dir, 'machine.json')).href;
    await client.change(marker, [{ text: PROJECT['machine.json'] + ' ' }]);
    await client.current(marker);
    for (const rel of ['package.json', 'asl-lint.config.json']) expect(client.published(pathToFileURL(join(dir, rel)).href).flatMap((p) => p.diagnostics)).toEqual([]);
  });
});

describe('optionsFromConfig', () => {
  const write = (config: object) => {
    const d = mkdtempSync(join(tmpdir(), 'asl-lint-options-'));
    writeFileSync(join(d, 'asl-lint.config.json'), JSON.stringify(config));
    return { dir: d, loaded: readConfigFile(join(d, 'asl-lint.config.json'))! };
  };

  it("applies the configuration's rules, type, overrides and substitutions, with the adapter's settings on top", () => {
    const { dir: d, loaded } = write({
      type: 'STANDARD',
      rules: { 'no-dollar': 'off', 'state-unreachable': 'warn' },
      substitutions: { A: 'a', N: 5, B: true },
      overrides: [{ files: ['fast/**'], type: 'EXPRESS', rules: { 'no-dollar': 'error' } }],
      ignore: ['old/**'],
    });
    expect(optionsFromConfig(loaded, join(d, 'x.asl.json'))).toEqual({
      options: {
        type: 'STANDARD',
        rules: { 'no-dollar': 'off', 'state-unreachable': 'warn' },
        substitutions: new Map([
          ['A', 'a'],
          ['N', '5'],
          ['B', 'true'],
        ]),
      },
      ignored: false,
      configPath: join(d, 'asl-lint.config.json'),
    });
    expect(optionsFromConfig(loaded, join(d, 'fast', 'x.asl.json')).options).toMatchObject({ type: 'EXPRESS', rules: { 'no-dollar': 'error', 'state-unreachable': 'warn' } });
    expect(optionsFromConfig(loaded, join(d, 'old', 'x.asl.json')).ignored).toBe(true);
    const adapter = optionsFromConfig(loaded, join(d, 'fast', 'x.asl.json'), { rules: { 'no-dollar': 'warn' }, forceType: 'STANDARD', substitutions: [['A', 'flag']] });
    expect(adapter.options).toEqual({
      type: 'EXPRESS',
      forceType: 'STANDARD',
      rules: { 'no-dollar': 'warn', 'state-unreachable': 'warn' },
      substitutions: new Map([
        ['A', 'flag'],
        ['N', '5'],
        ['B', 'true'],
      ]),
    });
    // The editor's type setting wins over the configuration's, and stays a default (a template's own type wins over it).
    expect(optionsFromConfig(loaded, join(d, 'fast', 'x.asl.json'), { type: 'STANDARD' }).options).toMatchObject({ type: 'STANDARD' });
    expect(optionsFromConfig(loaded, join(d, 'fast', 'x.asl.json'), { type: 'STANDARD' }).options.forceType).toBeUndefined();
  });

  it('gives no substitutions when there are none (an empty map would accept unquoted placeholders)', () => {
    const { dir: d, loaded } = write({ substitutions: {} });
    expect(optionsFromConfig(loaded, join(d, 'x.asl.json')).options.substitutions).toBeUndefined();
    expect(optionsFromConfig({ config: {} }, join(d, 'x.asl.json'), { substitutions: [] }).options).toEqual({ type: undefined, rules: {}, substitutions: undefined });
  });
});

describe('lintSource', () => {
  const DEF = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "C": {"Type": "Succeed"}}}';

  it("gives a plain definition's analysis (the document and model its diagnostics come from); lintFile does not", () => {
    const [r] = lintSource(DEF, '/x/flow.asl.json');
    expect(r.analysis?.doc.text).toBe(DEF);
    expect(r.analysis?.model?.states.map((s) => s.name)).toEqual(['A', 'C']);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['transition-target', 'state-unreachable']);
    const [f] = lintFile(DEF, '/x/flow.asl.json');
    expect('analysis' in f).toBe(false);
    expect(f).toEqual({ ...r, analysis: undefined, diagnostics: f.diagnostics });
    expect(f.diagnostics).toEqual(r.diagnostics);
  });

  it("gives no analysis when substitutions moved the text (its positions are not the file's)", () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${W}, "Next": "B"}, "C": {"Type": "Succeed"}}}';
    const [r] = lintSource(text, '/x/flow.asl.json', { substitutions: new Map([['W', '5']]) });
    expect(r.analysis).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.rule, text.slice(d.offset, d.offset + d.length)])).toEqual([
      ['transition-target', '"B"'],
      ['state-unreachable', '"C"'],
    ]);
  });

  it("reads a plain definition in the given format (an editor's language mode), whatever its name", () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  C:\n    Type: Succeed\n';
    expect(lintSource(yaml, '/x/flow.json')[0].diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
    const [r] = lintSource(yaml, '/x/flow.json', { mode: 'asl', format: 'yaml' });
    expect(r.diagnostics.map((d) => [d.rule, d.range.start.line])).toEqual([
      ['transition-target', 4],
      ['state-unreachable', 5],
    ]);
    expect(r.analysis?.doc.format).toBe('yaml');
  });
});

describe('--print-config', () => {
  it('shows the substitutions of --substitutions-file too, as the files are linted with them', () => {
    const d = mkdtempSync(join(tmpdir(), 'asl-lint-print-'));
    writeFileSync(join(d, 'asl-lint.config.json'), JSON.stringify({ substitutions: { A: 'config', B: 'config' } }));
    writeFileSync(join(d, 'subs.json'), JSON.stringify({ B: 'file', C: 'file' }));
    const r = cli(['--print-config', 'x.asl.json', '--substitutions-file', 'subs.json', '--substitute', 'C=flag'], d);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).substitutions).toEqual({ A: 'config', B: 'file', C: 'flag' });
  });
});

describe('lintFile() and lintSource() options (issue 11 review)', () => {
  const TEXT = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
  const codes = (r: { diagnostics: { code: string }[] }[]) => r.map((f) => f.diagnostics.map((d) => d.code));

  it('maxLength: a definition over it is refused as lint() refuses it (a named file, a found one, one a template names)', () => {
    const viaLint = lint(TEXT, { maxLength: 10 }).diagnostics;
    expect(viaLint.map((d) => d.code)).toEqual(['DEFINITION_TOO_LARGE']);
    expect(lintFile(TEXT, 'x.asl.json', { maxLength: 10 })[0].diagnostics).toEqual(viaLint);
    expect(codes(lintFile(TEXT, 'x.json', { maxLength: 10, mode: 'discover' }))).toEqual([['DEFINITION_TOO_LARGE']]);
    const template = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.asl.json\n';
    // The template within the limit (it is read with it too), the file it names over it.
    const named = TEXT.replace('{', `{"Comment": "${'x'.repeat(200)}", `);
    expect(codes(lintFile(template, '/p/template.yaml', { maxLength: template.length, readFile: () => named, allowOutsideRoot: true }))).toEqual([[], ['DEFINITION_TOO_LARGE']]);
    // Under the limit, or without it: linted.
    expect(codes(lintFile(TEXT, 'x.asl.json', { maxLength: TEXT.length }))).toEqual([[]]);
  });

  const MACHINE = { StartAt: 'A', States: { A: { Type: 'Succeed' } } };
  const cfn = (extra: object = {}) => JSON.stringify({ ...extra, Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: MACHINE } } } });
  const sam =
    'Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Succeed\n';
  const terraform = (definition: string) => `resource "aws_sfn_state_machine" "m" {\n  name = "m"\n  definition = <<EOF\n${definition}\nEOF\n}\n`;
  const both = (text: string, file: string, options: Parameters<typeof lintFile>[2]) => {
    const viaFile = lintFile(text, file, options);
    // lintSource (the CLI's and the editor's way in) answers the same.
    expect(lintSource(text, file, options).map((r) => [r.kind, r.diagnostics])).toEqual(viaFile.map((r) => [r.kind, r.diagnostics]));
    return viaFile;
  };
  const problems = (r: ReturnType<typeof lintFile>) => r.map((f) => [f.kind, f.diagnostics.map((d) => [d.code, d.location, d.range.start.line, d.range.start.character])]);

  it('maxLength reaches templates: one over it is refused with the diagnostic a plain file gets (JSON and YAML)', () => {
    for (const [text, file] of [
      [cfn(), 'template.json'],
      [sam, 'template.yaml'],
    ]) {
      const r = both(text, file, { maxLength: 50 });
      expect(r.map((f) => f.diagnostics)).toEqual([lint(text, { maxLength: 50, format: file.endsWith('json') ? 'json' : 'yaml' }).diagnostics]);
      expect(codes(r)).toEqual([['DEFINITION_TOO_LARGE']]);
      // At the limit: the template and its definition are read.
      expect(problems(both(text, file, { maxLength: text.length }))).toEqual([['cloudformation', []]]);
    }
  });

  it('maxLength reaches each definition a template holds in a string (a Terraform heredoc: the .tf file is read by pattern)', () => {
    const def = JSON.stringify(MACHINE);
    const text = terraform(def);
    expect(problems(both(text, 'main.tf', { maxLength: def.length - 1 }))).toEqual([['terraform', [['DEFINITION_TOO_LARGE', 'm: /', 3, 0]]]]);
    expect(both(text, 'main.tf', { maxLength: def.length - 1 })[0].diagnostics[0].message).toBe(
      `The definition is ${def.length + 1} characters long and was not checked: asl-lint reads at most ${def.length - 1} characters of JSON (the maxLength option).`,
    );
    expect(problems(both(text, 'main.tf', { maxLength: def.length + 1 }))).toEqual([['terraform', []]]);
  });

  it('a larger maxLength lets a template over the default through; without it, the default limit holds for templates and their definitions', () => {
    // Padding outside the definition: the template is over the default 4 MiB of JSON, its definition is small.
    const padded = cfn({ Description: 'x'.repeat(DEFAULT_MAX_LENGTH.json) });
    expect(problems(both(padded, 'template.json', { maxLength: 2 * DEFAULT_MAX_LENGTH.json }))).toEqual([['cloudformation', []]]);
    expect(problems(both(padded, 'template.json', {}))).toEqual([['asl', [['DEFINITION_TOO_LARGE', undefined, 0, 0]]]]);
    // A heredoc over the default: refused unread by default (it was read whatever its size), read with a larger maxLength.
    const big = terraform(JSON.stringify({ ...MACHINE, Comment: 'x'.repeat(DEFAULT_MAX_LENGTH.json) }));
    const size = JSON.stringify({ ...MACHINE, Comment: '' }).length + DEFAULT_MAX_LENGTH.json + 1;
    const aws = `The definition is ${size.toLocaleString('en-US')} characters long; AWS accepts at most 1,048,576. Move large static data out of the definition (for example to S3 or a parameter) or split the workflow.`;
    expect(both(big, 'main.tf', {})[0].diagnostics.map((d) => d.message)).toEqual([`${aws} It was not checked further: asl-lint reads at most 4,194,304 characters of JSON (the maxLength option).`]);
    expect(both(big, 'main.tf', { maxLength: 2 * DEFAULT_MAX_LENGTH.json })[0].diagnostics.map((d) => d.message)).toEqual([aws]);
  });

  it('the CLI and the editor hold the default limit for a definition a template holds in a string (both through lintSource)', () => {
    const big = terraform(JSON.stringify({ ...MACHINE, Comment: 'x'.repeat(DEFAULT_MAX_LENGTH.json) }));
    const unread = / It was not checked further: asl-lint reads at most 4,194,304 characters of JSON \(the maxLength option\)\.$/;
    const d = mkdtempSync(join(tmpdir(), 'asl-lint-maxlength-'));
    try {
      writeFileSync(join(d, 'main.tf'), big);
      const r = cli(['--format', 'json', 'main.tf'], d);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] }[];
      expect(out.map((f) => f.diagnostics.map((x) => x.code))).toEqual([['DEFINITION_TOO_LARGE']]);
      expect(out[0].diagnostics[0].message).toMatch(unread);
      const a = analyzeTextDocument({ uri: pathToFileURL(join(d, 'main.tf')).href, languageId: 'terraform', version: 1, getText: () => big }, { rules: {} });
      expect(a?.template).toBe('terraform');
      expect(a?.lint.diagnostics.map((x) => [x.code, x.location])).toEqual([['DEFINITION_TOO_LARGE', 'm: /']]);
      expect(a?.lint.diagnostics[0].message).toMatch(unread);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('errors for bad arguments name the function called', () => {
    expect(() => lintFile(42 as unknown as string, 'x.asl.json')).toThrow(/^lintFile\(\): text must be a string/);
    expect(() => lintSource(42 as unknown as string, 'x.asl.json')).toThrow(/^lintSource\(\): text must be a string/);
    const subs = { A: '1' } as unknown as Map<string, string>;
    expect(() => lintFile(TEXT, 'x.asl.json', { substitutions: subs })).toThrow(/^lintFile\(\): substitutions must be a Map/);
    expect(() => lintSource(TEXT, 'x.asl.json', { substitutions: subs })).toThrow(/^lintSource\(\): substitutions must be a Map/);
  });
});
