import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { extend, isObject } from '../src/model/model.js';
import { looksLikePath } from '../src/lang/looks.js';
import type { Path } from '../src/types.js';

/** Fields that have a `...Path` twin, per state type (JSONPath states). */
const FIELDS: Record<string, string[]> = {
  Fail: ['Error', 'Cause'],
  Wait: ['Seconds', 'Timestamp'],
  Task: ['TimeoutSeconds', 'HeartbeatSeconds'],
  Map: ['MaxConcurrency', 'ToleratedFailureCount', 'ToleratedFailurePercentage'],
};

export default defineRule({
  meta: {
    id: 'no-path',
    code: 'NO_PATH',
    severity: 'WARNING',
    fixable: 'suggestion',
    description: "A field whose value looks like a JSONPath, where the field's '...Path' twin was meant.",
    rationale:
      "\"Error\": \"$.error\" sets the error name to the literal text \"$.error\"; ErrorPath evaluates it. AWS warns with NO_PATH for fields that have a '...Path' twin.",
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
    // Plain loops and no closures over the loop's variables: this runs for every state.
    for (const state of ctx.model.states) {
      if (state.queryLanguage !== 'JSONPath' || !state.type || !Object.hasOwn(FIELDS, state.type)) continue;
      const o = state.obj;
      for (const field of FIELDS[state.type]) {
        const value = o[field];
        if (typeof value === 'string' && looksLikePath(value)) flag(ctx, extend(state.path, field), field);
      }
      if (state.type === 'Map') {
        const reader = o.ItemReader;
        if (isObject(reader) && isObject(reader.ReaderConfig)) {
          const value = reader.ReaderConfig.MaxItems;
          if (typeof value === 'string' && looksLikePath(value)) flag(ctx, extend(state.path, 'ItemReader', 'ReaderConfig', 'MaxItems'), 'MaxItems');
        }
        const batcher = o.ItemBatcher;
        if (isObject(batcher)) {
          for (const f of ['MaxItemsPerBatch', 'MaxInputBytesPerBatch']) {
            const value = batcher[f];
            if (typeof value === 'string' && looksLikePath(value)) flag(ctx, extend(state.path, 'ItemBatcher', f), f);
          }
        }
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
