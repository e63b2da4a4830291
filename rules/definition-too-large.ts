import { defineRule } from '../src/engine/rule.js';

/** AWS's length constraint on the `definition` request parameter. */
export const MAX_DEFINITION_LENGTH = 1_048_576;

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
    const n = ctx.doc.definitionLength;
    if (n <= MAX_DEFINITION_LENGTH) return;
    ctx.report({
      path: [],
      span: { offset: 0, length: 0 },
      message: `The definition is ${n.toLocaleString('en-US')} characters long; AWS accepts at most ${MAX_DEFINITION_LENGTH.toLocaleString('en-US')}. Move large static data out of the definition (for example to S3 or a parameter) or split the workflow.`,
      location: null,
    });
  },
});
