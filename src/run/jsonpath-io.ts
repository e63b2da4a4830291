/**
 * JSONPath input and output processing: InputPath, payload templates (Parameters,
 * ResultSelector, ItemSelector, Assign), ResultPath and OutputPath, with AWS's error texts.
 * Source: "Processing input and output in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html).
 */
import { looksLikeIntrinsicCall, parseIntrinsic } from '../lang/intrinsics.js';
import type { Json } from '../model/model.js';
import { StatesError } from './errors.js';
import { evaluateIntrinsic } from './intrinsics-eval.js';
import { compilePath, evaluatePath, PathNotFound, type PathRoots } from './jsonpath-eval.js';
import type { Rng } from './random.js';

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

/** One `.$` value: a path or an intrinsic call. */
function dynamicValue(key: string, expr: string, input: Json, env: PathEnv): Json {
  if (looksLikeIntrinsicCall(expr)) {
    const parsed = parseIntrinsic(expr);
    if (!parsed.call) runtime(`The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`);
    return evaluateIntrinsic(parsed.call!, {
      ...env,
      input,
      source: expr,
      resolvePath: (text) => {
        try {
          return evaluatePath(compilePath(text), { ...env, input });
        } catch (err) {
          if (err instanceof PathNotFound) runtime(`The JSONPath '${text}' specified for the field '${key}' could not be found in the input '${JSON.stringify(input)}'`);
          throw err;
        }
      },
    });
  }
  try {
    return evaluatePath(compilePath(expr), { ...env, input });
  } catch (err) {
    // Measured (Step Functions Local and AWS): floci-io/floci#2521; nasa/cumulus-orca#346.
    if (err instanceof PathNotFound) runtime(`The JSONPath '${expr}' specified for the field '${key}' could not be found in the input '${JSON.stringify(input)}'`);
    throw err;
  }
}

/** A payload template: keys ending in `.$` are evaluated, the rest copied, at any depth. */
export function applyTemplate(template: Json, input: Json, env: PathEnv): Json {
  if (template === null || typeof template !== 'object') return template;
  if (Array.isArray(template)) return template.map((t) => applyTemplate(t, input, env));
  const out: Record<string, Json> = {};
  for (const k of Object.keys(template)) {
    const v = template[k];
    if (k.endsWith('.$') && typeof v === 'string') out[k.slice(0, -2)] = dynamicValue(k, v, input, env);
    else out[k] = applyTemplate(v, input, env);
  }
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
