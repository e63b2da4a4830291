/**
 * Regressions the fuzz found, kept as named cases: did-you-mean on many missing states, misused
 * API arguments, the size limit in JSON and YAML, a YAML state named __proto__, a YAML syntax
 * error at the very end.
 */
import { describe, expect, it } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import { lint } from '../../src/index.js';
import { lintFile } from '../../src/lint-file.js';
import type { Obj } from './generators.js';
import { diagnosticProblems } from './invariants.js';

describe('fuzz: named regressions', () => {
  it('1,000 states that each name a missing state get their did-you-mean quickly', () => {
    // Every missing name against every state name: full edit-distance tables took seconds.
    const states: Obj = {};
    for (let i = 0; i < 1000; i++) states[`State number ${i}`] = { Type: 'Pass', Next: `Stat number ${(i * 7) % 1000}` };
    const text = JSON.stringify({ StartAt: 'State number 0', States: states });
    lint(text);
    const t0 = performance.now();
    const { diagnostics } = lint(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(diagnostics.filter((d) => d.code === 'MISSING_TRANSITION_TARGET')).toHaveLength(1000);
    expect(diagnostics.find((d) => d.location === '/States/State number 1/Next')?.message).toBe("Missing 'Next' target: Stat number 7 (did you mean 'State number 7'?)");
  });

  it('misused API arguments get a clear TypeError or a diagnostic, never a JavaScript internal error', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
    const sam = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: x.json\n';
    const unread = (readFile: () => unknown) => lintFile(sam, '/t/template.yaml', { readFile: readFile as () => string })[0].diagnostics.map((d) => d.message);
    expect(lint(text, null as unknown as undefined).result).toBe('OK');
    expect(() => lintFile(null as unknown as string, 'a.asl.json')).toThrow(new TypeError("lintFile(): text must be a string (the file's content), got null"));
    expect(() => lintFile(text, 'a.asl.json', { substitutions: { X: '1' } as unknown as Map<string, string> })).toThrow(
      new TypeError('lintFile(): substitutions must be a Map from placeholder name to value'),
    );
    expect(unread(() => 5)).toEqual(["M: DefinitionUri names 'x.json', which cannot be read (readFile gave number, not the file's text)."]);
    expect(
      unread(() => {
        throw 'boom';
      }),
    ).toEqual(["M: DefinitionUri names 'x.json', which cannot be read (boom)."]);
  });

  it('a definition past the 1 MB limit, as JSON and YAML, gets the size diagnostic and sound ranges', () => {
    const value = { Comment: 'x'.repeat(1_100_000), StartAt: 'A', States: { A: { Type: 'Pas', End: 'yes' } } };
    for (const [text, fileName] of [
      [JSON.stringify(value), 'big.asl.json'],
      [yamlStringify(value), 'big.asl.yaml'],
    ]) {
      const { diagnostics } = lint(text, { fileName });
      expect(diagnosticProblems(diagnostics, text, fileName)).toEqual([]);
      expect(diagnostics.map((d) => d.rule)).toContain('definition-too-large');
    }
  });

  it('a YAML state named __proto__ is a state, as in JSON', () => {
    const codes = (text: string, fileName: string) => lint(text, { fileName }).diagnostics.map((d) => [d.code, d.location]);
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "__proto__": {"Type": "Pass", "End": true}}}';
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  __proto__:\n    Type: Pass\n    End: true\n';
    expect(codes(json, 'a.asl.json')).toEqual([['MISSING_TRANSITION_TARGET', '/States/__proto__']]);
    expect(codes(yaml, 'a.asl.yaml')).toEqual(codes(json, 'a.asl.json'));
  });

  it('a YAML syntax error at the very end of the text has a range inside it', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: "Pass';
    const [d] = lint(text, { fileName: 'a.asl.yaml' }).diagnostics;
    expect([d.code, d.offset, d.length, d.range.end]).toEqual(['INVALID_JSON_DESCRIPTION', text.length, 0, { line: 3, character: 15 }]);
  });
});
