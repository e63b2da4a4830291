/** The engine runs the catalogue it is handed (issue 11): src/api.ts binds rules/index.ts, nothing else does. */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../src/engine/engine.js';
import { defineRule } from '../src/engine/rule.js';
import { parse } from '../src/parse/index.js';
import { allRules, analyze, rulesMeta } from '../src/api.js';

const only = defineRule({
  meta: {
    id: 'only-rule',
    code: 'LINT_ONLY',
    severity: 'WARNING',
    description: 'A rule of a test catalogue.',
    rationale: 'Shows that the engine runs what it is handed.',
    examples: { valid: [], invalid: [] },
  },
  check(ctx) {
    ctx.report({ path: ['StartAt'], message: `StartAt is ${String((ctx.doc.value as { StartAt?: unknown }).StartAt)}` });
  },
});
const TEXT = '{"Comment": "asl-lint-disable NO_DOLAR", "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nope"}}}';
const row = (f: { rule: { meta: { id: string } }; code: string; severity: string; location: string | undefined; message: string }) =>
  `${f.rule.meta.id} ${f.code} ${f.severity} ${f.location} ${f.message}`;

describe('the engine runs the catalogue it is handed', () => {
  it('only those rules, and directives name only those rules', () => {
    const doc = parse(TEXT, 'json');
    expect(analyzeDocument(doc, { catalogue: [only] }).findings.map(row)).toEqual(['only-rule LINT_ONLY WARNING /StartAt StartAt is A']);
  });

  it("its own directive findings come under the catalogue's rule objects, found by id", () => {
    const invalid = allRules.find((r) => r.meta.id === 'invalid-disable-directive')!;
    const found = analyzeDocument(parse(TEXT, 'json'), { catalogue: [only, invalid] }).findings;
    expect(found.map(row)).toEqual([
      'only-rule LINT_ONLY WARNING /StartAt StartAt is A',
      "invalid-disable-directive LINT_INVALID_DIRECTIVE ERROR /Comment Unknown rule 'NO_DOLAR' in asl-lint-disable: name rules by id (state-unreachable) or AWS code (NO_DOLLAR), separated by commas; put a reason after ' -- '. It disables nothing.",
    ]);
    expect(found[1].rule).toBe(invalid);
  });

  it('the API binds the whole catalogue', () => {
    expect(analyze(TEXT).findings.map((f) => `${f.rule.meta.id} ${f.location}`)).toEqual(['transition-target /States/A/Next', 'missing-end-state undefined', 'invalid-disable-directive /Comment']);
    expect(Object.keys(rulesMeta)).toEqual(allRules.map((r) => r.meta.id));
    expect(Object.values(rulesMeta).every((m, i) => m === allRules[i].meta)).toBe(true);
    expect(Object.isFrozen(rulesMeta)).toBe(true);
  });
});
