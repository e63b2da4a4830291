/**
 * Ranges inside a string value: a JSONata syntax error at character 12 of an expression, an
 * unknown intrinsic function name. The value rules read is the decoded string; the document
 * holds it with quotes and escapes (`\"`, `\n`, `\u00e9` in JSON; `''` in single-quoted YAML),
 * so character positions are mapped through the escapes. When the mapping is not possible (a
 * YAML block scalar, a folded string) the whole value is the range.
 */
import type { Document } from '../parse/document.js';
import type { Path } from '../types.js';

export interface Span {
  offset: number;
  length: number;
}

/** The document span of characters [start, end) of the string at `path` (decoded positions). */
export function stringSpan(doc: Document, path: Path, value: string, start: number, end: number): Span {
  const whole = doc.spanOf(path);
  const raw = doc.text.slice(whole.offset, whole.offset + whole.length);
  const map = rawOffsets(raw, value);
  if (!map) return whole;
  const s = Math.max(0, Math.min(start, value.length));
  const e = Math.max(s, Math.min(end, value.length));
  const from = whole.offset + map(s);
  const to = whole.offset + map(e);
  return { offset: from, length: Math.max(0, to - from) };
}

/**
 * A function from a decoded index to an offset in `raw`, or undefined when `raw` is not a
 * quoted or plain rendering of `value` that can be followed character by character.
 */
function rawOffsets(raw: string, value: string): ((index: number) => number) | undefined {
  if (raw.length === 0) return undefined;
  const q = raw[0];
  if (q !== '"' && q !== "'") {
    // A plain (unquoted YAML) scalar: positions map one to one when the text is the value.
    return raw === value ? (i) => i : undefined;
  }
  // Walk the quoted text, recording where each decoded UTF-16 unit starts.
  const starts: number[] = [];
  let i = 1;
  let decoded = '';
  while (i < raw.length - 1) {
    const c = raw[i];
    starts.push(i);
    if (q === '"' && c === '\\') {
      const n = raw[i + 1];
      if (n === 'u') {
        decoded += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        decoded += ESCAPES[n] ?? n;
        i += 2;
      }
    } else if (q === "'" && c === "'" && raw[i + 1] === "'") {
      decoded += "'";
      i += 2;
    } else {
      decoded += c;
      i += 1;
    }
  }
  if (decoded !== value) return undefined;
  starts.push(raw.length - 1);
  return (index) => starts[index];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
