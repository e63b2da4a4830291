import { defineRule } from '../src/engine/rule.js';
import { analyzedJsonata, EXPRESSION_OFFSET } from '../src/lang/jsonata-sites.js';
import { JSONATA_FUNCTIONS, jsonataFunction } from '../src/lang/jsonata-functions.js';
import { closest } from '../src/lang/suggest.js';
import { stringSpan } from '../src/lang/text.js';

export default defineRule({
  meta: {
    id: 'jsonata-function-call',
    code: 'LINT_JSONATA_FUNCTION',
    severity: 'WARNING',
    description: 'JSONata calls of functions that do not exist, of $eval, or with the wrong number of arguments.',
    rationale:
      'Step Functions runs JSONata 2.0.6 with its own additions ($partition, $range, $hash, $random with a seed, $uuid, $parse) and without $eval. ' +
      'Calling anything else, or a function with too few or too many arguments, fails when the state runs (T1006 / T0410, States.QueryEvaluationError); ' +
      'AWS does not refuse it when the definition is created, so this is a warning. Functions defined inside the expression ($f := function(...){...}) are not checked.',
    sources: ['jsonata 2.0.6 function signatures; AWS Developer Guide, JSONata functions provided by Step Functions; floci #2736 ($eval fails at run time)'],
    examples: {
      valid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% ($f := function($x){ $x * 2 }; $f($uuid() ~> $length()) & $partition([1,2,3], 2)) %}", "End": true}}}',
        },
      ],
      invalid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $upper($states.input.a) & $substring() & $eval(\'1\') %}", "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_JSONATA_FUNCTION',
              severity: 'WARNING',
              location: '/States/P/Output',
              line: 1,
              column: 93,
              endLine: 1,
              endColumn: 99,
              message: "'$upper' is not a JSONata function nor one Step Functions adds; the call fails at run time.",
            },
            {
              code: 'LINT_JSONATA_FUNCTION',
              severity: 'WARNING',
              location: '/States/P/Output',
              line: 1,
              column: 119,
              endLine: 1,
              endColumn: 129,
              message: '$substring takes 1 to 3 arguments, not 0; the call fails at run time.',
            },
            {
              code: 'LINT_JSONATA_FUNCTION',
              severity: 'WARNING',
              location: '/States/P/Output',
              line: 1,
              column: 134,
              endLine: 1,
              endColumn: 139,
              message: 'Step Functions does not support $eval; the call fails at run time.',
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    const names = Object.keys(JSONATA_FUNCTIONS).filter((n) => !JSONATA_FUNCTIONS[n].unsupported);
    for (const { site, analysis, placeholder } of analyzedJsonata(ctx.model)) {
      if (analysis.error) continue;
      for (const call of analysis.calls) {
        const at = () => (placeholder ? undefined : stringSpan(ctx.doc, site.path, site.value, EXPRESSION_OFFSET + call.start, EXPRESSION_OFFSET + call.end));
        const fn = jsonataFunction(call.name);
        if (!fn) {
          const suggestion = closest(call.name, names);
          ctx.report({
            path: site.path,
            span: at(),
            message: `'$${call.name}' is not a JSONata function${suggestion ? `; did you mean '$${suggestion}'?` : ' nor one Step Functions adds; the call fails at run time.'}`,
          });
        } else if (fn.unsupported) {
          ctx.report({ path: site.path, span: at(), message: `${fn.unsupported}; the call fails at run time.` });
        } else if (!call.partial && (call.args < fn.min || call.args > fn.max)) {
          const expected = fn.min === fn.max ? `${fn.min}` : fn.max === Infinity ? `at least ${fn.min}` : `${fn.min} to ${fn.max}`;
          ctx.report({
            path: site.path,
            span: at(),
            message: `$${call.name} takes ${expected} argument${expected === '1' || expected === 'at least 1' ? '' : 's'}, not ${call.args}; the call fails at run time.`,
          });
        }
      }
    }
  },
});
