import { defineRule } from '../src/engine/rule.js';
import type { Fixer } from '../src/fix/edits.js';
import { formatLocation } from '../src/model/location.js';
import { reachableStates, type State } from '../src/model/model.js';
import type { Fix } from '../src/types.js';
import { TRANSITION_TYPES } from '../src/lang/state-fields.js';

/** The state types that need Next or End (lang/state-fields.ts). */
const NEEDS_TRANSITION = new Set<string>(TRANSITION_TYPES);

/** A state of a type that needs Next or End, with neither. */
export function lacksTransition(s: State): boolean {
  return s.isObject && !!s.type && NEEDS_TRANSITION.has(s.type) && s.obj.Next === undefined && s.obj.End === undefined;
}

/** The editor's quick fix for a state with no transition: add `"End": true` (it may not be where the author meant the workflow to end). */
export function addEndFix(fixer: Fixer, s: State): Fix | undefined {
  return fixer.fix('editor', `Add "End": true to '${s.name}'`, fixer.addMember(s.path, 'End', true));
}

export default defineRule({
  meta: {
    id: 'missing-end-state',
    code: 'MISSING_END_STATE',
    severity: 'ERROR',
    fixable: 'editor',
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
          diagnostics: [
            { code: 'MISSING_END_STATE', line: 1, column: 18, endLine: 1, endColumn: 26, message: 'Workflow has no terminal state (add "End": true to its last state, or a Succeed or Fail state)' },
          ],
        },
        {
          title: 'A state with no transition: the editor offers to add "End": true to it',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}',
          diagnostics: [{ code: 'MISSING_END_STATE', line: 1, column: 18, endLine: 1, endColumn: 26 }],
          alsoReported: ['next-or-end'],
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
        // One quick fix per state an execution can reach that has no transition: End on a state
        // nothing reaches silences the problem without giving the workflow an end (issue 13).
        fix: () => {
          const reachable = reachableStates(scope);
          return scope.states.filter((st) => lacksTransition(st) && reachable.has(st)).flatMap((st) => addEndFix(ctx.fixer, st) ?? []);
        },
      });
    }
  },
});
