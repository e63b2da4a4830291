import { defineRule } from '../src/engine/rule.js';
import { analyzedJsonata, EXPRESSION_OFFSET } from '../src/lang/jsonata-sites.js';
import { stringSpan } from '../src/lang/text.js';

export default defineRule({
  meta: {
    id: 'jsonata-syntax',
    code: 'INVALID_JSONATA_EXPRESSION',
    severity: 'ERROR',
    description: 'A {% %} JSONata expression must parse.',
    rationale:
      'AWS parses every JSONata expression when the definition is created (JSONata 2.0.6) and refuses one that does not parse with INVALID_JSONATA_EXPRESSION, ' +
      "the parser's message without its S0xxx code, at the field holding the string (for example /States/Main/Output). The range points at the offending token. " +
      'An expression with brackets nested more than 200 deep (MAX_JSONATA_NESTING, our bound on work), or one that runs the parser out of stack, is not read: ' +
      "it gets a LINT_JSONATA_NOT_READ warning, not an error, because AWS's answer to it is unknown (validate() says nothing about it).",
    sources: [
      'asl-rules.md jsonata-parse (M: FLOCI #2745/#2786; messages verified in floci StepFunctionsValidateStateMachineDefinitionIntegrationTest)',
      'brackets nested past 200 levels (MAX_JSONATA_NESTING) and expressions that overflow the stack: our bound on work (the jsonata parser overflowed around 2,000 levels), B: AWS not measured, so LINT_JSONATA_NOT_READ (WARNING), never an AWS code',
    ],
    examples: {
      valid: [{ text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"total": "{% $sum($states.input.items.price) %}"}, "End": true}}}' }],
      invalid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "Main", "States": {"Main": {"Type": "Pass", "Output": "{% 1 + %}", "End": true}}}',
          diagnostics: [{ code: 'INVALID_JSONATA_EXPRESSION', location: '/States/Main/Output', line: 1, column: 103, endLine: 1, endColumn: 103, message: 'Unexpected end of expression' }],
        },
        {
          title: 'Nested in Arguments; a number field written as an expression',
          text: [
            '{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",',
            '  "Arguments": {"Payload": {"ids": "{% $states.input.a[1,2) %}"}}, "TimeoutSeconds": "{% $t * %}", "End": true}}}',
          ].join('\n'),
          diagnostics: [
            { code: 'INVALID_JSONATA_EXPRESSION', location: '/States/T/Arguments/Payload/ids', line: 2, column: 57, endLine: 2, endColumn: 58, message: 'Expected "]", got ","' },
            { code: 'INVALID_JSONATA_EXPRESSION', location: '/States/T/TimeoutSeconds', line: 2, column: 95, endLine: 2, endColumn: 95, message: 'Unexpected end of expression' },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const { site, analysis, placeholder } of analyzedJsonata(ctx.model)) {
      const e = analysis.error;
      if (!e || placeholder) continue;
      if (e.notRead) {
        // Our own bound on work, not a known AWS refusal: a warning, and validate() stays silent.
        ctx.report({
          path: site.path,
          code: 'LINT_JSONATA_NOT_READ',
          severity: 'WARNING',
          message: `The expression was not checked: ${e.message[0].toLowerCase()}${e.message.slice(1)}.`,
          span: stringSpan(ctx.doc, site.path, site.value, EXPRESSION_OFFSET + e.start, EXPRESSION_OFFSET + e.end),
        });
        continue;
      }
      ctx.report({
        path: site.path,
        message: e.message,
        span: stringSpan(ctx.doc, site.path, site.value, EXPRESSION_OFFSET + e.start, EXPRESSION_OFFSET + e.end),
      });
    }
  },
});
