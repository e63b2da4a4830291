/** Definitions inside templates: positions in the template file, locations prefixed by the resource. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, type FileLintResult } from '../src/lint-file.js';

const DIR = join(import.meta.dirname, 'fixtures', 'templates');

function run(rel: string, opts = {}): FileLintResult[] {
  const p = join(DIR, rel);
  return lintFile(readFileSync(p, 'utf8'), p, opts);
}

/** `line:col SEVERITY CODE location` rows, plus the text each range covers. */
function rows(r: FileLintResult): string[] {
  const text = readFileSync(r.filePath, 'utf8');
  return r.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.location} <${text.slice(d.offset, d.offset + d.length)}>`);
}

describe('CloudFormation / SAM (YAML with short-form tags)', () => {
  const results = run('sam/template.yaml');

  it('lints Definition objects, DefinitionString (!Sub with variables) and DefinitionUri files', () => {
    expect(results.map((r) => [r.filePath.slice(DIR.length + 1), r.kind, r.result, r.definitions])).toEqual([
      ['sam/template.yaml', 'cloudformation', 'FAIL', 2],
      ['sam/statemachine/flow.asl.json', 'asl', 'FAIL', 1],
    ]);
  });

  it('maps every diagnostic to the template line and column, prefixed by the logical id', () => {
    expect(rows(results[0])).toEqual([
      '17:15 WARNING NO_DOLLAR OrderFlow: /States/Process/Parameters <orderId>',
      '18:19 ERROR MISSING_TRANSITION_TARGET OrderFlow: /States/Process/Next <Notifyy>',
      '19:11 ERROR MISSING_TRANSITION_TARGET OrderFlow: /States/Notify <Notify>',
      '32:7 WARNING LINT_NOT_CHECKABLE S3Flow: / <DefinitionS3Location>',
      '45:15 ERROR MISSING_TRANSITION_TARGET StringFlow: /States/Orphan <"Orphan">',
    ]);
  });

  it('treats !GetAtt values and unknown substitutions as placeholders, and fills known ones', () => {
    // Resource: !GetAtt ... and ${ProcessArn} give no error; "Seconds": ${Delay} is filled with 10.
    expect(results[0].diagnostics.filter((d) => /Resource|Seconds/.test(d.message))).toEqual([]);
  });

  it('lints a DefinitionUri file with the DefinitionSubstitutions, unquoted placeholders included', () => {
    expect(rows(results[1])).toEqual(['3:3 ERROR MISSING_END_STATE undefined <"States">', '4:92 ERROR MISSING_TRANSITION_TARGET /States/Work/Next <"Missing">']);
  });

  it('offers fixes in template coordinates for object definitions', () => {
    const d = results[0].diagnostics.find((x) => x.code === 'MISSING_TRANSITION_TARGET' && x.location?.endsWith('/Next'))!;
    // The YAML plain scalar stays plain.
    expect(d.fixes?.[0].edits).toEqual([{ offset: d.offset, length: 7, newText: 'Notify' }]);
  });
});

describe('a definition string whose error falls in an intrinsic at the end of the file', () => {
  it('keeps the range inside the file (found by fuzzing)', () => {
    // The joined text "{}${...}" fails in the !GetAtt piece, which has no text: it maps to where the tag is.
    const text = 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Join\n        - ""\n        - - "{}"\n          - !GetAtt';
    const [r] = lintFile(text, '/x/template.yml');
    expect(r.diagnostics.map((d) => [d.code, d.offset, d.length])).toEqual([['INVALID_JSON_DESCRIPTION', text.length, 0]]);
  });
});

describe('CDK synthesised template (DefinitionString built with Fn::Join)', () => {
  it('lints the joined string with the GetAtt piece as a placeholder', () => {
    const [r] = run('cdk.template.json');
    expect(r.kind).toBe('cloudformation');
    expect(rows(r)).toEqual(['10:38 ERROR MISSING_END_STATE Machine1A2B3C: / <\\"States\\">', '12:28 ERROR MISSING_TRANSITION_TARGET Machine1A2B3C: /States/Call/Next <\\"Nope\\">']);
  });
});

describe('Serverless Framework', () => {
  it('lints stepFunctions.stateMachines.*.definition', () => {
    const [r] = run('serverless.yml');
    expect(r.kind).toBe('serverless');
    expect(rows(r)).toEqual(['17:11 ERROR MISSING_TRANSITION_TARGET checkout: /States/Extra <Extra>', '20:15 WARNING PASS_RESULT_IS_STATIC checkout: /States/Extra/Result <id.$>']);
  });
});

describe('Terraform', () => {
  const results = run('tf/main.tf');

  it('lints heredoc definitions and templatefile() references, and says what it cannot read', () => {
    expect(results.map((r) => [r.filePath.slice(DIR.length + 1), r.kind, r.result])).toEqual([
      ['tf/main.tf', 'terraform', 'FAIL'],
      ['tf/flow.asl.json', 'asl', 'FAIL'],
    ]);
    expect(rows(results[0])).toEqual([
      '8:3 ERROR MISSING_END_STATE inline: / <"States">',
      '9:87 ERROR MISSING_TRANSITION_TARGET inline: /States/Hello/Next <"Bye">',
      '22:16 WARNING LINT_NOT_CHECKABLE encoded: / <jsonencode({ StartAt = "A" })>',
    ]);
    expect(rows(results[1])).toEqual(['5:5 ERROR MISSING_TRANSITION_TARGET /States/Lost <"Lost">']);
  });

  it('keeps the range of an unreadable definition inside a file that ends on its line (found by fuzzing)', () => {
    const text = 'resource "aws_sfn_state_machine" "m" {\n  definition = var.def';
    const [r] = lintFile(text, '/x/main.tf');
    expect(r.diagnostics.map((d) => [d.code, d.offset, d.length, text.slice(d.offset, d.offset + d.length)])).toEqual([['LINT_NOT_CHECKABLE', 54, 7, 'var.def']]);
  });
});

describe('plain definitions with substitutions', () => {
  it('fills known values and accepts unknown unquoted placeholders only when substitution is on', () => {
    const text = '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${Delay}, "Next": "${Next}"}, "X": {"Type": "Succeed"}}}';
    expect(lintFile(text, 'a.asl.json')[0].diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
    const [r] = lintFile(text, 'a.asl.json', { substitutions: new Map([['Next', 'X']]) });
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps positions of the original text after substitution', () => {
    const text = '{"StartAt": "${Start}", "States": {"A": {"Type": "Pass", "Next": "Nope"}, "B": {"Type": "Succeed"}}}';
    const [r] = lintFile(text, 'a.asl.json', { substitutions: new Map([['Start', 'A']]) });
    const d = r.diagnostics.find((x) => x.location === '/States/A/Next')!;
    expect(text.slice(d.offset, d.offset + d.length)).toBe('"Nope"');
  });

  it('is not fooled by a plain definition that mentions a template type', () => {
    const text = '{"Comment": "deployed as AWS::StepFunctions::StateMachine", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
    expect(lintFile(text, 'x.asl.json')).toMatchObject([{ kind: 'asl', result: 'OK', diagnostics: [] }]);
  });
});

describe('a DefinitionString written as a multi-line double-quoted YAML string (issue 10)', () => {
  it('is read as PyYAML reads it (continuation lines at any indentation, folded), and linted', () => {
    // The shape of a published AWS solution template: the yaml package refused it ("Missing
    // closing quote") and the whole template was linted as one broken definition.
    const text = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Machine:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      RoleArn: arn:aws:iam::123456789012:role/x',
      '      DefinitionString: !Sub "{\\"StartAt\\": \\"A\\",',
      '        \\"States\\": {\\"A\\": {\\"Type\\": \\"Pass\\",',
      '      \\"Comment\\": \\"caf\\u00e9\\",',
      '      \\"Nextt\\": \\"B\\", \\"End\\": true}}}"',
    ].join('\n');
    const [r] = lintFile(text, 'template.yaml');
    expect([r.kind, r.definitions]).toEqual(['cloudformation', 1]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.location} ${d.message}`)).toEqual(["SCHEMA_VALIDATION_FAILED Machine: /States/A Field 'Nextt' is not supported (did you mean 'Next'?)"]);
  });
});

describe('a template too large to read is refused unread, as lint() refuses a definition', () => {
  it('a YAML template over 2 MiB gets one DEFINITION_TOO_LARGE naming the limit, and is not parsed', () => {
    const queues = Array.from({ length: 30_000 }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: ${'q'.repeat(40)}${i}\n`).join('');
    const text = `Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Succeed\n${queues}`;
    expect(text.length).toBeGreaterThan(2_097_152);
    const results = lintFile(text, 'template.yaml');
    expect(results).toHaveLength(1);
    expect(results[0].diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])).toEqual([['DEFINITION_TOO_LARGE', 0, 0, 0, 0]]);
    expect(results[0].diagnostics[0].message).toContain('It was not checked further: asl-lint reads at most 2,097,152 characters of YAML');
    // Just under the limit, the same template is read and its machine linted.
    const small = text.slice(0, text.indexOf('  Q10000:'));
    expect(lintFile(small, 'template.yaml').map((r) => [r.kind, r.definitions, r.diagnostics.length])).toEqual([['cloudformation', 1, 0]]);
  });
});

describe('template-definition is a rule: its settings apply (issue 11: it could not be turned off)', () => {
  const S3 = 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location:\n        Bucket: b\n        Key: k.json\n';
  const OUTSIDE = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../x.asl.json\n';
  const got = (text: string, rules?: Record<string, 'off' | 'warn' | 'error'>) =>
    lintFile(text, join(DIR, 'virtual', 'template.yaml'), { rules }).flatMap((r) =>
      r.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.rule} ${d.location}`),
    );

  it('by default: a warning where a definition cannot be checked, an error where a named file cannot be read', () => {
    expect(got(S3)).toEqual(['5:7 WARNING LINT_NOT_CHECKABLE template-definition Flow: /']);
    expect(got(OUTSIDE)).toEqual(['5:7 ERROR LINT_NOT_CHECKABLE template-definition M: /']);
  });

  it('off by rule id or by code', () => {
    expect(got(S3, { 'template-definition': 'off' })).toEqual([]);
    expect(got(OUTSIDE, { 'template-definition': 'off' })).toEqual([]);
    expect(got(S3, { LINT_NOT_CHECKABLE: 'off' })).toEqual([]);
  });

  it('a severity setting replaces both defaults', () => {
    expect(got(S3, { 'template-definition': 'error' })).toEqual(['5:7 ERROR LINT_NOT_CHECKABLE template-definition Flow: /']);
    expect(got(OUTSIDE, { LINT_NOT_CHECKABLE: 'warn' })).toEqual(['5:7 WARNING LINT_NOT_CHECKABLE template-definition M: /']);
  });
});
