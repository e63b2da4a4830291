/**
 * Every rule's documented examples, run as tests: valid ones are clean under the default
 * configuration; each invalid one, with its rule running alone, gives exactly the listed
 * diagnostics (codes, locations, whole ranges), so one rule's change never breaks another rule's
 * examples. The other rules' findings on an invalid example are named in its `alsoReported`.
 */
import { describe, expect, it } from 'vitest';
import { allRules, lint, lintFile, type LintOptions } from '../src/index.js';
import type { InvalidExample, Rule, RuleExample } from '../src/engine/rule.js';

const ruleIds = new Set(allRules.map((r) => r.meta.id));

/** An example with a file name is a file as found in a repository (a template): linted as lintFile() lints it. */
function actual(ex: RuleExample, rules?: LintOptions['rules']) {
  const common = { type: ex.type, rules, reportUnusedDirectives: ex.reportUnusedDirectives };
  if (ex.fileName) {
    const readFile = () => {
      throw new Error('examples read no file');
    };
    return lintFile(ex.text, ex.fileName, { ...common, readFile }).flatMap((r) => r.diagnostics);
  }
  return lint(ex.text, { ...common, format: ex.format }).diagnostics;
}

/** The configuration that runs `rule` alone (on, even when it is off by default, at its own severity). */
function onlyRule(rule: Rule): NonNullable<LintOptions['rules']> {
  const rules: NonNullable<LintOptions['rules']> = Object.fromEntries(allRules.filter((r) => r !== rule).map((r) => [r.meta.id, 'off' as const]));
  if (rule.meta.defaultOff) rules[rule.meta.id] = rule.meta.severity === 'ERROR' ? 'error' : 'warn';
  return rules;
}

/** The default configuration, with `rule` on even when it is off by default (as a user would turn it on). */
function defaultWith(rule: Rule): LintOptions['rules'] {
  return rule.meta.defaultOff ? { [rule.meta.id]: onlyRule(rule)[rule.meta.id] } : undefined;
}

describe('onlyRule runs one rule and nothing else', () => {
  it('on a definition several rules report on, only the chosen rule reports', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "C"}, "B": {"Type": "Succeed"}}}';
    expect(actual({ text }).map((d) => d.rule)).toEqual(['transition-target', 'state-unreachable']);
    const transition = allRules.find((r) => r.meta.id === 'transition-target')!;
    expect(actual({ text }, onlyRule(transition)).map((d) => d.rule)).toEqual(['transition-target']);
  });
});

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
      expect(actual(ex, defaultWith(rule)).map((d) => `${d.code} ${d.location ?? ''} ${d.message}`)).toEqual([]);
    });
  });

  rule.meta.examples.invalid.forEach((ex: InvalidExample, i) => {
    const name = `invalid example ${i + 1}${ex.title ? `: ${ex.title}` : ''}`;
    it(`${name}, the rule alone, gives exactly its diagnostics`, () => {
      const got = actual(ex, onlyRule(rule));
      expect(got.length).toBeGreaterThan(0);
      expect(got.every((d) => d.rule === rule.meta.id)).toBe(true);
      const shaped = got.map((d, j) => {
        const want = ex.diagnostics[j];
        const o: Record<string, unknown> = {
          code: d.code,
          location: d.location,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        };
        if (want?.message !== undefined) o.message = d.message;
        if (want?.severity !== undefined) o.severity = d.severity;
        return o;
      });
      const expected = ex.diagnostics.map((w) => ({ location: undefined, ...w }));
      expect(shaped).toEqual(expected);
    });

    it(`${name}: under the default configuration, the rule reports the same, and alsoReported names the other rules that report`, () => {
      const all = actual(ex, defaultWith(rule));
      const key = (d: (typeof all)[number]) => `${d.code} ${d.location} ${JSON.stringify(d.range)} ${d.severity} ${d.message}`;
      // Running alone changes nothing in the rule's own findings (no interplay hidden by the isolation).
      expect(all.filter((d) => d.rule === rule.meta.id).map(key)).toEqual(actual(ex, onlyRule(rule)).map(key));
      for (const id of ex.alsoReported ?? []) expect(ruleIds.has(id) && id !== rule.meta.id, `alsoReported '${id}'`).toBe(true);
      const others = [...new Set(all.filter((d) => d.rule !== rule.meta.id).map((d) => d.rule))].sort();
      expect(others).toEqual([...(ex.alsoReported ?? [])].sort());
    });
  });
});
