import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'definition-empty',
    code: 'MISSING_DESCRIPTION',
    severity: 'ERROR',
    phase: 'document',
    description: 'The definition must not be empty.',
    rationale: 'AWS answers MISSING_DESCRIPTION when it receives a null or empty workflow definition.',
    sources: ['asl-rules.md definition-empty (V: API-DIAG)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [{ text: '  \n', diagnostics: [{ code: 'MISSING_DESCRIPTION', line: 1, column: 1 }] }],
    },
  },
  check(ctx) {
    if (!ctx.doc.isBlank) return;
    ctx.report({
      path: [],
      span: { offset: 0, length: 0 },
      message: 'The definition is empty. Write a JSON object with "StartAt" and "States".',
      location: null,
    });
  },
});
