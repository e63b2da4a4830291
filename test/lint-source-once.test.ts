/**
 * The editor lints each document version once (issue 11, item 5: one lintSource() for both
 * adapters, and the LSP keeps parsing and linting once per version). Counted at the engine: a
 * JSON/YAML definition not named as ASL was linted twice (once as a would-be template, once as a
 * definition), a definition with the configuration's substitutions twice (as written, substituted).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ analyze: 0 }));
vi.mock('../src/engine/engine.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/engine/engine.js')>();
  return {
    ...actual,
    analyzeDocument: (...args: Parameters<typeof actual.analyzeDocument>) => {
      calls.analyze++;
      return actual.analyzeDocument(...args);
    },
  };
});

const { analyzeTextDocument } = await import('../src/lsp/analysis.js');
const { withProjectConfig } = await import('../src/lsp/projectConfig.js');

const DEF = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Wait", "Seconds": ${Wait}, "Next": "B"}\n  }\n}\n';
const dir = mkdtempSync(join(tmpdir(), 'asl-lint-once-'));
mkdirSync(join(dir, '.git'));
writeFileSync(join(dir, 'asl-lint.config.json'), JSON.stringify({ substitutions: { Wait: 5 } }));

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  calls.analyze = 0;
});

function open(uri: string, languageId: string, text: string) {
  return { uri, languageId, version: 1, getText: () => text };
}

describe('one lint per document version', () => {
  it('a JSON definition not named as ASL', () => {
    const a = analyzeTextDocument(open('untitled:flow.json', 'json', DEF.replace('${Wait}', '5')), { rules: {} });
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(a?.model?.states.map((s) => s.name)).toEqual(['A']);
    expect(calls.analyze).toBe(1);
  });

  it("a definition with the configuration's substitutions: its model is the text as written", () => {
    const file = join(dir, 'flow.asl.json');
    const uri = pathToFileURL(file).href;
    const { settings } = withProjectConfig(uri, { rules: {} });
    expect(settings.lint?.substitutions).toEqual(new Map([['Wait', '5']]));
    const a = analyzeTextDocument(open(uri, 'json', DEF), settings);
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    // The unquoted placeholder does not parse as written: features read the tolerant model.
    expect(a?.tolerant).toBe(true);
    expect(a?.model?.states.map((s) => s.name)).toEqual(['A']);
    expect(calls.analyze).toBe(1);
  });

  it('a template', () => {
    const text =
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            Next: B\n';
    const a = analyzeTextDocument(open('untitled:template.yaml', 'yaml', text), { rules: {} });
    expect(a?.template).toBe('cloudformation');
    expect(a?.lint.diagnostics.map((d) => [d.code, d.location])).toEqual([
      ['MISSING_END_STATE', 'F: /'],
      ['MISSING_TRANSITION_TARGET', 'F: /States/A/Next'],
    ]);
    expect(calls.analyze).toBe(1);
  });
});
