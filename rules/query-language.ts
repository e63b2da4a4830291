import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'query-language',
  fixable: 'editor',
  description: "Fields of one query language are not used in states of the other; QueryLanguage is 'JSONPath' or 'JSONata' and is not set on an ItemProcessor, Iterator or branch.",
  rationale:
    "A state's language is its own QueryLanguage, else the machine's, else JSONPath. JSONata states take Arguments, Output, Items and Condition instead of InputPath, Parameters, ResultSelector, ResultPath, the *Path fields and comparison operators; AWS refuses the other language's fields with the messages below (measured). A machine set to JSONata cannot contain a JSONPath state, and an ItemProcessor, Iterator or Parallel branch cannot declare a QueryLanguage (Field 'QueryLanguage' is not supported). A QueryLanguage other than exactly 'JSONPath' or 'JSONata' is reported at the field (and, as on AWS, makes the state JSONata). A state that declares JSONPath in a JSONata machine gets only that diagnostic.",
  sources: ['asl-rules.md query-language-value, ql-jsonata-only-field, ql-jsonpath-only-field, ql-jsonpath-state-under-jsonata-machine, ql-on-item-processor (M: floci #2968, #2972)', 'docs/aws-behaviour.md §5'],
  examples: {
    valid: [
      {
        text: [
          '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {',
          '  "A": {"Type": "Pass", "Output": {"total": "{% $states.input.a + 1 %}"}, "End": true}',
          '}}',
        ].join('\n'),
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
        text: [
          '{"StartAt": "A", "States": {',
          '  "A": {"Type": "Pass", "Output": {"a": 1}, "End": true}',
          '}}',
        ].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 25, message: "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage" },
        ],
      },
      {
        title: 'A JSONPath-only field in a JSONata state',
        text: [
          '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {',
          '  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.x", "End": true}',
          '}}',
        ].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 71, message: "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage" },
        ],
      },
      {
        title: 'A JSONPath state in a JSONata machine',
        text: [
          '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {',
          '  "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}',
          '}}',
        ].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 42, message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine" },
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
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/M/ItemProcessor', line: 3, column: 5, message: "Field 'QueryLanguage' is not supported" },
        ],
      },
      {
        title: 'An unknown value',
        text: '{"QueryLanguage": "jsonata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/QueryLanguage', line: 1, column: 19, message: "Value should be one of the following: [JSONPath, JSONata] (did you mean 'JSONata'?)" },
        ],
      },
    ],
  },
});
