import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { applyEditGroups, fixText } from '../src/fix/fix.js';

const lintJson = (t: string) => lint(t).diagnostics;
const lintYaml = (t: string) => lint(t, { format: 'yaml' }).diagnostics;

describe('fixText', () => {
  const json = '{\n  "StartAt": "Frist",\n  "States": {\n    "First": {"Type": "Pass",   "Next": "Secnod"},\n    "Second": {"Type": "Succeed"}\n  }\n}\n';

  it('applies the safe fixes and leaves every other byte untouched', () => {
    const r = fixText(json, lintJson);
    expect(r.output).toBe(json.replace('"Frist"', '"First"').replace('"Secnod"', '"Second"'));
    expect(r.fixed).toBe(2);
    expect(r.remaining).toEqual([]);
  });

  it('is idempotent', () => {
    const once = fixText(json, lintJson).output;
    const twice = fixText(once, lintJson);
    expect(twice.output).toBe(once);
    expect(twice.fixed).toBe(0);
  });

  it('keeps YAML plain scalars plain', () => {
    const yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Doen   # the end\n  B:\n    Type: Pass\n    Next: 'Doen'\n  Done:\n    Type: Succeed\n";
    expect(fixText(yaml, lintYaml).output).toBe(yaml.replace('Next: Doen', 'Next: Done').replace("Next: 'Doen'", "Next: 'Done'"));
  });

  it('does not guess when two states are equally close', () => {
    const t = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Bx"}, "Ba": {"Type": "Succeed"}, "Bb": {"Type": "Succeed"}}}';
    expect(fixText(t, lintJson).fixed).toBe(0);
  });
});

describe('applyEditGroups', () => {
  it('skips a group that overlaps an earlier one', () => {
    const r = applyEditGroups('abcdef', [
      [{ offset: 1, length: 2, newText: 'X' }],
      [{ offset: 2, length: 1, newText: 'Y' }],
      [{ offset: 4, length: 1, newText: 'Z' }],
    ]);
    expect(r).toEqual({ text: 'aXdZf', applied: 2 });
  });
});
