/** LSP hover on a diagnostic names its rule from the API's rulesMeta, the metadata-only rules too (issue 11). */
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
