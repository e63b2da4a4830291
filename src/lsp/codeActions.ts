/**
 * Quick fixes for the diagnostics in a range, and the fix-all action: the rules' own fixes
 * (Diagnostic.fixes), translated to code actions. Which fixes exist, and whether they are safe, is
 * the rules' business (RuleContext.fixer); nothing here knows a rule.
 */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { Diagnostic, Fix } from '../types.js';
import { fixEdits } from '../fix/fix.js';
import type { Analysis } from './analysis.js';
import { toLspDiagnostic } from './diagnostics.js';
import { toLspEdit } from './edits.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.asl-lint`;

export function codeActions(analysis: Analysis, range: Range, only?: string[]): CodeAction[] {
  const wantQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  const wantFixAll = !!only?.some((k) => FIX_ALL_KIND.startsWith(k));
  const out: CodeAction[] = [];
  if (analysis.ignored) return out;
  if (wantQuickFix) {
    const { doc } = analysis;
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    for (const d of analysis.lint.diagnostics) {
      if (d.offset > end || d.offset + d.length < start) continue;
      const fixes = d.fixes ?? [];
      // Preferred: a fix or suggestion, or the only candidate.
      for (const fix of fixes) out.push(action(analysis, fix, d, fix.kind !== undefined || fixes.length === 1));
    }
  }
  if (wantFixAll) {
    const fixAll = fixAllAction(analysis);
    if (fixAll) out.push(fixAll);
  }
  return out;
}

function action(analysis: Analysis, fix: Fix, d: Diagnostic, preferred: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(d)],
    isPreferred: preferred,
    edit: { changes: { [analysis.uri]: fix.edits.map((e) => toLspEdit(analysis.doc, e)) } },
  };
}

/**
 * source.fixAll: the fixes that keep the meaning (Fix.kind 'fix'), as one pass of the CLI's --fix
 * applies them (an overlapping one waits for the next pass). Suggestions are never applied here:
 * editors run fix-all on save, unseen. Linear: the edits are sorted once and swept.
 */
function fixAllAction(analysis: Analysis): CodeAction | undefined {
  const edits = fixEdits(analysis.lint.diagnostics, ['fix']);
  if (!edits.length) return undefined;
  const { doc } = analysis;
  return { title: 'Fix all asl-lint problems that have a meaning-preserving fix', kind: FIX_ALL_KIND, edit: { changes: { [analysis.uri]: edits.map((e) => toLspEdit(doc, e)) } } };
}
