/**
 * Edits that keep the file's own style (JSON strings stay JSON strings, plain YAML scalars stay
 * plain), and the checks every fix passes before it is offered: no edit may create a duplicate
 * key, touch a YAML anchor or alias (one edit there changes every place that uses it), or reach
 * outside the text. Rules build their fixes only through the Fixer (RuleContext.fixer); the
 * editor's rename and completion write names with the same scalarText.
 */
import { childOf, type Document } from '../parse/document.js';
import type { Fix, Path, TextEdit, Span } from '../types.js';
import { valueAt } from '../value-at.js';

/**
 * Who may apply a fix (see Fix.kind): 'fix' keeps the meaning (--fix, the editor's fix-all);
 * 'suggestion' changes what the workflow does or guesses the author's intent (--fix-type
 * suggestion, a quick fix); 'editor' one of several candidates, a quick fix in the editor only.
 */
type FixerKind = 'fix' | 'suggestion' | 'editor';

/** YAML 1.1 and 1.2 words a plain scalar would be read as (a boolean, null): written quoted. */
const YAML_SPECIAL = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;
/**
 * A plain YAML scalar that reads back as the same string, as a key or a value, in block or flow
 * context: starts with a letter, `_` or `$` (no indicator, no number), then no `:`, `#`, `,`,
 * brackets or quotes, and no trailing space.
 */
const YAML_PLAIN = /^[A-Za-z_$](?:[A-Za-z0-9_.$ /()-]*[A-Za-z0-9_.$/()-])?$/;

/**
 * A string as a scalar token of the document's format: JSON quotes it; YAML keeps the quoting of
 * the token it replaces ('single', "double"), and otherwise writes it plain where it reads back
 * as the same string, else double-quoted (JSON's escapes are YAML's).
 */
export function scalarText(doc: Document, value: string, replacing?: string): string {
  if (doc.format === 'json') return JSON.stringify(value);
  const quote = replacing?.[0];
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(value);
  return YAML_PLAIN.test(value) && !YAML_SPECIAL.test(value) ? value : JSON.stringify(value);
}

/** A value as a token of the document's format: strings through scalarText, the rest as JSON (also YAML flow). */
function valueText(doc: Document, value: unknown): string {
  return typeof value === 'string' ? scalarText(doc, value) : JSON.stringify(value);
}

/** The text of a token, as written. */
export function rawText(doc: Document, span: Span): string {
  return doc.text.slice(span.offset, span.offset + span.length);
}

/**
 * Whether the object holding the member at `path` already has a member `key` (a rename to it
 * would write the key twice: JSON.parse keeps the last, AWS refuses the definition).
 */
function siblingExists(doc: Document, path: Path, key: string): boolean {
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
function renameKeyEdit(doc: Document, path: Path, newKey: string): TextEdit | undefined {
  if (siblingExists(doc, path, newKey) || !writtenAt(doc, path)) return undefined;
  const span = doc.spanOf(path, 'key');
  return { ...span, newText: scalarText(doc, newKey, rawText(doc, span)) };
}

/** Replaces the string value at `path`; undefined when the value is not written where the path says. */
function replaceValueEdit(doc: Document, path: Path, value: string): TextEdit | undefined {
  if (!writtenAt(doc, path)) return undefined;
  const span = doc.spanOf(path, 'value');
  return { ...span, newText: scalarText(doc, value, rawText(doc, span)) };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/**
 * Adds `key: value` as the last member of the object at `objectPath`, with the indentation of its
 * other members; undefined when the object is not written there, or has the key already.
 */
function addMemberEdit(doc: Document, objectPath: Path, key: string, value: unknown): TextEdit | undefined {
  if (siblingExists(doc, [...objectPath, key], key)) return undefined;
  const found = doc.nodeAt(objectPath);
  if (!found?.exact || found.node.type !== 'object') return undefined;
  const obj = found.node;
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  const text = doc.text;
  const member = `${scalarText(doc, key)}: ${valueText(doc, value)}`;
  if (doc.format === 'json') {
    if (!last) return { offset: obj.offset + 1, length: 0, newText: member };
    const end = last.offset + last.length;
    const sameLine = !text.slice(obj.offset, end).includes('\n');
    const sep = sameLine ? ', ' : `,\n${indentOf(text, last.offset)}`;
    return { offset: end, length: 0, newText: `${sep}${member}` };
  }
  if (!last) return undefined;
  // Flow mapping `{Type: Pass}`: insert inside the braces.
  if (text[obj.offset] === '{') return { offset: last.offset + last.length, length: 0, newText: `, ${member}` };
  // Block mapping: a new line after the last member (and after its nested lines).
  const indent = indentOf(text, props[0].offset).replace(/-/g, ' ');
  const col = props[0].offset - lineStartOf(text, props[0].offset);
  const end = last.offset + last.length;
  const nl = text.indexOf('\n', end);
  const at = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const pad = indent.length === col ? indent : ' '.repeat(col);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset: at, length: 0, newText: `${eol}${pad}${member}` };
}

/**
 * Adds `key: value` before the first member of the object at `objectPath` (written on the first
 * member's line, which moves down in YAML); undefined when the object has no member or the key.
 */
function addFirstMemberEdit(doc: Document, objectPath: Path, key: string, value: unknown): TextEdit | undefined {
  const obj = valueAt(doc.value, objectPath);
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const firstKey = Object.keys(obj)[0];
  if (firstKey === undefined || siblingExists(doc, [...objectPath, firstKey], key) || !writtenAt(doc, [...objectPath, firstKey])) return undefined;
  const text = doc.text;
  const first = doc.spanOf([...objectPath, firstKey], 'key');
  const member = `${scalarText(doc, key)}: ${valueText(doc, value)}`;
  if (doc.format === 'yaml') {
    const indent = text.slice(lineStartOf(text, first.offset), first.offset);
    return { offset: first.offset, length: 0, newText: `${member}\n${/^\s*$/.test(indent) ? indent : ''}` };
  }
  const open = text.lastIndexOf('{', first.offset - 1);
  return { offset: first.offset, length: 0, newText: `${member},${text.slice(open + 1, first.offset) || ' '}` };
}

/**
 * Removes the member at `path`: in YAML its whole lines; in JSON the member, its comma and the
 * white space up to the next member (or the comma before it when it is the last one).
 */
function removeMemberEdit(doc: Document, path: Path): TextEdit | undefined {
  if (path.length === 0 || !writtenAt(doc, path)) return undefined;
  const text = doc.text;
  const member = doc.spanOf(path, 'member');
  let start = member.offset;
  let end = member.offset + member.length;
  if (doc.format === 'yaml') {
    start = lineStartOf(text, member.offset);
    const eol = text.indexOf('\n', end);
    end = eol < 0 ? text.length : eol + 1;
  } else {
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) end += after[0].length;
    else {
      const before = /,\s*$/.exec(text.slice(0, start));
      if (before) start -= before[0].length;
    }
  }
  return { offset: start, length: end - start, newText: '' };
}

/**
 * How rules write their fixes (RuleContext.fixer): each edit builder answers undefined when the
 * edit cannot be made safely (a key the object already has, a member not written where its path
 * says); `fix` makes a fix of its edits, or none when one of them could not be built. Every fix is
 * checked again (fixIsSound) before it is offered.
 */
export interface Fixer {
  /** Renames the key of the member at `path` (never onto a key the object already has). */
  renameKey(path: Path, newKey: string): TextEdit | undefined;
  /** Replaces the value at `path` with a string, quoted as the token it replaces. */
  replaceValue(path: Path, value: string): TextEdit | undefined;
  /** Adds a member to the object at `objectPath`: last (default), or first. `value`: a string or any JSON value. */
  addMember(objectPath: Path, key: string, value: unknown, at?: 'first' | 'last'): TextEdit | undefined;
  /** Removes the member at `path`. */
  removeMember(path: Path): TextEdit | undefined;
  /** A fix of `kind` made of `edits` (all or nothing): undefined when one could not be built. */
  fix(kind: FixerKind, title: string, ...edits: (TextEdit | undefined)[]): Fix | undefined;
}

export function fixerFor(doc: Document): Fixer {
  return {
    renameKey: (path, newKey) => renameKeyEdit(doc, path, newKey),
    replaceValue: (path, value) => replaceValueEdit(doc, path, value),
    addMember: (objectPath, key, value, at = 'last') => (at === 'first' ? addFirstMemberEdit : addMemberEdit)(doc, objectPath, key, value),
    removeMember: (path) => removeMemberEdit(doc, path),
    fix(kind, title, ...edits) {
      if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
      // Fix.kind absent: an editor-only quick fix.
      return kind === 'editor' ? { title, edits: edits as TextEdit[] } : { title, kind, edits: edits as TextEdit[] };
    },
  };
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
function touchesShared(shared: readonly Span[], e: TextEdit): boolean {
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
