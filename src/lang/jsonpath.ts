/**
 * JSONPath as Step Functions reads it.
 *
 * AWS evaluates Paths with Jayway JsonPath, so the grammar here follows Jayway where the two
 * differ from other JSONPath dialects (jsonpath-plus, RFC 9535): a dot-notation name runs until
 * `.`, `[`, `(` or a blank; `$.[0]` is accepted; a name may not contain a blank. On top of that
 * sit ASL's own roots: `$$` (the Context Object) and `$name` (a workflow variable).
 *
 * A Reference Path (ResultPath, the `...Path` fields, Choice `Variable`) must name one node:
 * no `..`, `*`, unions, slices, filters, scripts or functions. Those constructs are collected in
 * `multi` rather than rejected here, because a Path field accepts them and a Reference Path field
 * does not; the caller decides.
 */
import { memo } from '../memo.js';

export type PathRoot = 'input' | 'context' | 'variable';

interface PathIssue {
  message: string;
  /** Character range in the path string. */
  start: number;
  end: number;
}

type MultiKind = 'deep-scan' | 'wildcard' | 'union' | 'slice' | 'filter' | 'script' | 'function';

interface MultiNode extends PathIssue {
  kind: MultiKind;
}

export interface JsonPathInfo {
  root: PathRoot;
  /** The variable name, for `$name...` paths. */
  variable?: string;
  /** Why the string is not a JSONPath at all. */
  error?: PathIssue;
  /** Constructs that may select several nodes or compute values (fine in a Path, not in a Reference Path). */
  multi: MultiNode[];
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;

const parseCached = memo(parseUncached, 5000);

/**
 * Parses a string that starts with `$`; undefined when it does not. Results are cached (several
 * rules read the same paths); callers must not modify them.
 */
export function parseJsonPath(s: string): JsonPathInfo | undefined {
  if (s.length === 0 || s[0] !== '$') return undefined;
  return parseCached(s);
}

function parseUncached(s: string): JsonPathInfo {
  const multi: MultiNode[] = [];
  let root: PathRoot = 'input';
  let variable: string | undefined;
  let i = 1;
  if (s[1] === '$') {
    root = 'context';
    i = 2;
  } else if (i < s.length && ID_START.test(s[i])) {
    root = 'variable';
    let j = i + 1;
    while (j < s.length && ID_CONTINUE.test(s[j])) j++;
    variable = s.slice(i, j);
    i = j;
  }
  const info: JsonPathInfo = { root, variable, multi };
  const fail = (message: string, start: number, end = start + 1): JsonPathInfo => {
    info.error = { message, start, end: Math.min(Math.max(end, start), s.length) };
    return info;
  };

  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      const dotStart = i;
      if (s[i + 1] === '.') {
        i += 2;
        multi.push({ kind: 'deep-scan', message: "the deep scan '..'", start: dotStart, end: i });
      } else {
        i += 1;
      }
      if (i >= s.length) return fail("A path must not end with '.' or '..'", dotStart, i);
      if (s[i] === '[') continue;
      if (s[i] === '*') {
        multi.push({ kind: 'wildcard', message: "the wildcard '*'", start: i, end: i + 1 });
        i += 1;
        continue;
      }
      const r = readName(s, i);
      if (r.error) return fail(r.error, r.errorAt ?? i, (r.errorAt ?? i) + 1);
      if (r.end === i) return fail(`Expected a field name after '.' at position ${i}`, i);
      if (r.isFunction) multi.push({ kind: 'function', message: `the function '${s.slice(i, r.end)}'`, start: i, end: r.end });
      i = r.end;
      continue;
    }
    if (c === '[') {
      const r = readBracket(s, i);
      if (r.error) return fail(r.error, r.errorAt ?? i, r.errorEnd ?? (r.errorAt ?? i) + 1);
      if (r.multi) multi.push({ ...r.multi, start: i, end: r.end });
      i = r.end;
      continue;
    }
    if (/\s/.test(c) && s.slice(i).trim() === '') break; // trailing blanks: Jayway trims them
    if (i === 1 && root === 'input') return fail(`'$' must be followed by '.', '[', '$' or a variable name, not '${c}'`, i);
    return fail(`Unexpected character '${c}' at position ${i}; expected '.' or '['`, i);
  }
  return info;
}

interface NameRead {
  end: number;
  isFunction?: boolean;
  error?: string;
  errorAt?: number;
}

/** A dot-notation name (Jayway: up to `.`, `[`, `(`; a blank is an error; `\x` escapes x). */
function readName(s: string, start: number): NameRead {
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      i += 2;
      continue;
    }
    if (c === '.' || c === '[') break;
    if (c === '(') {
      const close = matchParen(s, i);
      if (close < 0) return { end: i, error: "Unclosed '(' in a function call", errorAt: i };
      return { end: close + 1, isFunction: true };
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (s.slice(i).trim() === '') return { end: i };
      return { end: i, error: "A field name with blanks must use bracket notation, e.g. ['my field']", errorAt: i };
    }
    i += 1;
  }
  return { end: i };
}

interface BracketRead {
  end: number;
  multi?: { kind: MultiKind; message: string };
  error?: string;
  errorAt?: number;
  errorEnd?: number;
}

/** `[...]` starting at `start` (which holds '['). */
function readBracket(s: string, start: number): BracketRead {
  let i = skipBlanks(s, start + 1);
  if (i >= s.length) return { end: i, error: "Unclosed '['", errorAt: start };
  const c = s[i];
  if (c === ']') return { end: i + 1, error: "Empty brackets '[]'", errorAt: start, errorEnd: i + 1 };
  if (c === '?' || c === '(') {
    const open = c === '?' ? skipBlanks(s, i + 1) : i;
    if (s[open] !== '(') return { end: open, error: "A filter must be written '[?(...)]'", errorAt: i };
    const close = matchParen(s, open);
    if (close < 0) return { end: s.length, error: `Unclosed '(' in ${c === '?' ? 'a filter' : 'a script'}`, errorAt: open };
    const end = skipBlanks(s, close + 1);
    if (s[end] !== ']') return { end, error: "Expected ']' after the filter expression", errorAt: end };
    return c === '?'
      ? { end: end + 1, multi: { kind: 'filter', message: `the filter '${s.slice(start, end + 1)}'` } }
      : { end: end + 1, multi: { kind: 'script', message: `the script '${s.slice(start, end + 1)}'` } };
  }
  if (c === '*') {
    const end = skipBlanks(s, i + 1);
    if (s[end] !== ']') return { end, error: "Expected ']' after '[*'", errorAt: end };
    return { end: end + 1, multi: { kind: 'wildcard', message: "the wildcard '[*]'" } };
  }
  if (c === "'" || c === '"') {
    let count = 0;
    for (;;) {
      const q = s[i];
      if (q !== "'" && q !== '"') return { end: i, error: `Expected a quoted field name at position ${i}`, errorAt: i };
      let j = i + 1;
      while (j < s.length && s[j] !== q) j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return { end: j, error: `Unclosed quote ${q} in a bracketed field name`, errorAt: i, errorEnd: s.length };
      count++;
      i = skipBlanks(s, j + 1);
      if (s[i] === ',') {
        i = skipBlanks(s, i + 1);
        continue;
      }
      if (s[i] === ']') break;
      return { end: i, error: `Expected ',' or ']' after a bracketed field name at position ${i}`, errorAt: i };
    }
    return count > 1 ? { end: i + 1, multi: { kind: 'union', message: `the union '${s.slice(start, i + 1)}'` } } : { end: i + 1 };
  }
  if (/[-0-9:]/.test(c)) {
    let j = i;
    while (j < s.length && /[-0-9:,\s]/.test(s[j])) j++;
    if (s[j] !== ']') return { end: j, error: j >= s.length ? "Unclosed '['" : `Unexpected character '${s[j]}' in an array index`, errorAt: j >= s.length ? start : j };
    const body = s.slice(i, j).replace(/\s+/g, '');
    const end = j + 1;
    if (body.includes(':')) {
      if (!/^-?\d*:-?\d*(:-?\d*)?$/.test(body)) return { end, error: `Invalid array slice '[${body}]'`, errorAt: start, errorEnd: end };
      return { end, multi: { kind: 'slice', message: `the slice '[${body}]'` } };
    }
    if (!/^-?\d+(,-?\d+)*$/.test(body)) return { end, error: `Invalid array index '[${body}]'`, errorAt: start, errorEnd: end };
    return body.includes(',') ? { end, multi: { kind: 'union', message: `the union '[${body}]'` } } : { end };
  }
  return { end: i, error: `Could not read '[${c}' at position ${i}: expected ?, ', 0-9 or *`, errorAt: i };
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

/** Index of the ')' matching the '(' at `open`, honouring quotes and nesting; -1 when unclosed. */
function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The roots a path may start with, in words (for messages). */
export const PATH_ROOTS_HINT = "a path starts with '$' (the state input), '$$' (the context object) or '$name' (a variable)";
