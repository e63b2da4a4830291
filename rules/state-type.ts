import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'state-type',
  description: 'Every state is an object whose Type is one of Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map.',
  rationale:
    "Without a known Type AWS cannot tell which fields a state may have, and refuses it with the enum message below. A misspelt type ('Lambda', 'task') is the usual cause; the comparison is case-sensitive.",
  sources: ['asl-rules.md state-not-object, state-type-required, state-type-value'],
  examples: {
    valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
    invalid: [
      {
        title: 'An unknown Type',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Lambda", "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/A/Type',
            line: 2,
            column: 17,
            endLine: 2,
            endColumn: 25,
            message: "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
          },
        ],
      },
      {
        title: 'No Type',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Resource": "arn:aws:states:::lambda:invoke", "End": true}', '}}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'These fields are required: [Type]' }],
      },
      {
        title: 'A state that is not an object',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Pass", "Next": "B"},', '  "B": "Succeed"', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/B',
            line: 3,
            column: 8,
            endLine: 3,
            endColumn: 17,
            message: 'Expected value of type [OBJECT] (a state is an object with a Type, got "Succeed")',
          },
        ],
        alsoReported: ['missing-end-state'],
      },
    ],
  },
});
