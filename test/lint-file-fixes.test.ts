/**
 * Fixes on a definition read through a derived text (placeholders filled by substitutions, or a
 * definition held in a template's string) are moved to the file's offsets when the edited text
 * reads the same in the file, and dropped otherwise (they were all dropped before).
 */
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/index.js';
import type { Diagnostic } from '../src/types.js';

function apply(text: string, d: Diagnostic | undefined): string {
  const edits = [...(d?.fixes?.[0]?.edits ?? [])].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:a-function-with-a-long-name';

describe('fixes through substitutions', () => {
  const text = '{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "${FnArn}", "Parameters": {"id": "$.x"}, "Next": "${NextState}"}, "Done": {"Type": "Succeed"}}}';
  const [r] = lintFile(text, 'machine.asl.json', {
    substitutions: new Map([
      ['FnArn', ARN],
      ['NextState', 'Dnoe'],
    ]),
  });

  it('keeps a fix whose edit lies outside the filled placeholders, at the file offsets', () => {
    const d = r.diagnostics.find((x) => x.code === 'NO_DOLLAR');
    expect(d?.fixes?.map((f) => f.kind)).toEqual(['suggestion']);
    expect(apply(text, d)).toBe(text.replace('"id": "$.x"', '"id.$": "$.x"'));
    expect(d?.offset).toBe(text.indexOf('"id"'));
  });

  it('drops a fix that would edit a filled placeholder', () => {
    const d = r.diagnostics.find((x) => x.code === 'MISSING_TRANSITION_TARGET');
    expect(d).toBeDefined();
    expect(d?.fixes).toBeUndefined();
  });

  it('is what the same definition gives written out, for the kept fix', () => {
    const written = text.replace('${FnArn}', ARN).replace('${NextState}', 'Dnoe');
    const [plain] = lintFile(written, 'machine.asl.json');
    const fix = plain.diagnostics.find((x) => x.code === 'NO_DOLLAR')?.fixes?.[0];
    expect(fix?.edits.map((e) => e.newText)).toEqual(r.diagnostics.find((x) => x.code === 'NO_DOLLAR')?.fixes?.[0].edits.map((e) => e.newText));
  });
});

describe('fixes in a definition held in a template string', () => {
  const template = [
    'Resources:',
    '  Flow:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      DefinitionString: |',
    '        {"StartAt": "Call", "States": {"Call": {"Type": "Pass", "Parameters": {"id": "$.x"}, "Next": "Gone"}}}',
    '',
  ].join('\n');
  const [r] = lintFile(template, 'template.yaml');

  it('keeps a one-line fix, placed in the template', () => {
    const d = r.diagnostics.find((x) => x.code === 'NO_DOLLAR');
    expect(d?.fixes?.length).toBe(1);
    expect(apply(template, d)).toBe(template.replace('"id": "$.x"', '"id.$": "$.x"'));
  });

  it('keeps the state name suggestion (a value edit inside the block)', () => {
    const d = r.diagnostics.find((x) => x.code === 'MISSING_TRANSITION_TARGET');
    expect(d?.fixes?.length).toBeGreaterThan(0);
    expect(d?.fixes?.map((f) => f.edits.map((e) => [template.slice(e.offset, e.offset + e.length), e.newText]))).toEqual(d?.fixes?.map(() => [['"Gone"', '"Call"']]));
  });

  it('drops a fix that adds a line (the block is indented in the template, the definition is not)', () => {
    const definition = '{"StartAt": "Call", "States": {"Call": {"Type": "Pass",\n  "Parameters": {"id": "$.x"}}}}';
    // Written out, the definition's End fix adds a line...
    const [plain] = lintFile(definition, 'machine.asl.json');
    const plainEnd = plain.diagnostics.find((y) => y.code === 'MISSING_END_STATE');
    expect(plainEnd?.fixes?.some((f) => f.edits.some((e) => e.newText.includes('\n')))).toBe(true);
    // ...which, in the template's block, would be written at the wrong indentation: not offered there.
    const t = template.replace(
      / {8}\{.*\n/,
      `${definition
        .split('\n')
        .map((l) => `        ${l}`)
        .join('\n')}\n`,
    );
    const [x] = lintFile(t, 'template.yaml');
    const d = x.diagnostics.find((y) => y.code === 'MISSING_END_STATE');
    expect(d?.range.start.line).toBe(5);
    expect(d?.fixes).toBeUndefined();
    // The one-line fix of the same definition is still offered.
    expect(
      apply(
        t,
        x.diagnostics.find((y) => y.code === 'NO_DOLLAR'),
      ),
    ).toBe(t.replace('"id": "$.x"', '"id.$": "$.x"'));
  });
});

describe('no fix in a definition the template encodes, or shares', () => {
  const definition = '{"StartAt": "Call", "States": {"Call": {"Type": "Pass", "Parameters": {"id": "$.x"}, "Next": "Gone"}}}';
  const codes = (text: string, file: string) =>
    lintFile(text, file)[0]
      .diagnostics.filter((d) => ['NO_DOLLAR', 'MISSING_TRANSITION_TARGET'].includes(d.code))
      .map((d) => [d.code, d.fixes?.length ?? 0]);

  it('a JSON string (DefinitionString with escaped quotes): problems found, no fix offered', () => {
    const template = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition } } } }, null, 2);
    expect(codes(template, 'template.json').sort()).toEqual(
      [
        ['MISSING_TRANSITION_TARGET', 0],
        ['NO_DOLLAR', 0],
      ].sort(),
    );
    // An insertion between two characters the string writes as they are (`"}` of `\\"}`) is not offered either.
    const noEnd = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: '{"StartAt": "Call", "States": {"Call": {"Type": "Pass"}}}' } } } });
    const end = lintFile(noEnd, 'template.json')[0].diagnostics.filter((d) => d.code === 'MISSING_END_STATE');
    expect(end.map((d) => d.fixes?.length ?? 0)).toEqual([0]);
  });

  it('a YAML double-quoted string: problems found, no fix offered', () => {
    const template = `Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: ${JSON.stringify(definition)}\n`;
    expect(codes(template, 'template.yaml').sort()).toEqual(
      [
        ['MISSING_TRANSITION_TARGET', 0],
        ['NO_DOLLAR', 0],
      ].sort(),
    );
  });

  it('a YAML block two machines share through an anchor: no fix (it would change both)', () => {
    const template = [
      'Resources:',
      '  Flow:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: &def |',
      `        ${definition}`,
      '  Twin:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: *def',
      '',
    ].join('\n');
    const found = lintFile(template, 'template.yaml')[0].diagnostics.filter((d) => d.code === 'NO_DOLLAR');
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => d.fixes?.length ?? 0)).toEqual(found.map(() => 0));
    // Without the anchor, the same block gets its fix.
    const alone = template.replace(' &def', '').replace('*def', `|\n        ${definition}`);
    expect(
      lintFile(alone, 'template.yaml')[0]
        .diagnostics.filter((d) => d.code === 'NO_DOLLAR')
        .map((d) => d.fixes?.length ?? 0),
    ).toEqual([1, 1]);
  });
});
