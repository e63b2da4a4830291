/**
 * asl-lint's JSON Schema vocabulary: the cross-field rules of ASL that plain JSON Schema can only
 * say through oneOf/not cascades (which give unreadable errors). Each keyword reports one ajv error
 * whose `params.problems` lists exactly what is wrong, so the message mapper needs no guessing.
 *
 * The checks are plain self-contained functions: ajv calls them by reference when compiling at run
 * time, and `standaloneCode` copies their source text into the generated module. So they must not
 * use anything outside their own body (no imports, no helpers, no closures).
 */
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { lazyPackage } from '../lazy.js';

// ajv is loaded only when a schema is compiled: the ahead-of-time path never needs it.
const cg = lazyPackage<typeof import('ajv/dist/compile/codegen/code.js')>('ajv/dist/compile/codegen/code.js');

/** One problem found by a keyword; the mapper turns it into a message. */
export type KeywordProblem =
  | { kind: 'exclusive'; group: string[]; present: string[] }
  | { kind: 'requireOne'; group: string[] }
  | { kind: 'requiredWhen'; field: string; equals?: string; missing: string[] }
  | { kind: 'nextOrEnd'; problem: 'both' | 'none' | 'endFalse' }
  | { kind: 'lessThan'; field: string; than: string; limit: number }
  | { kind: 'statesAll'; index: number; at: number; alone: boolean; last: boolean }
  | { kind: 'choiceRule'; problem: 'boolMany' | 'mixed' | 'opMany' | 'noVariable' | 'noOperator' | 'empty'; fields: string[] };

/** At most one field of each group. (These checks run for every state: nothing is allocated unless a problem is found.) */
function aslExclusive(data: Record<string, unknown>, groups: string[][]): KeywordProblem[] | undefined {
  let out: KeywordProblem[] | undefined;
  for (const group of groups) {
    let count = 0;
    for (const f of group) if (Object.prototype.hasOwnProperty.call(data, f)) count++;
    if (count < 2) continue;
    const present = group.filter((f) => Object.prototype.hasOwnProperty.call(data, f));
    // A copy: the group is a constant of the validator, and a problem ends up in a diagnostic's data.
    (out ??= []).push({ kind: 'exclusive', group: group.slice(), present });
  }
  return out;
}

/** At least one field of each group. */
function aslRequireOne(data: Record<string, unknown>, groups: string[][]): KeywordProblem[] | undefined {
  let out: KeywordProblem[] | undefined;
  for (const group of groups) {
    let found = false;
    for (const f of group) if (Object.prototype.hasOwnProperty.call(data, f)) found = true;
    if (!found) (out ??= []).push({ kind: 'requireOne', group: group.slice() }); // a copy, as above
  }
  return out;
}

/**
 * Fields required when another field has a given value (ExecutionType when Mode is DISTRIBUTED), or
 * when it is present at all (no `equals`: Parameters with a ResultWriter's Resource).
 */
function aslRequiredWhen(data: Record<string, unknown>, conds: { field: string; equals?: string; require: string[] }[]): KeywordProblem[] | undefined {
  let out: KeywordProblem[] | undefined;
  for (const c of conds) {
    if (c.equals === undefined ? !Object.prototype.hasOwnProperty.call(data, c.field) : data[c.field] !== c.equals) continue;
    let missing: string[] | undefined;
    for (const f of c.require) if (!Object.prototype.hasOwnProperty.call(data, f)) (missing ??= []).push(f);
    if (missing) (out ??= []).push({ kind: 'requiredWhen', field: c.field, equals: c.equals, missing });
  }
  return out;
}

/**
 * Next, or "End": true. A non-boolean End is a type error reported elsewhere, and may be a
 * placeholder, so only the literal booleans count here. "End": false next to Next is accepted.
 */
function aslNextOrEnd(data: Record<string, unknown>): KeywordProblem[] | undefined {
  const hasNext = Object.prototype.hasOwnProperty.call(data, 'Next');
  const end = data.End;
  if (hasNext && end === true) return [{ kind: 'nextOrEnd', problem: 'both' }];
  if (!hasNext && end === undefined) return [{ kind: 'nextOrEnd', problem: 'none' }];
  if (!hasNext && end === false) return [{ kind: 'nextOrEnd', problem: 'endFalse' }];
  return undefined;
}

/** A numeric field smaller than another (HeartbeatSeconds < TimeoutSeconds), when both are numbers. */
function aslLessThan(data: Record<string, unknown>, pairs: string[][]): KeywordProblem[] | undefined {
  let out: KeywordProblem[] | undefined;
  for (const pair of pairs) {
    const a = data[pair[0]];
    const b = data[pair[1]];
    if (typeof a === 'number' && typeof b === 'number' && !(a < b)) (out ??= []).push({ kind: 'lessThan', field: pair[0], than: pair[1], limit: b });
  }
  return out;
}

/** In Retry and Catch: States.ALL alone in its ErrorEquals, and only in the last element. One problem per misplaced States.ALL. */
function aslErrorEquals(data: unknown[]): KeywordProblem[] | undefined {
  let out: KeywordProblem[] | undefined;
  for (let i = 0; i < data.length; i++) {
    const el = data[i] as { ErrorEquals?: unknown } | null;
    if (el === null || typeof el !== 'object' || !Array.isArray(el.ErrorEquals)) continue;
    const at = el.ErrorEquals.indexOf('States.ALL');
    if (at < 0) continue;
    const alone = el.ErrorEquals.length > 1;
    const last = i !== data.length - 1;
    if (alone || last) (out ??= []).push({ kind: 'statesAll', index: i, at, alone, last });
  }
  return out;
}

/** A JSONPath Choice rule: Variable with exactly one comparison operator, or exactly one of And/Or/Not. */
function aslChoiceRule(rule: Record<string, unknown>, operators: string[]): KeywordProblem[] | undefined {
  const has = Object.prototype.hasOwnProperty;
  const hasVariable = has.call(rule, 'Variable');
  const boolCount = (has.call(rule, 'And') ? 1 : 0) + (has.call(rule, 'Or') ? 1 : 0) + (has.call(rule, 'Not') ? 1 : 0);
  let opCount = 0;
  for (const k in rule) if (has.call(rule, k) && operators.indexOf(k) >= 0) opCount++;
  // The common case, a valid rule: decided without allocating anything.
  if (boolCount === 0 ? opCount === 1 && hasVariable : boolCount === 1 && opCount === 0 && !hasVariable) return undefined;
  // In document order, so messages and ranges follow what the reader sees.
  const ops: string[] = [];
  for (const k of Object.keys(rule)) if (operators.indexOf(k) >= 0) ops.push(k);
  const bools: string[] = [];
  if (has.call(rule, 'And')) bools.push('And');
  if (has.call(rule, 'Or')) bools.push('Or');
  if (has.call(rule, 'Not')) bools.push('Not');
  if (bools.length > 1) return [{ kind: 'choiceRule', problem: 'boolMany', fields: bools }];
  if (bools.length === 1) {
    if (hasVariable || ops.length) return [{ kind: 'choiceRule', problem: 'mixed', fields: hasVariable ? [bools[0], 'Variable'].concat(ops) : [bools[0]].concat(ops) }];
    return undefined;
  }
  if (ops.length > 1) return [{ kind: 'choiceRule', problem: 'opMany', fields: ops }];
  if (ops.length === 1 && !hasVariable) return [{ kind: 'choiceRule', problem: 'noVariable', fields: ops }];
  if (ops.length === 0 && hasVariable) return [{ kind: 'choiceRule', problem: 'noOperator', fields: [] }];
  if (ops.length === 0) return [{ kind: 'choiceRule', problem: 'empty', fields: [] }];
  return undefined;
}

/** Choice-rule members that are not comparison operators. */
const CHOICE_STRUCTURE = new Set(['Variable', 'And', 'Or', 'Not', 'Next', 'Assign', 'Comment']);

type Check = (data: never, arg: never) => KeywordProblem[] | undefined;

function define(keyword: string, dataType: 'object' | 'array', schemaType: 'array' | 'boolean', check: Check, argOf: (cxt: KeywordCxt) => unknown = (cxt) => cxt.schema): CodeKeywordDefinition {
  return {
    keyword,
    type: dataType,
    schemaType,
    error: {
      message: keyword,
      params: ({ params }) => cg()._`{problems: ${params.problems}}`,
    },
    code(cxt) {
      const { _, _Code, stringify } = cg();
      const fn = cxt.gen.scopeValue('func', { ref: check, code: new _Code(check.toString()) });
      // The argument is a constant of the module (an array literal in the call would be allocated
      // at every validation: ~0.6 MB per 2,000 states, for the Choice rules' operator list alone).
      const arg = argOf(cxt);
      const argRef = arg !== null && typeof arg === 'object' ? cxt.gen.scopeValue('obj', { ref: arg, code: stringify(arg) }) : stringify(arg);
      const problems = cxt.gen.const('problems', _`${fn}(${cxt.data}, ${argRef})`);
      cxt.setParams({ problems });
      cxt.fail(_`${problems} !== undefined`);
    },
  };
}

/** The keyword definitions to add to an ajv instance. */
export function aslKeywords(): CodeKeywordDefinition[] {
  return [
    define('aslExclusive', 'object', 'array', aslExclusive),
    define('aslRequireOne', 'object', 'array', aslRequireOne),
    define('aslRequiredWhen', 'object', 'array', aslRequiredWhen),
    define('aslNextOrEnd', 'object', 'boolean', aslNextOrEnd),
    define('aslLessThan', 'object', 'array', aslLessThan),
    define('aslErrorEquals', 'array', 'boolean', aslErrorEquals),
    // The operators are the rule's own properties minus its structure, so the schema lists them once.
    define('aslChoiceRule', 'object', 'boolean', aslChoiceRule, (cxt) => Object.keys((cxt.parentSchema.properties ?? {}) as object).filter((k) => !CHOICE_STRUCTURE.has(k))),
  ];
}
