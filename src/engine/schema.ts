/**
 * The schema rules' side of the SCHEMA stage (src/schema/): each schema rule reports its own class
 * of the document's shared findings, with the quick fix a finding carries.
 */
import type { Document } from '../parse/document.js';
import { defineRule, type Rule, type RuleContext, type RuleMeta } from './rule.js';
import { siblingExists } from '../fix/edits.js';
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
            // Never a rename onto a key the object already has (it would be written twice).
            if (replace.part === 'key' && siblingExists(ctx.doc, replace.path ?? f.path, replace.text)) return undefined;
            const span = ctx.doc.spanOf(replace.path ?? f.path, replace.part);
            const written = ctx.doc.text.slice(span.offset, span.offset + span.length);
            return { title: replace.title, edits: [{ ...span, newText: tokenText(ctx.doc, replace.text, written) }] };
          }
        : undefined,
    });
  }
}

/**
 * A name or enum value as a token of the document: JSON quotes it; YAML keeps the quoting of the
 * token it replaces, and writes identifiers plain (every ASL field name and enum value is one).
 */
function tokenText(doc: Document, value: string, replacing: string): string {
  if (doc.format === 'json' || replacing.startsWith('"')) return JSON.stringify(value);
  if (replacing.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The first character of the document's value (where a missing top-level field is reported). */
function startOf(doc: Document): { offset: number; length: number } {
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
