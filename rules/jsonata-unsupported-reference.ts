import { defineRule } from '../src/engine/rule.js';
import { analyzedJsonata, EXPRESSION_OFFSET } from '../src/lang/jsonata-sites.js';
import { stringSpan } from '../src/lang/text.js';

/** What this rule's diagnostics carry in `data`. */
type UnsupportedReferenceData = { /** The whole expression the reference is in. */ expression: string };

export default defineRule<UnsupportedReferenceData>({
  meta: {
    id: 'jsonata-unsupported-reference',
    code: 'UNSUPPORTED_JSONATA_EXPRESSION',
    severity: 'ERROR',
    description: "JSONata expressions must not read the top-level context (a bare field name, '$'), '$$', or $states.errorOutput outside a catcher.",
    rationale:
      'A Step Functions JSONata expression has no context item: the input is $states.input and variables are $name. AWS refuses a name read at the top level ' +
      "(\"Reference to 'phone' at the top level is not supported.\", once per distinct name, at the string's own location) and '$$' (\"Reference to '$$' is not supported.\"). " +
      "Names in later path steps, predicates, sort terms and group-by are fine: $states.input.items[price > 10]. $states.errorOutput exists only in a catcher's Output and Assign " +
      '("Field \'$states.errorOutput\' does not exist.").',
    sources: [
      'asl-rules.md jsonata-top-level-dollar, jsonata-double-dollar, jsonata-states-erroroutput-scope',
      'M: floci #2670/#2699 and its JsonataTopLevelReferencesTest (expressions run through validate-state-machine-definition); sst #6110 for the errorOutput message',
    ],
    examples: {
      valid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.items[price > 10].{\'n\': name} %}", "End": true}}}',
        },
        {
          title: 'errorOutput in a catcher',
          text: '{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "D"}], "End": true}, "D": {"Type": "Succeed"}}}',
        },
      ],
      invalid: [
        {
          text: '{"QueryLanguage": "JSONata", "StartAt": "E", "States": {"E": {"Type": "Pass", "Output": {"v": "{% phone & $ %}"}, "End": true}}}',
          diagnostics: [
            {
              code: 'UNSUPPORTED_JSONATA_EXPRESSION',
              location: '/States/E/Output/v',
              line: 1,
              column: 99,
              endLine: 1,
              endColumn: 104,
              message: "Reference to 'phone' at the top level is not supported.",
            },
            {
              code: 'UNSUPPORTED_JSONATA_EXPRESSION',
              location: '/States/E/Output/v',
              line: 1,
              column: 107,
              endLine: 1,
              endColumn: 108,
              message: "Reference to '$' at the top level is not supported.",
            },
          ],
        },
        {
          title: "'$$' and errorOutput outside a catcher",
          text: '{"QueryLanguage": "JSONata", "StartAt": "Main", "States": {"Main": {"Type": "Pass", "Output": "{% $$ %}", "Assign": {"e": "{% $states.errorOutput %}"}, "End": true}}}',
          diagnostics: [
            { code: 'UNSUPPORTED_JSONATA_EXPRESSION', location: '/States/Main/Output', line: 1, column: 99, endLine: 1, endColumn: 101, message: "Reference to '$$' is not supported." },
            { code: 'UNSUPPORTED_JSONATA_EXPRESSION', location: '/States/Main/Assign/e', line: 1, column: 127, endLine: 1, endColumn: 146, message: "Field '$states.errorOutput' does not exist." },
          ],
          alsoReported: ['variable-unused'],
        },
      ],
    },
  },
  check(ctx) {
    for (const { site, analysis, placeholder } of analyzedJsonata(ctx.model)) {
      if (analysis.error || (analysis.topLevel.length === 0 && !analysis.rootReference && (site.errorOutput || analysis.states.length === 0))) continue;
      const span = (start: number, end: number) => (placeholder ? undefined : stringSpan(ctx.doc, site.path, site.value, EXPRESSION_OFFSET + start, EXPRESSION_OFFSET + end));
      type Finding = { start: number; end: number; message: string };
      const found: Finding[] = analysis.topLevel.map((t) => ({ ...t, message: `Reference to '${t.name}' at the top level is not supported.` }));
      if (analysis.rootReference) found.push({ ...analysis.rootReference, message: "Reference to '$$' is not supported." });
      if (!site.errorOutput) {
        const eo = analysis.states.find((s) => s.member === 'errorOutput');
        if (eo) found.push({ ...eo, message: "Field '$states.errorOutput' does not exist." });
      }
      found.sort((a, b) => a.start - b.start);
      for (const f of found) ctx.report({ path: site.path, message: f.message, span: span(f.start, f.end), data: { expression: site.value } });
    }
  },
});
