import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'field-value',
  fixable: 'editor',
  description: 'Field values have the right type, range, enum value and format (RFC 3339 timestamps); HeartbeatSeconds is below TimeoutSeconds.',
  rationale:
    'AWS checks types and ranges when the definition is created, in the words of its validator (Expected value of type [STRING], Minimum value is 0, Value should be one of the following: [...]); the hint says what the field takes. TimeoutSeconds and HeartbeatSeconds are integers from 1 to 99999999, Wait Seconds from 0, ToleratedFailurePercentage from 0 to 100, timestamps RFC 3339 with an uppercase T and Z. In JSONata states these number fields may also be a JSONata expression ({% ... %}). A deploy-time placeholder such as ${Timeout} may stand for any value and is never reported.',
  sources: [
    'asl-rules.md task-timeout-seconds, task-heartbeat-seconds, wait-seconds, wait-timestamp-format, map-max-concurrency, map-tolerated-failure, map-item-reader, map-result-writer, jsonata-field-types, end-type',
    'docs/aws-behaviour.md §5, §10 (Minimum value is 0, measured)',
  ],
  examples: {
    valid: [
      { text: '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${FunctionArn}", "TimeoutSeconds": "${Timeout}", "HeartbeatSeconds": "#{Heartbeat}", "End": true}}}' },
      {
        text: [
          '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {',
          '  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "{% $states.input.timeout %}", "End": true}',
          '}}',
        ].join('\n'),
      },
    ],
    invalid: [
      {
        title: 'A number written as a string',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "60", "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/A/TimeoutSeconds',
            line: 2,
            column: 89,
            endLine: 2,
            endColumn: 93,
            message: `Expected value of type [INTEGER]. The field 'TimeoutSeconds' must be an integer from 1 to 99999999, got "60".`,
          },
        ],
      },
      {
        title: 'A timestamp that is not RFC 3339',
        text: ['{"StartAt": "W", "States": {', '  "W": {"Type": "Wait", "Timestamp": "2016-03-14 01:59:00", "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/W/Timestamp',
            line: 2,
            column: 38,
            endLine: 2,
            endColumn: 59,
            message: "String does not match RFC3339 timestamp (write 'Timestamp' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)",
          },
        ],
      },
      {
        title: 'A percentage out of range',
        text: [
          '{"StartAt": "M", "States": {',
          '  "M": {"Type": "Map", "ToleratedFailurePercentage": 150, "End": true,',
          '    "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/M/ToleratedFailurePercentage',
            line: 2,
            column: 54,
            endLine: 2,
            endColumn: 57,
            message: "Maximum value is 100. The field 'ToleratedFailurePercentage' must be a number from 0.0 to 100.0, got 150.",
          },
        ],
      },
      {
        title: 'HeartbeatSeconds not below TimeoutSeconds',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 60, "HeartbeatSeconds": 60, "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/A/HeartbeatSeconds',
            line: 2,
            column: 113,
            endLine: 2,
            endColumn: 115,
            message: "The field 'HeartbeatSeconds' must be smaller than 'TimeoutSeconds' (60), got 60",
          },
        ],
      },
      {
        title: 'A misspelt enum value, with a quick fix',
        text: [
          '{"StartAt": "M", "States": {',
          '  "M": {"Type": "Map", "End": true, "ItemProcessor": {',
          '    "ProcessorConfig": {"Mode": "Distributed", "ExecutionType": "STANDARD"},',
          '    "StartAt": "P", "States": {"P": {"Type": "Succeed"}}',
          '  }}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/M/ItemProcessor/ProcessorConfig/Mode',
            line: 3,
            column: 33,
            endLine: 3,
            endColumn: 46,
            message: "Value should be one of the following: [INLINE, DISTRIBUTED] ('Mode': did you mean 'DISTRIBUTED'?)",
          },
        ],
      },
    ],
  },
});
