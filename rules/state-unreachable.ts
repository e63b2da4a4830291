import { defineRule } from '../src/engine/rule.js';
import { namedTargets } from '../src/model/model.js';

export default defineRule({
  meta: {
    id: 'state-unreachable',
    code: 'MISSING_TRANSITION_TARGET',
    severity: 'ERROR',
    description: "Every state must be named by its scope's StartAt or by some transition (Next, Default, Choices[].Next, Catch[].Next).",
    rationale:
      'AWS refuses a state that nothing transitions to ("State \\"X\\" is not reachable."). AWS checks whether some StartAt or transition of the same scope names the state, not whether a path from StartAt reaches it: ' +
      'a state named only by another unreachable state is not reported (see state-unreachable-from-start for that deeper check, a warning). ' +
      'As AWS does, nothing is reported for a scope that has no terminal state (MISSING_END_STATE says it) or no StartAt.',
    sources: ['asl-rules.md state-unreachable', 'docs/aws-behaviour.md §3 (M: FLOCI #2735, LS-PR12487, cfn-lint #4074)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          title: 'Only the state that nothing names is reported, not the one it names',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'MISSING_TRANSITION_TARGET', location: '/States/B', line: 1, column: 55, endLine: 1, endColumn: 58, message: 'State "B" is not reachable.' }],
          alsoReported: ['state-unreachable-from-start'],
        },
      ],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const scope of model.scopes) {
      if (scope.states.length === 0 || typeof scope.startAt !== 'string') continue;
      if (!scope.states.some((s) => s.isTerminal)) continue;
      const named = namedTargets(scope);
      for (const s of scope.states) {
        if (!named.has(s.name)) ctx.report({ path: s.path, part: 'key', message: `State "${s.name}" is not reachable.` });
      }
    }
  },
});
