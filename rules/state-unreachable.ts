import { defineRule } from '../src/engine/rule.js';
import { reachableStates } from '../src/model/model.js';

export default defineRule({
  meta: {
    id: 'state-unreachable',
    code: 'MISSING_TRANSITION_TARGET',
    severity: 'ERROR',
    description: 'Every state must be reachable from its scope\'s StartAt.',
    rationale:
      'AWS refuses a state that no transition reaches ("State \\"X\\" is not reachable."). We follow the graph from StartAt, so a whole orphan chain or an island loop is reported, state by state. ' +
      'As AWS does, nothing is reported for a scope that has no terminal state (MISSING_END_STATE says it) or whose StartAt names no state.',
    sources: ['asl-rules.md state-unreachable (M: FLOCI #2735, LS-PR12487), §1.4 suppression'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Succeed"}}}',
          diagnostics: [
            { code: 'MISSING_TRANSITION_TARGET', location: '/States/B', line: 1, column: 55, message: 'State "B" is not reachable.' },
            { code: 'MISSING_TRANSITION_TARGET', location: '/States/C', line: 1, column: 91, message: 'State "C" is not reachable.' },
          ],
        },
      ],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const scope of model.scopes) {
      if (scope.states.length === 0) continue;
      if (typeof scope.startAt !== 'string' || !scope.byName.has(scope.startAt)) continue;
      if (!scope.states.some((s) => s.isTerminal)) continue;
      const reachable = reachableStates(model, scope);
      for (const s of scope.states) {
        if (!reachable.has(s)) ctx.report({ path: s.path, part: 'key', message: `State "${s.name}" is not reachable.` });
      }
    }
  },
});
