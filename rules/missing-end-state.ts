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
      'AWS refuses a workflow that can never end ("Workflow has no terminal state", no location). AWS checks only the top level (floci, I): ' +
      'a Parallel branch or Map processor with no terminal state deploys, and runs until the execution times out, so there it is a warning with our own code (LINT_MISSING_END_STATE).',
    sources: ['asl-rules.md missing-end-state (V code, M message)', 'docs/aws-behaviour.md §3 (I: top level only)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}' }],
      invalid: [
        {
          title: 'A loop with no way out',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}',
          diagnostics: [{ code: 'MISSING_END_STATE', line: 1, column: 18, endLine: 1, endColumn: 26, message: 'Workflow has no terminal state (add "End": true to its last state, or a Succeed or Fail state)' }],
        },
        {
          title: 'A Map processor that only loops (a warning: AWS accepts it)',
          text: '{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}}}}',
          diagnostics: [{ code: 'LINT_MISSING_END_STATE', severity: 'WARNING', location: '/States/M/ItemProcessor', line: 1, column: 97, endLine: 1, endColumn: 105 }],
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
        code: nested ? 'LINT_MISSING_END_STATE' : undefined,
        severity: nested ? 'WARNING' : undefined,
        message: nested ? `The states of ${formatLocation(scope.path)} have no terminal state: this branch never ends` : 'Workflow has no terminal state',
        hint: '(add "End": true to its last state, or a Succeed or Fail state)',
      });
    }
  },
});
