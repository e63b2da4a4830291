/**
 * A Choice rule as a short edge label: `$.total > 100`, `$.a == "OK" and not($.b)`, or the
 * JSONata Condition without its `{% %}`. Labels are for reading, not for parsing back.
 */
import { isObject, type Json } from '../model/model.js';

/** Beyond this many characters a label is cut with an ellipsis (a graph is read at a glance). */
const MAX_LABEL = 60;

const OPERATORS: Record<string, string> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
};
const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;
const TESTS: Record<string, string> = {
  IsNull: 'null',
  IsPresent: 'present',
  IsNumeric: 'numeric',
  IsString: 'string',
  IsBoolean: 'boolean',
  IsTimestamp: 'timestamp',
};

/** The label of a choice rule (the top-level object of Choices[i]). */
export function choiceLabel(rule: Json): string {
  if (!isObject(rule)) return '?';
  const condition = rule.Condition;
  if (typeof condition === 'string') return cut(condition.replace(/^\s*\{%\s*([\s\S]*?)\s*%\}\s*$/, '$1'));
  if (typeof condition === 'boolean') return String(condition);
  return cut(describe(rule, 0));
}

function describe(rule: Json, depth: number): string {
  if (!isObject(rule) || depth > 8) return '?';
  if (Array.isArray(rule.And)) return group(rule.And.map((r) => describe(r, depth + 1)).join(' and '), depth);
  if (Array.isArray(rule.Or)) return group(rule.Or.map((r) => describe(r, depth + 1)).join(' or '), depth);
  if (rule.Not !== undefined) return `not(${describe(rule.Not, depth + 1)})`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  for (const key in rule) {
    const m = COMPARISON.exec(key);
    if (m) {
      const value = rule[key];
      const shown = m[3] || typeof value !== 'string' ? String(typeof value === 'object' ? JSON.stringify(value) : value) : JSON.stringify(value);
      return `${variable} ${OPERATORS[m[2]]} ${shown}`;
    }
    if (key === 'StringMatches') return `${variable} matches ${JSON.stringify(rule[key])}`;
    const test = TESTS[key];
    if (test) return `${variable} is ${rule[key] === false ? 'not ' : ''}${test}`;
  }
  return variable;
}

function group(text: string, depth: number): string {
  return depth === 0 ? text : `(${text})`;
}

export function cut(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_LABEL ? `${one.slice(0, MAX_LABEL - 1)}…` : one;
}
