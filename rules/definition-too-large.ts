import { defineRule } from '../src/engine/rule.js';

/** AWS's length constraint on the `definition` request parameter. */
const MAX_DEFINITION_LENGTH = 1_048_576;

export default defineRule({
  meta: {
    id: 'definition-too-large',
    code: 'DEFINITION_TOO_LARGE',
    severity: 'ERROR',
    phase: 'document',
    // A literal: toLocaleString() at import time loads ICU data, ~20 ms of every CLI start.
    description: 'The definition must be at most 1,048,576 characters.',
    rationale:
      'The definition is limited to 1 MB (a hard quota); ValidateStateMachineDefinition and CreateStateMachine refuse a longer one with a ValidationException before any diagnostic. AWS has no diagnostic code for it, so this one is ours.',
    sources: ['asl-rules.md definition-too-large (V quota, M length, B code)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' }],
      invalid: [],
    },
  },
  check(ctx) {
    const limit = ctx.doc.tooLarge;
    // A text refused unread is measured whole; otherwise the definition AWS would receive (a template's own).
    const n = limit === undefined ? ctx.doc.definitionLength : ctx.doc.text.length;
    if (n <= MAX_DEFINITION_LENGTH && limit === undefined) return;
    const unread = limit === undefined ? undefined : `asl-lint reads at most ${limit.toLocaleString('en-US')} characters of ${ctx.doc.format === 'yaml' ? 'YAML' : 'JSON'} (the maxLength option)`;
    if (n <= MAX_DEFINITION_LENGTH) {
      // Refused by a maxLength below AWS's own limit.
      ctx.report({ path: [], span: { offset: 0, length: 0 }, message: `The definition is ${n.toLocaleString('en-US')} characters long and was not checked: ${unread}.`, location: null });
      return;
    }
    ctx.report({
      path: [],
      span: { offset: 0, length: 0 },
      message: `The definition is ${n.toLocaleString('en-US')} characters long; AWS accepts at most ${MAX_DEFINITION_LENGTH.toLocaleString('en-US')}. Move large static data out of the definition (for example to S3 or a parameter) or split the workflow.`,
      hint: unread && `It was not checked further: ${unread}.`,
      location: null,
    });
  },
});
