import { defineRule } from '../src/engine/rule.js';
import { closest } from '../src/lang/suggest.js';
import { replaceStringEdit } from '../src/fix/edits.js';

export default defineRule({
  meta: {
    id: 'start-at-target',
    code: 'MISSING_TRANSITION_TARGET',
    severity: 'ERROR',
    fixable: true,
    description: "StartAt must name a state of its own States object (top level, each branch, each Map processor).",
    rationale:
      'The spec requires StartAt to match one of the sibling States, case-sensitively. Which code AWS uses is not documented (asl-rules.md: B); we follow LocalStack and cfn-lint and report MISSING_TRANSITION_TARGET.',
    sources: ['asl-rules.md startat-target-exists (V rule, I message, B code)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          text: '{"StartAt": "a", "States": {"A": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'MISSING_TRANSITION_TARGET', location: '/StartAt', line: 1, column: 13, message: "Missing 'StartAt' target: a (did you mean 'A'?)" }],
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
        message: `Missing 'StartAt' target: ${startAt}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        data: { target: startAt, suggestion },
        fix: suggestion
          ? () => ({ title: `Change to '${suggestion}'`, safe: true, edits: [replaceStringEdit(ctx.doc, path, suggestion)] })
          : undefined,
      });
    }
  },
});
