import { defineRule } from '../src/engine/rule.js';
import { namedTargets, reachableStates } from '../src/model/model.js';

export default defineRule({
  meta: {
    id: 'state-unreachable-from-start',
    code: 'LINT_UNREACHABLE',
    severity: 'WARNING',
    description: 'A state that some transition names, but that no path from StartAt reaches (dead code).',
    rationale:
      'AWS only checks that each state is named by some transition, so a state named only by unreachable states, or a loop that nothing outside enters, deploys but can never run. ' +
      'This walks the graph from StartAt and reports the rest: dead code, usually a transition that was removed or misspelled.',
    sources: ['asl-rules.md state-unreachable (stronger lint check)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          title: 'An island loop that nothing enters',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Pass", "Next": "X"}}}',
          diagnostics: [
            {
              code: 'LINT_UNREACHABLE',
              severity: 'WARNING',
              location: '/States/X',
              line: 1,
              column: 55,
              endLine: 1,
              endColumn: 58,
              message: 'State "X" can never run: no path from StartAt reaches it.',
            },
            { code: 'LINT_UNREACHABLE', severity: 'WARNING', location: '/States/Y', line: 1, column: 91, endLine: 1, endColumn: 94 },
          ],
        },
      ],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const scope of model.scopes) {
      if (scope.states.length === 0 || typeof scope.startAt !== 'string' || !scope.byName.has(scope.startAt)) continue;
      if (!scope.states.some((s) => s.isTerminal)) continue;
      // States nothing names are reported by state-unreachable (an error); only the rest here.
      const named = namedTargets(scope);
      const reachable = reachableStates(scope);
      for (const s of scope.states) {
        if (named.has(s.name) && !reachable.has(s)) {
          ctx.report({ path: s.path, part: 'key', message: `State "${s.name}" can never run: no path from StartAt reaches it.` });
        }
      }
    }
  },
});
