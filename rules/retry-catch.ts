import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'retry-catch',
  description: 'Retriers and catchers are well formed: ErrorEquals non-empty, retrier numbers in range, JitterStrategy FULL or NONE, catchers with Next, States.ALL alone and last.',
  rationale:
    'IntervalSeconds is 1 to 99999999, MaxAttempts 0 to 99999999, BackoffRate at least 1.0, MaxDelaySeconds 1 to 31622400. A catcher needs ErrorEquals and Next. States.ALL matches every error, so it must be the only name in its ErrorEquals and its retrier or catcher must come last: AWS says "States.ALL must appear alone and at end of list" at the States.ALL element (measured).',
  sources: ['asl-rules.md retry-catch-array, error-equals, states-all-alone, states-all-last, retrier-fields, catcher-fields', 'docs/aws-behaviour.md §9'],
  examples: {
    valid: [
      {
        text: [
          '{"StartAt": "T", "States": {',
          '  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,',
          '    "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "BackoffRate": 2, "JitterStrategy": "FULL"}, {"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}],',
          '    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "H"}]},',
          '  "H": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
      },
    ],
    invalid: [
      {
        title: 'A BackoffRate below 1',
        text: [
          '{"StartAt": "T", "States": {',
          '  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,',
          '    "Retry": [{"ErrorEquals": ["States.Timeout"], "BackoffRate": 0.5}]}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/T/Retry[0]/BackoffRate',
            line: 3,
            column: 66,
            endLine: 3,
            endColumn: 69,
            message: "Minimum value is 1. The field 'BackoffRate' must be a number of at least 1.0, got 0.5.",
          },
        ],
      },
      {
        title: 'States.ALL not alone and not last',
        text: [
          '{"StartAt": "T", "States": {',
          '  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Retry": [',
          '    {"ErrorEquals": ["States.ALL", "States.Timeout"]},',
          '    {"ErrorEquals": ["Lambda.ServiceException"]}',
          '  ]}',
          '}}',
        ].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/T/Retry[0]/ErrorEquals[0]',
            line: 3,
            column: 22,
            endLine: 3,
            endColumn: 34,
            message: "States.ALL must appear alone and at end of list (it is not the only error name in its 'ErrorEquals', and its retrier is not the last one in 'Retry')",
          },
        ],
      },
      {
        title: 'A catcher without Next and with an empty ErrorEquals',
        text: ['{"StartAt": "T", "States": {', '  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,', '    "Catch": [{"ErrorEquals": []}]}', '}}'].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/T/Catch[0]', line: 3, column: 15, endLine: 3, endColumn: 34, message: 'These fields are required: [Next]' },
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/T/Catch[0]/ErrorEquals',
            line: 3,
            column: 31,
            endLine: 3,
            endColumn: 33,
            message: "Value cannot be empty ('ErrorEquals' needs at least one item)",
          },
        ],
      },
    ],
  },
});
