import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'definition-empty',
    code: 'MISSING_DESCRIPTION',
    severity: 'ERROR',
    phase: 'document',
    description: 'The definition must not be empty, blank or null.',
    rationale:
      'AWS answers MISSING_DESCRIPTION for a null or empty workflow definition, and SCHEMA_VALIDATION_FAILED "Definition must be a valid JSON object" for one that is only white space (measured). ' +
      "An empty string never reaches AWS's validator (the API refuses it); we report it as MISSING_DESCRIPTION, as we do the JSON literal null.",
    sources: ['asl-rules.md definition-empty (V: API-DIAG)', 'docs/aws-behaviour.md §2 (M: white space)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          title: 'Empty',
          text: '',
          diagnostics: [
            { code: 'MISSING_DESCRIPTION', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Received a null or empty workflow input. Write a JSON object with "StartAt" and "States".' },
          ],
        },
        {
          title: 'Only white space',
          text: '  \n',
          diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Definition must be a valid JSON object' }],
        },
        { title: 'null', text: 'null', diagnostics: [{ code: 'MISSING_DESCRIPTION', line: 1, column: 1, endLine: 1, endColumn: 5 }] },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const empty = doc.text.length === 0 || (doc.parsed && doc.value === null && doc.format === 'json');
    if (!empty && !doc.isBlank) return;
    if (empty) {
      ctx.report({
        path: [],
        span: { offset: 0, length: doc.text.length },
        message: 'Received a null or empty workflow input',
        hint: 'Write a JSON object with "StartAt" and "States".',
        location: null,
      });
    } else {
      ctx.report({ path: [], span: { offset: 0, length: 0 }, code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object', location: null });
    }
  },
});
