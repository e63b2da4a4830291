import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { MAX_CHECKS, applyEditGroups, chooseGroups, fixEdits, fixText } from '../src/fix/fix.js';
import type { Diagnostic } from '../src/types.js';

const lintJson = (t: string) => lint(t).diagnostics;
const lintYaml = (t: string) => lint(t, { format: 'yaml' }).diagnostics;
const BOTH = ['fix', 'suggestion'] as const;

describe('fixText', () => {
  const json = '{\n  "StartAt": "Frist",\n  "States": {\n    "First": {"Type": "Pass",   "Next": "Secnod"},\n    "Second": {"Type": "Succeed"}\n  }\n}\n';

  it('applies the suggestions asked for and leaves every other byte untouched', () => {
    const r = fixText(json, lintJson, BOTH);
    expect(r.output).toBe(json.replace('"Frist"', '"First"').replace('"Secnod"', '"Second"'));
    expect(r.fixed).toBe(2);
    expect(r.remaining).toEqual([]);
  });

  it('is idempotent', () => {
    const once = fixText(json, lintJson, BOTH).output;
    const twice = fixText(once, lintJson, BOTH);
    expect(twice.output).toBe(once);
    expect(twice.fixed).toBe(0);
  });

  it('keeps YAML plain scalars plain', () => {
    const yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Doen   # the end\n  B:\n    Type: Pass\n    Next: 'Doen'\n  Done:\n    Type: Succeed\n";
    expect(fixText(yaml, lintYaml, BOTH).output).toBe(yaml.replace('Next: Doen', 'Next: Done').replace("Next: 'Doen'", "Next: 'Done'"));
  });

  it('does not guess when two states are equally close', () => {
    const t = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Bx"}, "Ba": {"Type": "Succeed"}, "Bb": {"Type": "Succeed"}}}';
    expect(fixText(t, lintJson, BOTH).fixed).toBe(0);
  });
});

describe('applyEditGroups', () => {
  it('skips a group that overlaps an earlier one', () => {
    const r = applyEditGroups('abcdef', [[{ offset: 1, length: 2, newText: 'X' }], [{ offset: 2, length: 1, newText: 'Y' }], [{ offset: 4, length: 1, newText: 'Z' }]]);
    expect(r).toEqual({ text: 'aXdZf', applied: 2 });
  });
});

/** The fixes of each diagnostic, as `CODE kind: title`. */
const fixesOf = (diags: Diagnostic[]) => diags.flatMap((d) => (d.fixes ?? []).map((f) => `${d.code} ${f.kind ?? 'editor'}: ${f.title}`));

describe('which fixes are fixes and which are suggestions (issue 9 §2)', () => {
  it('adding .$, using the ...Path field and the closest state name are suggestions; --fix alone applies none of them', () => {
    const t = '{"StartAt": "Strat", "States": {"Start": {"Type": "Pass", "Parameters": {"id": "$.id"}, "Next": "Fial"}, "Fail": {"Type": "Fail", "Error": "$.e"}}}';
    expect(fixesOf(lintJson(t))).toEqual([
      "MISSING_TRANSITION_TARGET suggestion: Change to 'Start'",
      "NO_DOLLAR suggestion: Rename 'id' to 'id.$'",
      "MISSING_TRANSITION_TARGET suggestion: Change to 'Fail'",
      "NO_PATH suggestion: Use 'ErrorPath'",
    ]);
    const r = fixText(t, lintJson);
    expect(r).toMatchObject({ output: t, fixed: 0, notApplied: 4, refused: 0 });
    expect(fixText(t, lintJson, ['suggestion']).fixed).toBe(4);
  });

  it("a JSONata state's 'x.$' key: renaming it is a suggestion", () => {
    const t = '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"id.$": "x"}, "End": true}}}';
    expect(fixesOf(lint(t).diagnostics).filter((f) => f.includes('Rename'))).toEqual(
      ["LINT_JSONATA_DOLLAR_KEY suggestion: Rename 'id.$' to 'id'"].map((x) => x.replace('LINT_JSONATA_DOLLAR_KEY', lint(t).diagnostics.find((d) => d.rule === 'jsonata-dollar-key')!.code)),
    );
  });
});

describe('no fix writes a key twice (issue 9 §2)', () => {
  it("NO_DOLLAR offers no rename to 'id.$' where 'id.$' exists (JSON and YAML)", () => {
    const t = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "$.x", "id.$": "$.y", "k": "$.k"}, "End": true}}}';
    const d = lintJson(t).filter((x) => x.code === 'NO_DOLLAR');
    expect(d.map((x) => [x.offset, x.fixes?.map((f) => f.title)])).toEqual([
      [t.indexOf('"id"'), undefined],
      [t.indexOf('"k"'), ["Rename 'k' to 'k.$'"]],
    ]);
    const r = fixText(t, lintJson, BOTH);
    expect(r.output).toBe(t.replace('"k"', '"k.$"'));
    const y = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters:\n      id: $.x\n      id.$: $.y\n    End: true\n';
    expect(lintYaml(y).find((x) => x.code === 'NO_DOLLAR')?.fixes).toBeUndefined();
    expect(fixText(y, lintYaml, BOTH).output).toBe(y);
  });

  it("NO_PATH offers no 'ErrorPath' where ErrorPath exists", () => {
    const t = '{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "$.e", "ErrorPath": "$.f"}}}';
    const d = lintJson(t).find((x) => x.code === 'NO_PATH');
    expect(d?.fixes).toBeUndefined();
  });

  it("a JSONata 'id.$' key is not renamed to 'id' where 'id' exists", () => {
    const t = '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"id.$": "x", "id": 1}, "End": true}}}';
    expect(lint(t).diagnostics.find((d) => d.rule === 'jsonata-dollar-key')?.fixes).toBeUndefined();
  });

  it('a misspelt field is not renamed onto a field the state already has', () => {
    const ok = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "TimeoutSecond": 5, "End": true}}}';
    expect(fixesOf(lintJson(ok))).toContain("SCHEMA_VALIDATION_FAILED editor: Rename 'TimeoutSecond' to 'TimeoutSeconds'");
    const t = ok.replace('"End"', '"TimeoutSeconds": 3, "End"');
    expect(fixesOf(lintJson(t)).filter((f) => f.includes("'TimeoutSeconds'"))).toEqual([]);
  });
});

describe('YAML anchors and aliases are never edited (issue 9 §2)', () => {
  const yaml =
    'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters: &p\n      id: $.x\n    Next: B\n  B:\n    Type: Pass\n    Parameters: *p\n    Next: Cx\n  C:\n    Type: Pass\n    Parameters:\n      z: $.z\n    End: true\n';

  it('the anchored map and the alias get no fix; the other state does', () => {
    const d = lintYaml(yaml);
    expect(d.map((x) => `${x.range.start.line + 1}:${x.code}:${x.fixes?.map((f) => f.title).join() ?? '-'}`)).toEqual([
      '6:NO_DOLLAR:-',
      '10:NO_DOLLAR:-',
      "11:MISSING_TRANSITION_TARGET:Change to 'C'",
      '12:MISSING_TRANSITION_TARGET:-',
      "15:NO_DOLLAR:Rename 'z' to 'z.$'",
    ]);
    expect(fixText(yaml, lintYaml, BOTH).output).toBe(yaml.replace('Next: Cx', 'Next: C').replace('z: $.z', 'z.$: $.z'));
  });

  it('an anchored scalar and a merge key are not edited either', () => {
    const y = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: &n Bx\n  C:\n    Type: Pass\n    Next: *n\n  B:\n    Type: Succeed\n';
    const missing = lintYaml(y).filter((d) => d.code === 'MISSING_TRANSITION_TARGET');
    expect(missing.map((d) => d.message)).toContain("Missing 'Next' target: Bx (did you mean 'B'?)");
    expect(missing.map((d) => d.fixes)).toEqual(missing.map(() => undefined));
    const m = 'StartAt: A\nBase: &b\n  id: $.x\nStates:\n  A:\n    Type: Pass\n    Parameters:\n      <<: *b\n    End: true\n';
    for (const d of lintYaml(m)) expect(d.fixes ?? [], d.message).toEqual([]);
  });
});

describe('a fix that would add an error is left out', () => {
  it('drops the fixes its new errors point at, keeps the rest, and tries no dropped fix again', () => {
    // A stand-in linter: 'a' and 'b' have fixes; fixing 'b' would add an error.
    const lintStub = (t: string): Diagnostic[] => {
      const out: Diagnostic[] = [];
      const at = (offset: number, code: string, severity: 'ERROR' | 'WARNING', newText?: string): Diagnostic => ({
        code,
        rule: 'x',
        severity,
        message: code,
        range: { start: { line: 0, character: offset }, end: { line: 0, character: offset + 1 } },
        offset,
        length: 1,
        fixes: newText ? [{ title: 't', kind: 'suggestion', edits: [{ offset, length: 1, newText }] }] : undefined,
      });
      for (let i = 0; i < t.length; i++) {
        if (t[i] === 'a') out.push(at(i, 'A', 'WARNING', 'A'));
        if (t[i] === 'b') out.push(at(i, 'B', 'WARNING', 'X'));
        if (t[i] === 'X') out.push(at(i, 'NEW', 'ERROR'));
      }
      return out;
    };
    // Many harmful fixes: found by where their errors are, in a bounded number of lints.
    let calls = 0;
    const many = fixText('ab'.repeat(2_000), (t) => (calls++, lintStub(t)), ['suggestion']);
    expect(many.output).toMatch(/^[aAbX]+$/);
    expect(many.remaining.some((d) => d.severity === 'ERROR')).toBe(false);
    expect(many.output).toBe('Ab'.repeat(2_000));
    expect(many.refused).toBe(2_000);
    expect(calls).toBeLessThanOrEqual(1 + MAX_CHECKS);
    expect(calls).toBe(3);
    const r = fixText('a.b.a.a.b', lintStub, ['suggestion']);
    expect(r.output).toBe('A.b.A.A.b');
    expect(r.fixed).toBe(3);
    expect(r.refused).toBe(2);
    expect(r.remaining.every((d) => d.severity !== 'ERROR')).toBe(true);
  });
});

describe('a real suggestion that would add an error', () => {
  it("'a' -> 'a.$' on \"$.a[\" would make an invalid path: left out; 'b' -> 'b.$' applied, in 3 lints", () => {
    const states = Array.from({ length: 50 }, (_, i) => `"S${i}": {"Type": "Pass", "Parameters": {"a": "$.a[", "b": "$.b"}, ${i < 49 ? `"Next": "S${i + 1}"` : '"End": true'}}`);
    const t = `{"StartAt": "S0", "States": {${states.join(', ')}}}`;
    let calls = 0;
    const r = fixText(t, (x) => (calls++, lintJson(x)), BOTH);
    expect(r.output).toBe(t.replaceAll('"b":', '"b.$":'));
    expect([r.fixed, r.refused, calls]).toEqual([50, 50, 3]);
    expect(r.remaining.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });
});

describe('fix-all is linear (issue 9 §3: 20,000 states took 39 s in the editor)', () => {
  it('chooses among 20,000 groups, overlapping ones dropped, in one sort and sweep', () => {
    const groups = Array.from({ length: 20_000 }, (_, i) => [{ offset: 10 * (19_999 - i), length: i % 2 ? 12 : 3, newText: 'x' }]);
    const chosen = chooseGroups(groups);
    // Every odd group (12 long) overlaps the next one in text order: 10,000 of each pair survive.
    expect(chosen.length).toBe(10_000);
    for (let i = 1; i < chosen.length; i++) expect(chosen[i][0].offset).toBeGreaterThanOrEqual(chosen[i - 1][0].offset + chosen[i - 1][0].length);
  });

  it('a 20,000-state definition: one pass of every suggestion, non-overlapping, applied cleanly', () => {
    const states: string[] = [];
    for (let i = 0; i < 20_000; i++) states.push(`"S${i}": {"Type": "Pass", "Parameters": {"id": "$.x"}, ${i < 19_999 ? `"Next": "S${i + 1}"` : '"End": true'}}`);
    const t = `{"StartAt": "S0", "States": {${states.join(', ')}}}`;
    const diags = lintJson(t);
    const edits = fixEdits(diags, ['suggestion']);
    expect(edits.length).toBe(20_000);
    expect(fixEdits(diags, ['fix'])).toEqual([]);
    const out = applyEditGroups(
      t,
      edits.map((e) => [e]),
    );
    expect(out.applied).toBe(20_000);
    expect(lintJson(out.text).map((d) => d.code)).toEqual(['DEFINITION_TOO_LARGE']);
  });
});

describe("each rule's fixable metadata says what its fixes are (the docs' fixable column)", () => {
  it('on every invalid example, the metadata names the strongest kind of the fixes a rule gives (editor-only candidates may come beside a suggestion)', async () => {
    const { allRules } = await import('../src/index.js');
    const seen = new Map<string, Set<string>>();
    for (const rule of allRules) {
      for (const ex of rule.meta.examples.invalid) {
        const diags = lint(ex.text, { fileName: ex.format === 'yaml' ? 'x.asl.yaml' : 'x.asl.json', type: ex.type, rules: { [rule.meta.id]: 'warn' } }).diagnostics;
        for (const d of diags.filter((x) => x.rule === rule.meta.id)) {
          for (const f of d.fixes ?? []) {
            const kinds = seen.get(rule.meta.id) ?? new Set<string>();
            kinds.add(f.kind ?? 'editor');
            seen.set(rule.meta.id, kinds);
          }
        }
      }
    }
    for (const rule of allRules) {
      const kinds = [...(seen.get(rule.meta.id) ?? [])];
      if (!rule.meta.fixable) expect(kinds, rule.meta.id).toEqual([]);
      else {
        // A rule that says it has fixes shows one in its examples (they are its docs).
        expect(kinds.length, `${rule.meta.id}: fixable '${rule.meta.fixable}' but no invalid example gets a fix`).toBeGreaterThan(0);
        const rank = { editor: 0, suggestion: 1, fix: 2 } as const;
        const ranks = kinds.map((k) => rank[k as keyof typeof rank]);
        for (const r of ranks) expect(r, rule.meta.id).toBeLessThanOrEqual(rank[rule.meta.fixable]);
        // A fix or suggestion seen is the kind the metadata names (an example may show only a rule's editor-only candidates).
        if (Math.max(...ranks) > 0) expect(Math.max(...ranks), rule.meta.id).toBe(rank[rule.meta.fixable]);
      }
    }
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(['no-dollar', 'no-path', 'start-at-target', 'field-not-supported']));
  });
});

describe('templates: the YAML anchors of a template are never edited either', () => {
  it('a SAM Definition whose Parameters is an alias gets no fix; a plain one does', async () => {
    const { lintFile } = await import('../src/lint-file.js');
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Flow:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A:',
      '            Type: Pass',
      '            Parameters: &p',
      '              id: $.x',
      '            Next: B',
      '          B:',
      '            Type: Pass',
      '            Parameters: *p',
      '            Next: C',
      '          C:',
      '            Type: Pass',
      '            Parameters:',
      '              z: $.z',
      '            End: true',
      '',
    ].join('\n');
    const [own] = lintFile(text, 'template.yaml');
    expect(own.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}:${d.fixes?.length ?? 0}`)).toEqual(['12:NO_DOLLAR:0', '16:NO_DOLLAR:0', '21:NO_DOLLAR:1']);
    const r = fixText(text, (t) => lintFile(t, 'template.yaml')[0].diagnostics, BOTH);
    expect(r.output).toBe(text.replace('z: $.z', 'z.$: $.z'));
  });
});
