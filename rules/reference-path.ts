import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { sitesOf, type PathSite } from '../src/lang/sites.js';
import { parseJsonPath, PATH_ROOTS_HINT, type JsonPathInfo } from '../src/lang/jsonpath.js';
import { startsLikeIntrinsicCall } from '../src/lang/intrinsics.js';
import { hasPlaceholder } from '../src/parse/placeholder.js';
import { stringSpan } from '../src/lang/text.js';

const AWS = 'Value is not a Reference Path';

export default defineRule({
  meta: {
    id: 'reference-path',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: 'ResultPath, ItemsPath, the ...Path fields and Choice Variable must be Reference Paths (one node: no .., *, unions, slices or functions).',
    rationale:
      "A Reference Path names exactly one node, so it may use only '.name', \"['name']\" and '[index]' steps. AWS refuses anything else with 'Value is not a Reference Path: ...' at the field. " +
      "ResultPath writes into the state input: it cannot start with '$$' (the context object) or name a variable. The Map's number fields (MaxConcurrencyPath, ToleratedFailure*Path, MaxItemsPath, MaxItemsPerBatchPath, MaxInputBytesPerBatchPath) cannot read the context object. " +
      "A simple filter ('[?(@.x > 1)]') appears in AWS's own path examples, so it is a warning here, not an error. Fail ErrorPath/CausePath also accept an intrinsic function (checked by intrinsic-function).",
    sources: [
      'asl-rules.md reference-path-single-node, result-path-context, result-path-variable (V)',
      "message measured: ts2asl issue #912 quotes AWS 'Value is not a Reference Path: ...'; floci #3733 for the Map number fields",
    ],
    examples: {
      valid: [
        { text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$.a[\'b c\'][0].d", "End": true}}}' },
        {
          title: 'Choice Variable may read the context object and variables',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"count": 1, "limit": 2}, "Next": "C"}, "C": {"Type": "Choice", "Choices": [{"Variable": "$$.Execution.Input.x", "IsPresent": true, "Next": "D"}, {"Variable": "$count", "NumericGreaterThanPath": "$limit", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}',
        },
      ],
      invalid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$.items[*].id", "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/ResultPath',
              line: 1,
              column: 73,
              endLine: 1,
              endColumn: 76,
              message: `${AWS}. The wildcard '[*]' can select more than one node.`,
            },
          ],
        },
        {
          title: 'ResultPath cannot write into the context object or a variable',
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$$.Execution", "Next": "Q"}, "Q": {"Type": "Pass", "ResultPath": "$total", "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/ResultPath',
              line: 1,
              column: 65,
              endLine: 1,
              endColumn: 79,
              message: `${AWS}. ResultPath cannot write into the context object ('$$'); it names a place in the state input ('$...').`,
            },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/Q/ResultPath',
              line: 1,
              column: 131,
              endLine: 1,
              endColumn: 139,
              message: `${AWS}. ResultPath cannot name a variable ('$total'); assign variables with Assign.`,
            },
          ],
        },
        {
          title: 'Not a path at all',
          text: '{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "type", "StringEquals": "a", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/C/Choices[0]/Variable',
              line: 1,
              column: 78,
              endLine: 1,
              endColumn: 84,
              message: `${AWS}. A path starts with '$' (the state input), '$$' (the context object) or '$name' (a variable).`,
            },
          ],
        },
        {
          title: 'A filter is a warning',
          text: '{"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.waits[?(@.id == 1)].s", "End": true}}}',
          diagnostics: [{ code: 'LINT_REFERENCE_PATH_FILTER', severity: 'WARNING', location: '/States/W/SecondsPath', line: 1, column: 74, endLine: 1, endColumn: 88 }],
        },
      ],
    },
  },
  check(ctx) {
    for (const site of sitesOf(ctx.model).paths) {
      if (site.kind === 'path' || typeof site.value !== 'string') continue;
      const value = site.value;
      if (hasPlaceholder(value as unknown)) continue;
      // Fail ErrorPath/CausePath: an intrinsic call is checked by intrinsic-function.
      if (site.kind === 'fail' && startsLikeIntrinsicCall(value)) continue;
      const info = parseJsonPath(value);
      // The common case, a valid single-node path: one cached parse, nothing allocated (the
      // reporting, with its closures, is a function of its own).
      if (info && !info.error && info.multi.length === 0 && !rootProblemOf(site, info, value)) continue;
      reportProblem(ctx, site, value, info);
    }
  },
});

function reportProblem(ctx: RuleContext, site: PathSite, value: string, info: JsonPathInfo | undefined): void {
  const at = (start: number, end: number) => stringSpan(ctx.doc, site.path, value, start, end);
  if (!info) {
    const hint = startsLikeIntrinsicCall(value) ? `intrinsic functions are not allowed in '${site.field}'` : PATH_ROOTS_HINT;
    ctx.report({ path: site.path, message: AWS, hint: `${cap(hint)}.` });
    return;
  }
  if (info.error) {
    ctx.report({ path: site.path, message: AWS, hint: `${cap(info.error.message)}.`, span: at(info.error.start, info.error.end) });
    return;
  }
  const rootProblem = rootProblemOf(site, info, value);
  if (rootProblem) {
    ctx.report({ path: site.path, message: AWS, hint: rootProblem });
    return;
  }
  const hard = info.multi.find((m) => m.kind !== 'filter');
  if (hard) {
    const why = hard.kind === 'function' ? 'computes a value' : 'can select more than one node';
    ctx.report({ path: site.path, message: AWS, hint: `${cap(hard.message)} ${why}.`, span: at(hard.start, hard.end) });
    return;
  }
  const filter = info.multi.find((m) => m.kind === 'filter');
  if (filter) {
    ctx.report({
      path: site.path,
      code: 'LINT_REFERENCE_PATH_FILTER',
      severity: 'WARNING',
      message: `${filter.message} in '${site.field}' may select more than one node; a Reference Path should name exactly one (the ASL specification does not allow filters here, AWS may accept simple ones).`,
      span: at(filter.start, filter.end),
    });
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function rootProblemOf(site: PathSite, info: JsonPathInfo, value: string): string | undefined {
  if (site.kind === 'result') {
    if (info.root === 'context') return "ResultPath cannot write into the context object ('$$'); it names a place in the state input ('$...').";
    if (info.root === 'variable') return `ResultPath cannot name a variable ('${value.split(/[.[]/)[0]}'); assign variables with Assign.`;
  }
  if (site.kind === 'number' && info.root === 'context') {
    return `${site.field} cannot read the context object ('$$'); only ItemsPath can. Read the value from the state input or a variable.`;
  }
  return undefined;
}
