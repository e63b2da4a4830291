/**
 * Finds what a path names in a text already known to be valid JSON without building the node
 * tree: members before the one on the path are skipped (strings by a native search for their
 * closing quote, objects and arrays by bracket depth), nothing is allocated.
 *
 * Why: a diagnostic needs the range of one field. On a 2,000-state definition (930 KB) the whole
 * tree costs ~20 ms and ~5 MB of objects, most of the time an editor waited for a single
 * diagnostic; locating the field costs a fraction of a millisecond to a couple of milliseconds.
 * Document.spanOf uses it for the first few look-ups and builds the tree once there are many.
 *
 * Only for text without duplicate keys: with duplicates, the value JSON.parse keeps is the last,
 * and the tree's look-up knows it (the caller checks).
 */
import type { Path } from '../types.js';

// The same character codes as json-tree.ts: a const enum is inlined at compile time, which a
// shared module of constants is not (measured: the scan ran ~50% slower through a namespace import).
const enum C {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

export interface Located {
  /** The deepest node the path reaches (the whole path when `exact`). */
  offset: number;
  length: number;
  exact: boolean;
  /** When that node is the value of an object member: the member's key and the member itself. */
  member?: { keyOffset: number; keyLength: number; offset: number; length: number };
}

function skipWhite(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === C.Space || c === C.Lf || c === C.Cr || c === C.Tab) i++;
    else return i;
  }
}

/** The offset just past the string starting (with its quote) at `i`. */
function endOfString(text: string, i: number): number {
  let end = text.indexOf('"', i + 1);
  for (;;) {
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === C.Backslash; k--) backslashes++;
    if ((backslashes & 1) === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
}

/** The offset just past the value starting at `i`. */
function endOfValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === C.Quote) return endOfString(text, i);
  if (c === C.OpenBrace || c === C.OpenBracket) {
    let depth = 0;
    for (let j = i; ; ) {
      const d = text.charCodeAt(j);
      if (d === C.Quote) {
        j = endOfString(text, j);
        continue;
      }
      if (d === C.OpenBrace || d === C.OpenBracket) depth++;
      else if (d === C.CloseBrace || d === C.CloseBracket) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
  }
  // A number, true, false or null: up to the next delimiter.
  let j = i;
  for (;;) {
    const d = text.charCodeAt(j);
    if (j >= text.length || d === C.Comma || d === C.CloseBrace || d === C.CloseBracket || d === C.Space || d === C.Lf || d === C.Cr || d === C.Tab) return j;
    j++;
  }
}

/** Is the key token text[start, end) (quotes included) the string `name`? */
function keyEquals(text: string, start: number, end: number, name: string): boolean {
  const raw = end - start - 2;
  // The token's characters are the name itself: equal, unless they are an escape sequence (the
  // name then has a backslash, and decodes to something shorter).
  if (raw === name.length && text.startsWith(name, start + 1)) return !name.includes('\\');
  // An escaped key is longer than what it decodes to.
  if (raw <= name.length) return false;
  const token = text.slice(start, end);
  return token.includes('\\') && (JSON.parse(token) as string) === name;
}

/** Locates `path` in `text` (valid JSON, no duplicate keys). */
export function locateJsonPath(text: string, path: Path): Located {
  let i = skipWhite(text, 0);
  let member: Located['member'];
  let exact = true;
  for (const seg of path) {
    const c = text.charCodeAt(i);
    let next = -1;
    let nextMember: Located['member'];
    if (c === C.OpenBrace && typeof seg === 'string') {
      let j = skipWhite(text, i + 1);
      while (text.charCodeAt(j) === C.Quote) {
        const keyEnd = endOfString(text, j);
        const valueStart = skipWhite(text, skipWhite(text, keyEnd) + 1); // past the colon
        if (keyEquals(text, j, keyEnd, seg)) {
          next = valueStart;
          nextMember = { keyOffset: j, keyLength: keyEnd - j, offset: j, length: 0 };
          break;
        }
        j = skipWhite(text, endOfValue(text, valueStart));
        if (text.charCodeAt(j) !== C.Comma) break;
        j = skipWhite(text, j + 1);
      }
    } else if (c === C.OpenBracket && typeof seg === 'number') {
      let j = skipWhite(text, i + 1);
      for (let k = 0; text.charCodeAt(j) !== C.CloseBracket; k++) {
        if (k === seg) {
          next = j;
          break;
        }
        j = skipWhite(text, endOfValue(text, j));
        if (text.charCodeAt(j) !== C.Comma) break;
        j = skipWhite(text, j + 1);
      }
    }
    if (next < 0) {
      exact = false;
      break;
    }
    i = next;
    member = nextMember;
  }
  const end = endOfValue(text, i);
  if (member) member.length = end - member.offset;
  return { offset: i, length: end - i, exact, member };
}
