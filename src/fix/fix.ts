/**
 * --fix: applies the fixes of the kinds asked for (Fix.kind: 'fix' keeps the meaning and is the
 * default; 'suggestion' only when asked), pass after pass until none is left, like ESLint. Edits
 * are minimal replacements, so every byte they do not touch stays as it was. Each pass is checked
 * by linting its result: a pass that would add an error is narrowed down (halving) to the fixes
 * that add none, so a fix can never make a file worse.
 */
import type { Diagnostic, Fix, TextEdit } from '../types.js';

export type FixKind = NonNullable<Fix['kind']>;
export const FIX_KINDS: readonly FixKind[] = ['fix', 'suggestion'];

export interface FixResult {
  output: string;
  /** Fixes applied, over all passes. */
  fixed: number;
  /** Diagnostics of the final text. */
  remaining: Diagnostic[];
  /** Fixes of the final text that were not applied because their kind was not asked for. */
  notApplied: number;
  /** Fixes left out because they would have added an error. */
  refused: number;
  /** The edits applied, pass by pass (each pass's offsets are into the text before it). */
  passes: TextEdit[][];
}

export const MAX_FIX_PASSES = 10;
/** Lints one pass may spend finding the fixes that add no error. */
export const MAX_CHECKS_PER_PASS = 24;

/** The first fix of one of `kinds` of each diagnostic, as a group of edits (all or nothing). */
export function fixGroups(diagnostics: readonly Diagnostic[], kinds: readonly FixKind[]): TextEdit[][] {
  const out: TextEdit[][] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.kind !== undefined && kinds.includes(f.kind));
    if (fix && fix.edits.length) out.push(fix.edits);
  }
  return out;
}

/** Non-overlapping groups, in text order: one sort, one sweep. */
export function chooseGroups(groups: readonly TextEdit[][]): TextEdit[][] {
  const sorted = groups
    .map((g) => [...g].sort((a, b) => a.offset - b.offset))
    .filter((g) => g.length > 0)
    .sort((a, b) => a[0].offset - b[0].offset || a[0].length - b[0].length);
  const chosen: TextEdit[][] = [];
  let end = -1;
  for (const g of sorted) {
    if (g[0].offset < end) continue;
    // Two insertions at one offset would be applied in an order nobody chose.
    if (g[0].offset === end && g[0].length === 0 && chosen.length && chosen[chosen.length - 1].at(-1)!.offset === end) continue;
    let ok = true;
    for (let i = 1; i < g.length; i++) if (g[i].offset < g[i - 1].offset + g[i - 1].length) ok = false;
    if (!ok) continue;
    chosen.push(g);
    const last = g[g.length - 1];
    end = last.offset + last.length;
  }
  return chosen;
}

/** The edits of one pass of `kinds` (for an editor's fix-all), sorted and non-overlapping. */
export function fixEdits(diagnostics: readonly Diagnostic[], kinds: readonly FixKind[]): TextEdit[] {
  return chooseGroups(fixGroups(diagnostics, kinds)).flat();
}

/** Applies non-overlapping groups of edits (a group is one fix, all or nothing). */
export function applyEditGroups(text: string, groups: readonly TextEdit[][]): { text: string; applied: number } {
  const chosen = chooseGroups(groups);
  const parts: string[] = [];
  let last = 0;
  for (const g of chosen) {
    for (const e of g) {
      parts.push(text.slice(last, e.offset), e.newText);
      last = e.offset + e.length;
    }
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), applied: chosen.length };
}

/** The errors of a text as a multiset of code, place and message. */
function errorCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity !== 'ERROR') continue;
    const k = `${d.code}\u0000${d.location ?? ''}\u0000${d.message}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function addsErrors(before: Map<string, number>, after: readonly Diagnostic[]): boolean {
  const now = errorCounts(after);
  for (const [k, n] of now) if (n > (before.get(k) ?? 0)) return true;
  return false;
}

export function fixText(text: string, lintText: (text: string) => Diagnostic[], kinds: readonly FixKind[] = ['fix']): FixResult {
  let current = text;
  let fixed = 0;
  let refused = 0;
  const passes: TextEdit[][] = [];
  let diagnostics = lintText(current);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const groups = chooseGroups(fixGroups(diagnostics, kinds));
    if (groups.length === 0) break;
    const before = errorCounts(diagnostics);
    const tried = new Map<TextEdit[][], { text: string; diagnostics: Diagnostic[] } | null>();
    // Each check lints the whole text: a pass with many harmful fixes stops narrowing after a
    // bounded number of checks (what is left is not applied), so --fix stays within a few lints.
    let checks = MAX_CHECKS_PER_PASS;
    const attempt = (gs: TextEdit[][]) => {
      let r = tried.get(gs);
      if (r === undefined) {
        if (checks-- <= 0) return null;
        const t = applyEditGroups(current, gs).text;
        const ds = lintText(t);
        r = addsErrors(before, ds) ? null : { text: t, diagnostics: ds };
        tried.set(gs, r);
      }
      return r;
    };
    // The groups that add no error: all of them, or the good halves, recursively.
    const good = (gs: TextEdit[][]): TextEdit[][] => {
      if (gs.length === 0) return gs;
      if (attempt(gs)) return gs;
      if (checks <= 0) return [];
      if (gs.length === 1) return [];
      const mid = gs.length >> 1;
      const both = [...good(gs.slice(0, mid)), ...good(gs.slice(mid))];
      return both.length === 0 || attempt(both) ? both : good(both.slice(0, both.length >> 1));
    };
    const kept = good(groups);
    // A refused fix is tried again next pass (its problem stays): count the last pass's.
    refused = groups.length - kept.length;
    const r = kept.length ? attempt(kept) : null;
    if (!r || r.text === current) break;
    current = r.text;
    passes.push(chooseGroups(kept).flat());
    fixed += kept.length;
    diagnostics = r.diagnostics;
  }
  const notApplied = diagnostics.filter((d) => d.fixes?.some((f) => f.kind !== undefined && !kinds.includes(f.kind))).length;
  return { output: current, fixed, remaining: diagnostics, notApplied, refused, passes };
}
