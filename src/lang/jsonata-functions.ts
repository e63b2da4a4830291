/**
 * The functions a Step Functions JSONata expression can call: JSONata 2.0.6's built-ins (the
 * version AWS runs) and the functions Step Functions adds. Arity is [min, max]: min counts the
 * arguments that cannot come from the context (a signature's `-` parameter), max is Infinity for
 * variadic functions. Derived from the signatures in jsonata 2.0.6 (`staticFrame.bind(...)`) and
 * checked by evaluating calls with too few and too many arguments (T0410).
 */
import { DEFAULT_HASH_ALGORITHM, HASH_ALGORITHMS } from './intrinsics.js';

export interface JsonataFunction {
  min: number;
  max: number;
  /** Added by Step Functions (not in JSONata itself). */
  aws?: boolean;
  /** In JSONata but not usable in Step Functions. */
  unsupported?: string;
  /** Step Functions' own functions: the signature and what it does, for people (editor, docs/languages.md). */
  signature?: string;
  doc?: string;
}

const f = (min: number, max: number, extra: Partial<JsonataFunction> = {}): JsonataFunction => ({ min, max, ...extra });

export const JSONATA_FUNCTIONS: Readonly<Record<string, JsonataFunction>> = {
  sum: f(1, 1),
  count: f(1, 1),
  max: f(1, 1),
  min: f(1, 1),
  average: f(1, 1),
  string: f(0, 2),
  substring: f(1, 3),
  substringBefore: f(1, 2),
  substringAfter: f(1, 2),
  lowercase: f(0, 1),
  uppercase: f(0, 1),
  length: f(0, 1),
  trim: f(0, 1),
  pad: f(1, 3),
  match: f(1, 3),
  contains: f(1, 2),
  replace: f(2, 4),
  split: f(1, 3),
  join: f(1, 2),
  formatNumber: f(1, 3),
  formatBase: f(0, 2),
  formatInteger: f(1, 2),
  parseInteger: f(1, 2),
  number: f(0, 1),
  floor: f(0, 1),
  ceil: f(0, 1),
  round: f(0, 2),
  abs: f(0, 1),
  sqrt: f(0, 1),
  power: f(1, 2),
  boolean: f(0, 1),
  not: f(0, 1),
  map: f(2, 2),
  zip: f(1, Infinity),
  filter: f(2, 2),
  single: f(1, 2),
  reduce: f(2, 3),
  sift: f(0, 2),
  keys: f(0, 1),
  lookup: f(1, 2),
  append: f(2, 2),
  exists: f(1, 1),
  spread: f(0, 1),
  merge: f(1, 1),
  reverse: f(1, 1),
  each: f(1, 2),
  error: f(0, 1),
  assert: f(1, 2),
  type: f(1, 1),
  sort: f(1, 2),
  shuffle: f(1, 1),
  distinct: f(1, 1),
  base64encode: f(0, 1),
  base64decode: f(0, 1),
  encodeUrlComponent: f(0, 1),
  encodeUrl: f(0, 1),
  decodeUrlComponent: f(0, 1),
  decodeUrl: f(0, 1),
  toMillis: f(0, 2),
  fromMillis: f(0, 3),
  clone: f(0, 1),
  now: f(0, 2),
  millis: f(0, 0),
  eval: f(1, 2, { unsupported: 'Step Functions does not support $eval' }),
  // Step Functions' own functions; $random takes an optional seed in Step Functions.
  random: f(0, 1, { aws: true, signature: '$random([seed])', doc: 'A random number from 0 (inclusive) to 1 (exclusive).' }),
  partition: f(2, 2, { aws: true, signature: '$partition(array, size)', doc: 'Splits an array into chunks.' }),
  range: f(3, 3, { aws: true, signature: '$range(start, end, step)', doc: 'An array of numbers from start to end by step.' }),
  hash: f(1, 2, {
    aws: true,
    signature: '$hash(value[, algorithm])',
    doc: `The hash of a value (${HASH_ALGORITHMS.map((a) => `'${a}'${a === DEFAULT_HASH_ALGORITHM ? ' (default)' : ''}`).join(', ')}).`,
  }),
  uuid: f(0, 0, { aws: true, signature: '$uuid()', doc: 'A random version 4 UUID.' }),
  parse: f(1, 1, { aws: true, signature: '$parse(jsonString)', doc: 'Parses a JSON string.' }),
};

/** What a JSONata function call looks like and does, for people: the editor's hover and completion, docs/languages.md. */
export interface JsonataFunctionDoc {
  name: string;
  signature: string;
  doc: string;
}

function describe(name: string, fn: JsonataFunction): JsonataFunctionDoc {
  if (fn.signature && fn.doc) return { name, signature: fn.signature, doc: `${fn.doc} (added by Step Functions)` };
  const arity = fn.max === Infinity ? `${fn.min}+ arguments` : fn.min === fn.max ? `${fn.min} argument${fn.min === 1 ? '' : 's'}` : `${fn.min} to ${fn.max} arguments`;
  return { name, signature: `$${name}(...)`, doc: `JSONata built-in function (${arity}).` };
}

/** The functions a JSONata expression can call in Step Functions, described. */
export const JSONATA_FUNCTION_DOCS: readonly JsonataFunctionDoc[] = Object.entries(JSONATA_FUNCTIONS)
  .filter(([, fn]) => !fn.unsupported)
  .map(([name, fn]) => describe(name, fn));

export function jsonataFunction(name: string): JsonataFunction | undefined {
  return Object.hasOwn(JSONATA_FUNCTIONS, name) ? JSONATA_FUNCTIONS[name] : undefined;
}
