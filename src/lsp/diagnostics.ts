/** Diagnostics: the lint result as LSP diagnostics, with the same codes, messages and ranges as the CLI. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../types.js';
import type { Analysis } from './analysis.js';

export const RULE_DOCS = 'https://github.com/asl-lint/asl-lint/blob/main/rules/README.md';
export const SOURCE = 'asl-lint';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS}#${ruleId}`;
}

/** What travels in an LSP diagnostic's `data`: enough to find the engine's diagnostic again. */
export interface DiagnosticData {
  rule: string;
  offset: number;
  length: number;
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = { rule: d.rule, offset: d.offset, length: d.length };
  return {
    range: d.range,
    severity: d.severity === 'ERROR' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    codeDescription: { href: ruleDocsUrl(d.rule) },
    source: SOURCE,
    message: d.message,
    data,
  };
}

export function diagnostics(analysis: Analysis | undefined): LspDiagnostic[] {
  return analysis && !analysis.ignored ? analysis.lint.diagnostics.map(toLspDiagnostic) : [];
}
