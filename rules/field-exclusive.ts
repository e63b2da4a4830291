import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'field-exclusive',
  description: 'Fields that exclude each other are not set together (Seconds/SecondsPath/Timestamp/TimestampPath, TimeoutSeconds/TimeoutSecondsPath, Error/ErrorPath, ItemSelector/Parameters ...).',
  rationale:
    'ASL gives several fields a literal form and a path form (TimeoutSeconds and TimeoutSecondsPath) or two spellings of one thing (Map ItemSelector and its deprecated Parameters, ItemProcessor and Iterator); a state may set only one of each group, and AWS refuses both.',
  sources: [
    'asl-rules.md wait-exactly-one, task-timeout-exclusive, task-heartbeat-exclusive, fail-error-exclusive, fail-cause-exclusive, map-item-selector-exclusive, map-max-concurrency, map-tolerated-failure, map-item-batcher',
  ],
  examples: {
    valid: [{ text: '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2026-01-01T00:00:00Z", "End": true}}}' }],
    invalid: [
      {
        title: 'Two durations on a Wait',
        text: ['{"StartAt": "W", "States": {', '  "W": {"Type": "Wait", "Seconds": 5, "Timestamp": "2026-01-01T00:00:00Z", "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/W/Seconds',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 34,
            message: "Only one of 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath' may be set (found 'Seconds' and 'Timestamp')",
          },
        ],
      },
      {
        title: 'Error and ErrorPath',
        text: ['{"StartAt": "F", "States": {', '  "F": {"Type": "Fail", "Error": "Oops", "ErrorPath": "$.error"}', '}}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/F/Error', line: 2, column: 25, endLine: 2, endColumn: 32, message: "Only one of 'Error', 'ErrorPath' may be set" }],
      },
      {
        title: 'ItemSelector and Parameters on a Map',
        text: [
          '{"StartAt": "M", "States": {',
          '  "M": {"Type": "Map", "ItemSelector": {"a.$": "$$.Map.Item.Value"}, "Parameters": {"b": 1}, "End": true,',
          '    "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}',
          '}}',
        ].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/M/ItemSelector', line: 2, column: 24, endLine: 2, endColumn: 38, message: "Only one of 'ItemSelector', 'Parameters' may be set" },
        ],
      },
    ],
  },
});
