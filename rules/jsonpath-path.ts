import { defineRule } from '../src/engine/rule.js';
import { sitesOf } from '../src/lang/sites.js';
import { parseJsonPath, PATH_ROOTS_HINT } from '../src/lang/jsonpath.js';
import { startsLikeIntrinsicCall } from '../src/lang/intrinsics.js';
import { hasPlaceholder } from '../src/parse/placeholder.js';
import { stringSpan } from '../src/lang/text.js';

const AWS = 'Value must be a valid JSONPath.';

export default defineRule({
  meta: {
    id: 'jsonpath-path',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: 'InputPath and OutputPath must be JSONPaths ($..., $$... or $variable...).',
    rationale:
      'AWS refuses a Path field whose value is not a JSONPath: "OutputPath": "Test" gives SCHEMA_VALIDATION_FAILED \'Value must be a valid JSONPath.\' at the field. ' +
      'Paths follow Jayway JsonPath (what AWS evaluates them with): filters, wildcards and slices are allowed here, unlike in Reference Paths; a field name with blanks needs brackets. ' +
      'Intrinsic functions are not allowed in these fields. null is allowed (the schema checks the type).',
    sources: ['asl-rules.md path-syntax (V); message measured: cfn-lint issue #4078 quotes AWS'],
    examples: {
      valid: [
        { text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$$.Execution.Input", "OutputPath": "$.items[?(@.ok == true)]", "End": true}}}' },
        {
          title: 'A variable and null',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"order": {"lines": []}}, "Next": "P"}, "P": {"Type": "Pass", "InputPath": "$order.lines", "OutputPath": null, "End": true}}}',
        },
      ],
      invalid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "Test", "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/OutputPath',
              line: 1,
              column: 65,
              endLine: 1,
              endColumn: 71,
              message: `${AWS} A path starts with '$' (the state input), '$$' (the context object) or '$name' (a variable).`,
            },
          ],
        },
        {
          title: 'A syntax error is located inside the string',
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a.", "End": true}}}',
          diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/P/InputPath', line: 1, column: 68, endLine: 1, endColumn: 69, message: `${AWS} A path must not end with '.' or '..'.` }],
        },
        {
          title: 'An intrinsic function where only a path is allowed',
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "States.Array($.a)", "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/InputPath',
              line: 1,
              column: 64,
              endLine: 1,
              endColumn: 83,
              message: `${AWS} Intrinsic functions are not allowed in 'InputPath'; use them in Parameters or ResultSelector.`,
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const site of sitesOf(ctx.model).paths) {
      if (site.kind !== 'path' || typeof site.value !== 'string') continue;
      const value = site.value;
      if (hasPlaceholder(value as unknown)) continue;
      const info = parseJsonPath(value);
      if (!info) {
        const hint = startsLikeIntrinsicCall(value)
          ? `Intrinsic functions are not allowed in '${site.field}'; use them in Parameters or ResultSelector.`
          : `${PATH_ROOTS_HINT[0].toUpperCase()}${PATH_ROOTS_HINT.slice(1)}.`;
        ctx.report({ path: site.path, message: AWS, hint });
        continue;
      }
      if (info.error) {
        const e = info.error;
        ctx.report({ path: site.path, message: AWS, hint: `${e.message}.`, span: stringSpan(ctx.doc, site.path, value, e.start, e.end) });
      }
    }
  },
});
