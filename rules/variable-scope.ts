import { defineRule } from '../src/engine/rule.js';
import { isDistributed, parentReadsInDistributed, variableUse, type VariableWrite } from '../src/lang/variables.js';
import type { Scope } from '../src/model/model.js';
import { formatLocation } from '../src/model/location.js';
import { stringSpan } from '../src/lang/text.js';

export default defineRule({
  meta: {
    id: 'variable-scope',
    code: 'LINT_VARIABLE_SCOPE',
    severity: 'WARNING',
    description: 'Variables assigned under a name an enclosing scope uses, and Distributed Map child workflows reading the parent’s variables.',
    rationale:
      'Each Parallel branch and Map iteration has its own variable scope; the ASL specification requires the names of outer- and inner-scoped variables to be unique, and an inner Assign of an outer name does not change the outer variable. ' +
      'A Distributed Map runs its items as separate child executions, which do not see the parent’s variables: pass values through ItemSelector instead. ' +
      'Whether AWS refuses these when the definition is created is not documented, so they are warnings.',
    sources: ['asl-rules.md variable-outer-scope-reassign, variable-distributed-map-outer (V SPEC for the rule; B for AWS enforcement)'],
    examples: {
      valid: [
        {
          text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "M"}, "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "Parameters": {"v.$": "$x"}, "End": true}}}, "End": true}}}',
        },
      ],
      invalid: [
        {
          text: [
            '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "P"},',
            '"P": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"x": 2}, "End": true}}}], "Next": "M"},',
            '"M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "I", "States": {"I": {"Type": "Pass", "Parameters": {"v.$": "$x"}, "End": true}}}, "End": true}}}',
          ].join('\n'),
          diagnostics: [
            {
              code: 'LINT_VARIABLE_SCOPE',
              severity: 'WARNING',
              location: '/States/P/Branches[0]/States/B/Assign',
              line: 2,
              column: 101,
              endLine: 2,
              endColumn: 104,
              message: "'x' is also assigned in an enclosing scope (state 'A'); inner and outer variables must have different names, and this Assign does not change the outer 'x'.",
            },
            {
              code: 'LINT_VARIABLE_SCOPE',
              severity: 'WARNING',
              location: '/States/M/ItemProcessor/States/I/Parameters/v.$',
              line: 3,
              column: 185,
              endLine: 3,
              endColumn: 187,
              message: "'$x' is a variable of the parent workflow, which a Distributed Map's child executions cannot read; pass it in through ItemSelector.",
            },
          ],
        },
      ],
    },
  },
  check(ctx) {
    const use = variableUse(ctx.model);
    if (use.writes.length === 0) return;
    // Per scope, the first write of each name (a search of the scope's writes per inner write
    // was quadratic).
    const writesByScope = new Map<Scope, Map<string, VariableWrite>>();
    for (const w of use.writes) {
      let m = writesByScope.get(w.state.scope);
      if (!m) writesByScope.set(w.state.scope, (m = new Map()));
      if (!m.has(w.name)) m.set(w.name, w);
    }
    const outerWrite = (scope: Scope, name: string, stopAtDistributed: boolean): VariableWrite | undefined => {
      for (let s: Scope | undefined = scope.parent, child = scope; s; child = s, s = s.parent) {
        if (stopAtDistributed && child.owner && isDistributed(child.owner)) return undefined;
        const w = writesByScope.get(s)?.get(name);
        if (w) return w;
      }
      return undefined;
    };
    // (a) an inner scope reuses an outer name
    for (const w of use.writes) {
      if (!w.state.scope.parent) continue;
      const outer = outerWrite(w.state.scope, w.name, true);
      if (outer) {
        ctx.report({
          path: w.path,
          part: 'key',
          location: formatLocation(w.site.path),
          message: `'${w.name}' is also assigned in an enclosing scope (state '${outer.state.name}'); inner and outer variables must have different names, and this Assign does not change the outer '${w.name}'.`,
        });
      }
    }
    // (b) a Distributed Map child workflow reads a parent variable it does not assign itself
    for (const r of parentReadsInDistributed(ctx.model)) {
      ctx.report({
        path: r.path,
        message: `'$${r.name}' is a variable of the parent workflow, which a Distributed Map's child executions cannot read; pass it in through ItemSelector.`,
        span: stringSpan(ctx.doc, r.path, r.value, r.start, r.end),
      });
    }
  },
});
