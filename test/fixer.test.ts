/**
 * The fixer rules write their fixes with (RuleContext.fixer, src/fix/edits.ts), its one quoting
 * helper, and the quick fixes that moved from the LSP into their rules (issue 11, item 4).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lint } from '../src/index.js';
import { editDistance } from '../src/lang/suggest.js';
import { prng } from './support.js';
import { allRules } from '../rules/index.js';
import { NEAREST_CELLS } from '../rules/transition-target.js';
import { fixerFor, scalarText } from '../src/fix/edits.js';
import { parse } from '../src/parse/index.js';
import { analyzeTextDocument } from '../src/lsp/analysis.js';
import { codeActions } from '../src/lsp/codeActions.js';
import type { Diagnostic } from '../src/types.js';

const yamlDoc = parse('A: 1\n', 'yaml');
const jsonDoc = parse('{}', 'json');

describe('scalarText: the one quoting helper (the three copies differed on these)', () => {
  // [value, YAML plain-or-quoted]: before, src/fix/edits.ts, src/lsp/edits.ts and the schema's
  // tokenText each got some of these wrong or differently.
  const cases: [string, string][] = [
    // `$` and `.`: the LSP's copy and the schema's quoted them (plain is valid YAML).
    ['World.$', 'World.$'],
    ['States.ALL', 'States.ALL'],
    ['$x', '$x'],
    // `/`, `(`, `)`: the rules' copy quoted them.
    ['Choice (2)', 'Choice (2)'],
    ['Generate Buy/Sell recommendation', 'Generate Buy/Sell recommendation'],
    // YAML 1.1 booleans y/n: the rules' copy (and query-language's) wrote them plain.
    ['y', '"y"'],
    ['N', '"N"'],
    ['yes', '"yes"'],
    ['Off', '"Off"'],
    ['null', '"null"'],
    ['~', '"~"'],
    // Never plain: trailing space, comment, mapping indicator, leading indicator or digit, quotes.
    ['a ', '"a "'],
    ['a #b', '"a #b"'],
    ['a: b', '"a: b"'],
    ['-x', '"-x"'],
    ['1abc', '"1abc"'],
    ['12', '"12"'],
    ["it's", '"it\'s"'],
    ['a,b', '"a,b"'],
    ['', '""'],
    ['ünï', '"ünï"'],
    // Plain: a trailing `-` (the rules' copy quoted it), inner spaces.
    ['a-', 'a-'],
    ['Wait  10 s', 'Wait  10 s'],
  ];
  it.each(cases)('YAML %j -> %s', (value, expected) => {
    expect(scalarText(yamlDoc, value)).toBe(expected);
  });
  it('every YAML token reads back as the same string, as a key and as a value (YAML 1.1 and 1.2, block and flow)', () => {
    for (const [value] of cases) {
      const t = scalarText(yamlDoc, value);
      for (const version of ['1.1', '1.2'] as const) {
        expect(parseYaml(`${t}: ${t}\n`, { version }), `${value} ${version}`).toEqual({ [value]: value });
        expect(parseYaml(`{${t}: [${t}]}`, { version }), `${value} ${version} flow`).toEqual({ [value]: [value] });
      }
    }
  });
  it('keeps the quoting of the token it replaces; JSON always double quotes', () => {
    expect(scalarText(yamlDoc, "it's", "'old'")).toBe("'it''s'");
    expect(scalarText(yamlDoc, 'Next', '"old"')).toBe('"Next"');
    expect(scalarText(yamlDoc, 'Next', 'old')).toBe('Next');
    expect(scalarText(jsonDoc, 'Next', "'old'")).toBe('"Next"');
    expect(scalarText(jsonDoc, 'a"b')).toBe('"a\\"b"');
  });
});

describe('the fixer', () => {
  const json = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "Next": "B"}, "B": {"Type": "Pass", "End": true}}}';
  it('renameKey: never onto a key the object already has', () => {
    const f = fixerFor(parse(json, 'json'));
    expect(f.renameKey(['States', 'A', 'Result'], 'Next')).toBeUndefined();
    expect(f.renameKey(['States', 'A', 'Result'], 'Parameters')).toEqual({ offset: json.indexOf('"Result"'), length: 8, newText: '"Parameters"' });
  });
  it('replaceValue: quoted like the token; undefined where the path is not written', () => {
    const f = fixerFor(parse(json, 'json'));
    expect(f.replaceValue(['States', 'A', 'Next'], 'C')).toEqual({ offset: json.indexOf('"B"'), length: 3, newText: '"C"' });
    expect(f.replaceValue(['States', 'A', 'Nope'], 'C')).toBeUndefined();
  });
  it('addMember: last (JSON on one line, YAML block and flow), first; never a key the object has', () => {
    const f = fixerFor(parse(json, 'json'));
    const endOfB = json.indexOf('"End": true') + '"End": true'.length;
    expect(f.addMember(['States', 'B'], 'Comment', 'x')).toEqual({ offset: endOfB, length: 0, newText: ', "Comment": "x"' });
    expect(f.addMember(['States', 'B'], 'End', true)).toBeUndefined();
    expect(f.addMember([], 'QueryLanguage', 'JSONata', 'first')).toEqual({ offset: 1, length: 0, newText: '"QueryLanguage": "JSONata", ' });
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n  B: {Type: Pass}\n';
    const y = fixerFor(parse(yaml, 'yaml'));
    expect(y.addMember(['States', 'A'], 'End', true)).toEqual({ offset: yaml.indexOf('Pass\n') + 4, length: 0, newText: '\n    End: true' });
    expect(y.addMember(['States', 'B'], 'End', true)).toEqual({ offset: yaml.indexOf('Pass}') + 4, length: 0, newText: ', End: true' });
    expect(y.addMember([], 'QueryLanguage', 'y', 'first')).toEqual({ offset: 0, length: 0, newText: 'QueryLanguage: "y"\n' });
  });
  it('removeMember: JSON with its comma, YAML whole lines', () => {
    const f = fixerFor(parse(json, 'json'));
    const at = json.indexOf('"Result"');
    expect(f.removeMember(['States', 'A', 'Result'])).toEqual({ offset: at, length: '"Result": 1, '.length, newText: '' });
    const last = json.indexOf(', "End"');
    expect(f.removeMember(['States', 'B', 'End'])).toEqual({ offset: last, length: ', "End": true'.length, newText: '' });
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n';
    expect(fixerFor(parse(yaml, 'yaml')).removeMember(['States', 'A', 'Type'])).toEqual({ offset: yaml.indexOf('    Type'), length: '    Type: Pass\n'.length, newText: '' });
  });
  it("fix(): a kind of 'fix' | 'suggestion' | 'editor' (editor-only: no Fix.kind), all edits or none", () => {
    const f = fixerFor(parse(json, 'json'));
    const edit = f.replaceValue(['States', 'A', 'Next'], 'C');
    expect(f.fix('suggestion', 'S', edit)).toEqual({ title: 'S', kind: 'suggestion', edits: [edit] });
    expect(Object.keys(f.fix('fix', 'F', edit)!)).toEqual(['title', 'kind', 'edits']);
    expect(f.fix('editor', 'E', edit)).toEqual({ title: 'E', edits: [edit] });
    expect(f.fix('editor', 'E', edit, undefined)).toBeUndefined();
    expect(f.fix('editor', 'E')).toBeUndefined();
  });
});

/** Each fix that only the LSP built before now comes from its rule, through lint(), and the editor offers it as a quick fix. */
describe('quick fixes that moved from the LSP into their rules', () => {
  function fixesOf(text: string, rule: string, format: 'json' | 'yaml' = 'json'): Diagnostic['fixes'][] {
    return lint(text, { format })
      .diagnostics.filter((d) => d.rule === rule)
      .map((d) => d.fixes);
  }
  function quickFixTitles(text: string, rule: string, format: 'json' | 'yaml' = 'json'): string[] {
    const a = analyzeTextDocument({ uri: `untitled:x.asl.${format}`, languageId: format === 'json' ? 'asl' : 'asl-yaml', version: 1, getText: () => text }, { rules: {} })!;
    const d = a.lint.diagnostics.find((x) => x.rule === rule)!;
    return codeActions(a, d.range)
      .filter((c) => (c.diagnostics?.[0]?.data as { rule?: string } | undefined)?.rule === rule)
      .map((c) => `${c.title}${c.isPreferred ? ' (preferred)' : ''}`);
  }

  it("pass-result-is-static: move 'Result' to 'Parameters' (editor-only), not when Parameters exists", () => {
    const text = 'StartAt: P\nStates:\n  P:\n    Type: Pass\n    Result:\n      c.$: $.c\n    End: true\n';
    expect(fixesOf(text, 'pass-result-is-static', 'yaml')).toEqual([
      [{ title: "Move 'Result' to 'Parameters' (evaluated at run time)", edits: [{ offset: text.indexOf('Result'), length: 6, newText: 'Parameters' }] }],
    ]);
    expect(quickFixTitles(text, 'pass-result-is-static', 'yaml')).toEqual(["Move 'Result' to 'Parameters' (evaluated at run time) (preferred)"]);
    // Parameters present: the rename would write it twice (no fix); the rule still reports.
    const both = '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {}, "Result": {"c.$": "$.c"}, "End": true}}}';
    expect(fixesOf(both, 'pass-result-is-static')).toEqual([undefined]);
  });

  it('transition-target: no single close name, the three nearest of the scope (editor-only, none preferred)', () => {
    const text =
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Zzzz"}, "Alpha": {"Type": "Succeed"}, "Beta": {"Type": "Succeed"}, "Gamma": {"Type": "Succeed"}, "Delta": {"Type": "Succeed"}}}';
    const at = text.indexOf('"Zzzz"');
    expect(fixesOf(text, 'transition-target')).toEqual([['A', 'Beta', 'Alpha'].map((n) => ({ title: `Change to '${n}'`, edits: [{ offset: at, length: 6, newText: `"${n}"` }] }))]);
    expect(quickFixTitles(text, 'transition-target')).toEqual(["Change to 'A'", "Change to 'Beta'", "Change to 'Alpha'"]);
    // A close name: the one suggestion, as before.
    const close = text.replace('"Zzzz"', '"Gamma1"');
    expect(fixesOf(close, 'transition-target')).toEqual([[{ title: "Change to 'Gamma'", kind: 'suggestion', edits: [{ offset: at, length: 8, newText: '"Gamma"' }] }]]);
  });

  it('transition-target: the nearest names stop at a bounded amount of work (generated input)', () => {
    const name = (i: number) => `State number ${i} `.padEnd(120, 'x');
    const n = 20;
    const states: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) states[name(i)] = { Type: 'Pass', Next: `${'q'.repeat(110)}${i}` };
    const ds = lint(JSON.stringify({ StartAt: name(0), States: states })).diagnostics.filter((d) => d.rule === 'transition-target');
    expect(ds).toHaveLength(n);
    // Each of the first targets (111 characters) costs 20 names x 112 x 121 cells = 271,040 (no
    // name comes close, so the band never narrows): three fit in NEAREST_CELLS; the rest come
    // without the nearest names.
    expect(NEAREST_CELLS).toBe(1_000_000);
    expect(ds.map((d) => d.fixes?.length ?? 0)).toEqual([3, 3, 3, ...Array(n - 3).fill(0)]);
  });

  it('transition-target: the three nearest are those of a full stable sort by edit distance (random scopes)', () => {
    const rand = prng(4711);
    const word = () => Array.from({ length: 1 + Math.floor(rand() * 9) }, () => 'abcdeXY '[Math.floor(rand() * 8)]).join('');
    let compared = 0;
    for (let round = 0; round < 200; round++) {
      const names = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 30) }, word))];
      const target = `${word()}${word()}`;
      if (names.includes(target)) continue;
      const states: Record<string, unknown> = { [names[0]]: { Type: 'Pass', Next: target } };
      for (const n of names.slice(1)) states[n] = { Type: 'Succeed' };
      const [d] = lint(JSON.stringify({ StartAt: names[0], States: states })).diagnostics.filter((x) => x.rule === 'transition-target');
      if (d.fixes?.[0]?.kind === 'suggestion') continue; // a close name: the one suggestion
      const expected = names
        .map((c) => ({ c, dist: editDistance(target.toLowerCase(), c.toLowerCase()) }))
        .sort((a, b) => a.dist - b.dist)
        .slice(0, 3)
        .map(({ c }) => `Change to '${c}'`);
      expect(
        d.fixes?.map((f) => f.title),
        `${target} in ${JSON.stringify(names)}`,
      ).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('missing-end-state and next-or-end: add "End": true to the reachable state with no transition (editor-only)', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass"}, "C": {"Type": "Pass", "Next": "A"}}}';
    const endB = [{ title: `Add "End": true to 'B'`, edits: [{ offset: text.indexOf('"Pass"}') + 6, length: 0, newText: ', "End": true' }] }];
    expect(fixesOf(text, 'missing-end-state')).toEqual([endB]);
    expect(fixesOf(text, 'next-or-end')).toEqual([endB]);
    expect(quickFixTitles(text, 'missing-end-state')).toEqual([`Add "End": true to 'B' (preferred)`]);
    // Unreachable states get none from missing-end-state (issue 13): only C lacks a transition here, and nothing reaches it.
    const loop = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}, "C": {"Type": "Pass"}}}';
    expect(fixesOf(loop, 'missing-end-state')).toEqual([undefined]);
  });

  it("field-not-supported: an unknown End or Next variant ('End.$') on a state with no transition gets the End fix", () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End.$: true\n';
    const endA = [{ title: `Add "End": true to 'A'`, edits: [{ offset: text.length - 1, length: 0, newText: '\n    End: true' }] }];
    expect(fixesOf(text, 'field-not-supported', 'yaml')).toEqual([endA]);
    expect(quickFixTitles(text, 'field-not-supported', 'yaml')).toEqual([`Add "End": true to 'A' (preferred)`]);
    // Another unknown field: no End fix from this rule.
    expect(fixesOf(text.replace('End.$', 'Foo'), 'field-not-supported', 'yaml')).toEqual([undefined]);
  });

  it("query-language: the value moved to the top level is quoted where YAML would read it as something else ('y')", () => {
    const text = 'StartAt: A\nStates:\n  QueryLanguage: y\n  A:\n    Type: Succeed\n';
    const [fixes] = fixesOf(text, 'query-language', 'yaml');
    expect(fixes?.[0].edits[0]).toEqual({ offset: 0, length: 0, newText: 'QueryLanguage: "y"\n' });
  });
});

describe('the LSP only translates', () => {
  it('codeActions.ts names no rule and reads no message text', () => {
    const src = readFileSync(join(import.meta.dirname, '..', 'src', 'lsp', 'codeActions.ts'), 'utf8');
    for (const rule of allRules) expect(src.includes(`'${rule.meta.id}'`), rule.meta.id).toBe(false);
    expect(src).not.toMatch(/\.message\b|\.data\b/);
  });
});
