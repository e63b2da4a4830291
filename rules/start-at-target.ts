import { defineRule } from '../src/engine/rule.js';
import { closest } from '../src/lang/suggest.js';

/** What this rule's diagnostics carry in `data`. */
type StartAtTargetData = { /** StartAt as written. */ target: string; /** The closest state name. */ suggestion?: string };

export default defineRule<StartAtTargetData>({
  meta: {
    id: 'start-at-target',
    code: 'MISSING_TRANSITION_TARGET',
    severity: 'ERROR',
    fixable: 'suggestion',
    description: 'StartAt must name a state of its own States object (top level, each branch, each Map processor).',
    rationale:
      "The spec requires StartAt to match one of the sibling States, case-sensitively. AWS reports it as MISSING_TRANSITION_TARGET with the same words as for Next (\"Missing 'Next' target: X\") at /StartAt, or at the branch's or processor's own StartAt.",
    sources: ['asl-rules.md startat-target-exists (V rule)', 'docs/aws-behaviour.md §3 (M: cfn-lint #4074)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          text: '{"StartAt": "a", "States": {"A": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'MISSING_TRANSITION_TARGET', location: '/StartAt', line: 1, column: 13, endLine: 1, endColumn: 16, message: "Missing 'Next' target: a (did you mean 'A'?)" }],
          alsoReported: ['state-unreachable'],
        },
      ],
    },
  },
  check(ctx) {
    for (const scope of ctx.model.scopes) {
      const startAt = scope.startAt;
      if (typeof startAt !== 'string' || startAt === '' || !scope.obj || scope.states.length === 0) continue;
      if (scope.byName.has(startAt)) continue;
      const suggestion = closest(startAt, [...scope.byName.keys()]);
      const path = [...scope.path, 'StartAt'];
      ctx.report({
        path,
        message: `Missing 'Next' target: ${startAt}`,
        hint: suggestion ? `(did you mean '${suggestion}'?)` : undefined,
        data: { target: startAt, suggestion },
        fix: suggestion ? () => ctx.fixer.fix('suggestion', `Change to '${suggestion}'`, ctx.fixer.replaceValue(path, suggestion)) : undefined,
      });
    }
  },
});
