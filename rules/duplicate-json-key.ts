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
      "A state defined twice in one States object is refused as DUPLICATE_STATE_NAME (AWS's console refuses it; Step Functions Local words it so). " +
      'Elsewhere, whether AWS refuses or last-wins is not documented (asl-rules.md: B); we report it as an error because the definition never means what it says.',
    sources: ['asl-rules.md duplicate-json-key (B)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}' }],
      invalid: [
        {
          title: 'A state defined twice',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "A": {"Type": "Succeed"}}}',
          diagnostics: [
            {
              code: 'DUPLICATE_STATE_NAME',
              location: '/States/A',
              line: 1,
              column: 65,
              endLine: 1,
              endColumn: 68,
              message: 'Duplicate State name: A (the States object defines it twice; only the last definition would be kept)',
            },
          ],
        },
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Type": "Succeed"}}}',
          diagnostics: [
            {
              code: 'SCHEMA_VALIDATION_FAILED',
              location: '/States/A',
              line: 1,
              column: 51,
              endLine: 1,
              endColumn: 57,
              message: "Duplicate key 'Type': the object already has a field of that name, and only the last one would be kept.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    if (ctx.doc.duplicateKeys.length === 0) return;
    const statesObjects = new Set(ctx.model.scopes.map((s) => formatLocation([...s.path, 'States'])));
    for (const d of ctx.doc.duplicateKeys) {
      if (statesObjects.has(formatLocation(d.path))) {
        // Two states of one name: AWS reports it as a duplicate state name (Step Functions Local: I).
        ctx.report({
          path: [...d.path, d.key],
          span: { offset: d.offset, length: d.length },
          code: 'DUPLICATE_STATE_NAME',
          message: `Duplicate State name: ${d.key}`,
          hint: '(the States object defines it twice; only the last definition would be kept)',
        });
        continue;
      }
      ctx.report({
        path: [...d.path, d.key],
        span: { offset: d.offset, length: d.length },
        location: formatLocation(d.path),
        message: `Duplicate key '${d.key}': the object already has a field of that name, and only the last one would be kept.`,
      });
    }
  },
});
