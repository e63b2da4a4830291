import { defineRule } from '../src/engine/rule.js';
import { MAX_JSON_DEPTH } from '../src/parse/document.js';
import { MAX_SCOPE_DEPTH } from '../src/model/model.js';

function nested(levels: number): string {
  let inner = '{"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}';
  for (let i = 0; i < levels; i++) {
    inner = `{"StartAt": "P${i}", "States": {"P${i}": {"Type": "Parallel", "End": true, "Branches": [${inner}]}}}`;
  }
  return inner;
}

export default defineRule({
  meta: {
    id: 'too-deeply-nested',
    code: 'TOO_DEEPLY_NESTED',
    severity: 'ERROR',
    phase: 'document',
    description: `Parallel/Map states nested more than ${MAX_SCOPE_DEPTH} levels deep, or JSON nested more than ${MAX_JSON_DEPTH} levels.`,
    rationale:
      'AWS refuses definitions whose states are too deeply nested (TOO_DEEPLY_NESTED); it does not publish the threshold. ' +
      `We flag only extreme nesting (more than ${MAX_SCOPE_DEPTH} nested Parallel/Map scopes, or JSON deeper than ${MAX_JSON_DEPTH}) so that no real workflow gets a false error, and so that no input can exhaust the analyzer's stack.`,
    sources: ['asl-rules.md §20 (B: threshold unknown)'],
    examples: {
      valid: [{ title: 'Ten nested Parallel states', text: nested(10) }],
      invalid: [
        {
          title: `${MAX_SCOPE_DEPTH + 1} nested Parallel states`,
          text: nested(MAX_SCOPE_DEPTH + 1),
          diagnostics: [{ code: 'TOO_DEEPLY_NESTED', line: 1, column: 4130, endLine: 1, endColumn: 4134 }],
        },
      ],
    },
  },
  check(ctx) {
    const { doc, model } = ctx;
    if (doc.tooDeep) {
      ctx.report({
        path: [],
        span: { offset: 0, length: 0 },
        message: `The definition is nested more than ${MAX_JSON_DEPTH} levels deep.`,
        location: null,
      });
      return;
    }
    if (!doc.parsed || model.maxDepth < MAX_SCOPE_DEPTH) return;
    const deep = model.scopes.find((s) => s.depth >= MAX_SCOPE_DEPTH);
    ctx.report({
      path: deep?.owner?.path ?? [],
      part: 'key',
      message: `The states are too deeply nested: Parallel and Map states nest more than ${MAX_SCOPE_DEPTH} levels here. Flatten the workflow or move inner parts into a child state machine (states:startExecution).`,
      location: null,
    });
  },
});
