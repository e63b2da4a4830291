/**
 * JSONata evaluation as Step Functions does it: the jsonata package (2.0.6, AWS's version), each
 * expression compiled once; `$states` and the workflow variables bound; Step Functions' own
 * functions ($partition, $range, $hash, $random, $uuid, $parse) added; $eval refused; $now and
 * $millis read the virtual clock (so runs are deterministic).
 *
 * An expression that evaluates to nothing fails the state with States.QueryEvaluationError:
 * "The JSONata expression '<expr>' specified for the field '<field>' returned nothing
 * (undefined)." (measured on AWS, floci-io/floci#2665).
 */
import { createHash } from 'node:crypto';
import { lazyPackage } from '../lazy.js';
import { memo } from '../memo.js';
import { expressionText, isJsonataExpression } from '../lang/jsonata.js';
import type { Json } from '../model/model.js';
import { StatesError } from './errors.js';
import type { Rng } from './random.js';
import { nodeHashName } from './intrinsics-eval.js';
import { DEFAULT_HASH_ALGORITHM, HASH_ALGORITHMS, MAX_RANGE_ITEMS } from '../lang/intrinsics.js';

interface Expression {
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}
type Factory = (expr: string) => Expression;

const jsonata = lazyPackage<Factory>('jsonata');

interface Compiled {
  text: string;
  expr?: Expression;
  error?: string;
}

/** Compiles `{% ... %}` (or a bare expression) once. */
const compileJsonata: (value: string) => Compiled = memo((value: string): Compiled => {
  const text = isJsonataExpression(value) ? expressionText(value) : value;
  try {
    return { text: text.trim(), expr: jsonata()(text) };
  } catch (err) {
    return { text: text.trim(), error: String((err as Error).message ?? err) };
  }
}, 10000);

export interface JsonataEnv {
  /** $states: input, result, errorOutput, context. */
  states: Record<string, unknown>;
  variables: Record<string, Json>;
  rng: Rng;
  /** The virtual clock, in ms since the epoch. */
  now: number;
}

function qe(message: string): never {
  throw new StatesError('States.QueryEvaluationError', message);
}

function bindings(env: JsonataEnv): Record<string, unknown> {
  return {
    ...env.variables,
    states: env.states,
    partition: (array: unknown, size: unknown) => {
      if (!Array.isArray(array)) qe('The first argument of $partition must be an array');
      if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) qe('The second argument of $partition must be a positive integer');
      const out: unknown[] = [];
      for (let i = 0; i < (array as unknown[]).length; i += size as number) out.push((array as unknown[]).slice(i, i + (size as number)));
      return out;
    },
    range: (start: unknown, end: unknown, step: unknown) => {
      if (![start, end, step].every((v) => typeof v === 'number' && Number.isInteger(v))) qe('The arguments of $range must be integers');
      if (step === 0) qe('The step of $range must not be 0');
      const out: number[] = [];
      for (let v = start as number; (step as number) > 0 ? v <= (end as number) : v >= (end as number); v += step as number) {
        out.push(v);
        if (out.length > MAX_RANGE_ITEMS) qe(`$range would produce more than ${MAX_RANGE_ITEMS} items`);
      }
      return out;
    },
    hash: (data: unknown, algorithm: unknown = DEFAULT_HASH_ALGORITHM) => {
      const alg = nodeHashName(String(algorithm));
      if (!alg) qe(`The algorithm of $hash must be one of ${HASH_ALGORITHMS.join(', ')}`);
      if (typeof data !== 'string') qe('The first argument of $hash must be a string');
      return createHash(alg!)
        .update(data as string, 'utf8')
        .digest('hex');
    },
    random: (seed?: unknown) => (seed === undefined ? env.rng.next() : seededOnce(Number(seed))),
    uuid: () => env.rng.uuid(),
    parse: (s: unknown) => {
      if (typeof s !== 'string') qe('The argument of $parse must be a string');
      try {
        return JSON.parse(s as string);
      } catch {
        return qe(`The argument of $parse is not valid JSON: ${s as string}`);
      }
    },
    // Not in Step Functions: calling it is JSONata's T1006 "Attempted to invoke a non-function" (floci-io/floci#2737, measured).
    eval: undefined,
    millis: () => env.now,
    // The picture and timezone arguments of $now are not supported offline: ISO 8601 in UTC.
    now: () => new Date(env.now).toISOString(),
  };
}

function seededOnce(seed: number): number {
  // The same seed gives the same number, as AWS documents for $random(seed).
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Evaluates one expression; `field` names it in AWS's messages ("Output/v"). */
export async function evaluateJsonata(value: string, field: string, env: JsonataEnv): Promise<unknown> {
  const c = compileJsonata(value);
  if (c.error) qe(`The JSONata expression '${c.text}' specified for the field '${field}' could not be parsed: ${c.error}`);
  let out: unknown;
  try {
    out = await c.expr!.evaluate(undefined, bindings(env));
  } catch (err) {
    if (err instanceof StatesError) {
      throw new StatesError(err.error, `The JSONata expression '${c.text}' specified for the field '${field}' threw an error during evaluation. ${err.cause}`);
    }
    // AWS: ". <CODE>: <message>" after a coded JSONata error, ": <message>" otherwise (floci-io/floci#2736, measured).
    const e = err as { code?: string; message?: string };
    const message = e.message ?? String(err);
    qe(`The JSONata expression '${c.text}' specified for the field '${field}' threw an error during evaluation${e.code ? `. ${e.code}: ${message}` : `: ${message}`}`);
  }
  if (out === undefined) qe(`The JSONata expression '${c.text}' specified for the field '${field}' returned nothing (undefined).`);
  if (typeof out === 'function') qe(`The JSONata expression '${c.text}' specified for the field '${field}' returned a function, which is not JSON.`);
  return out;
}

/** A JSONata template: strings `{% %}` evaluated, objects and arrays walked, the rest as written. */
export async function evaluateTemplate(template: Json, field: string, env: JsonataEnv): Promise<Json> {
  if (typeof template === 'string') return isJsonataExpression(template) ? ((await evaluateJsonata(template, field, env)) as Json) : template;
  if (template === null || typeof template !== 'object') return template;
  if (Array.isArray(template)) {
    const out: Json[] = [];
    for (let i = 0; i < template.length; i++) out.push(await evaluateTemplate(template[i], `${field}[${i}]`, env));
    return out;
  }
  const out: Record<string, Json> = {};
  for (const k of Object.keys(template)) out[k] = await evaluateTemplate(template[k], `${field}/${k}`, env);
  return out;
}
