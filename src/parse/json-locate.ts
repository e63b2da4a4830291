/**
 * Finds what a path names in a text already known to be valid JSON without building the node
 * tree: members before the one on the path are skipped (strings by a native search for their
 * closing quote, objects and arrays by bracket depth), nothing is allocated.
 *
 * Why: a diagnostic needs the range of one field. On a 2,000-state definition (930 KB) the whole
 * tree costs ~20 ms and ~5 MB of objects, most of the time an editor waited for a single
 * diagnostic; locating the field costs a fraction of a millisecond to a couple of milliseconds.
 * Document.spanOf uses it for every look-up while no tree has been built (an editor feature
 * builds one; then the tree answers).
 *
 * Only for text without duplicate keys: with duplicates, the value JSON.parse keeps is the last,
 * and the tree's look-up knows it (the caller checks).
 */
import type { Path, Span } from '../types.js';
import { C, closingQuote } from './json-chars.js';

function skipWhite(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === C.Space || c === C.Lf || c === C.Cr || c === C.Tab) i++;
    else return i;
  }
}

/** The offset just past the string starting (with its quote) at `i`. */
function endOfString(text: string, i: number): number {
  return closingQuote(text, i) + 1;
}

/** The offset just past the value starting at `i`. */
function endOfValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === C.Quote) return endOfString(text, i);
  if (c === C.OpenBrace || c === C.OpenBracket) {
    // From string to string with the native search; only the short stretches between strings
    // (punctuation, white space, numbers) are read a character at a time, for brackets.
    let depth = 0;
    let j = i;
    for (;;) {
      const quote = text.indexOf('"', j);
      const stop = quote < 0 ? text.length : quote;
      for (; j < stop; j++) {
        const d = text.charCodeAt(j);
        if (d === C.OpenBrace || d === C.OpenBracket) depth++;
        else if (d === C.CloseBrace || d === C.CloseBracket) {
          depth--;
          if (depth === 0) return j + 1;
        }
      }
      if (quote < 0) return text.length; // not reached for valid JSON
      j = endOfString(text, quote);
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

/** The string a key token text[start, end) (quotes included) stands for. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** An object's members met so far: key -> [key offset, key end, value offset]; where to go on. */
interface ObjectScan {
  members: Map<string, [number, number, number]>;
  /** Offset of the next member's key, -1 once the object is read to its end. */
  next: number;
}

/** An array's elements met so far (their offsets); where to go on. */
interface ArrayScan {
  starts: number[];
  next: number;
}

/**
 * Locates paths in one text (valid JSON, no duplicate keys), remembering what it has read: the
 * members of each object and the elements of each array on the way, and where each value it has
 * skipped ends. Any number of look-ups then reads each part of the text about once, however many
 * diagnostics a document has (the States object of 2,000 states is read once, not once per
 * diagnostic), and builds an index only of the objects on the paths, not a tree of everything.
 */
export class JsonLocator {
  private readonly objects = new Map<number, ObjectScan>();
  private readonly arrays = new Map<number, ArrayScan>();
  private readonly ends = new Map<number, number>();

  constructor(private readonly text: string) {}

  /**
   * The offset just past the value starting at `i` (remembered for strings, objects and arrays:
   * a long string full of `\"` escapes is as slow to cross as a large object, and thousands of
   * findings in one JSONata string asked for its end once each).
   */
  end(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c !== C.OpenBrace && c !== C.OpenBracket && c !== C.Quote) return endOfValue(this.text, i);
    let e = this.ends.get(i);
    if (e === undefined) {
      e = endOfValue(this.text, i);
      this.ends.set(i, e);
    }
    return e;
  }

  /** The member `name` of the object at `at`: [key offset, key end, value offset]. */
  private member(at: number, name: string): [number, number, number] | undefined {
    const text = this.text;
    let scan = this.objects.get(at);
    if (!scan) {
      const first = skipWhite(text, at + 1);
      scan = { members: new Map(), next: text.charCodeAt(first) === C.Quote ? first : -1 };
      this.objects.set(at, scan);
    }
    const known = scan.members.get(name);
    if (known) return known;
    while (scan.next >= 0) {
      const keyStart = scan.next;
      const keyEnd = endOfString(text, keyStart);
      const valueStart = skipWhite(text, skipWhite(text, keyEnd) + 1); // past the colon
      const entry: [number, number, number] = [keyStart, keyEnd, valueStart];
      const key = keyText(text, keyStart, keyEnd);
      scan.members.set(key, entry);
      const after = skipWhite(text, this.end(valueStart));
      scan.next = text.charCodeAt(after) === C.Comma ? skipWhite(text, after + 1) : -1;
      if (key === name) return entry;
    }
    return undefined;
  }

  /** The offset of element `index` of the array at `at`. */
  private element(at: number, index: number): number | undefined {
    const text = this.text;
    let scan = this.arrays.get(at);
    if (!scan) {
      const first = skipWhite(text, at + 1);
      scan = { starts: [], next: text.charCodeAt(first) === C.CloseBracket ? -1 : first };
      this.arrays.set(at, scan);
    }
    while (scan.starts.length <= index && scan.next >= 0) {
      const start = scan.next;
      scan.starts.push(start);
      const after = skipWhite(text, this.end(start));
      scan.next = text.charCodeAt(after) === C.Comma ? skipWhite(text, after + 1) : -1;
    }
    return scan.starts[index];
  }

  /**
   * The deepest value `path` reaches (all of it when `exact`): its offset, and when it is the
   * value of an object member, the member's key. Its end: `end(offset)`.
   */
  locate(path: Path): { offset: number; exact: boolean; key?: Span } {
    const text = this.text;
    let i = skipWhite(text, 0);
    let key: Span | undefined;
    for (const seg of path) {
      const c = text.charCodeAt(i);
      if (c === C.OpenBrace && typeof seg === 'string') {
        const m = this.member(i, seg);
        if (!m) return { offset: i, exact: false, key };
        key = { offset: m[0], length: m[1] - m[0] };
        i = m[2];
      } else if (c === C.OpenBracket && typeof seg === 'number') {
        const e = Number.isInteger(seg) && seg >= 0 ? this.element(i, seg) : undefined;
        if (e === undefined) return { offset: i, exact: false, key };
        key = undefined;
        i = e;
      } else {
        return { offset: i, exact: false, key };
      }
    }
    return { offset: i, exact: true, key };
  }

  /**
   * What Document.spanOf answers, from the text: the value `path` names, its key, or the whole
   * `"key": value` member; for a path that does not resolve, the key of the deepest existing
   * member (where a reader would add the rest), else the deepest value.
   */
  span(path: Path, part: 'value' | 'key' | 'member' = 'value'): Span {
    const found = this.locate(path);
    if (found.key && (found.exact ? part !== 'value' : true)) {
      return part === 'member' && found.exact ? { offset: found.key.offset, length: this.end(found.offset) - found.key.offset } : found.key;
    }
    return { offset: found.offset, length: this.end(found.offset) - found.offset };
  }
}
