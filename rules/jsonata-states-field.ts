import { defineRule } from '../src/engine/rule.js';
import { analyzedJsonata, EXPRESSION_OFFSET } from '../src/lang/jsonata-sites.js';
import { STATES_MEMBERS } from '../src/lang/states-variable.js';
import { closest } from '../src/lang/suggest.js';
import { stringSpan } from '../src/lang/text.js';

export default defineRule({
  meta: {
    id: 'jsonata-states-field',
    code: 'LINT_JSONATA_STATES_FIELD',
    severity: 'WARNING',
    description: '$states.result outside the Output/Assign of a Task, Map or Parallel state, and $states members that do not exist.',
    rationale:
      '$states has four members: input and context (everywhere), result (the top-level Output and Assign of Task, Map and Parallel states) and errorOutput (a catcher’s Output and Assign). ' +
      'Elsewhere $states.result is undefined, and so is a misspelt member such as $states.inputs: the expression fails at run time with States.QueryEvaluationError. ' +
      'AWS accepts unknown members when the definition is created (measured), and whether it refuses $states.result out of place is not documented, so these are warnings. ' +
      '$states.errorOutput outside a catcher is refused by AWS (jsonata-unsupported-reference).',
    sources: ['asl-rules.md jsonata-states-result-scope, jsonata-states-unknown-field (V SPEC; B for AWS enforcement)'],
    examples: {
      valid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"p": "{% $states.input %}"}, "Output": "{% $states.result.Payload %}", "End": true}}}',
        },
      ],
      invalid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": "{% $states.result %}", "Output": "{% $states.inputs %}", "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_JSONATA_STATES_FIELD',
              severity: 'WARNING',
              location: '/States/T/Arguments',
              line: 1,
              column: 142,
              endLine: 1,
              endColumn: 156,
              message:
                "$states.result does not exist in 'Arguments': only the top-level Output and Assign of Task, Map and Parallel states see the result; it is undefined here and fails at run time.",
            },
            {
              code: 'LINT_JSONATA_STATES_FIELD',
              severity: 'WARNING',
              location: '/States/T/Output',
              line: 1,
              column: 176,
              endLine: 1,
              endColumn: 190,
              message: '$states.inputs is not a field of $states (input, result, errorOutput, context); did you mean $states.input?',
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const { site, analysis, placeholder } of analyzedJsonata(ctx.model)) {
      if (analysis.error) continue;
      const field = String(site.path[site.path.length - 1]);
      for (const s of analysis.states) {
        const at = () => (placeholder ? undefined : stringSpan(ctx.doc, site.path, site.value, EXPRESSION_OFFSET + s.start, EXPRESSION_OFFSET + s.end));
        if (s.member === 'result' && !site.result) {
          const where = typeof site.path[site.path.length - 1] === 'number' ? 'this field' : `'${field}'`;
          ctx.report({
            path: site.path,
            span: at(),
            message: `$states.result does not exist in ${where}: only the top-level Output and Assign of Task, Map and Parallel states see the result; it is undefined here and fails at run time.`,
          });
        } else if (!STATES_MEMBERS.has(s.member)) {
          const suggestion = closest(s.member, [...STATES_MEMBERS]);
          ctx.report({
            path: site.path,
            span: at(),
            message: `$states.${s.member} is not a field of $states (input, result, errorOutput, context)${suggestion ? `; did you mean $states.${suggestion}?` : '; it is undefined at run time.'}`,
          });
        }
      }
    }
  },
});
