/**
 * The schema rules' side of the SCHEMA stage (src/schema/): each schema rule reports its own class
 * of the document's shared findings, with the quick fix a finding carries.
 */
import type { Document } from '../parse/document.js';
import type { Span } from '../types.js';
import { defineRule, type Rule, type RuleContext, type RuleMeta } from './rule.js';
import { schemaFindings, type SchemaRuleId } from '../schema/findings.js';

/** Reports the findings of one schema rule. */
export function reportSchemaFindings(ctx: RuleContext, rule: SchemaRuleId): void {
  for (const f of schemaFindings(ctx.model)) {
    if (f.rule !== rule) continue;
    const replace = f.replace;
    ctx.report({
      path: f.path,
      part: f.part,
      span: f.atStart ? startOf(ctx.doc) : undefined,
      location: f.location,
      message: f.message,
      hint: f.hint,
      data: f.data,
      fix: replace
        ? () => {
            const at = replace.path ?? f.path;
            // renameKey never renames onto a key the object already has (it would be written twice).
            return ctx.fixer.fix('editor', replace.title, replace.part === 'key' ? ctx.fixer.renameKey(at, replace.text) : ctx.fixer.replaceValue(at, replace.text));
          }
        : undefined,
    });
  }
}

/** The first character of the document's value (where a missing top-level field is reported). */
function startOf(doc: Document): Span {
  const span = doc.spanOf([]);
  return { offset: span.offset, length: Math.min(1, span.length) };
}

/** A schema rule: AWS's SCHEMA_VALIDATION_FAILED error, reporting one class of the shared findings. */
export function schemaRule(meta: Omit<RuleMeta, 'code' | 'severity' | 'id'> & { id: SchemaRuleId }): Rule {
  return defineRule({
    meta: { code: 'SCHEMA_VALIDATION_FAILED', severity: 'ERROR', ...meta },
    check: (ctx) => reportSchemaFindings(ctx, meta.id),
  });
}
