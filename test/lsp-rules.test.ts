/** The editor and the rule catalogue (issue 11): hover names a diagnostic's rule from the API's rulesMeta, the metadata-only rules too; template-definition settings apply. */
import { describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { analyzeTextDocument } from '../src/lsp/analysis.js';
import { defaultSettings } from '../src/lsp/settings.js';
import { hover } from '../src/lsp/hover.js';

function hoverAt(text: string, needle: string) {
  const analysis = analyzeTextDocument({ uri: 'untitled:flow.asl.json', languageId: 'json', version: 1, getText: () => text }, defaultSettings)!;
  const at = analysis.doc.positionAt(text.indexOf(needle) + 1);
  return (hover(analysis, at)?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('hover names the rule behind a diagnostic', () => {
  it('a rule module', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nope"}}}';
    expect(hoverAt(text, '"Nope"')).toMatch(/^\*\*transition-target\*\* \(MISSING_TRANSITION_TARGET\): /m);
  });

  it('a metadata-only rule the engine reports (invalid-disable-directive had no hover before)', () => {
    const text = '{"Comment": "asl-lint-disable NO_DOLAR", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
    expect(hoverAt(text, '"asl-lint-disable')).toMatch(
      /^\*\*invalid-disable-directive\*\* \(LINT_INVALID_DIRECTIVE\): An asl-lint directive that is not one asl-lint knows, or names a rule that does not exist\./m,
    );
  });
});

describe('the editor applies template-definition settings as the CLI does', () => {
  const S3 = 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location:\n        Bucket: b\n        Key: k.json\n';
  const codes = (rules: Record<string, 'off' | 'warn' | 'error'>) =>
    analyzeTextDocument({ uri: 'untitled:template.yaml', languageId: 'yaml', version: 1, getText: () => S3 }, { rules })?.lint.diagnostics.map(
      (d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.rule}`,
    ) ?? 'no analysis';

  it('reported by default, off and error by setting', () => {
    expect(codes({})).toEqual(['4:6 WARNING LINT_NOT_CHECKABLE template-definition']);
    // Off, nothing is left to show: a template with no problem and no definition gets no analysis.
    expect(codes({ 'template-definition': 'off' })).toBe('no analysis');
    expect(codes({ 'template-definition': 'error' })).toEqual(['4:6 ERROR LINT_NOT_CHECKABLE template-definition']);
  });
});
