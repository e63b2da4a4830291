/**
 * JSONPath input and output processing: InputPath, payload templates (Parameters,
 * ResultSelector, ItemSelector, Assign), ResultPath and OutputPath, with AWS's error texts.
 * Source: "Processing input and output in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html).
 */
import { startsLikeIntrinsicCall, parseIntrinsic, type IntrinsicCall } from '../lang/intrinsics.js';
import type { Json } from '../model/model.js';
import { StatesError } from './errors.js';
import { evaluateIntrinsic } from './intrinsics-eval.js';
import { compilePath, evaluatePath, PathNotFound, type CompiledPath, type PathRoots } from './jsonpath-eval.js';
import type { Rng } from './random.js';
import { perObject } from '../memo.js';

export interface PathEnv extends PathRoots {
  rng: Rng;
}

export function runtime(cause: string): never {
  throw new StatesError('States.Runtime', cause);
}

/** InputPath / OutputPath / ItemsPath ... : null gives {}; a missing path is States.Runtime. */
export function applyPath(path: Json | undefined, value: Json, env: PathEnv): Json {
  if (path === undefined) return value;
  if (path === null) return {};
  const p = compilePath(String(path));
  try {
    return evaluatePath(p, { ...env, input: value });
  } catch (err) {
    if (err instanceof PathNotFound) runtime(`Invalid path '${String(path)}' : ${err.message}`);
    throw err;
  }
}

type Entry =
  | { key: string; field: string; kind: 'path'; path: CompiledPath; text: string }
  | { key: string; field: string; kind: 'call'; call: IntrinsicCall | undefined; text: string }
  | { key: string; kind: 'static'; value: Json };

/** A template object's keys, compiled once per template (the model's objects are stable). */
const compileTemplate = perObject((template: Record<string, Json>): Entry[] =>
  Object.keys(template).map((k): Entry => {
    const v = template[k];
    if (!k.endsWith('.$') || typeof v !== 'string') return { key: k, kind: 'static', value: v };
    if (startsLikeIntrinsicCall(v)) return { key: k.slice(0, -2), field: k, kind: 'call', call: parseIntrinsic(v).call, text: v };
    return { key: k.slice(0, -2), field: k, kind: 'path', path: compilePath(v), text: v };
  }),
);

function notFound(text: string, field: string, input: Json): never {
  // Measured (Step Functions Local and AWS): floci-io/floci#2521; nasa/cumulus-orca#346.
  return runtime(`The JSONPath '${text}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`);
}

/** One `.$` value: a path or an intrinsic call. */
function dynamicValue(e: Extract<Entry, { field: string }>, roots: PathEnv): Json {
  const input = roots.input as Json;
  if (e.kind === 'call') {
    if (!e.call) runtime(`The value for the field '${e.field}' must be a valid JSONPath or a valid intrinsic function call`);
    return evaluateIntrinsic(e.call!, {
      ...roots,
      source: e.text,
      resolvePath: (text) => {
        try {
          return evaluatePath(compilePath(text), roots);
        } catch (err) {
          if (err instanceof PathNotFound) notFound(text, e.field, input);
          throw err;
        }
      },
    });
  }
  try {
    return evaluatePath(e.path, roots);
  } catch (err) {
    if (err instanceof PathNotFound) notFound(e.text, e.field, input);
    throw err;
  }
}

/** A payload template: keys ending in `.$` are evaluated, the rest copied, at any depth. */
export function applyTemplate(template: Json, input: Json, env: PathEnv): Json {
  if (template === null || typeof template !== 'object') return template;
  return applyWith(template, { input, context: env.context, variables: env.variables, rng: env.rng });
}

function applyWith(template: Json, roots: PathEnv): Json {
  if (template === null || typeof template !== 'object') return template;
  if (Array.isArray(template)) return template.map((t) => applyWith(t, roots));
  const out: Record<string, Json> = {};
  for (const e of compileTemplate(template)) out[e.key] = e.kind === 'static' ? applyWith(e.value, roots) : dynamicValue(e, roots);
  return out;
}

/**
 * ResultPath: null keeps the input, `$` replaces it, `$.a.b` sets a field in a copy of the input
 * (creating objects on the way). Only a reference path is allowed (the static rules check it).
 */
export function applyResultPath(resultPath: Json | undefined, input: Json, result: Json): Json {
  if (resultPath === undefined || resultPath === '$') return result;
  if (resultPath === null) return input;
  const p = compilePath(String(resultPath));
  if (p.root !== 'input' || !p.definite) runtime(`Invalid ResultPath '${String(resultPath)}'`);
  if (p.segments.length === 0) return result;
  const set = (target: Json, i: number): Json => {
    const k = p.segments[i];
    const last = i === p.segments.length - 1;
    if (typeof k === 'number') {
      if (!Array.isArray(target) || k < 0 || k >= target.length) {
        runtime(`Unable to apply step "${k}" to input ${JSON.stringify(target)}`);
      }
      const copy = (target as Json[]).slice();
      copy[k] = last ? result : set(copy[k], i + 1);
      return copy;
    }
    if (target === null || typeof target !== 'object' || Array.isArray(target)) {
      // AWS: States.Runtime when ResultPath cannot be applied to a non-object input.
      runtime(`Unable to apply step "${k}" to input ${JSON.stringify(target)}`);
    }
    const obj = target as Record<string, Json>;
    const copy: Record<string, Json> = { ...obj };
    copy[k] = last ? result : set(Object.hasOwn(obj, k) ? obj[k] : {}, i + 1);
    return copy;
  };
  return set(input, 0);
}
