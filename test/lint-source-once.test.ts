/**
 * The editor lints and parses each document version once (issue 11, item 5: one lintSource() for
 * both adapters, and the LSP keeps parsing and linting once per version). Counted at the lowest
 * level, so no way in goes uncounted: every call of the engine's analysis entry points (analyze()
 * and analyzeDocument(), whoever calls them) and of the JSON and YAML parsers under parse()
 * (parseJson, parseYaml). Before: a JSON/YAML definition not named as ASL was linted twice (once
 * as a would-be template, once as a definition); a definition with the configuration's
 * substitutions was parsed twice (substituted by lintSource, as written by the LSP).
 *
 * One exception, by design, pinned below: a definition file a template names (DefinitionUri) is
 * linted twice, as the file and through the template with its substitutions, so that when both
 * give the same problems the file's own quick fixes stay (fixes do not follow a template's
 * substitutions); that is two analyses and three parses (the file, the template, the definition
 * through it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ analyze: 0, parse: 0 }));
vi.mock('../src/engine/engine.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/engine/engine.js')>();
  return {
    ...actual,
    // analyze() parses and calls analyzeDocument inside its module: one analysis, counted here.
    analyze: (...args: Parameters<typeof actual.analyze>) => {
      calls.analyze++;
      return actual.analyze(...args);
    },
    analyzeDocument: (...args: Parameters<typeof actual.analyzeDocument>) => {
      calls.analyze++;
      return actual.analyzeDocument(...args);
    },
  };
});
vi.mock('../src/parse/json.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/parse/json.js')>();
  return {
    ...actual,
    parseJson: (...args: Parameters<typeof actual.parseJson>) => {
      calls.parse++;
      return actual.parseJson(...args);
    },
  };
});
vi.mock('../src/parse/yaml.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/parse/yaml.js')>();
  return {
    ...actual,
    parseYaml: (...args: Parameters<typeof actual.parseYaml>) => {
      calls.parse++;
      return actual.parseYaml(...args);
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
  calls.parse = 0;
});

function open(uri: string, languageId: string, text: string) {
  return { uri, languageId, version: 1, getText: () => text };
}

describe('one lint and one parse per document version', () => {
  it('a JSON definition not named as ASL', () => {
    const a = analyzeTextDocument(open('untitled:flow.json', 'json', DEF.replace('${Wait}', '5')), { rules: {} });
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(a?.model?.states.map((s) => s.name)).toEqual(['A']);
    expect(calls).toEqual({ analyze: 1, parse: 1 });
  });

  it('a YAML definition', () => {
    const a = analyzeTextDocument(open('untitled:flow.asl.yaml', 'asl-yaml', 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n'), { rules: {} });
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(a?.model?.states.map((s) => s.name)).toEqual(['A']);
    expect(calls).toEqual({ analyze: 1, parse: 1 });
  });

  it("a definition with the configuration's substitutions: its model is the text as written", () => {
    const file = join(dir, 'flow.asl.json');
    const uri = pathToFileURL(file).href;
    const { settings } = withProjectConfig(uri, { rules: {} });
    expect(settings.lint?.substitutions).toEqual(new Map([['Wait', '5']]));
    const a = analyzeTextDocument(open(uri, 'json', DEF), settings);
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    // Linted substituted; the text as written is not read until a feature asks for it.
    expect(calls).toEqual({ analyze: 1, parse: 1 });
    // The unquoted placeholder does not parse as written: features read the tolerant model.
    expect(a?.tolerant).toBe(true);
    expect(a?.model?.states.map((s) => s.name)).toEqual(['A']);
    expect(a?.doc.text).toBe(DEF);
    // A feature reads the text as written: parsed then, once, whatever the number of features.
    expect(calls).toEqual({ analyze: 1, parse: 2 });
  });

  it("a definition with the configuration's substitutions that parses as written: features read its own model, not a tolerant one", () => {
    const file = join(dir, 'quoted.asl.json');
    const uri = pathToFileURL(file).href;
    const { settings } = withProjectConfig(uri, { rules: {} });
    const text = DEF.replace('"Seconds": ${Wait}', '"Comment": "${Wait}", "Seconds": 1');
    const a = analyzeTextDocument(open(uri, 'json', text), settings);
    expect(calls).toEqual({ analyze: 1, parse: 1 });
    expect(a?.tolerant).toBe(false);
    expect(a?.model?.states[0].obj.Comment).toBe('${Wait}');
    expect(a?.lastGood).toBe(a?.model);
    expect(calls).toEqual({ analyze: 1, parse: 2 });
  });

  it("a JSON file not named as ASL, with the configuration's substitutions: found and linted from one parse", () => {
    const file = join(dir, 'found.json');
    const uri = pathToFileURL(file).href;
    const { settings } = withProjectConfig(uri, { rules: {} });
    const a = analyzeTextDocument(open(uri, 'json', DEF), settings);
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(calls).toEqual({ analyze: 1, parse: 1 });
  });

  it('a definition file a template names: linted as the file and through the template (by design: two analyses, three parses)', () => {
    const sub = join(dir, 'sam');
    mkdirSync(sub);
    writeFileSync(
      join(sub, 'template.yaml'),
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.asl.json\n      DefinitionSubstitutions:\n        Wait: 7\n',
    );
    const file = join(sub, 'flow.asl.json');
    const text = DEF.replace('${Wait}', '3');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const { settings } = withProjectConfig(uri, { rules: {} });
    const a = analyzeTextDocument(open(uri, 'json', text), settings);
    expect(a?.lint.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(calls).toEqual({ analyze: 2, parse: 3 });
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
    expect(calls).toEqual({ analyze: 1, parse: 1 });
  });
});
