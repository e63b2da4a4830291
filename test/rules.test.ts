/** Every rule's documented examples, run as tests: valid ones are clean, invalid ones give exactly the listed diagnostics. */
import { describe, expect, it } from 'vitest';
import { allRules, lint, lintFile } from '../src/index.js';
import type { RuleExample } from '../src/engine/rule.js';

/** An example with a file name is a file as found in a repository (a template): linted as lintFile() lints it. */
function actual(text: string, ex: Omit<RuleExample, 'text'>) {
  if (ex.fileName) return lintFile(text, ex.fileName, { type: ex.type, reportUnusedDirectives: ex.reportUnusedDirectives, readFile: () => { throw new Error('examples read no file'); } }).flatMap((r) => r.diagnostics);
  return lint(text, { format: ex.format, type: ex.type, reportUnusedDirectives: ex.reportUnusedDirectives }).diagnostics;
}

describe.each(allRules.map((r) => [r.meta.id, r] as const))('rule %s', (_id, rule) => {
  it('has complete metadata', () => {
    expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.meta.code).toMatch(/^[A-Z_]+$/);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(rule.meta.rationale.length).toBeGreaterThan(10);
    expect(rule.meta.examples.valid.length + rule.meta.examples.invalid.length).toBeGreaterThan(0);
  });

  rule.meta.examples.valid.forEach((ex, i) => {
    it(`valid example ${i + 1}${ex.title ? `: ${ex.title}` : ''} gives no diagnostic`, () => {
      expect(actual(ex.text, ex).map((d) => `${d.code} ${d.location ?? ''} ${d.message}`)).toEqual([]);
    });
  });

  rule.meta.examples.invalid.forEach((ex, i) => {
    it(`invalid example ${i + 1}${ex.title ? `: ${ex.title}` : ''} gives exactly its diagnostics`, () => {
      const got = actual(ex.text, ex);
      expect(got.some((d) => d.rule === rule.meta.id)).toBe(true);
      const shaped = got.map((d, j) => {
        const want = ex.diagnostics[j];
        const o: Record<string, unknown> = { code: d.code, location: d.location, line: d.range.start.line + 1, column: d.range.start.character + 1 };
        if (want?.message !== undefined) o.message = d.message;
        if (want?.severity !== undefined) o.severity = d.severity;
        return o;
      });
      const expected = ex.diagnostics.map((w) => ({ location: undefined, ...w }));
      expect(shaped).toEqual(expected);
    });
  });
});
