/** The rule reference (rules/README.md), generated from the rules' own metadata and examples. */
import type { Rule } from './engine/rule.js';
import { allRules } from './api.js';

/** The fixable column: what --fix does with the rule's fixes (README: "What --fix changes"). */
const FIXABLE = { fix: 'yes (`--fix`)', suggestion: 'suggestion (`--fix-type suggestion`)', editor: 'in the editor', no: 'no' } as const;

function fence(text: string, format: 'json' | 'yaml' = 'json'): string {
  let body = text;
  if (format === 'json') {
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // invalid JSON is the point of some examples: show it as written
    }
  }
  return '```' + format + '\n' + body + '\n```';
}

function ruleSection(rule: Rule): string {
  const m = rule.meta;
  const lines = [
    `## ${m.id}`,
    '',
    `| code | default severity | fixable |`,
    `| --- | --- | --- |`,
    `| \`${m.code}\` | ${m.defaultOff ? 'off' : m.severity} | ${FIXABLE[m.fixable || 'no']} |`,
    '',
    m.description,
    '',
    m.rationale,
    '',
  ];
  if (m.sources?.length) lines.push(`Sources: ${m.sources.join('; ')}.`, '');
  m.examples.invalid.forEach((ex) => {
    lines.push(`Invalid${ex.title ? `: ${ex.title}` : ''}`, '', fence(ex.text.length > 600 ? ex.text.slice(0, 600) + ' …' : ex.text, ex.format), '');
    for (const d of ex.diagnostics) {
      lines.push(`- \`${d.code}\`${d.location ? ` at \`${d.location}\`` : ''} (line ${d.line}, column ${d.column})${d.message ? `: ${d.message}` : ''}`);
    }
    if (ex.alsoReported?.length) lines.push(`- also reported by ${ex.alsoReported.map((id) => `[${id}](#${id})`).join(', ')}`);
    lines.push('');
  });
  m.examples.valid.forEach((ex) => {
    if (ex.text.length > 600) return;
    lines.push(`Valid${ex.title ? `: ${ex.title}` : ''}`, '', fence(ex.text, ex.format), '');
  });
  return lines.join('\n');
}

export function ruleDocs(rules: readonly Rule[] = allRules): string {
  const head = [
    '# asl-lint rules',
    '',
    "<!-- Generated from the rules' metadata by `npm run docs`; a test fails when this file is stale. Do not edit by hand. -->",
    '',
    'Every rule reports under the AWS `ValidateStateMachineDefinition` code it belongs to (our own `LINT_*`',
    'codes where AWS has none). Configure rules by id or by code (`"NO_DOLLAR": "off"`).',
    '',
    '| rule | code | severity | description |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.meta.id}](#${r.meta.id}) | \`${r.meta.code}\` | ${r.meta.defaultOff ? 'off' : r.meta.severity} | ${r.meta.description.replace(/\|/g, '\\|')} |`),
    '',
  ];
  return head.join('\n') + '\n' + rules.map(ruleSection).join('\n') + '\n';
}
