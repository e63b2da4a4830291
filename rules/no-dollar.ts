import { defineRule } from '../src/engine/rule.js';
import { templateMembers } from '../src/lang/sites.js';
import { formatLocation } from '../src/model/location.js';
import { looksLikeWholeStatesCall, looksLikePath } from '../src/lang/looks.js';

export default defineRule({
  meta: {
    id: 'no-dollar',
    code: 'NO_DOLLAR',
    severity: 'WARNING',
    fixable: 'suggestion',
    description: "A payload-template value that looks like a JSONPath or intrinsic call under a key without '.$'.",
    rationale:
      'In Parameters, ResultSelector, ItemSelector and the other payload templates (Assign included), only keys ending in \'.$\' are evaluated; under a plain key "$.id" is sent as the literal text "$.id". AWS warns with NO_DOLLAR, located at the template field. ' +
      "A value looks like a path when it is '$' or '$$' or starts with '$.', '$[', '$$.' or '$$['; like an intrinsic function when it is a whole 'States.Name(...)' call. Variables ('$name') are not counted: '$5' or '$USD' are often plain text.",
    sources: ['asl-rules.md no-dollar (V meaning, message from the API reference example)'],
    examples: {
      valid: [
        { text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$.id", "price": "$5", "currency": "$USD"}, "End": true}}}' },
        { title: 'JSONata states have no .$ keys', text: '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"a": "$.x"}, "End": true}}}' },
      ],
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
              endLine: 1,
              endColumn: 69,
              message: "The value of 'a' looks like a JSONPath. Instead of 'a', use 'a.$' to evaluate it as a JSONPath at runtime.",
            },
          ],
        },
        {
          title: 'Nested, an intrinsic function, and an Assign',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": {"id": "States.UUID()"}}, "Assign": {"v": "$$.Execution.Id"}, "Next": "B"}, "B": {"Type": "Pass", "Parameters": {"v.$": "$v"}, "End": true}}}',
          diagnostics: [
            {
              code: 'NO_DOLLAR',
              severity: 'WARNING',
              location: '/States/A/Parameters',
              line: 1,
              column: 72,
              endLine: 1,
              endColumn: 76,
              message: "The value of 'id' looks like an Intrinsic Function. Instead of 'id', use 'id.$' to evaluate it as an Intrinsic Function at runtime.",
            },
            { code: 'NO_DOLLAR', severity: 'WARNING', location: '/States/A/Assign', line: 1, column: 108, endLine: 1, endColumn: 111 },
          ],
        },
      ],
    },
  },
  check(ctx) {
    // Payload templates of JSONPath states (Parameters, ResultSelector, ItemSelector, ItemReader and
    // ResultWriter Parameters, BatchInput, Credentials, Assign), at any depth.
    for (const { site, key, value: v, path: memberPath } of templateMembers(ctx.model).plain) {
      if (typeof v !== 'string') continue;
      const kind = looksLikePath(v) ? 'a JSONPath' : looksLikeWholeStatesCall(v) ? 'an Intrinsic Function' : undefined;
      if (!kind) continue;
      ctx.report({
        path: memberPath,
        part: 'key',
        location: formatLocation(site.path),
        message: `The value of '${key}' looks like ${kind}. Instead of '${key}', use '${key}.$' to evaluate it as ${kind} at runtime.`,
        // A suggestion, not a fix: the literal text becomes a lookup at run time (which can fail
        // with States.Runtime). None where 'key.$' exists already: that would write it twice.
        fix: () => ctx.fixer.fix('suggestion', `Rename '${key}' to '${key}.$'`, ctx.fixer.renameKey(memberPath, `${key}.$`)),
      });
    }
  },
});
