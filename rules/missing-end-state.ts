import { defineRule } from '../src/engine/rule.js';
import { formatLocation } from '../src/model/location.js';

export default defineRule({
  meta: {
    id: 'missing-end-state',
    code: 'MISSING_END_STATE',
    severity: 'ERROR',
    fixable: false,
    description: 'Every States object needs a terminal state: "End": true, a Succeed or a Fail state.',
    rationale:
      'AWS refuses a workflow that can never end ("Workflow has no terminal state", no location). Each Parallel branch and Map processor is a workflow of its own and is checked the same way; ' +
      'for those we give the branch as location (AWS\'s own location there is not documented).',
    sources: ['asl-rules.md missing-end-state (V code, M message; B per-scope)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}' }],
      invalid: [
        {
          title: 'A loop with no way out',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}',
          diagnostics: [{ code: 'MISSING_END_STATE', line: 1, column: 18, message: 'Workflow has no terminal state' }],
        },
      ],
    },
  },
  check(ctx) {
    for (const scope of ctx.model.scopes) {
      if (scope.states.length === 0 || scope.states.some((s) => s.isTerminal)) continue;
      const nested = scope.kind !== 'root';
      ctx.report({
        path: [...scope.path, 'States'],
        part: 'key',
        location: nested ? formatLocation(scope.path) : null,
        message: nested
          ? `Workflow has no terminal state (in ${formatLocation(scope.path)}): add "End": true to its last state, or a Succeed or Fail state`
          : 'Workflow has no terminal state',
      });
    }
  },
});
