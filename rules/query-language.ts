import { defineRule } from '../src/engine/rule.js';
import { reportSchemaFindings } from '../src/engine/schema.js';
import type { Fixer } from '../src/fix/edits.js';
import type { Fix } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'query-language',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    fixable: 'editor',
    description: "Fields of one query language are not used in states of the other; QueryLanguage is 'JSONPath' or 'JSONata' and is not set on an ItemProcessor, Iterator or branch.",
    rationale:
      "A state's language is its own QueryLanguage, else the machine's, else JSONPath. JSONata states take Arguments, Output, Items and Condition instead of InputPath, Parameters, ResultSelector, ResultPath, the *Path fields and comparison operators; AWS refuses the other language's fields with the messages below (measured). A machine set to JSONata cannot contain a JSONPath state, and an ItemProcessor, Iterator or Parallel branch cannot declare a QueryLanguage (Field 'QueryLanguage' is not supported). A QueryLanguage other than exactly 'JSONPath' or 'JSONata' is reported at the field (and, as on AWS, makes the state JSONata). A state that declares JSONPath in a JSONata machine gets only that diagnostic. " +
      "A QueryLanguage written inside the top-level States (a published sample does this) is one error at /States/QueryLanguage with a fix that moves it to the top level; the rest is checked in the language it names, instead of a cascade of 'QueryLanguage is set to JSONPath' errors (issue 10). " +
      "Its message is AWS's for a state that is not an object, 'Expected value of type [OBJECT]' (AWS's own answer to this definition is not recorded).",
    sources: [
      'asl-rules.md query-language-value, ql-jsonata-only-field, ql-jsonpath-only-field, ql-jsonpath-state-under-jsonata-machine, ql-on-item-processor (M: floci #2968, #2972)',
      'docs/aws-behaviour.md §5',
      'QueryLanguage is a top-level field of the state machine (Developer Guide, state machine structure: https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html); misplaced inside States in aws-samples/step-functions-workflows-collection shared-fallback-state-jsonata (shared/corpus real-world-unparseable)',
    ],
    examples: {
      valid: [
        {
          text: ['{"QueryLanguage": "JSONata", "StartAt": "A", "States": {', '  "A": {"Type": "Pass", "Output": {"total": "{% $states.input.a + 1 %}"}, "End": true}', '}}'].join('\n'),
        },
        {
          text: [
            '{"StartAt": "A", "States": {',
            '  "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% 1 %}", "Next": "B"},',
            '  "B": {"Type": "Pass", "InputPath": "$.x", "End": true}',
            '}}',
          ].join('\n'),
        },
      ],
      invalid: [
        {
          title: 'A JSONata-only field in a JSONPath state',
          text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Pass", "Output": {"a": 1}, "End": true}', '}}'].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A',
              line: 2,
              column: 25,
              endLine: 2,
              endColumn: 33,
              message: "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
            },
          ],
        },
        {
          title: 'A JSONPath-only field in a JSONata state',
          text: ['{"QueryLanguage": "JSONata", "StartAt": "A", "States": {', '  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.x", "End": true}', '}}'].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A',
              line: 2,
              column: 71,
              endLine: 2,
              endColumn: 82,
              message: "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage",
            },
          ],
        },
        {
          title: 'A JSONPath state in a JSONata machine',
          text: ['{"QueryLanguage": "JSONata", "StartAt": "A", "States": {', '  "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}', '}}'].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A',
              line: 2,
              column: 42,
              endLine: 2,
              endColumn: 52,
              message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
            },
          ],
        },
        {
          title: 'QueryLanguage on an ItemProcessor',
          text: [
            '{"StartAt": "M", "States": {',
            '  "M": {"Type": "Map", "End": true, "ItemProcessor": {',
            '    "QueryLanguage": "JSONata",',
            '    "StartAt": "P", "States": {"P": {"Type": "Succeed"}}',
            '  }}',
            '}}',
          ].join('\n'),
          diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/M/ItemProcessor', line: 3, column: 5, endLine: 3, endColumn: 20, message: "Field 'QueryLanguage' is not supported" }],
        },
        {
          title: 'QueryLanguage inside States: one error, with a fix that moves it to the top level',
          text: ['{"StartAt": "A", "States": {', '  "QueryLanguage": "JSONata",', '  "A": {"Type": "Pass", "Output": "{% $states.input.a %}", "End": true}', '}}'].join('\n'),
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/QueryLanguage',
              line: 2,
              column: 3,
              endLine: 2,
              endColumn: 18,
              message:
                "Expected value of type [OBJECT]. 'QueryLanguage' is not a state: it belongs at the top level of the state machine, beside StartAt and States (the rest is checked as 'JSONata').",
            },
          ],
        },
        {
          title: 'An unknown value',
          text: '{"QueryLanguage": "jsonata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/QueryLanguage',
              line: 1,
              column: 19,
              endLine: 1,
              endColumn: 28,
              message: "Value should be one of the following: [JSONPath, JSONata] ('QueryLanguage': did you mean 'JSONata'?)",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    reportSchemaFindings(ctx, 'query-language');
    const misplaced = ctx.model.misplacedQueryLanguage;
    if (misplaced === undefined) return;
    const path = ['States', 'QueryLanguage'];
    const top = ctx.model.root?.QueryLanguage;
    ctx.report({
      path,
      part: 'key',
      message: 'Expected value of type [OBJECT]',
      hint:
        top === undefined
          ? `'QueryLanguage' is not a state: it belongs at the top level of the state machine, beside StartAt and States (the rest is checked as '${ctx.model.queryLanguage}').`
          : "'QueryLanguage' is not a state, and the top level already sets it: remove this one.",
      fix: () => moveToTop(ctx.fixer, misplaced, top === undefined),
    });
  },
});

/** Removes the member from States and (when the top level has none) writes it first in the root object, in the document's own style. */
function moveToTop(fixer: Fixer, value: string, insert: boolean): Fix | undefined {
  const remove = fixer.removeMember(['States', 'QueryLanguage']);
  // An editor quick fix only: it changes the language every state is read in.
  if (!insert) return fixer.fix('editor', 'Remove QueryLanguage from States', remove);
  return fixer.fix('editor', 'Move QueryLanguage to the top level', fixer.addMember([], 'QueryLanguage', value, 'first'), remove);
}
