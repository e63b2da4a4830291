import { defineRule, type RuleContext } from '../src/engine/rule.js';
import type { Edge, Scope, State } from '../src/model/model.js';
import { formatLocation } from '../src/model/location.js';
import { closest, editDistance } from '../src/lang/suggest.js';
import type { Fix } from '../src/types.js';

/** What this rule's diagnostics carry in `data`. */
type TransitionTargetData = { /** The missing target, as written. */ target: string; /** The closest name in scope. */ suggestion?: string; /** The names of the scope. */ candidates: string[] };

export default defineRule<TransitionTargetData>({
  meta: {
    id: 'transition-target',
    code: 'MISSING_TRANSITION_TARGET',
    severity: 'ERROR',
    fixable: 'suggestion',
    description: 'Next, Default, Choices[].Next and Catch[].Next must name a state of the same scope.',
    rationale:
      'AWS refuses a transition to a state that does not exist, and a transition out of (or into) a Parallel branch or Map processor: states can only transition within their own States object. ' +
      "AWS's message says 'Next' for all four fields.",
    sources: ['asl-rules.md transition-target-exists, transition-cross-scope (V rule, M message)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "C"}, "B": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next', line: 1, column: 59, endLine: 1, endColumn: 62, message: "Missing 'Next' target: C" }],
          alsoReported: ['state-unreachable'],
        },
        {
          title: 'A Choice rule and a Catch',
          text: [
            '{"StartAt": "C", "States": {',
            '  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "T"}], "Default": "Nope"},',
            '  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}]}',
            '}}',
          ].join('\n'),
          diagnostics: [
            { code: 'MISSING_TRANSITION_TARGET', location: '/States/C/Default', line: 2, column: 104, endLine: 2, endColumn: 110, message: "Missing 'Next' target: Nope" },
            { code: 'MISSING_TRANSITION_TARGET', location: '/States/T/Catch[0]/Next', line: 3, column: 134, endLine: 3, endColumn: 140, message: "Missing 'Next' target: Gone" },
          ],
        },
      ],
    },
  },
  check(ctx) {
    const { model } = ctx;
    // Per scope, computed once: its names (shared by its diagnostics' data) and the suggestion
    // for each missing name (many edges may name the same one).
    const memo: Memo = { names: new Map(), suggestions: new Map(), comparisons: SUGGESTION_COMPARISONS, nearestCells: NEAREST_CELLS };
    // Every edge of the machine passes here: the loop only looks the target up; reporting (with
    // its closures) is a function of its own.
    for (const e of model.edges) {
      if (!e.from.scope.byName.has(e.target)) reportMissing(ctx, e, memo);
    }
  },
});

/**
 * Name comparisons did-you-mean may spend on one document: each distinct missing name is
 * compared with every state of its scope, so 26,000 missing names among 13,000 states took 40 s.
 * Past this many (a hundred typos in a 20,000-state machine), the remaining findings come
 * without a suggestion.
 */
export const SUGGESTION_COMPARISONS = 2_000_000;

interface Memo {
  names: Map<Scope, string[]>;
  suggestions: Map<Scope, Map<string, string | undefined>>;
  /** Comparisons left for suggestions. */
  comparisons: number;
  /** Edit-distance table cells left for the editor's three nearest names. */
  nearestCells: number;
  /** Every state by name, the first in scope order (findStateAnywhere's answer), built on first use. */
  anywhere?: Map<string, State>;
}

function reportMissing(ctx: RuleContext<TransitionTargetData>, e: Edge, memo: Memo): void {
  const scope = e.from.scope;
  // One index of every scope's names, instead of a search of every scope per missing name
  // (quadratic with thousands of Map or Parallel scopes).
  if (!memo.anywhere) {
    memo.anywhere = new Map();
    for (const sc of ctx.model.scopes) for (const [name, st] of sc.byName) if (!memo.anywhere.has(name)) memo.anywhere.set(name, st);
  }
  const elsewhere = memo.anywhere.get(e.target);
  let hint = '';
  let suggestion: string | undefined;
  let candidates = memo.names.get(scope);
  if (!candidates) memo.names.set(scope, (candidates = [...scope.byName.keys()]));
  if (elsewhere) {
    hint = ` (a state '${e.target}' exists at ${formatLocation(elsewhere.path)}, but a state can only transition to states of its own scope)`;
  } else {
    let known = memo.suggestions.get(scope);
    if (!known) memo.suggestions.set(scope, (known = new Map()));
    if (!known.has(e.target)) {
      let found: string | undefined;
      if (memo.comparisons >= candidates.length) {
        memo.comparisons -= candidates.length;
        found = closest(e.target, candidates);
      }
      known.set(e.target, found);
    }
    suggestion = known.get(e.target);
    if (suggestion) hint = ` (did you mean '${suggestion}'?)`;
  }
  const replacement = suggestion;
  ctx.report({
    path: e.path,
    message: `Missing 'Next' target: ${e.target}`,
    hint: hint.trim() || undefined,
    data: { target: e.target, suggestion, candidates },
    fix: () =>
      // A suggestion: the closest name is a guess at what the author meant; it turns a definition AWS refuses into one that runs.
      (replacement ? ctx.fixer.fix('suggestion', `Change to '${replacement}'`, ctx.fixer.replaceValue(e.path, replacement)) : undefined) ??
      // No single close name: the editor offers the three nearest of the scope.
      nearestFixes(ctx, e, candidates, memo),
  });
}

/**
 * Past this many edit-distance table cells (name length times the band compared) in one document,
 * the remaining missing targets come without the editor's three nearest names: lint() builds every
 * fix, and this one compares the target with every name of its scope.
 */
export const NEAREST_CELLS = 1_000_000;

/**
 * Editor-only quick fixes: the three names of the scope nearest to the missing target (the first
 * in scope order among equals). Once three are found, a name is compared only as far as it could
 * still beat the third (a banded edit distance).
 */
function nearestFixes(ctx: RuleContext<TransitionTargetData>, e: Edge, candidates: readonly string[], memo: Memo): Fix[] | undefined {
  if (memo.nearestCells <= 0 || candidates.length === 0) return undefined;
  const target = e.target.toLowerCase();
  const best: { c: string; dist: number }[] = [];
  let cells = memo.nearestCells;
  for (const c of candidates) {
    // Beat the third strictly: among equals the earlier name stays.
    const max = best.length < 3 ? Infinity : best[2].dist - 1;
    if (max < 0) break;
    cells -= (target.length + 1) * (Math.min(c.length, 2 * max + 1) + 1);
    if (cells < 0) {
      memo.nearestCells = 0;
      return undefined;
    }
    const dist = editDistance(target, c.toLowerCase(), max);
    if (dist > max) continue;
    let i = best.length;
    while (i > 0 && best[i - 1].dist > dist) i--;
    best.splice(i, 0, { c, dist });
    if (best.length > 3) best.pop();
  }
  memo.nearestCells = cells;
  const fixes: Fix[] = [];
  for (const { c } of best) {
    const fix = ctx.fixer.fix('editor', `Change to '${c}'`, ctx.fixer.replaceValue(e.path, c));
    if (fix) fixes.push(fix);
  }
  return fixes;
}
