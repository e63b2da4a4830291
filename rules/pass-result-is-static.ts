import { defineRule } from '../src/engine/rule.js';
import { walkTemplate } from '../src/lang/sites.js';
import { extend } from '../src/model/model.js';
import { formatLocation } from '../src/model/location.js';

export default defineRule({
  meta: {
    id: 'pass-result-is-static',
    code: 'PASS_RESULT_IS_STATIC',
    severity: 'WARNING',
    fixable: 'editor',
    description: "A Pass state's Result with keys ending in '.$', which are never evaluated.",
    rationale:
      'A Pass state\'s Result is static JSON: "id.$": "$.id" outputs the key "id.$" and the text "$.id". To evaluate paths or intrinsic functions, use Parameters. AWS warns with PASS_RESULT_IS_STATIC.',
    sources: ['asl-rules.md pass-result-is-static (V meaning, message from the API reference example)'],
    examples: {
      valid: [{ text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"c.$": "$.c"}, "End": true}}}' }],
      invalid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"c.$": "$.c"}, "End": true}}}',
          diagnostics: [
            {
              code: 'PASS_RESULT_IS_STATIC',
              severity: 'WARNING',
              location: '/States/P/Result',
              line: 1,
              column: 62,
              endLine: 1,
              endColumn: 67,
              message:
                "The value of 'c.$' will not evaluate as a JSONPath or Intrinsic Function at runtime. Instead of 'Result', use 'Parameters' to evaluate it as a JSONPath or Intrinsic Function at runtime.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      // Result exists only in JSONPath states (in JSONata states the schema reports the field).
      if (state.type !== 'Pass' || state.queryLanguage !== 'JSONPath' || state.obj.Result === undefined) continue;
      const resultPath = extend(state.path, 'Result');
      // Every depth, as AWS does (the parse refuses JSON nested past 512 levels, so recursion is bounded).
      walkTemplate(
        state.obj.Result,
        resultPath,
        (key, _v, memberPath) => {
          if (!key.endsWith('.$')) return;
          ctx.report({
            path: memberPath(),
            part: 'key',
            location: formatLocation(resultPath),
            message: `The value of '${key}' will not evaluate as a JSONPath or Intrinsic Function at runtime. Instead of 'Result', use 'Parameters' to evaluate it as a JSONPath or Intrinsic Function at runtime.`,
            // An editor quick fix: Parameters evaluates what Result leaves static (the output changes).
            fix: () =>
              state.obj.Parameters === undefined ? ctx.fixer.fix('editor', "Move 'Result' to 'Parameters' (evaluated at run time)", ctx.fixer.renameKey(resultPath, 'Parameters')) : undefined,
          });
        },
        Infinity,
      );
    }
  },
});
