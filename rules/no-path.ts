import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { join } from '../src/model/model.js';
import { looksLikePath } from '../src/lang/looks.js';
import { FIELDS_BY_TYPE, isStateType } from '../src/lang/state-fields.js';
import type { Path } from '../src/types.js';
import { valueAt } from '../src/value-at.js';

export default defineRule({
  meta: {
    id: 'no-path',
    code: 'NO_PATH',
    severity: 'WARNING',
    fixable: 'suggestion',
    description: "A field whose value looks like a JSONPath, where the field's '...Path' twin was meant.",
    rationale: '"Error": "$.error" sets the error name to the literal text "$.error"; ErrorPath evaluates it. AWS warns with NO_PATH for fields that have a \'...Path\' twin.',
    sources: ['asl-rules.md no-path (V meaning, message from the API reference example)'],
    examples: {
      valid: [{ text: '{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.error"}}}' }],
      invalid: [
        {
          text: '{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "$.error", "Cause": "$.cause"}}}',
          diagnostics: [
            {
              code: 'NO_PATH',
              severity: 'WARNING',
              location: '/States/F/Error',
              line: 1,
              column: 60,
              endLine: 1,
              endColumn: 69,
              message: "The value of 'Error' looks like a JSONPath. Instead of 'Error', use 'ErrorPath' to evaluate it as a JSONPath at runtime.",
            },
            { code: 'NO_PATH', severity: 'WARNING', location: '/States/F/Cause', line: 1, column: 80, endLine: 1, endColumn: 89 },
          ],
        },
      ],
    },
  },
  check(ctx) {
    // Plain loops and no closures over the loop's variables: this runs for every state. The
    // fields with a '...Path' twin are lang/state-fields.ts's (PATH_FIELDS with a twin).
    for (const state of ctx.model.states) {
      if (state.queryLanguage !== 'JSONPath' || !state.type || !isStateType(state.type)) continue;
      const o = state.obj;
      for (const twin of FIELDS_BY_TYPE[state.type].twins) {
        const value = valueAt(o, twin.at);
        if (typeof value === 'string' && looksLikePath(value)) flag(ctx, join(state.path, twin.at), twin.field);
      }
    }
  },
});

function flag(ctx: RuleContext, path: Path, field: string): void {
  const twin = `${field}Path`;
  ctx.report({
    path,
    message: `The value of '${field}' looks like a JSONPath. Instead of '${field}', use '${twin}' to evaluate it as a JSONPath at runtime.`,
    // A suggestion: the literal becomes a lookup at run time. None where the twin exists already.
    fix: () => ctx.fixer.fix('suggestion', `Use '${twin}'`, ctx.fixer.renameKey(path, twin)),
  });
}
