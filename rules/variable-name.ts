import { defineRule } from '../src/engine/rule.js';
import { sitesOf } from '../src/lang/sites.js';
import { assignedName, variableNameProblem } from '../src/lang/variables.js';
import { formatLocation } from '../src/model/location.js';

export default defineRule({
  meta: {
    id: 'variable-name',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: "Assign keys must be valid variable names (an identifier of at most 80 characters, not 'states').",
    rationale:
      "A variable name is a Unicode identifier (UAX #31: a letter first, then letters, digits and '_') of at most 80 characters, and 'states' is reserved for $states. " +
      "In JSONPath states a key ending in '.$' assigns the name without the suffix. A name such as 'my-var' could never be read back ($my-var is $my minus var).",
    sources: ['asl-rules.md variable-name, jsonata-assign-states (V SPEC); AWS message not known (our wording)'],
    examples: {
      valid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"count": 1, "total.$": "$.sum", "_tmp": null, "größe": 2}, "Next": "Q"}, "Q": {"Type": "Pass", "Parameters": {"a.$": "States.Array($count, $total, $_tmp, $größe)"}, "End": true}}}',
        },
      ],
      invalid: [
        {
          text: '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"my-var": 1, "states": 2, "1st.$": "$.a"}, "End": true}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Assign',
              line: 1,
              column: 62,
              endLine: 1,
              endColumn: 70,
              message: '\'my-var\' is not a valid variable name: a variable name starts with a letter or "_" and continues with letters, digits or "_".',
            },
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/P/Assign',
              line: 1,
              column: 75,
              endLine: 1,
              endColumn: 83,
              message: "'states' is not a valid variable name: 'states' is reserved (it holds $states.input, $states.result, ...).",
            },
            { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/P/Assign', line: 1, column: 88, endLine: 1, endColumn: 95 },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const site of sitesOf(ctx.model).assigns) {
      for (const key of Object.keys(site.obj)) {
        const name = assignedName(key, site.language);
        const problem = variableNameProblem(name);
        if (problem) ctx.report({ path: [...site.path, key], part: 'key', location: formatLocation(site.path), message: `'${name}' is not a valid variable name: ${problem}.` });
      }
    }
  },
});
