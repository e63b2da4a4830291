import { defineRule, type Report, type RuleContext, type RuleData } from '../src/engine/rule.js';
import { reportSchemaFindings, schemaRule } from '../src/engine/schema.js';
import type { SchemaRuleId } from '../src/schema/findings.js';
import type { Path } from '../src/types.js';
import type { State } from '../src/model/model.js';
import { addEndFix, lacksTransition } from './missing-end-state.js';

const rule = schemaRule({
  fixable: 'editor',
  id: 'next-or-end',
  description: 'Task, Pass, Wait, Parallel and Map states have exactly one of Next and "End": true.',
  rationale:
    'A non-terminal state must say where to go next, and a state cannot both end and continue: AWS refuses both and neither. "End": false with Next is accepted (it changes nothing); "End": false without Next is reported.',
  sources: ['asl-rules.md next-and-end, next-or-end-required, end-false'],
  examples: {
    valid: [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}' }],
    invalid: [
      {
        title: 'Both Next and End',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Pass", "Next": "B", "End": true},', '  "B": {"Type": "Succeed"}', '}}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A', line: 2, column: 38, endLine: 2, endColumn: 43, message: "Only one of 'Next', 'End' may be set" }],
      },
      {
        title: 'Neither Next nor End',
        text: ['{"StartAt": "A", "States": {', '  "A": {"Type": "Pass", "Next": "B"},', '  "B": {"Type": "Pass"},', '  "C": {"Type": "Succeed"}', '}}'].join('\n'),
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/B', line: 3, column: 3, endLine: 3, endColumn: 6, message: `A Pass state must have either 'Next' or '"End": true'` }],
        alsoReported: ['state-unreachable'],
      },
    ],
  },
});

/**
 * Reports one schema rule's findings; a finding at a state (or one of its keys) that has neither
 * Next nor End, with no fix of its own, gets the editor's `"End": true` fix when `when` says so.
 */
export function reportWithEndFix(ctx: RuleContext, rule: SchemaRuleId, when: (r: Report) => boolean = () => true): void {
  // States by path, built on the first finding.
  let byPath: Map<string, State> | undefined;
  const stateAt = (path: Path) => {
    byPath ??= new Map(ctx.model.states.map((st) => [st.path.join('\u0000'), st]));
    return byPath.get(path.join('\u0000'));
  };
  reportSchemaFindings(
    {
      ...ctx,
      report: (r) => {
        const st = r.fix ? undefined : (stateAt(r.path) ?? (r.part === 'key' ? stateAt(r.path.slice(0, -1)) : undefined));
        ctx.report(st && lacksTransition(st) && when(r) ? { ...r, fix: () => addEndFix(ctx.fixer, st) } : r);
      },
    },
    rule,
  );
}

// The schema's findings (their data as the schema gives it), with the editor's fix.
export default defineRule<RuleData>({
  meta: rule.meta,
  check: (ctx) => reportWithEndFix(ctx, 'next-or-end'),
});
