/** `asl-lint --list-rules`: every rule from its metadata, one line each (or JSON with --format json). */
import type { Rule, RuleMeta } from '../engine/rule.js';
import { ruleDocsUrl } from '../api.js';

export interface RuleListing {
  id: string;
  code: string;
  /** The default severity; 'off' for rules that are off unless configured. */
  severity: 'ERROR' | 'WARNING' | 'off';
  /** What its fixes are: 'fix' (applied by --fix), 'suggestion' (--fix-type suggestion), 'editor' (quick fixes only), or false. */
  fixable: 'fix' | 'suggestion' | 'editor' | false;
  description: string;
  /** The rule's section of the rule reference (absent when the reference cannot be found). */
  docs?: string;
}

/** From the rules, or their metadata (the API's `Object.values(rulesMeta)`). */
export function ruleListing(rules: readonly (Rule | RuleMeta)[]): RuleListing[] {
  return rules
    .map((r) => ('meta' in r ? r.meta : r))
    .map((meta) => ({
      id: meta.id,
      code: meta.code,
      severity: meta.defaultOff ? 'off' : meta.severity,
      fixable: meta.fixable || false,
      description: meta.description,
      ...(ruleDocsUrl(meta.id) ? { docs: ruleDocsUrl(meta.id) } : {}),
    }));
}

export function listRules(rules: readonly (Rule | RuleMeta)[], format: 'json' | 'text'): string {
  const list = ruleListing(rules);
  if (format === 'json') return JSON.stringify(list, null, 2) + '\n';
  const width = (f: (r: RuleListing) => string) => Math.max(...list.map((r) => f(r).length));
  const fix = (r: RuleListing) => r.fixable || '-';
  const w = [width((r) => r.id), width((r) => r.code), width((r) => r.severity), width(fix)];
  const lines = list.map((r) => [r.id.padEnd(w[0]), r.code.padEnd(w[1]), r.severity.padEnd(w[2]), fix(r).padEnd(w[3]), r.description].join('  '));
  const docs = ruleDocsUrl();
  return `${lines.join('\n')}\n\n${list.length} rules.${docs ? ` Each one's rationale, evidence and examples: ${docs}` : ''}\n`;
}
