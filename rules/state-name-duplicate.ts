import { defineRule } from '../src/engine/rule.js';
import { formatLocation } from '../src/model/location.js';
import type { State } from '../src/model/model.js';

export default defineRule({
  meta: {
    id: 'state-name-duplicate',
    code: 'DUPLICATE_STATE_NAME',
    severity: 'ERROR',
    description: 'State names must be unique across the whole state machine, nested scopes included.',
    rationale: 'The spec requires state names to be unique within the scope of the entire state machine: a Parallel branch or Map processor cannot reuse a name from the top level or another branch.',
    sources: ['asl-rules.md state-name-duplicate (V: SPEC, API-DIAG)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}}}' }],
      invalid: [
        {
          title: 'A branch reuses a top-level name',
          text: '{"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}}}',
          diagnostics: [{ code: 'DUPLICATE_STATE_NAME', location: '/States/A/Branches[0]/States/A', line: 1, column: 109, endLine: 1, endColumn: 112 }],
        },
      ],
    },
  },
  check(ctx) {
    const first = new Map<string, State>();
    for (const s of ctx.model.states) {
      const prev = first.get(s.name);
      if (!prev) {
        first.set(s.name, s);
        continue;
      }
      ctx.report({
        path: s.path,
        part: 'key',
        message: `Duplicate State name: ${s.name}`,
        hint: `(already used at ${formatLocation(prev.path)}; state names must be unique across the whole state machine, Parallel branches and Map processors included)`,
      });
    }
  },
});
