import { defineRule } from '../src/engine/rule.js';
import { formatLocation } from '../src/model/location.js';
import type { State } from '../src/model/model.js';

const map = (label: string) => `{"Type": "Map", "Label": "${label}", "End": true, "ItemProcessor": {"StartAt": "S_${label}_X", "States": {"S_${label}_X": {"Type": "Succeed"}}}}`;

export default defineRule({
  meta: {
    id: 'map-label-duplicate',
    code: 'DUPLICATE_LABEL_NAME',
    severity: 'ERROR',
    description: 'Two Map states must not share a Label anywhere in the state machine.',
    rationale: "A Label identifies a Map state's Map Runs and child executions; AWS refuses a label that appears more than once (scope: the whole machine, asl-rules.md B).",
    sources: ['asl-rules.md map-label-duplicate (V code, B scope)'],
    examples: {
      valid: [{ text: `{"StartAt": "A", "States": {"A": ${map('one').replace('"End": true', '"Next": "B"')}, "B": ${map('two').replace('S_two_X', 'T').replace('S_two_X', 'T')}}}` }],
      invalid: [
        {
          text: `{"StartAt": "A", "States": {"A": ${map('one').replace('"End": true', '"Next": "B"')}, "B": ${map('one').replace(/S_one_X/g, 'T')}}}`,
          diagnostics: [{ code: 'DUPLICATE_LABEL_NAME', location: '/States/B/Label', line: 1, column: 195, endLine: 1, endColumn: 200 }],
        },
      ],
    },
  },
  check(ctx) {
    const seen = new Map<string, State>();
    for (const state of ctx.model.states) {
      const label = state.type === 'Map' ? state.obj.Label : undefined;
      if (typeof label !== 'string' || label === '') continue;
      const prev = seen.get(label);
      if (!prev) {
        seen.set(label, state);
        continue;
      }
      ctx.report({
        path: [...state.path, 'Label'],
        message: `Duplicate Label name: '${label}' is already the Label of ${formatLocation(prev.path)}. Each Map state needs its own Label.`,
      });
    }
  },
});
