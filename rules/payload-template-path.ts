import { defineRule } from '../src/engine/rule.js';
import { templateMembers } from '../src/lang/sites.js';
import { parseJsonPath, PATH_ROOTS_HINT } from '../src/lang/jsonpath.js';
import { startsLikeIntrinsicCall } from '../src/lang/intrinsics.js';
import { hasPlaceholder } from '../src/parse/placeholder.js';
import { formatLocation } from '../src/model/location.js';
import { stringSpan } from '../src/lang/text.js';

const dollarKeyMessage = (key: string) => `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`;

export default defineRule({
  meta: {
    id: 'payload-template-path',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: "In a payload template (Parameters, ResultSelector, ItemSelector, Assign, ...), a key ending in '.$' must hold a JSONPath, a context path, a variable or an intrinsic function call.",
    rationale:
      "Keys ending in '.$' are evaluated: their value must be a path ('$...', '$$...', '$name...') or an intrinsic function call. AWS refuses anything else with " +
      '"The value for the field \'k.$\' must be a valid JSONPath or a valid intrinsic function call", located at the template field (e.g. /States/P/Parameters), at any depth, arrays included. ' +
      'Intrinsic calls are checked by intrinsic-function. A value with a deploy-time placeholder (${...}) is not checked.',
    sources: ['asl-rules.md payload-dollar-key-value (V, I)', 'message and location measured: cfn-lint PR #4643 / issue #4085 quote AWS'],
    examples: {
      valid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"v": 1}, "Next": "P"}, "P": {"Type": "Pass", "Parameters": {"a.$": "$.a", "b.$": "$$.Execution.Id", "c.$": "$v", "d": {"e.$": "States.UUID()"}, "f": [{"g.$": "$[0]"}]}, "End": true}}}',
        },
      ],
      invalid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"Variable.$": "Test"}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Assign',
              line: 1,
              column: 76,
              endLine: 1,
              endColumn: 82,
              message: `The value for the field 'Variable.$' must be a valid JSONPath or a valid intrinsic function call. ${PATH_ROOTS_HINT[0].toUpperCase()}${PATH_ROOTS_HINT.slice(1)}; to assign the text itself, drop '.$' from the key.`,
            },
          ],
          alsoReported: ['variable-unused'],
        },
        {
          title: 'Nested, a path syntax error, and a number',
          text: ['{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",', '  "Parameters": {"Payload": {"id.$": "$.a b", "n.$": 42}}, "End": true}}}'].join(
            '\n',
          ),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/T/Parameters',
              line: 2,
              column: 42,
              endLine: 2,
              endColumn: 43,
              message: "The value for the field 'id.$' must be a valid JSONPath or a valid intrinsic function call. A field name with blanks must use bracket notation, e.g. ['my field'].",
            },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/T/Parameters',
              line: 2,
              column: 54,
              endLine: 2,
              endColumn: 56,
              message: "The value for the field 'n.$' must be a valid JSONPath or a valid intrinsic function call. It is a number; a path or a call is a string.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const { site, key, value: v, path: memberPath } of templateMembers(ctx.model).dollar) {
      if (typeof v === 'string') {
        // The common case, a valid path, costs one cached parse and nothing else.
        if (v.startsWith('$') && !parseJsonPath(v)!.error) continue;
        if (hasPlaceholder(v as unknown) || startsLikeIntrinsicCall(v)) continue;
      }
      const location = formatLocation(site.path);
      const base = dollarKeyMessage(key);
      if (typeof v !== 'string') {
        const what = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
        ctx.report({ path: memberPath, location, message: base, hint: `It is ${what}; a path or a call is a string.` });
        continue;
      }
      const info = parseJsonPath(v);
      if (!info) {
        ctx.report({
          path: memberPath,
          location,
          message: base,
          hint: `${PATH_ROOTS_HINT[0].toUpperCase()}${PATH_ROOTS_HINT.slice(1)}; to ${site.assign ? 'assign' : 'pass'} the text itself, drop '.$' from the key.`,
        });
      } else if (info.error) {
        ctx.report({ path: memberPath, location, message: base, hint: `${info.error.message}.`, span: stringSpan(ctx.doc, memberPath, v, info.error.start, info.error.end) });
      }
    }
  },
});
