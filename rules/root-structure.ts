import { schemaRule } from '../src/engine/schema.js';

export default schemaRule({
  id: 'root-structure',
  fixable: 'editor',
  description:
    'The definition is a JSON object; the top level and every nested state machine (Parallel branch, Map ItemProcessor/Iterator) has StartAt and a non-empty States, and only the fields ASL defines.',
  rationale:
    'AWS refuses a definition whose top level lacks StartAt or States, has a field it does not know (a misspelt Comment included), or whose Version, TimeoutSeconds or Comment has the wrong type. A Parallel branch and a Map processor are state machines of their own: StartAt, States and Comment (plus ProcessorConfig for a Map). The message lists every missing field at once.',
  sources: [
    'docs/aws-behaviour.md §2 (These fields are required: [States, StartAt], measured)',
    'asl-rules.md root-not-object, startat-required, states-required, states-empty, root-unknown-field, root-version, root-comment-type, root-timeout-seconds, parallel-branches, parallel-branch-unknown-field, map-processor-shape',
    'ASL spec "Top-level fields"',
  ],
  examples: {
    valid: [
      {
        text: ['{', '  "Comment": "One Pass state",', '  "Version": "1.0",', '  "TimeoutSeconds": 300,', '  "StartAt": "A",', '  "States": {"A": {"Type": "Pass", "End": true}}', '}'].join('\n'),
      },
    ],
    invalid: [
      {
        title: 'Missing StartAt and States',
        text: '{"Comment": "nothing to run"}',
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'These fields are required: [States, StartAt]' }],
      },
      {
        title: 'A misspelt top-level field',
        text: ['{', '  "Coment": "typo",', '  "StartAt": "A",', '  "States": {"A": {"Type": "Succeed"}}', '}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/', line: 2, column: 3, endLine: 2, endColumn: 11, message: "Field 'Coment' is not supported (did you mean 'Comment'?)" }],
      },
      {
        title: 'An empty States object',
        text: '{"StartAt": "A", "States": {}}',
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States', line: 1, column: 28, endLine: 1, endColumn: 30, message: "Value cannot be empty ('States' needs at least one field)" }],
      },
      {
        title: 'A Parallel branch without StartAt',
        text: ['{"StartAt": "P", "States": {', '  "P": {"Type": "Parallel", "End": true, "Branches": [', '    {"States": {"B": {"Type": "Succeed"}}}', '  ]}', '}}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/P/Branches[0]', line: 3, column: 5, endLine: 3, endColumn: 43, message: 'These fields are required: [StartAt]' }],
      },
      {
        title: 'Not an object',
        text: '["StartAt", "A"]',
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', line: 1, column: 1, endLine: 1, endColumn: 17, message: 'Definition must be a valid JSON object (got an array)' }],
      },
    ],
  },
});
