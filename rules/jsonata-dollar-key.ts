import { defineRule } from '../src/engine/rule.js';
import { sitesOf } from '../src/lang/sites.js';

export default defineRule({
  meta: {
    id: 'jsonata-dollar-key',
    code: 'LINT_JSONATA_DOLLAR_KEY',
    severity: 'WARNING',
    fixable: 'suggestion',
    description: "Keys ending in '.$' in a JSONata state: they are not evaluated there.",
    rationale:
      "In JSONata states, values are evaluated when they are {% %} expressions; the '.$' key suffix of JSONPath states means nothing, so \"id.$\": \"$.id\" sends a key 'id.$' with the text '$.id'. " +
      'Write "id": "{% $states.input.id %}". Whether AWS refuses such keys is not documented, so this is a warning.',
    sources: ['asl-rules.md jsonata-dollar-key (V DG-JSONATA; rejection B)'],
    examples: {
      valid: [{ text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"id": "{% $states.input.id %}"}, "End": true}}}' }],
      invalid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"id.$": "$.id"}, "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_JSONATA_DOLLAR_KEY',
              severity: 'WARNING',
              location: '/States/P/Output/id.$',
              line: 1,
              column: 90,
              endLine: 1,
              endColumn: 96,
              message: "'id.$' is a JSONPath-style key in a JSONata state, where it is not evaluated: use the key 'id' with a JSONata value such as \"{% $states.input.id %}\".",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    for (const k of sitesOf(ctx.model).jsonataDollarKeys) {
      const plain = k.key.slice(0, -2);
      ctx.report({
        path: k.path,
        part: 'key',
        message: `'${k.key}' is a JSONPath-style key in a JSONata state, where it is not evaluated: use the key '${plain}' with a JSONata value such as "{% $states.input.${plain || 'x'} %}".`,
        // A suggestion: the key the state sends changes. None where the plain key exists already.
        fix: () => (plain ? ctx.fixer.fix('suggestion', `Rename '${k.key}' to '${plain}'`, ctx.fixer.renameKey(k.path, plain)) : undefined),
      });
    }
  },
});
