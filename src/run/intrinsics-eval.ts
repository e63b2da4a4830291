/**
 * Evaluation of the 18 intrinsic functions on lang/'s parse tree (parsed once, cached there).
 * Failures of arguments are States.IntrinsicFailure (the ASL specification's name); a path that
 * names nothing is the caller's States.Runtime.
 *
 * Behaviour from the Developer Guide's intrinsic functions page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html), whose examples
 * are pinned in test/run-intrinsics.test.ts.
 */
import { createHash } from 'node:crypto';
import { HASH_ALGORITHMS, MAX_INTRINSIC_INPUT, MAX_RANGE_ITEMS, type IntrinsicArg, type IntrinsicCall } from '../lang/intrinsics.js';
import type { Json } from '../model/model.js';
import { StatesError } from './errors.js';
import type { PathRoots } from './jsonpath-eval.js';
import { javaRandomInt, type Rng } from './random.js';

/** Node's name of each hash algorithm of lang/intrinsics.ts (MD5 -> md5, SHA-256 -> sha256). A Map: 'toString' is no algorithm. */
const NODE_HASH_NAMES: ReadonlyMap<string, string> = new Map(HASH_ALGORITHMS.map((a) => [a, a.toLowerCase().replace('-', '')]));

/** Node's name of a States.Hash / $hash algorithm, or undefined when it is not one. */
export function nodeHashName(algorithm: string): string | undefined {
  return NODE_HASH_NAMES.get(algorithm);
}

export interface IntrinsicEnv extends PathRoots {
  rng: Rng;
  /** The whole call text, for messages. */
  source: string;
  /** Resolves a path argument (throws the caller's error when it names nothing). */
  resolvePath(text: string): Json;
}

const fail = (name: string, message: string): never => {
  throw new StatesError('States.IntrinsicFailure', `Invalid arguments in ${name}: ${message}`);
};

export function evaluateIntrinsic(call: IntrinsicCall, env: IntrinsicEnv): Json {
  const args = call.args.map((a) => argValue(a, env));
  const n = call.name;
  const a0 = args[0];
  const a1 = args[1];
  const int = (v: Json, what: string): number => {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(n, `${what} must be an integer, got ${JSON.stringify(v)}`);
    return v as number;
  };
  const arr = (v: Json, what = 'the first argument'): Json[] => {
    if (!Array.isArray(v)) fail(n, `${what} must be an array, got ${JSON.stringify(v)}`);
    return v as Json[];
  };
  const str = (v: Json, what = 'the first argument'): string => {
    if (typeof v !== 'string') fail(n, `${what} must be a string, got ${JSON.stringify(v)}`);
    return v as string;
  };
  switch (n) {
    case 'States.Format': {
      const t = call.args[0];
      // The template: a literal (read raw, so that \{ and \} stay literal braces) or a string from a path.
      if (!t || (t.kind !== 'string' && typeof a0 !== 'string')) return fail(n, `the template must be a string, got ${JSON.stringify(a0)}`);
      const raw = t.kind === 'string' ? env.source.slice(t.start + 1, t.end - 1) : (a0 as string);
      let out = '';
      let k = 1;
      for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\') {
          out += raw[++i] ?? '';
        } else if (c === '{' && raw[i + 1] === '}') {
          if (k >= args.length) fail(n, 'the template has more {} than there are arguments');
          const v = args[k++];
          if (v !== null && typeof v === 'object') fail(n, `an argument to format must be a string, number, boolean or null, got ${JSON.stringify(v)}`);
          out += typeof v === 'string' ? v : JSON.stringify(v);
          i++;
        } else out += c;
      }
      if (k !== args.length) fail(n, 'there are more arguments than {} in the template');
      return out;
    }
    case 'States.StringToJson': {
      const s = str(a0);
      try {
        return JSON.parse(s) as Json;
      } catch {
        return fail(n, `'${s}' is not JSON`);
      }
    }
    case 'States.JsonToString':
      return JSON.stringify(a0);
    case 'States.Array':
      return args;
    case 'States.ArrayPartition': {
      const a = arr(a0);
      const size = int(a1, 'the chunk size');
      if (size <= 0) fail(n, 'the chunk size must be greater than 0');
      const out: Json[] = [];
      for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
      return out;
    }
    case 'States.ArrayContains':
      return arr(a0).some((x) => deepEqual(x, a1));
    case 'States.ArrayRange': {
      const start = int(a0, 'the start');
      const end = int(a1, 'the end');
      const step = int(args[2], 'the step');
      if (step === 0) fail(n, 'the step must not be 0');
      const out: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.push(v);
        if (out.length > MAX_RANGE_ITEMS) fail(n, `the array would have more than ${MAX_RANGE_ITEMS} items`);
      }
      return out;
    }
    case 'States.ArrayGetItem': {
      const a = arr(a0);
      const i = int(a1, 'the index');
      if (i < 0 || i >= a.length) fail(n, `index ${i} is out of bounds for an array of ${a.length} items`);
      return a[i];
    }
    case 'States.ArrayLength':
      return arr(a0).length;
    case 'States.ArrayUnique': {
      const out: Json[] = [];
      for (const x of arr(a0)) if (!out.some((y) => deepEqual(x, y))) out.push(x);
      return out;
    }
    case 'States.Base64Encode': {
      const s = str(a0);
      if (s.length > MAX_INTRINSIC_INPUT) fail(n, `the input must be at most ${MAX_INTRINSIC_INPUT} characters`);
      return Buffer.from(s, 'utf8').toString('base64');
    }
    case 'States.Base64Decode': {
      const s = str(a0);
      if (s.length > MAX_INTRINSIC_INPUT) fail(n, `the input must be at most ${MAX_INTRINSIC_INPUT} characters`);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) fail(n, `'${s}' is not Base64`);
      return Buffer.from(s, 'base64').toString('utf8');
    }
    case 'States.Hash': {
      const alg = str(a1, 'the algorithm');
      const node = nodeHashName(alg);
      if (!node) fail(n, `the algorithm must be one of ${HASH_ALGORITHMS.join(', ')}, got '${alg}'`);
      const data = typeof a0 === 'string' ? a0 : JSON.stringify(a0);
      if (data.length > MAX_INTRINSIC_INPUT) fail(n, `the input must be at most ${MAX_INTRINSIC_INPUT} characters`);
      return createHash(node!).update(data, 'utf8').digest('hex');
    }
    case 'States.JsonMerge': {
      const isObj = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
      if (!isObj(a0) || !isObj(a1)) return fail(n, 'the first two arguments must be objects');
      if (args[2] !== false) fail(n, 'only the shallow merge is supported: the third argument must be false');
      return { ...a0, ...a1 };
    }
    case 'States.MathRandom': {
      const start = int(a0, 'the start');
      const end = int(a1, 'the end');
      if (end <= start) fail(n, 'the end must be greater than the start');
      if (args.length > 2) return start + javaRandomInt(int(args[2], 'the seed'), end - start);
      return start + Math.floor(env.rng.next() * (end - start));
    }
    case 'States.MathAdd':
      return int(a0, 'the first number') + int(a1, 'the second number');
    case 'States.StringSplit': {
      const s = str(a0);
      const d = str(a1, 'the delimiter');
      if (d === '') return [...s];
      const set = new Set([...d]);
      const out: string[] = [];
      let cur = '';
      for (const ch of s) {
        if (set.has(ch)) {
          if (cur) out.push(cur);
          cur = '';
        } else cur += ch;
      }
      if (cur) out.push(cur);
      return out;
    }
    case 'States.UUID':
      return env.rng.uuid();
    default:
      throw new StatesError('States.Runtime', `The intrinsic function ${n} is not supported`);
  }
}

function argValue(a: IntrinsicArg, env: IntrinsicEnv): Json {
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return a.value;
    case 'null':
      return null;
    case 'path':
      return env.resolvePath(a.text);
    case 'call':
      return evaluateIntrinsic(a.call, env);
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
