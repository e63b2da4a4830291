import { defineRule, type RuleData } from '../src/engine/rule.js';
import { schemaRule } from '../src/engine/schema.js';
import { reportWithEndFix } from './next-or-end.js';

const rule = schemaRule({
  id: 'field-not-supported',
  fixable: 'editor',
  description: 'A state (or its Retry/ItemReader/... objects) uses a field its type does not have.',
  rationale:
    'AWS refuses any field a state type does not define, with `Field \'X\' is not supported` located at the state (measured for TimeoutSeconds, Retry and Catch on the wrong state types, and for a misspelt Timeout). The message adds a "did you mean" for near misses, with a quick fix that renames the key, or the state types that do have the field.',
  sources: ['asl-rules.md field-not-supported, terminal-state-transition, retry-catch-allowed (M: floci #2735, sst #6747)'],
  examples: {
    valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 30, "End": true}}}' }],
    invalid: [
      {
        title: 'A misspelt field, with a quick fix',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Timeout": 30, "End": true}', '}}'].join('\n'),
        diagnostics: [
          { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 71, endLine: 2, endColumn: 80, message: "Field 'Timeout' is not supported (did you mean 'TimeoutSeconds'?)" },
        ],
      },
      {
        title: 'A field of another state type',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Pass", "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": true}', '}}'].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/A',
            line: 2,
            column: 25,
            endLine: 2,
            endColumn: 32,
            message: "Field 'Retry' is not supported (it is supported on Task, Parallel and Map states)",
          },
        ],
      },
      {
        title: 'In YAML',
        format: 'yaml',
        text: ['StartAt: A', 'States:', '  A:', '    Type: Succeed', '    End: true', ''].join('\n'),
        diagnostics: [
          {
            code: 'SCHEMA_VALIDATION_FAILED',
            location: '/States/A',
            line: 5,
            column: 5,
            endLine: 5,
            endColumn: 8,
            message: "Field 'End' is not supported (a Succeed state is always a terminal state)",
          },
        ],
      },
    ],
  },
});

// The schema's findings; an unknown End or Next variant ('End.$') on a state with neither Next
// nor End also gets the editor's `"End": true` fix.
export default defineRule<RuleData>({
  meta: rule.meta,
  check: (ctx) => reportWithEndFix(ctx, 'field-not-supported', (r) => r.part === 'key' && /\b(?:End|Next)\b/.test(String(r.path[r.path.length - 1]))),
});
