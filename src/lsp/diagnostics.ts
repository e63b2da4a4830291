/** Diagnostics: the lint result as LSP diagnostics, with the same codes, messages and ranges as the CLI. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../types.js';
import type { Analysis } from './analysis.js';

import { ruleDocsUrl } from '../api.js';

const SOURCE = 'asl-lint';

/** What travels in an LSP diagnostic's `data`: enough to find the engine's diagnostic again. */
interface DiagnosticData {
  rule: string;
  offset: number;
  length: number;
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = { rule: d.rule, offset: d.offset, length: d.length };
  const href = ruleDocsUrl(d.rule);
  return {
    range: d.range,
    severity: d.severity === 'ERROR' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    // The shipped rule reference; no link at all rather than a guessed one (src/links.ts).
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: d.message,
    data,
  };
}

export function diagnostics(analysis: Analysis | undefined): LspDiagnostic[] {
  return analysis && !analysis.ignored ? analysis.lint.diagnostics.map(toLspDiagnostic) : [];
}
