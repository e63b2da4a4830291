import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'json-syntax',
    code: 'INVALID_JSON_DESCRIPTION',
    severity: 'ERROR',
    phase: 'document',
    description: 'The definition must be strict JSON (or YAML for .asl.yaml files).',
    rationale:
      'AWS parses definitions as strict JSON: comments, trailing commas, single quotes and unquoted keys are rejected with INVALID_JSON_DESCRIPTION.',
    sources: ['asl-rules.md json-syntax (V: API-DIAG)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [
        {
          title: 'A trailing comma',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"},}}',
          diagnostics: [{ code: 'INVALID_JSON_DESCRIPTION', line: 1, column: 54, message: 'Invalid JSON: Trailing commas are not allowed in JSON (line 1, column 54)' }],
        },
        {
          title: 'A comment',
          text: '{\n  // start here\n  "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}',
          diagnostics: [{ code: 'INVALID_JSON_DESCRIPTION', line: 2, column: 3 }],
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.parsed || doc.isBlank || doc.tooDeep) return;
    for (const e of doc.syntaxErrors.slice(0, 1)) {
      const pos = doc.positionAt(e.offset);
      const what = doc.format === 'yaml' ? 'Invalid YAML' : 'Invalid JSON';
      ctx.report({
        path: [],
        span: { offset: e.offset, length: e.length },
        message: `${what}: ${e.message} (line ${pos.line + 1}, column ${pos.character + 1})`,
        location: null,
      });
    }
  },
});
