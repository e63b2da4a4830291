/** validate(): the ValidateStateMachineDefinition contract, request checks to response shape. */
import { describe, expect, it } from 'vitest';
import { lint, validate } from '../src/index.js';

const OK = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
// Two errors (dangling Next, unreachable B) and one warning (NO_DOLLAR).
const MIXED = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "Next": "Nope"}, "B": {"Type": "Succeed"}}}';

describe('validate() response', () => {
  it('is OK with no diagnostics for a valid definition', () => {
    expect(validate(OK)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it('returns only errors by default, with AWS codes, messages and locations', () => {
    expect(validate(MIXED)).toEqual({
      result: 'FAIL',
      diagnostics: [
        { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: "Missing 'Next' target: Nope", location: '/States/A/Next' },
        { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'State "B" is not reachable.', location: '/States/B' },
      ],
      truncated: false,
    });
  });

  it('adds warnings after errors with severity WARNING', () => {
    const r = validate(MIXED, { severity: 'WARNING' });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['ERROR', 'MISSING_TRANSITION_TARGET', '/States/A/Next'],
      ['ERROR', 'MISSING_TRANSITION_TARGET', '/States/B'],
      ['WARNING', 'NO_DOLLAR', '/States/A/Parameters'],
    ]);
    expect(r.result).toBe('FAIL');
  });

  it('is OK when only warnings exist, and lists them only when asked', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "End": true}}}';
    expect(validate(text)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    expect(validate(text, { severity: 'WARNING' }).diagnostics).toEqual([
      {
        severity: 'WARNING',
        code: 'NO_DOLLAR',
        message: "The value of 'x' looks like a JSONPath. Instead of 'x', use 'x.$' to evaluate it as a JSONPath at runtime.",
        location: '/States/A/Parameters',
      },
    ]);
  });

  it('truncates at maxResults and says so, keeping result FAIL', () => {
    const r = validate(MIXED, { severity: 'WARNING', maxResults: 1 });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].location).toBe('/States/A/Next');
    expect(r.truncated).toBe(true);
    expect(r.result).toBe('FAIL');
    expect(validate(MIXED, { maxResults: 2 }).truncated).toBe(false);
  });

  it('treats maxResults 0 as 100', () => {
    const states = Array.from({ length: 150 }, (_, i) => `"S${i}": {"Type": "Pass", "Next": "X${i}"}`).join(',');
    const text = `{"StartAt": "S0", "States": {${states}, "End": {"Type": "Succeed"}}}`;
    const r = validate(text, { maxResults: 0 });
    expect(r.diagnostics).toHaveLength(100);
    expect(r.truncated).toBe(true);
  });

  it('omits location where AWS gives none (MISSING_END_STATE)', () => {
    const loop = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}';
    expect(validate(loop)).toEqual({
      result: 'FAIL',
      diagnostics: [{ severity: 'ERROR', code: 'MISSING_END_STATE', message: 'Workflow has no terminal state' }],
      truncated: false,
    });
    expect('location' in validate(loop).diagnostics[0]).toBe(false);
  });

  it('orders a dangling target before MISSING_END_STATE and suppresses reachability (AWS §1.4)', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "Z"}, "C": {"Type": "Pass", "Next": "A"}}}';
    expect(validate(text).diagnostics.map((d) => d.code)).toEqual(['MISSING_TRANSITION_TARGET', 'MISSING_END_STATE']);
  });

  it('reports an unreachable terminal instead of MISSING_END_STATE (AWS §1.4)', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}, "C": {"Type": "Succeed"}}}';
    expect(validate(text).diagnostics).toEqual([{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'State "C" is not reachable.', location: '/States/C' }]);
  });

  it('gives MISSING_DESCRIPTION for an empty or null definition', () => {
    for (const text of ['', 'null']) {
      expect(validate(text).diagnostics.map((d) => d.code)).toEqual(['MISSING_DESCRIPTION']);
      expect(validate(text).result).toBe('FAIL');
    }
  });

  it('answers white space as AWS does (measured): not a JSON object', () => {
    for (const text of ['   ', '\n\t']) {
      expect(validate(text)).toEqual({
        result: 'FAIL',
        diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object' }],
        truncated: false,
      });
    }
  });

  it('gives INVALID_JSON_DESCRIPTION for comments, trailing commas and truncated text', () => {
    for (const text of ['{"StartAt": "A", // x\n "States": {}}', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"},}}', '{"StartAt": "A", "States": {', "{'StartAt': 'A'}"]) {
      const r = validate(text);
      expect(r.result).toBe('FAIL');
      expect(r.diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
      expect(r.diagnostics[0].message).toMatch(/^Invalid JSON: .+ \(line \d+, column \d+\)$/);
    }
  });

  it('refuses a definition over 1,048,576 characters', () => {
    const pad = ' '.repeat(1_048_577 - OK.length);
    const r = validate(OK + pad);
    expect(r.result).toBe('FAIL');
    expect(r.diagnostics.map((d) => d.code)).toContain('DEFINITION_TOO_LARGE');
    expect(validate(OK + ' '.repeat(1_048_576 - OK.length)).result).toBe('OK');
  });

  it('gives TOO_DEEPLY_NESTED, not a crash, for pathological nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = validate(deep);
    expect(r.result).toBe('FAIL');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TOO_DEEPLY_NESTED']);
  });

  it('reports only what AWS reports: our own LINT_* findings stay in lint()', () => {
    const island = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Pass", "Next": "X"}}}';
    expect(validate(island, { severity: 'WARNING' })).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    expect(lint(island).diagnostics.map((d) => d.code)).toEqual(['LINT_UNREACHABLE', 'LINT_UNREACHABLE']);
  });

  it('is synchronous', () => {
    const r = validate(OK);
    expect(r).not.toBeInstanceOf(Promise);
  });

  it('does not let the severity filter change the verdict', () => {
    expect(validate(MIXED, { severity: 'ERROR' }).result).toBe('FAIL');
    expect(validate(MIXED, { severity: 'WARNING' }).result).toBe('FAIL');
  });
});

describe('validate() request checks', () => {
  it('throws RangeError/TypeError for out-of-range options', () => {
    expect(() => validate(OK, { maxResults: 101 })).toThrow(RangeError);
    expect(() => validate(OK, { maxResults: -1 })).toThrow(RangeError);
    expect(() => validate(OK, { maxResults: 1.5 })).toThrow(TypeError);
    expect(() => validate(OK, { severity: 'INFO' as never })).toThrow(/severity must be ERROR or WARNING/);
    expect(() => validate(OK, { type: 'express' as never })).toThrow(/type must be STANDARD or EXPRESS/);
    expect(() => validate(42 as never)).toThrow(TypeError);
  });

  it('accepts both types', () => {
    expect(validate(OK, { type: 'EXPRESS' }).result).toBe('OK');
    expect(validate(OK, { type: 'STANDARD', severity: 'WARNING', maxResults: 100 }).result).toBe('OK');
  });
});

describe('deep nesting inside strings (issue 9): an AWS code at the field, never INTERNAL_ERROR', () => {
  const machine = (state: Record<string, unknown>, top: Record<string, unknown> = {}) => JSON.stringify({ ...top, StartAt: 'A', States: { A: { ...state, End: true } } });
  const noInternal = (text: string) => {
    expect(validate(text).diagnostics.map((d) => d.code)).not.toContain('INTERNAL_ERROR');
    expect(lint(text).diagnostics.map((d) => d.code)).not.toContain('INTERNAL_ERROR');
  };

  it("2,500 nested intrinsic calls: not read, a LINT_INTRINSIC_NOT_READ warning at the call past the limit; validate() says OK (AWS's answer unknown)", () => {
    let e = '$.x';
    for (let i = 0; i < 2500; i++) e = `States.Array(${e})`;
    const text = machine({ Type: 'Pass', Parameters: { 'a.$': e } });
    expect(validate(text)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    const r = lint(text);
    expect(r.result).toBe('OK');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.location, d.message])).toEqual([
      [
        'LINT_INTRINSIC_NOT_READ',
        'WARNING',
        '/States/A/Parameters',
        "The value for the field 'a.$' was not checked: intrinsic functions are nested more than 100 deep here; Step Functions documents at most 10 nested calls in one field.",
      ],
    ]);
    const [d] = r.diagnostics;
    // The 101st call from the outside.
    expect(d.offset).toBe(text.indexOf('States.Array') + 100 * 'States.Array('.length);
    expect(text.slice(d.offset, d.offset + d.length)).toBe('States.Array');
    // A known AWS refusal in the same definition still fails validate(): only the unread value is a warning.
    const both = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'a.$': e, 'b.$': 'States.Nope($.x)' }, End: true } } });
    expect(validate(both).diagnostics.map((x) => [x.severity, x.code, x.location])).toEqual([['ERROR', 'SCHEMA_VALIDATION_FAILED', '/States/A/Parameters']]);
    expect(
      lint(both)
        .diagnostics.map((x) => x.code)
        .sort(),
    ).toEqual(['LINT_INTRINSIC_NOT_READ', 'SCHEMA_VALIDATION_FAILED']);
  });

  it('101 nested intrinsic calls: the first count past the limit is the warning (and nothing at 100)', () => {
    const nest = (n: number) => {
      let e = '$.x';
      for (let i = 0; i < n; i++) e = `States.Array(${e})`;
      return machine({ Type: 'Pass', Parameters: { 'a.$': e } });
    };
    expect(lint(nest(101)).diagnostics.map((d) => d.code)).toEqual(['LINT_INTRINSIC_NOT_READ']);
    expect(lint(nest(100)).diagnostics.map((d) => d.code)).toEqual(['LINT_INTRINSIC_ARGUMENTS']);
  });

  it('100 nested intrinsic calls are read (a warning past the documented 10, no error)', () => {
    let e = '$.x';
    for (let i = 0; i < 100; i++) e = `States.Array(${e})`;
    expect(validate(machine({ Type: 'Pass', Parameters: { 'a.$': e } })).result).toBe('OK');
  });

  it('JSONata brackets nested past MAX_JSONATA_NESTING: not read, a LINT_JSONATA_NOT_READ warning at the bracket past it; validate() says OK', () => {
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['$string(', ')'],
    ]) {
      const text = machine({ Type: 'Pass', Output: `{% ${open.repeat(2500)}1${close.repeat(2500)} %}` }, { QueryLanguage: 'JSONata' });
      expect(validate(text)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
      const r = lint(text);
      expect(r.result).toBe('OK');
      expect(r.diagnostics.map((d) => [d.code, d.severity, d.location, d.message, d.length])).toEqual([
        ['LINT_JSONATA_NOT_READ', 'WARNING', '/States/A/Output', 'The expression was not checked: the expression nests brackets more than 200 deep.', 1],
      ]);
      expect(r.diagnostics[0].offset).toBe(text.indexOf('{% ') + 3 + open.length * 200 + open.length - 1);
    }
    const ok = machine({ Type: 'Pass', Output: `{% ${'('.repeat(200)}1${')'.repeat(200)} %}` }, { QueryLanguage: 'JSONata' });
    expect(validate(ok).result).toBe('OK');
    expect(lint(ok).diagnostics).toEqual([]);
    // A known refusal beside it still fails validate().
    const both = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Output: `{% ${'('.repeat(201)}1${')'.repeat(201)} %}`, Assign: { x: '{% 1 + %}' }, End: true } },
    });
    expect(validate(both).diagnostics).toEqual([{ severity: 'ERROR', code: 'INVALID_JSONATA_EXPRESSION', message: 'Unexpected end of expression', location: '/States/A/Assign/x' }]);
    expect(lint(both).diagnostics.map((d) => [d.code, d.location])).toEqual([
      ['LINT_JSONATA_NOT_READ', '/States/A/Output'],
      ['LINT_VARIABLE_UNUSED', '/States/A/Assign'],
      ['INVALID_JSONATA_EXPRESSION', '/States/A/Assign/x'],
    ]);
  });

  it('a JSONata chain of 20,000 operators: not read (the stack ran out), a LINT_JSONATA_NOT_READ warning over the expression, not a crash', () => {
    const expr = Array.from({ length: 20000 }, () => '1').join(' + ');
    const text = machine({ Type: 'Pass', Output: `{% ${expr} %}` }, { QueryLanguage: 'JSONata' });
    expect(validate(text)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    expect(lint(text).diagnostics.map((d) => [d.code, d.severity, d.location, d.message, d.offset, d.length])).toEqual([
      [
        'LINT_JSONATA_NOT_READ',
        'WARNING',
        '/States/A/Output',
        'The expression was not checked: the expression is too deeply nested to be read (the stack ran out).',
        text.indexOf('{% ') + 2,
        expr.length + 2,
      ],
    ]);
  });

  it('deep JSONPath filters, Choice Not/And nesting and JSON nesting: no INTERNAL_ERROR', () => {
    let f = '@.a';
    for (let i = 0; i < 2500; i++) f = `@.a[?(${f} > 1)]`;
    noInternal(machine({ Type: 'Pass', InputPath: '$' + f.slice(1) }));
    noInternal(machine({ Type: 'Pass', InputPath: '$.a[?(' + '('.repeat(2500) + '@.x' + ')'.repeat(2500) + ')]' }));
    for (const op of ['Not', 'And', 'Or']) {
      let c: Record<string, unknown> = { Variable: '$.x', IsPresent: true };
      for (let i = 0; i < 600; i++) c = op === 'Not' ? { Not: c } : { [op]: [c] };
      const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Choice', Choices: [{ ...c, Next: 'B' }], Default: 'B' }, B: { Type: 'Succeed' } } });
      expect(validate(text).diagnostics.map((d) => d.code)).toEqual(['TOO_DEEPLY_NESTED']);
      noInternal(text);
    }
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    expect(validate(`{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": ${nested}, "End": true}}}`).diagnostics.map((d) => d.code)).toEqual(['TOO_DEEPLY_NESTED']);
  });
});

describe('ERRORs only where AWS is known to refuse (issue 9/10 leftovers)', () => {
  it('a control character in a state name: a LINT_STATE_NAME_CHARACTERS warning (AWS not measured); validate() says OK; an empty or 81-character name stays INVALID_STATE_NAME', () => {
    const text = '{"StartAt": "A\\tB", "States": {"A\\tB": {"Type": "Succeed"}}}';
    expect(validate(text)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    expect(lint(text).diagnostics.map((d) => [d.code, d.severity, d.location, d.message, d.offset, d.length])).toEqual([
      ['LINT_STATE_NAME_CHARACTERS', 'WARNING', '/States/A\tB', "State 'A\\tB' contains a control character; use printable characters only", 31, 6],
    ]);
    const long = 'A'.repeat(81);
    expect(validate(`{"StartAt": "${long}", "States": {"${long}": {"Type": "Succeed"}}}`).diagnostics.map((d) => d.code)).toEqual(['INVALID_STATE_NAME']);
    expect(validate('{"StartAt": "", "States": {"": {"Type": "Succeed"}}}').diagnostics.map((d) => d.code)).toContain('INVALID_STATE_NAME');
  });
});

describe('oversized input is refused before parsing (issue 9)', () => {
  const tooLarge = (n: number, limit: number, format: string) =>
    `The definition is ${n.toLocaleString('en-US')} characters long; AWS accepts at most 1,048,576. Move large static data out of the definition (for example to S3 or a parameter) or split the workflow. It was not checked further: asl-lint reads at most ${limit.toLocaleString('en-US')} characters of ${format} (the maxLength option).`;

  it('lint(): past maxLength, one DEFINITION_TOO_LARGE and nothing else (not even a syntax error)', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Nope"}}} trailing garbage';
    const r = lint(text, { maxLength: 20 });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.offset, d.length])).toEqual([
      ['DEFINITION_TOO_LARGE', 'The definition is 68 characters long and was not checked: asl-lint reads at most 20 characters of JSON (the maxLength option).', 0, 0],
    ]);
    expect([r.result, r.analysis.doc.parsed, r.analysis.doc.tooLarge, r.analysis.model]).toEqual(['FAIL', false, 20, undefined]);
    // At the limit, it is read.
    expect(lint(text, { maxLength: text.length }).diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
  });

  it('lint(): YAML past 2 MiB by default, JSON past 4 MiB (a JSONata-heavy 10 MiB took 56 s and 839 MB)', () => {
    const yaml = 'StartAt: A\n' + '#'.repeat(2 * 1_048_576);
    expect(lint(yaml, { format: 'yaml' }).diagnostics.map((d) => d.message)).toEqual([tooLarge(yaml.length, 2_097_152, 'YAML')]);
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'.padEnd(4 * 1_048_576 + 1, ' ');
    expect(lint(json).diagnostics.map((d) => d.message)).toEqual([tooLarge(json.length, 4_194_304, 'JSON')]);
    // At the limit it is read: one DEFINITION_TOO_LARGE for AWS's own 1 MiB limit, nothing else.
    const atLimit = json.slice(0, -1);
    expect(lint(atLimit).diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'DEFINITION_TOO_LARGE',
        'The definition is 4,194,304 characters long; AWS accepts at most 1,048,576. Move large static data out of the definition (for example to S3 or a parameter) or split the workflow.',
      ],
    ]);
  });

  it("validate(): the same refusal past 4 MiB, in AWS's response shape and wording", () => {
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'.padEnd(4 * 1_048_576 + 1, ' ');
    expect(validate(json)).toEqual({
      result: 'FAIL',
      diagnostics: [
        {
          severity: 'ERROR',
          code: 'DEFINITION_TOO_LARGE',
          message: 'The definition is 4,194,305 characters long; AWS accepts at most 1,048,576. Move large static data out of the definition (for example to S3 or a parameter) or split the workflow.',
        },
      ],
      truncated: false,
    });
  });
});
