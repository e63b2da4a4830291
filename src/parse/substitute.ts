/**
 * Text edits with an offset map back to the original text: how substituted or extracted
 * definitions keep diagnostics pointing at the bytes the user wrote.
 */
import { stringEndOnLine } from './json-chars.js';
import { placeholdersIn } from './placeholder.js';
import type { TextEdit } from '../types.js';
import { lastAtMost } from '../sorted.js';

/** Maps an offset in one text to an offset in another (the text it came from). */
export type OffsetMap = (offset: number) => number;

export const identity: OffsetMap = (o) => o;

/** Applies non-overlapping edits; returns the new text and a map from new offsets to old. */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; map: OffsetMap } {
  if (edits.length === 0) return { text, map: identity };
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let last = 0;
  // Segments: [newStart, oldStart, newEnd, isReplacement, oldLength]
  const segs: { newStart: number; oldStart: number; newLen: number; oldLen: number; replaced: boolean }[] = [];
  for (const e of sorted) {
    if (e.offset < last) continue; // overlapping: keep the first
    const keep = text.slice(last, e.offset);
    segs.push({ newStart: out.length, oldStart: last, newLen: keep.length, oldLen: keep.length, replaced: false });
    out += keep;
    segs.push({ newStart: out.length, oldStart: e.offset, newLen: e.newText.length, oldLen: e.length, replaced: true });
    out += e.newText;
    last = e.offset + e.length;
  }
  segs.push({ newStart: out.length, oldStart: last, newLen: text.length - last, oldLen: text.length - last, replaced: false });
  out += text.slice(last);
  const map: OffsetMap = (o) => {
    const s =
      segs[
        Math.max(
          0,
          lastAtMost(segs.length, (i) => segs[i].newStart, o),
        )
      ];
    const d = o - s.newStart;
    // Inside a replacement, point at the start of what it replaced (or its end, past it).
    if (s.replaced) return d >= s.newLen ? s.oldStart + s.oldLen : s.oldStart + Math.min(d, Math.max(0, s.oldLen - 1));
    return s.oldStart + d;
  };
  return { text: out, map };
}

export interface SubstituteResult {
  text: string;
  map: OffsetMap;
  /** Names used in the text that had no value (left as placeholders). */
  unknown: string[];
}

/**
 * Fills `${Name}` placeholders of a JSON text with known values, and quotes the unknown ones
 * that stand outside a string (`"TimeoutSeconds": ${T}`), so the text parses and the rules
 * see a placeholder string there. `${!Literal}` (CloudFormation's escape) is left alone.
 */
export function substituteJson(text: string, values: ReadonlyMap<string, string>): SubstituteResult {
  const edits: TextEdit[] = [];
  const unknown = new Set<string>();
  const inString = stringMask(text);
  for (const { offset: at, text: whole, name } of placeholdersIn(text)) {
    if (name.startsWith('!')) continue;
    const known = values.get(name);
    const quoted = inString(at);
    if (known !== undefined) {
      // Inside a JSON string the value must be escaped as string content; outside, it is raw JSON.
      edits.push({ offset: at, length: whole.length, newText: quoted ? JSON.stringify(known).slice(1, -1) : known });
    } else {
      unknown.add(name);
      if (!quoted) edits.push({ offset: at, length: whole.length, newText: JSON.stringify(whole) });
    }
  }
  const r = applyEdits(text, edits);
  return { ...r, unknown: [...unknown] };
}

/** Whether an offset lies inside a JSON string literal (a tolerant scan: the text may not be valid JSON yet). */
function stringMask(text: string): (offset: number) => boolean {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 34) continue;
    const start = i;
    i = stringEndOnLine(text, start);
    starts.push(start);
    ends.push(i);
  }
  return (o) => {
    const i = lastAtMost(starts.length, (k) => starts[k], o);
    return i >= 0 && o > starts[i] && o < ends[i];
  };
}
