import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'field-required',
  description:
    'Required fields are present: Resource on a Task, Choices on a Choice, Branches on a Parallel, a duration on a Wait, ItemProcessor (or Iterator) on a Map, ExecutionType on a Distributed Map, a complete ResultWriter ...',
  rationale:
    'AWS refuses a state that lacks a field its type requires. Where one of several fields is required (Seconds, SecondsPath, Timestamp or TimestampPath on a Wait), the message lists them all. A missing field is not reported again when a misspelling of it already is.',
  sources: [
    'asl-rules.md task-resource-required, choice-choices-required, parallel-branches, wait-exactly-one, map-processor-required, map-processor-config (B: ExecutionType), map-item-reader, map-result-writer (I: floci)',
    'docs/aws-behaviour.md §9, §10',
    'ExecutionType when Mode is DISTRIBUTED: documented (AWS CDK reference, ProcessorConfig.executionType: "you must provide this field if you specified DISTRIBUTED for the mode sub-field", https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.ProcessorConfig.html)',
  ],
  examples: {
    valid: [{ text: '{"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}}' }],
    invalid: [
      {
        title: 'A Task without Resource',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Task", "End": true}', '}}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'These fields are required: [Resource]' }],
      },
      {
        title: 'A Wait without a duration',
        text: ['{"StartAt": "W", "States": {', '  "W": {"Type": "Wait", "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/W',
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 6,
            message: 'One of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]',
          },
        ],
      },
      {
        title: 'A ResultWriter with a Resource and no Parameters',
        text: [
          '{"StartAt": "M", "States": {',
          '  "M": {"Type": "Map", "End": true, "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject"},',
          '    "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/M/ResultWriter',
            line: 2,
            column: 54,
            endLine: 2,
            endColumn: 64,
            message: "The field 'Parameters' is required when 'Resource' is set",
          },
        ],
      },
      {
        title: 'A Distributed Map without ExecutionType',
        text: [
          '{"StartAt": "M", "States": {',
          '  "M": {"Type": "Map", "End": true, "ItemProcessor": {',
          '    "ProcessorConfig": {"Mode": "DISTRIBUTED"},',
          '    "StartAt": "P", "States": {"P": {"Type": "Succeed"}}',
          '  }}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/M/ItemProcessor/ProcessorConfig',
            line: 3,
            column: 25,
            endLine: 3,
            endColumn: 31,
            message: "The field 'ExecutionType' is required when 'Mode' is 'DISTRIBUTED'",
          },
        ],
      },
    ],
  },
});
