import { defineRule } from '../src/engine/rule.js';
import { formatLocation } from '../src/model/location.js';

export default defineRule({
  meta: {
    id: 'duplicate-json-key',
    code: 'SCHEMA_VALIDATION_FAILED',
    severity: 'ERROR',
    description: 'A key must not appear twice in the same JSON object.',
    rationale:
      'A JSON parser silently keeps the last of two equal keys, so the first value is lost without a word: a duplicated "Next" or "Type" changes the workflow. ' +
      'Whether AWS refuses or last-wins is not documented (asl-rules.md: B); we report it as an error because the definition never means what it says.',
    sources: ['asl-rules.md duplicate-json-key (B)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}' }],
      invalid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Type": "Succeed"}}}',
          diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 1, column: 51, message: "Duplicate key 'Type': the object already has a field of that name, and only the last one would be kept." }],
        },
      ],
    },
  },
  check(ctx) {
    for (const d of ctx.doc.duplicateKeys) {
      ctx.report({
        path: [...d.path, d.key],
        span: { offset: d.offset, length: d.length },
        location: formatLocation(d.path),
        message: `Duplicate key '${d.key}': the object already has a field of that name, and only the last one would be kept.`,
      });
    }
  },
});
