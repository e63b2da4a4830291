import { defineRule } from '../src/engine/rule.js';
import { intrinsicSites } from '../src/lang/intrinsic-sites.js';
import { checkArguments } from '../src/lang/intrinsics.js';
import { stringSpan } from '../src/lang/text.js';

export default defineRule({
  meta: {
    id: 'intrinsic-arguments',
    code: 'LINT_INTRINSIC_ARGUMENTS',
    severity: 'WARNING',
    description: 'Intrinsic function calls with the wrong number of arguments, literal arguments of the wrong type or value, or nested more than 10 deep.',
    rationale:
      'Each intrinsic function has a fixed signature (States.MathRandom takes 2 or 3 integers, States.Hash a known algorithm, States.Format as many values as its template has {}). ' +
      'A call that breaks it fails when the state runs (States.IntrinsicFailure). Whether AWS also refuses it when the definition is created is not documented, so this is a warning. ' +
      '(A Fail ErrorPath/CausePath calling a function that does not return a string is an error of intrinsic-function: the Developer Guide lists the 7 allowed.) ' +
      'Intrinsic functions may be nested at most 10 deep in one field.',
    sources: [
      'asl-rules.md intrinsic-arity, intrinsic-literal-arg-type, intrinsic-nesting-depth, fail-path-string-intrinsic (V SPEC/DG-INTR for the rules; B for AWS checking them at validation time)',
    ],
    examples: {
      valid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"r.$": "States.MathRandom(1, 100)", "h.$": "States.Hash($.data, \'SHA-256\')", "f.$": "States.Format(\'{} and {}\', $.a, 1)"}, "End": true}}}',
        },
      ],
      invalid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"u.$": "States.UUID(1)", "h.$": "States.Hash($.d, \'SHA1\')", "f.$": "States.Format(\'{}\', $.a, $.b)"}, "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_INTRINSIC_ARGUMENTS',
              severity: 'WARNING',
              location: '/States/P/Parameters',
              line: 1,
              column: 74,
              endLine: 1,
              endColumn: 88,
              message: 'States.UUID takes 0 arguments, not 1; it fails at run time with States.IntrinsicFailure.',
            },
            {
              code: 'LINT_INTRINSIC_ARGUMENTS',
              severity: 'WARNING',
              location: '/States/P/Parameters',
              line: 1,
              column: 116,
              endLine: 1,
              endColumn: 122,
              message: "'SHA1' is not a hash algorithm States.Hash knows; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512.",
            },
            {
              code: 'LINT_INTRINSIC_ARGUMENTS',
              severity: 'WARNING',
              location: '/States/P/Parameters',
              line: 1,
              column: 148,
              endLine: 1,
              endColumn: 152,
              message: "The template has 1 '{}' placeholder but States.Format is given 2 values; the counts must match.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const site of intrinsicSites(ctx.model)) {
      const call = site.parsed.call;
      if (!call) continue;
      for (const p of checkArguments(call)) {
        ctx.report({ path: site.path, location: site.location, message: `${p.message}.`, span: stringSpan(ctx.doc, site.path, site.value, p.start, p.end) });
      }
    }
  },
});
