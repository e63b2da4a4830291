import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'choice-rule',
  description:
    'Choice rules are well formed: non-empty Choices; JSONPath rules have Variable and exactly one comparison operator of the right type, or exactly one of And, Or, Not; nested rules have no Next; JSONata rules have Condition and Next.',
  rationale:
    'AWS refuses a Choice rule that compares nothing, compares twice, mixes a comparison with And/Or/Not, or gives an operator a value of the wrong type (a number for NumericEquals, an RFC 3339 timestamp for TimestampEquals ...). Rules inside And, Or and Not only test; the top-level rule carries Next.',
  sources: ['asl-rules.md choice-choices-required, choice-rule-next-required, choice-nested-rule-next, choice-rule-shape-jsonpath, choice-operator-value-type, choice-jsonata-condition'],
  examples: {
    valid: [
      {
        text: [
          '{"StartAt": "C", "States": {',
          '  "C": {"Type": "Choice", "Default": "D", "Choices": [',
          '    {"And": [{"Variable": "$.a", "IsPresent": true}, {"Not": {"Variable": "$.a", "StringEquals": "x"}}], "Next": "D"},',
          '    {"Variable": "$.t", "TimestampLessThan": "2026-01-01T00:00:00Z", "Next": "D"}',
          '  ]},',
          '  "D": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
      },
      {
        text: [
          '{"QueryLanguage": "JSONata", "StartAt": "C", "States": {',
          '  "C": {"Type": "Choice", "Default": "D", "Choices": [{"Condition": "{% $states.input.n > 1 %}", "Next": "D"}]},',
          '  "D": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
      },
    ],
    invalid: [
      {
        title: 'Two comparison operators',
        text: [
          '{"StartAt": "C", "States": {',
          '  "C": {"Type": "Choice", "Choices": [',
          '    {"Variable": "$.a", "StringEquals": "x", "NumericEquals": 1, "Next": "D"}',
          '  ]},',
          '  "D": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/C/Choices[0]',
            line: 3,
            column: 46,
            endLine: 3,
            endColumn: 61,
            message: "Each Choice rule can only have one comparison operator, found 'StringEquals', 'NumericEquals'",
          },
        ],
      },
      {
        title: 'A nested rule with Next, an operator of the wrong type',
        text: [
          '{"StartAt": "C", "States": {',
          '  "C": {"Type": "Choice", "Choices": [',
          '    {"Or": [{"Variable": "$.n", "NumericEquals": "5", "Next": "D"}], "Next": "D"}',
          '  ]},',
          '  "D": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/C/Choices[0]/Or[0]/NumericEquals',
            line: 3,
            column: 50,
            endLine: 3,
            endColumn: 53,
            message: `Expected value of type [NUMBER]. The field 'NumericEquals' must be a number, got "5".`,
          },
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/C/Choices[0]/Or[0]',
            line: 3,
            column: 55,
            endLine: 3,
            endColumn: 61,
            message: "Field 'Next' is not supported (a Choice rule inside 'And', 'Or' or 'Not' cannot have 'Next')",
          },
        ],
      },
      {
        title: 'An operator without Variable; no rules at all',
        text: [
          '{"StartAt": "C", "States": {',
          '  "C": {"Type": "Choice", "Default": "E", "Choices": [{"StringEquals": "x", "Next": "D"}]},',
          '  "D": {"Type": "Choice", "Default": "E", "Choices": []},',
          '  "E": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/C/Choices[0]',
            line: 2,
            column: 56,
            endLine: 2,
            endColumn: 70,
            message: "The comparison operator 'StringEquals' needs a 'Variable' (the path of the value to compare)",
          },
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/D/Choices', line: 3, column: 54, endLine: 3, endColumn: 56, message: "Value cannot be empty ('Choices' needs at least one item)" },
        ],
      },
    ],
  },
});
