import { defineRule } from '../src/engine/rule.js';
import { unassignedReads, variableUse } from '../src/lang/variables.js';
import { stringSpan } from '../src/lang/text.js';

/** What this rule's diagnostics carry in `data`. */
type VariableUnassignedData = { variable: string };

export default defineRule<VariableUnassignedData>({
  meta: {
    id: 'variable-unassigned',
    code: 'LINT_VARIABLE_UNASSIGNED',
    severity: 'WARNING',
    description: 'A variable read in a state that some path from StartAt reaches without assigning it first.',
    rationale:
      'Reading a variable that has no value fails the state at run time (States.Runtime in JSONPath, States.QueryEvaluationError in JSONata). ' +
      'This follows the state graph: a state’s Assign takes effect when the state ends, a catcher’s Assign when it handles an error (the state’s own Assign does not run then), ' +
      'a choice rule’s Assign when the rule matches; a Parallel branch or Map iteration sees what was assigned before the Parallel or Map state; a Distributed Map’s child workflows see nothing of the parent. ' +
      'AWS does not check this (it accepts undefined variables), so it is a warning.',
    sources: ['asl-rules.md variable-undefined (B; data-flow extension); SPEC "Variables" for the scope and timing rules'],
    examples: {
      valid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"n": 1}, "Next": "B"}, "B": {"Type": "Pass", "Parameters": {"n.$": "$n"}, "End": true}}}',
        },
        {
          title: 'Assigned on every path into the read',
          text: '{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Assign": {"k": "a"}, "Next": "R"}], "Default": "D"}, "D": {"Type": "Pass", "Assign": {"k": "d"}, "Next": "R"}, "R": {"Type": "Pass", "Parameters": {"k.$": "$k"}, "End": true}}}',
        },
      ],
      invalid: [
        {
          title: 'Assigned only on one branch of a Choice',
          text: '{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "S"}], "Default": "R"}, "S": {"Type": "Pass", "Assign": {"k": 1}, "Next": "R"}, "R": {"Type": "Pass", "Parameters": {"k.$": "$k"}, "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_VARIABLE_UNASSIGNED',
              severity: 'WARNING',
              location: '/States/R/Parameters/k.$',
              line: 1,
              column: 237,
              endLine: 1,
              endColumn: 239,
              message: "'$k' may not be assigned when state 'R' runs: some path from StartAt reaches it without an Assign of 'k'.",
            },
          ],
        },
        {
          title: 'Never assigned, and read in the state that assigns it (reads see the values from the state’s entry)',
          text: '{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"x": 1, "y": "{% $x + $z %}"}, "End": true}}}',
          diagnostics: [
            {
              code: 'LINT_VARIABLE_UNASSIGNED',
              severity: 'WARNING',
              location: '/States/P/Assign/y',
              line: 1,
              column: 107,
              endLine: 1,
              endColumn: 109,
              message: "'$x' is read in the state that assigns it, which sees the value from before the state ran, and no earlier state assigns 'x'.",
            },
            {
              code: 'LINT_VARIABLE_UNASSIGNED',
              severity: 'WARNING',
              location: '/States/P/Assign/y',
              line: 1,
              column: 112,
              endLine: 1,
              endColumn: 114,
              message: "'$z' is never assigned in this state machine.",
            },
          ],
          alsoReported: ['variable-unused'],
        },
      ],
    },
  },
  check(ctx) {
    for (const { read, assignedSomewhere, parentOfDistributed } of unassignedReads(ctx.model)) {
      if (parentOfDistributed) continue; // variable-scope says why
      ctx.report({
        path: read.path,
        span: stringSpan(ctx.doc, read.path, read.value, read.start, read.end),
        message: !assignedSomewhere
          ? `'$${read.name}' is never assigned in this state machine.`
          : (variableUse(ctx.model).writesByState.get(read.state) ?? []).some((w) => w.name === read.name)
            ? `'$${read.name}' is read in the state that assigns it, which sees the value from before the state ran, and no earlier state assigns '${read.name}'.`
            : `'$${read.name}' may not be assigned when state '${read.state.name}' runs: some path from StartAt reaches it without an Assign of '${read.name}'.`,
        data: { variable: read.name },
      });
    }
  },
});
