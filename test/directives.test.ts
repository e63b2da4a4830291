import { describe, expect, it } from 'vitest';
import { lint, validate } from '../src/index.js';

const codes = (text: string, opts = {}) => lint(text, opts).diagnostics.map((d) => `${d.code} ${d.location ?? ''}`.trim());

const JSON_DEF = (comment: string, stateComment = '') =>
  `{"Comment": ${JSON.stringify(comment)}, "StartAt": "A", "States": {"A": {"Type": "Pass", ${stateComment ? `"Comment": ${JSON.stringify(stateComment)}, ` : ''}"Parameters": {"x": "$.x"}, "End": true}, "B": {"Type": "Succeed"}}}`;

describe('asl-lint-disable in Comment fields (JSON)', () => {
  it('without directives reports both findings', () => {
    expect(codes(JSON_DEF('plain'))).toEqual(['NO_DOLLAR /States/A/Parameters', 'MISSING_TRANSITION_TARGET /States/B']);
  });

  it('a state Comment disables listed rules (by AWS code or rule id) inside that state only', () => {
    expect(codes(JSON_DEF('plain', 'legacy asl-lint-disable NO_DOLLAR'))).toEqual(['MISSING_TRANSITION_TARGET /States/B']);
    expect(codes(JSON_DEF('plain', 'asl-lint-disable no-dollar'))).toEqual(['MISSING_TRANSITION_TARGET /States/B']);
    expect(codes(JSON_DEF('plain', 'asl-lint-disable state-unreachable'))).toEqual(['NO_DOLLAR /States/A/Parameters', 'MISSING_TRANSITION_TARGET /States/B']);
  });

  it('the machine Comment covers the whole machine; an empty list disables every rule', () => {
    expect(codes(JSON_DEF('asl-lint-disable state-unreachable, NO_DOLLAR'))).toEqual([]);
    expect(codes(JSON_DEF('asl-lint-disable'))).toEqual([]);
  });

  it('reports unused directives on request, at the Comment', () => {
    const text = JSON_DEF('plain', 'asl-lint-disable NO_DOLLAR, NO_PATH');
    const r = lint(text, { reportUnusedDirectives: true }).diagnostics;
    const unused = r.filter((d) => d.rule === 'unused-disable-directive');
    expect(unused.map((d) => [d.severity, d.location, d.message])).toEqual([['WARNING', '/States/A/Comment', 'Unused asl-lint-disable directive: nothing was reported for NO_PATH here. Remove it.']]);
    expect(text.slice(unused[0].offset, unused[0].offset + unused[0].length)).toBe('"asl-lint-disable NO_DOLLAR, NO_PATH"');
  });

  it('the unused-disable-directive rule follows its setting like every rule (it was always a warning)', () => {
    const text = JSON_DEF('plain', 'asl-lint-disable NO_PATH');
    const unused = (rules: Record<string, 'off' | 'warn' | 'error'>) =>
      lint(text, { reportUnusedDirectives: true, rules })
        .diagnostics.filter((d) => d.code === 'LINT_UNUSED_DIRECTIVE')
        .map((d) => `${d.severity} ${d.rule} ${d.location}`);
    expect(unused({})).toEqual(['WARNING unused-disable-directive /States/A/Comment']);
    expect(unused({ 'unused-disable-directive': 'off' })).toEqual([]);
    expect(unused({ LINT_UNUSED_DIRECTIVE: 'error' })).toEqual(['ERROR unused-disable-directive /States/A/Comment']);
  });

  it('unused-disable-directive is off by default and a setting alone turns it on (the flag is an alias)', () => {
    const text = JSON_DEF('plain', 'asl-lint-disable NO_PATH');
    const unused = (opts: Parameters<typeof lint>[1]) =>
      lint(text, opts)
        .diagnostics.filter((d) => d.code === 'LINT_UNUSED_DIRECTIVE')
        .map((d) => `${d.severity} ${d.location}`);
    expect(unused({})).toEqual([]);
    expect(unused({ rules: { 'unused-disable-directive': 'error' } })).toEqual(['ERROR /States/A/Comment']);
    expect(unused({ rules: { LINT_UNUSED_DIRECTIVE: 'warn' } })).toEqual(['WARNING /States/A/Comment']);
    expect(unused({ reportUnusedDirectives: true })).toEqual(['WARNING /States/A/Comment']);
  });

  it('does not change validate(), which mirrors AWS', () => {
    expect(validate(JSON_DEF('asl-lint-disable')).result).toBe('FAIL');
  });
});

describe('YAML comments', () => {
  const yaml = (line: string) => ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    Parameters:', line, '      x: $.x', '    End: true', '  B:', '    Type: Succeed', ''].join('\n');

  it('disable-next-line silences the next content line only', () => {
    expect(codes(yaml('      # asl-lint-disable-next-line NO_DOLLAR'), { format: 'yaml' })).toEqual(['MISSING_TRANSITION_TARGET /States/B']);
    expect(codes(yaml('      # asl-lint-disable-next-line NO_PATH'), { format: 'yaml' })).toEqual(['NO_DOLLAR /States/A/Parameters', 'MISSING_TRANSITION_TARGET /States/B']);
  });

  it('a file-wide directive silences the listed rules everywhere', () => {
    expect(codes('# asl-lint-disable state-unreachable\n' + yaml('      # note'), { format: 'yaml' })).toEqual(['NO_DOLLAR /States/A/Parameters']);
  });

  it('reports an unused next-line directive at the comment', () => {
    const text = yaml('      # asl-lint-disable-next-line NO_PATH');
    const d = lint(text, { format: 'yaml', reportUnusedDirectives: true }).diagnostics.find((x) => x.rule === 'unused-disable-directive')!;
    expect(d.range.start).toEqual({ line: 5, character: 6 });
  });
});
