/** Heuristics AWS's warnings share: does a plain string look like a path or an intrinsic call? */

/** `$`, `$.a`, `$[0]`, `$$`, `$$.Execution.Id`: a JSONPath or context-object path. */
export function looksLikePath(s: string): boolean {
  if (s === '$' || s === '$$') return true;
  return /^\$\$?[.[]/.test(s);
}

/** `States.Format('...', $.x)`: an intrinsic function call. */
export function looksLikeIntrinsic(s: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\([\s\S]*\)\s*$/.test(s);
}
