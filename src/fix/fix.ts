/**
 * --fix: applies the fixes of the kinds asked for (Fix.kind: 'fix' keeps the meaning and is the
 * default; 'suggestion' only when asked), pass after pass until none is left, like ESLint. Edits
 * are minimal replacements, so every byte they do not touch stays as it was. Each pass is checked
 * by linting its result: a new error is blamed on the fix just before it (then the one after it),
 * which is dropped and not tried again, and the rest is checked again, so a fix can never make a
 * file worse.
 */
import type { Diagnostic, Fix, TextEdit } from '../types.js';
import { lastAtMost } from '../sorted.js';

export type FixKind = NonNullable<Fix['kind']>;

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

const MAX_FIX_PASSES = 10;
/** Lints one --fix run of a file may spend on checking passes (and finding the fixes that add an error). */
export const MAX_CHECKS = 24;

/** The first fix of one of `kinds` of each diagnostic, as a group of edits (all or nothing). */
function fixGroups(diagnostics: readonly Diagnostic[], kinds: readonly FixKind[]): TextEdit[][] {
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

/** The new errors of `after` (those `before` does not have): their keys and offsets into the text they were found in. */
function newErrors(before: Map<string, number>, after: readonly Diagnostic[]): { key: string; offset: number }[] {
  const left = new Map(before);
  const out: { key: string; offset: number }[] = [];
  for (const d of after) {
    if (d.severity !== 'ERROR') continue;
    const k = `${d.code}\u0000${d.location ?? ''}\u0000${d.message}`;
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push({ key: k, offset: d.offset });
  }
  return out;
}

/**
 * The groups to blame for new errors. A fix's error is reported inside or after what it edited
 * (a renamed key's value), so first the applied group that starts last before the error; an error
 * still there after that (reported before its fix, at the state) blames the group after it too.
 * `groups` are in text order; offsets are into the text with the groups applied.
 */
function blame(groups: readonly TextEdit[][], errors: readonly { key: string; offset: number }[], seen: Set<string>): Set<number> {
  const starts: number[] = [];
  let shift = 0;
  for (const g of groups) {
    starts.push(g[0].offset + shift);
    for (const e of g) shift += e.newText.length - e.length;
  }
  const out = new Set<number>();
  for (const { key, offset } of errors) {
    const idx = lastAtMost(starts.length, (i) => starts[i], offset);
    if (idx >= 0) out.add(idx);
    if ((idx < 0 || seen.has(key)) && idx + 1 < starts.length) out.add(idx + 1);
  }
  // Seen in an earlier round, not in this one: several errors may share one key.
  for (const { key } of errors) seen.add(key);
  return out;
}

export function fixText(text: string, lintText: (text: string) => Diagnostic[], kinds: readonly FixKind[] = ['fix']): FixResult {
  let current = text;
  let fixed = 0;
  const passes: TextEdit[][] = [];
  // Fixes found to add an error, by what they fix and how: not tried again in later passes.
  const refusedFixes = new Set<string>();
  let checks = MAX_CHECKS;
  let diagnostics = lintText(current);
  for (let pass = 0; pass < MAX_FIX_PASSES && checks > 0; pass++) {
    const candidates: { sig: string; edits: TextEdit[] }[] = [];
    for (const d of diagnostics) {
      const fix = d.fixes?.find((f) => f.kind !== undefined && kinds.includes(f.kind));
      if (!fix || !fix.edits.length) continue;
      const sig = `${d.code}\u0000${d.location ?? ''}\u0000${d.message}\u0000${fix.title}`;
      if (!refusedFixes.has(sig)) candidates.push({ sig, edits: fix.edits });
    }
    // chooseGroups sorts each group's edits into a copy of the group: find the signature by edit.
    const sigByEdit = new Map<TextEdit, string>();
    for (const c of candidates) for (const e of c.edits) sigByEdit.set(e, c.sig);
    let groups = chooseGroups(candidates.map((c) => c.edits));
    if (groups.length === 0) break;
    const before = errorCounts(diagnostics);
    let result: { text: string; diagnostics: Diagnostic[] } | undefined;
    // Apply all; a new error is blamed on the fix that most likely made it, which is dropped;
    // again, a few times. Each round lints the whole text once; the rounds are bounded (MAX_CHECKS a run).
    const seen = new Set<string>();
    while (groups.length && checks > 0) {
      checks--;
      const t = applyEditGroups(current, groups).text;
      const ds = lintText(t);
      const fresh = newErrors(before, ds);
      if (fresh.length === 0) {
        result = { text: t, diagnostics: ds };
        break;
      }
      const bad = blame(groups, fresh, seen);
      // Nothing to blame (an error far from every edit): drop the whole pass.
      const drop = bad.size ? bad : new Set(groups.map((_, i) => i));
      for (const i of drop) refusedFixes.add(sigByEdit.get(groups[i][0]) ?? '');
      groups = groups.filter((_, i) => !drop.has(i));
    }
    if (!result || result.text === current) break;
    current = result.text;
    passes.push(groups.flat());
    fixed += groups.length;
    diagnostics = result.diagnostics;
  }
  const notApplied = diagnostics.filter((d) => d.fixes?.some((f) => f.kind !== undefined && !kinds.includes(f.kind))).length;
  // The refused fixes whose problem is still there.
  let refused = 0;
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.kind !== undefined && kinds.includes(f.kind));
    if (fix && refusedFixes.has(`${d.code}\u0000${d.location ?? ''}\u0000${d.message}\u0000${fix.title}`)) refused++;
  }
  return { output: current, fixed, remaining: diagnostics, notApplied, refused, passes };
}
