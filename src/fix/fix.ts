/**
 * --fix: applies the safe fixes (those a rule marks `safe`: unambiguous, meaning-preserving),
 * pass after pass until none is left, like ESLint. Edits are minimal replacements, so every
 * byte they do not touch stays as it was.
 */
import type { Diagnostic, TextEdit } from '../types.js';

export interface FixResult {
  output: string;
  /** Fixes applied, over all passes. */
  fixed: number;
  /** Diagnostics of the final text. */
  remaining: Diagnostic[];
}

export const MAX_FIX_PASSES = 10;

export function safeEdits(diagnostics: Diagnostic[]): TextEdit[][] {
  const out: TextEdit[][] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.safe);
    if (fix && fix.edits.length) out.push(fix.edits);
  }
  return out;
}

/** Applies non-overlapping groups of edits (a group is one fix, all or nothing). */
export function applyEditGroups(text: string, groups: TextEdit[][]): { text: string; applied: number } {
  const sorted = groups
    .map((g) => [...g].sort((a, b) => a.offset - b.offset))
    .sort((a, b) => a[0].offset - b[0].offset);
  const chosen: TextEdit[] = [];
  let end = -1;
  let applied = 0;
  for (const g of sorted) {
    if (g[0].offset < end) continue;
    let ok = true;
    for (let i = 1; i < g.length; i++) if (g[i].offset < g[i - 1].offset + g[i - 1].length) ok = false;
    if (!ok) continue;
    chosen.push(...g);
    end = g[g.length - 1].offset + g[g.length - 1].length;
    applied++;
  }
  let out = '';
  let last = 0;
  for (const e of chosen) {
    out += text.slice(last, e.offset) + e.newText;
    last = e.offset + e.length;
  }
  return { text: out + text.slice(last), applied };
}

export function fixText(text: string, lintText: (text: string) => Diagnostic[]): FixResult {
  let current = text;
  let fixed = 0;
  let diagnostics = lintText(current);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const groups = safeEdits(diagnostics);
    if (groups.length === 0) break;
    const r = applyEditGroups(current, groups);
    if (r.applied === 0 || r.text === current) break;
    current = r.text;
    fixed += r.applied;
    diagnostics = lintText(current);
  }
  return { output: current, fixed, remaining: diagnostics };
}
