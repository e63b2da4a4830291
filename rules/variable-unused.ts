import { defineRule } from '../src/engine/rule.js';
import { variableNameProblem, variableUse } from '../src/lang/variables.js';
import { formatLocation } from '../src/model/location.js';

/** What this rule's diagnostics carry in `data`. */
type VariableUnusedData = { variable: string };

export default defineRule<VariableUnusedData>({
  meta: {
    id: 'variable-unused',
    code: 'LINT_VARIABLE_UNUSED',
    severity: 'WARNING',
    description: 'A variable assigned but never read anywhere in the state machine.',
    rationale:
      'An Assign whose variable nothing reads costs state-transition payload (up to 256 KiB per state) and usually means a misspelt name at the place it was meant to be read. ' +
      'Reads are $name in JSONPath paths, intrinsic arguments and JSONata expressions.',
    sources: ['asl-rules.md §21 unused-variable (ours)'],
    examples: {
      valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"n": 1}, "Next": "B"}, "B": {"Type": "Pass", "Parameters": {"n.$": "States.Format(\'{}\', $n)"}, "End": true}}}' }],
      invalid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"count": 1}, "Next": "B"}, "B": {"Type": "Pass", "Parameters": {"n.$": "$cuont"}, "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_VARIABLE_UNUSED',
              severity: 'WARNING',
              location: '/States/A/Assign',
              line: 1,
              column: 62,
              endLine: 1,
              endColumn: 69,
              message: "Variable 'count' is assigned but never read.",
            },
          ],
          alsoReported: ['variable-unassigned'],
        },
      ],
    },
  },
  check(ctx) {
    const use = variableUse(ctx.model);
    if (use.writes.length === 0) return;
    const read = new Set(use.reads.map((r) => r.name));
    const reported = new Set<string>();
    for (const w of use.writes) {
      if (read.has(w.name) || reported.has(w.name) || variableNameProblem(w.name)) continue;
      reported.add(w.name);
      ctx.report({ path: w.path, part: 'key', location: formatLocation(w.site.path), message: `Variable '${w.name}' is assigned but never read.`, data: { variable: w.name } });
    }
  },
});
