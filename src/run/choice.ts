/**
 * Choice rules in JSONPath states: every comparison operator, And/Or/Not. Operators from
 * "Choice workflow state" (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html):
 * a comparison of values of different types is false; a Variable that names nothing is a
 * States.Runtime error except under IsPresent.
 */
import type { Json, JsonObject } from '../model/model.js';
import { compilePath, evaluatePath, PathNotFound, type PathRoots } from './jsonpath-eval.js';
import { runtime } from './jsonpath-io.js';
import { memo } from '../memo.js';
import { CHOICE_OPERATORS } from '../lang/state-fields.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isTimestamp(v: unknown): v is string {
  return typeof v === 'string' && RFC3339.test(v) && !Number.isNaN(Date.parse(v));
}

/** StringMatches: `*` any run of characters; `\*` and `\\` literal. */
const wildcardRegex: (pattern: string) => RegExp = memo((pattern: string): RegExp => {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) src += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') src += '[\\s\\S]*';
    else src += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}, 5000);

/** Tried in the table's order: a rule's first operator decides. */
const COMPARATORS: readonly string[] = CHOICE_OPERATORS.map((o) => o.name);

function read(path: string, roots: PathRoots): { found: boolean; value?: Json } {
  try {
    return { found: true, value: evaluatePath(compilePath(path), roots) };
  } catch (err) {
    if (err instanceof PathNotFound) return { found: false };
    throw err;
  }
}

export function evaluateRule(rule: JsonObject, roots: PathRoots): boolean {
  if (Array.isArray(rule.And)) return (rule.And as JsonObject[]).every((r) => evaluateRule(r, roots));
  if (Array.isArray(rule.Or)) return (rule.Or as JsonObject[]).some((r) => evaluateRule(r, roots));
  if (rule.Not && typeof rule.Not === 'object') return !evaluateRule(rule.Not as JsonObject, roots);
  const variable = String(rule.Variable);
  for (const op of COMPARATORS) {
    const isPath = Object.hasOwn(rule, op + 'Path');
    if (!Object.hasOwn(rule, op) && !isPath) continue;
    const got = read(variable, roots);
    if (op === 'IsPresent') return got.found === (rule.IsPresent === true);
    // "Invalid path '$.x': The choice state's condition path references an invalid value."
    if (!got.found) runtime(`Invalid path '${variable}': The choice state's condition path references an invalid value.`);
    const v = got.value;
    let expected: Json;
    if (isPath) {
      const other = read(String(rule[op + 'Path']), roots);
      if (!other.found) runtime(`Invalid path '${String(rule[op + 'Path'])}': The choice state's condition path references an invalid value.`);
      expected = other.value!;
    } else expected = rule[op];
    return compare(op, v as Json, expected);
  }
  return false;
}

function compare(op: string, v: Json, e: Json): boolean {
  switch (op) {
    case 'IsNull':
      return (v === null) === (e === true);
    case 'IsNumeric':
      return (typeof v === 'number') === (e === true);
    case 'IsString':
      return (typeof v === 'string') === (e === true);
    case 'IsBoolean':
      return (typeof v === 'boolean') === (e === true);
    case 'IsTimestamp':
      return isTimestamp(v) === (e === true);
    case 'BooleanEquals':
      return typeof v === 'boolean' && v === e;
    case 'StringMatches':
      return typeof v === 'string' && typeof e === 'string' && wildcardRegex(e).test(v);
  }
  if (op.startsWith('String')) {
    if (typeof v !== 'string' || typeof e !== 'string') return false;
    return order(op.slice(6), v < e ? -1 : v > e ? 1 : 0);
  }
  if (op.startsWith('Numeric')) {
    if (typeof v !== 'number' || typeof e !== 'number') return false;
    return order(op.slice(7), v < e ? -1 : v > e ? 1 : 0);
  }
  // Timestamp*
  if (!isTimestamp(v) || !isTimestamp(e)) return false;
  const a = Date.parse(v);
  const b = Date.parse(e);
  return order(op.slice(9), a < b ? -1 : a > b ? 1 : 0);
}

function order(rel: string, c: number): boolean {
  switch (rel) {
    case 'Equals':
      return c === 0;
    case 'LessThan':
      return c < 0;
    case 'GreaterThan':
      return c > 0;
    case 'LessThanEquals':
      return c <= 0;
    default:
      return c >= 0;
  }
}
