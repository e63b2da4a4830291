/**
 * Ranges inside a string value: a JSONata syntax error at character 12 of an expression, an
 * unknown intrinsic function name. The value rules read is the decoded string; the document
 * holds it with quotes and escapes (`\"`, `\n`, `\u00e9` in JSON; `''` in single-quoted YAML),
 * so character positions are mapped through the escapes. When the mapping is not possible (a
 * YAML block scalar, a folded string) the whole value is the range.
 */
import type { Document } from '../parse/document.js';
import type { Path, Span } from '../types.js';
import { perObject } from '../memo.js';

/**
 * Characters [start, end) of a string value, in decoded positions (an intrinsic call, a JSONata
 * expression): `stringSpan` maps them to a document `Span`.
 */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * Offset maps already built, per document and string (by the string's offset): a long JSONata
 * string with thousands of findings asked for the same map once per finding (quadratic: 72 s
 * for one 139 KB expression). `null`: the string cannot be followed character by character.
 */
const mapsOf = perObject((_doc: Document) => new Map<number, Int32Array | null>());

/** The document span of characters [start, end) of the string at `path` (decoded positions). */
export function stringSpan(doc: Document, path: Path, value: string, start: number, end: number): Span {
  const whole = doc.spanOf(path);
  const perDoc = mapsOf(doc);
  let map = perDoc.get(whole.offset);
  if (map === undefined) {
    map = rawOffsets(doc.text, whole.offset, whole.offset + whole.length, value);
    perDoc.set(whole.offset, map);
  }
  if (!map) return whole;
  const s = Math.max(0, Math.min(start, value.length));
  const e = Math.max(s, Math.min(end, value.length));
  const from = whole.offset + map[s];
  const to = whole.offset + map[e];
  return { offset: from, length: Math.max(0, to - from) };
}

/**
 * Where each decoded UTF-16 unit of `value` starts in text[from, to) (relative to `from`, one
 * more entry for the end), or null when that text is not a quoted or plain rendering of `value`
 * that can be followed character by character. One pass, no copies.
 */
function rawOffsets(text: string, from: number, to: number, value: string): Int32Array | null {
  const n = to - from;
  if (n <= 0) return null;
  const q = text.charCodeAt(from);
  const starts = new Int32Array(value.length + 1);
  if (q !== DQ && q !== SQ) {
    // A plain (unquoted YAML) scalar: positions map one to one when the text is the value.
    if (n !== value.length || !text.startsWith(value, from)) return null;
    for (let k = 0; k <= value.length; k++) starts[k] = k;
    return starts;
  }
  let k = 0;
  let i = from + 1;
  const last = to - 1;
  while (i < last) {
    if (k >= value.length) return null;
    starts[k] = i - from;
    const c = text.charCodeAt(i);
    let unit: number;
    if (q === DQ && c === BACKSLASH) {
      const e = text[i + 1];
      if (e === 'u') {
        unit = parseInt(text.slice(i + 2, i + 6), 16);
        i += 6;
      } else {
        unit = (ESCAPES[e] ?? e).charCodeAt(0);
        i += 2;
      }
    } else if (q === SQ && c === SQ && text.charCodeAt(i + 1) === SQ) {
      unit = SQ;
      i += 2;
    } else {
      unit = c;
      i += 1;
    }
    if (unit !== value.charCodeAt(k)) return null;
    k++;
  }
  if (k !== value.length) return null;
  starts[k] = n - 1;
  return starts;
}

const DQ = 34;
const SQ = 39;
const BACKSLASH = 92;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
