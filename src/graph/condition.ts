/**
 * A Choice rule as a short edge label: `$.total > 100`, `$.a == "OK" and not($.b)`, or the
 * JSONata Condition without its `{% %}`. Labels are for reading, not for parsing back.
 */
import { isObject, type Json } from '../model/model.js';
import { CHOICE_OPERATORS } from '../lang/state-fields.js';

/** Beyond this many characters a label is cut with an ellipsis (a graph is read at a glance). */
const MAX_LABEL = 60;

/** How each comparison (its name without the type prefix) reads. */
const SYMBOLS: Readonly<Record<string, string>> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
};

type Describe = (variable: string, value: Json) => string;

/**
 * The operators of a JSONPath Choice rule, each with how it reads: lang/state-fields.ts's
 * CHOICE_OPERATORS (the one list), so a key that is no operator ('constructor') is no label either.
 */
const DESCRIBE: ReadonlyMap<string, Describe> = new Map(
  CHOICE_OPERATORS.flatMap((o): [string, Describe][] => {
    if (o.value === 'test') {
      const what = o.name.slice('Is'.length).toLowerCase();
      return [[o.name, (variable, value) => `${variable} is ${value === false ? 'not ' : ''}${what}`]];
    }
    if (o.value === 'pattern') return [[o.name, (variable, value) => `${variable} matches ${JSON.stringify(value)}`]];
    const symbol = SYMBOLS[o.name.replace(/^(?:String|Numeric|Boolean|Timestamp)/, '')];
    // A literal string is quoted; a path (the `...Path` twin) and any other value as written.
    const shown = (value: Json, path: boolean) => (path || typeof value !== 'string' ? String(typeof value === 'object' ? JSON.stringify(value) : value) : JSON.stringify(value));
    const out: [string, Describe][] = [[o.name, (variable, value) => `${variable} ${symbol} ${shown(value, false)}`]];
    if (o.path) out.push([`${o.name}Path`, (variable, value) => `${variable} ${symbol} ${shown(value, true)}`]);
    return out;
  }),
);

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
    const describeOperator = DESCRIBE.get(key);
    if (describeOperator) return describeOperator(variable, rule[key]);
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
