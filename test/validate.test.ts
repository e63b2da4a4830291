/** validate(): the ValidateStateMachineDefinition contract, request checks to response shape. */
import { describe, expect, it } from 'vitest';
import { lint, validate } from '../src/index.js';

const OK = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
// Two errors (dangling Next, unreachable B) and one warning (NO_DOLLAR).
const MIXED =
  '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "Next": "Nope"}, "B": {"Type": "Succeed"}}}';

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
    expect(validate(text).diagnostics).toEqual([
      { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'State "C" is not reachable.', location: '/States/C' },
    ]);
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
