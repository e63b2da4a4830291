/**
 * Quick fixes for the diagnostics in a range. The rules' own fixes come first (add `.$`, use the
 * `...Path` field, the closest state name); for the rest the fix is built here from the same
 * analysis: move a Pass state's Result to Parameters, add `"End": true`, the closest field name.
 */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { TRANSITION_TYPES } from '../lang/state-fields.js';
import { reachableStates, type State, type StateMachine } from '../model/model.js';
import type { Diagnostic, Fix, TextEdit } from '../types.js';
import { closest, editDistance } from '../lang/suggest.js';
import { fixEdits } from '../fix/fix.js';
import { fixIsSound, siblingExists } from '../fix/edits.js';
import type { Analysis } from './analysis.js';
import { tokenAt } from './cursor.js';
import { toLspDiagnostic } from './diagnostics.js';
import { addMemberEdit, rawText, scalarText, toLspEdit } from './edits.js';
import { stateFields, objectFields } from './fields.js';
import { locate, objectAt } from './locate.js';

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
      const fixes = fixesFor(analysis, d);
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

/** The rule's own fixes, else the ones built here (each checked as the rules' are: no duplicate key, no anchor or alias edited). */
export function fixesFor(analysis: Analysis, d: Diagnostic): Fix[] {
  if (d.fixes?.length) return d.fixes;
  return builtFixes(analysis, d).filter((f) => fixIsSound(analysis.doc, f));
}

function builtFixes(analysis: Analysis, d: Diagnostic): Fix[] {
  const { model } = analysis;
  if (!model || analysis.tolerant) return [];
  const out: Fix[] = [];
  const token = tokenAt(analysis.doc, d.offset);
  const path = token?.path ?? [];
  const found = locate(model, path);

  if (d.rule === 'pass-result-is-static' && found?.state) {
    const fix = resultToParameters(analysis, found.state);
    if (fix) out.push(fix);
  }
  if (d.rule === 'transition-target' && token?.part === 'value') {
    // No single close name: offer the three nearest of the scope.
    const candidates = Array.isArray(d.data?.candidates) ? (d.data!.candidates as unknown[]).filter((c): c is string => typeof c === 'string') : [];
    const target = typeof d.data?.target === 'string' ? d.data.target : '';
    const nearest = candidates
      .map((c) => ({ c, dist: editDistance(target.toLowerCase(), c.toLowerCase()) }))
      .sort((a, b) => a.dist - b.dist)
      .slice(0, 3);
    for (const { c } of nearest) out.push({ title: `Change to '${c}'`, edits: [{ ...token.span, newText: scalarText(analysis.doc, c, rawText(analysis.doc, token.span)) }] });
  }
  const unknownField = unknownFieldFix(analysis, d, model);
  if (unknownField) out.push(unknownField);
  const endFix = addEndFixes(analysis, d, model);
  out.push(...endFix);
  return out;
}

/** PASS_RESULT_IS_STATIC: Parameters evaluates what Result leaves static. */
function resultToParameters(analysis: Analysis, state: State): Fix | undefined {
  if (state.type !== 'Pass' || state.obj.Parameters !== undefined || state.queryLanguage !== 'JSONPath') return undefined;
  if (siblingExists(analysis.doc, [...state.path, 'Result'], 'Parameters')) return undefined;
  const key = analysis.doc.spanOf([...state.path, 'Result'], 'key');
  return { title: "Move 'Result' to 'Parameters' (evaluated at run time)", edits: [{ ...key, newText: scalarText(analysis.doc, 'Parameters', rawText(analysis.doc, key)) }] };
}

/**
 * An unknown field: the rule's did-you-mean candidate when it gives one (in `data`), else the
 * closest field valid at that place.
 */
function unknownFieldFix(analysis: Analysis, d: Diagnostic, model: StateMachine): Fix | undefined {
  const data = d.data ?? {};
  const field = typeof data.field === 'string' ? data.field : typeof data.key === 'string' ? data.key : undefined;
  if (!field) return undefined;
  const given = [data.suggestion, data.didYouMean, data.candidate].find((x): x is string => typeof x === 'string');
  // Where is the key? The diagnostic may point at the key itself or at the object holding it.
  const token = tokenAt(analysis.doc, d.offset);
  let keyPath = token?.part === 'key' && token.path[token.path.length - 1] === field ? token.path : undefined;
  if (!keyPath && token) {
    const objPath = token.part === 'key' ? token.path : token.path;
    keyPath = [...objPath, field];
  }
  if (!keyPath) return undefined;
  const span = analysis.doc.nodeAt(keyPath)?.exact ? analysis.doc.spanOf(keyPath, 'key') : undefined;
  if (!span) return undefined;
  let suggestion = given;
  if (!suggestion) {
    const site = objectAt(model, keyPath.slice(0, -1));
    if (!site) return undefined;
    const valid = site.kind === 'state' ? stateFields(site.state?.type, site.queryLanguage) : objectFields(site.kind, site.queryLanguage);
    suggestion = closest(field, valid.map((f) => f.name));
  }
  if (!suggestion || siblingExists(analysis.doc, keyPath, suggestion)) return undefined;
  return { title: `Change '${field}' to '${suggestion}'`, edits: [{ ...span, newText: scalarText(analysis.doc, suggestion, rawText(analysis.doc, span)) }] };
}

const NEEDS_TRANSITION = new Set<string>(TRANSITION_TYPES);

function lacksTransition(s: State): boolean {
  return s.isObject && !!s.type && NEEDS_TRANSITION.has(s.type) && s.obj.Next === undefined && s.obj.End === undefined;
}

/**
 * "End": true for a state with no transition: offered on a diagnostic about that state itself,
 * and on "no terminal state" for each state of the scope that has no Next.
 */
function addEndFixes(analysis: Analysis, d: Diagnostic, model: StateMachine): Fix[] {
  const token = tokenAt(analysis.doc, d.offset);
  if (!token) return [];
  let states: State[] = [];
  if (d.rule === 'missing-end-state') {
    const found = locate(model, token.path.slice(0, -1));
    // Only states an execution can reach: End on a state nothing reaches silences the problem
    // without giving the workflow an end (issue 13).
    if (found && !found.state) {
      const reachable = reachableStates(found.scope);
      states = found.scope.states.filter((s) => lacksTransition(s) && reachable.has(s));
    }
  } else {
    const found = locate(model, token.path);
    const onState = found?.state && (found.rest.length === 0 || (found.rest.length === 1 && token.part === 'key'));
    if (found?.state && onState && lacksTransition(found.state) && /\bEnd\b|\bNext\b|transition|terminal/i.test(d.message)) states = [found.state];
  }
  const out: Fix[] = [];
  for (const s of states) {
    const edit: TextEdit | undefined = addMemberEdit(analysis.doc, s.path, 'End', 'true');
    if (edit) out.push({ title: `Add "End": true to '${s.name}'`, edits: [edit] });
  }
  return out;
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
