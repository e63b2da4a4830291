/** Heuristics AWS's warnings share: does a plain string look like a path or an intrinsic call? */

/** `$`, `$.a`, `$[0]`, `$$`, `$$.Execution.Id`: a JSONPath or context-object path. */
export function looksLikePath(s: string): boolean {
  if (s === '$' || s === '$$') return true;
  return /^\$\$?[.[]/.test(s);
}

/**
 * `States.Format('...', $.x)`: the whole string is one `States.<Name>(...)` call (not checked
 * further). Compare `startsLikeIntrinsicCall` in intrinsics.ts: only the start, any `Name(`.
 */
export function looksLikeWholeStatesCall(s: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\([\s\S]*\)\s*$/.test(s);
}
