import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'next-or-end',
  description: 'Task, Pass, Wait, Parallel and Map states have exactly one of Next and "End": true.',
  rationale:
    'A non-terminal state must say where to go next, and a state cannot both end and continue: AWS refuses both and neither. "End": false with Next is accepted (it changes nothing); "End": false without Next is reported.',
  sources: ['asl-rules.md next-and-end, next-or-end-required, end-false'],
  examples: {
    valid: [
      { text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}' },
    ],
    invalid: [
      {
        title: 'Both Next and End',
        text: [
          '{"StartAt": "A", "States": {',
          '  "A": {"Type": "Pass", "Next": "B", "End": true},',
          '  "B": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 38, endLine: 2, endColumn: 43, message: "Only one of 'Next', 'End' may be set" },
        ],
      },
      {
        title: 'Neither Next nor End',
        text: [
          '{"StartAt": "A", "States": {',
          '  "A": {"Type": "Pass", "Next": "B"},',
          '  "B": {"Type": "Pass"},',
          '  "C": {"Type": "Succeed"}',
          '}}',
        ].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/B', line: 3, column: 3, endLine: 3, endColumn: 6, message: `A Pass state must have either 'Next' or '"End": true'` },
        ],
        alsoReported: ['state-unreachable'],
      },
    ],
  },
});
