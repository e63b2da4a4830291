/**
 * Edits that keep the file's own style (JSON strings stay JSON strings, plain YAML scalars stay
 * plain), and the checks every fix passes before it is offered: no edit may create a duplicate
 * key, touch a YAML anchor or alias (one edit there changes every place that uses it), or reach
 * outside the text.
 */
import { childOf, type Document } from '../parse/document.js';
import type { Fix, Path, TextEdit } from '../types.js';

const PLAIN_YAML = /^[A-Za-z_$][A-Za-z0-9_.$ -]*[A-Za-z0-9_.$]$|^[A-Za-z_$]$/;

function quoteLike(doc: Document, original: string, value: string): string {
  if (doc.format === 'yaml') {
    if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
    if (!original.startsWith('"') && PLAIN_YAML.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)) return value;
  }
  return JSON.stringify(value);
}

/** The plain value at `path`, or undefined. */
function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/**
 * Whether the object holding the member at `path` already has a member `key` (a rename to it
 * would write the key twice: JSON.parse keeps the last, AWS refuses the definition).
 */
export function siblingExists(doc: Document, path: Path, key: string): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(doc.value, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && Object.prototype.hasOwnProperty.call(parent, key)) return true;
  // YAML's tree too (built with the value anyway): a merge key, a duplicate the value folded away.
  // JSON's value holds every key (a duplicate is reported on its own), and its tree is built only
  // when an editor feature needs it: not here, on lint()'s path.
  if (doc.format !== 'yaml') return false;
  const found = doc.nodeAt(path.slice(0, -1));
  // childOf keeps an index of a big object's keys: one rename per member of a 10,000-member object stays linear.
  return !!found?.exact && found.node.type === 'object' && childOf(found.node, key) !== undefined;
}

/**
 * Whether the member at `path` is written where the path says: YAML's tree has it (a path through
 * an alias or a merge key does not resolve there); JSON's value has it.
 */
function writtenAt(doc: Document, path: Path): boolean {
  if (doc.format === 'yaml') return doc.nodeAt(path)?.exact === true;
  if (path.length === 0) return true;
  const parent = valueAt(doc.value, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]);
}

/** Renames the key of the member at `path`; undefined when the new key exists beside it or the member is not written where the path says. */
export function renameKeyEdit(doc: Document, path: Path, newKey: string): TextEdit | undefined {
  if (siblingExists(doc, path, newKey) || !writtenAt(doc, path)) return undefined;
  const span = doc.spanOf(path, 'key');
  return { ...span, newText: quoteLike(doc, doc.text.slice(span.offset, span.offset + span.length), newKey) };
}

/** Replaces the string value at `path`; undefined when the value is not written where the path says. */
export function replaceStringEdit(doc: Document, path: Path, value: string): TextEdit | undefined {
  if (!writtenAt(doc, path)) return undefined;
  const span = doc.spanOf(path, 'value');
  return { ...span, newText: quoteLike(doc, doc.text.slice(span.offset, span.offset + span.length), value) };
}

/** One fix of one edit, or none when the edit could not be built. */
export function fixOf(title: string, kind: Fix['kind'], edit: TextEdit | undefined): Fix | undefined {
  return edit ? { title, kind, edits: [edit] } : undefined;
}

/**
 * Whether a fix may be offered at all: its edits lie inside the text, do not overlap each other,
 * and touch no span the document marks shared (a YAML anchor's node or an alias).
 */
export function fixIsSound(doc: Document, fix: Fix): boolean {
  if (!Array.isArray(fix.edits) || fix.edits.length === 0) return false;
  const size = doc.text.length;
  const sorted = [...fix.edits].sort((a, b) => a.offset - b.offset);
  let end = -1;
  for (const e of sorted) {
    if (!(e.offset >= 0 && e.length >= 0 && e.offset + e.length <= size) || e.offset < end) return false;
    end = e.offset + e.length;
    if (touchesShared(doc.sharedSpans, e)) return false;
  }
  return true;
}

/** Shared spans are sorted and disjoint (Document merges them): a binary search finds the one that could touch. */
function touchesShared(shared: readonly { offset: number; length: number }[], e: TextEdit): boolean {
  const editEnd = e.offset + e.length;
  let lo = 0;
  let hi = shared.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = shared[mid];
    const sEnd = s.offset + s.length;
    // An insertion at either edge of a shared span counts as touching it (it would add to an anchored map).
    const touches = e.length === 0 ? e.offset >= s.offset && e.offset <= sEnd : e.offset < sEnd && s.offset < editEnd;
    if (touches) return true;
    if (sEnd < e.offset || (e.length > 0 && sEnd <= e.offset)) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
