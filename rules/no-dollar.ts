import { defineRule } from '../src/engine/rule.js';
import { payloadTemplates, walkMembers } from '../src/model/fields.js';
import { formatLocation } from '../src/model/location.js';
import { looksLikeIntrinsic, looksLikePath } from '../src/lang/looks.js';

export default defineRule({
  meta: {
    id: 'no-dollar',
    code: 'NO_DOLLAR',
    severity: 'WARNING',
    fixable: true,
    description: "A payload-template value that looks like a JSONPath or intrinsic call under a key without '.$'.",
    rationale:
      "In Parameters, ResultSelector, ItemSelector and the other payload templates, only keys ending in '.$' are evaluated; under a plain key \"$.id\" is sent as the literal text \"$.id\". AWS warns with NO_DOLLAR.",
    sources: ['asl-rules.md no-dollar (V meaning, message from the API reference example)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$.id"}, "End": true}}}' }],
      invalid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a": "$.x"}, "End": true}}}',
          diagnostics: [
            {
              code: 'NO_DOLLAR',
              severity: 'WARNING',
              location: '/States/A/Parameters',
              line: 1,
              column: 66,
              message: "The value of 'a' looks like a JSONPath. Instead of 'a', use 'a.$' to evaluate it as a JSONPath at runtime.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.queryLanguage !== 'JSONPath') continue;
      for (const field of payloadTemplates(state)) {
        walkMembers(field.value, field.path, (key, v, memberPath) => {
          if (typeof v !== 'string' || key.endsWith('.$')) return;
          const kind = looksLikePath(v) ? 'a JSONPath' : looksLikeIntrinsic(v) ? 'an Intrinsic Function' : undefined;
          if (!kind) return;
          const what = kind === 'a JSONPath' ? 'a JSONPath' : 'an Intrinsic Function';
          ctx.report({
            path: memberPath,
            part: 'key',
            location: formatLocation(field.path),
            message: `The value of '${key}' looks like ${kind}. Instead of '${key}', use '${key}.$' to evaluate it as ${what} at runtime.`,
            fix: () => ({ title: `Rename '${key}' to '${key}.$'`, edits: [{ ...ctx.doc.spanOf(memberPath, 'key'), newText: JSON.stringify(`${key}.$`) }] }),
          });
        });
      }
    }
  },
});
