/**
 * What the cursor is on, in the terms of the JSON value: a key or a value at a path. Hover,
 * definition and rename ask `tokenAt` (an existing token under the cursor); completion asks
 * `completionSite` (where something is being typed, which may not parse yet).
 */
import type { Document, TreeNode } from '../parse/document.js';
import { pathOf } from '../parse/document.js';
import { jsonc } from '../parse/jsonc.js';
import { stringEndOnLine } from '../parse/json-chars.js';
import type { Path, PathSegment, Span } from '../types.js';

export interface Token {
  /** The key of a member, or a value. */
  part: 'key' | 'value';
  /** For a key: the member's path (object path + key). For a value: the value's path. */
  path: Path;
  node: TreeNode;
  span: Span;
}

/** The key or scalar value under the cursor, from the Document's tree. */
export function tokenAt(doc: Document, offset: number): Token | undefined {
  const tree = doc.tree();
  if (!tree) return undefined;
  const node = jsonc.findNodeAtOffset(tree, offset, true);
  if (!node || node.type === 'object' || node.type === 'array' || node.type === 'property') return undefined;
  const prop = node.parent?.type === 'property' ? node.parent : undefined;
  if (prop && prop.children?.[0] === node) {
    const objectPath = prop.parent ? pathOf(prop.parent) : [];
    return { part: 'key', path: [...objectPath, String(node.value)], node, span: { offset: node.offset, length: node.length } };
  }
  return { part: 'value', path: pathOf(node), node, span: { offset: node.offset, length: node.length } };
}

export type CompletionSite =
  | {
      kind: 'key';
      /** The object a key is being typed into. */
      objectPath: Path;
      /** The text to replace (the partial key typed so far, with its quotes in JSON). */
      replace: Span;
      /** The partial key (without quotes). */
      typed: string;
      /** JSON: a colon already follows the key, so insert the key only. YAML: same with ':'. */
      hasValue: boolean;
      /** JSON: another member follows, so the inserted member needs a trailing comma. */
      needsComma: boolean;
      /** Keys already present in the object. */
      present: Set<string>;
      /** YAML: the column keys of this object start at (for multi-line snippets). */
      indent: string;
    }
  | {
      kind: 'value';
      /** The path of the value being typed (a member's value or an array item). */
      path: Path;
      replace: Span;
      /** The partial value (without quotes), from its start to the cursor. */
      typed: string;
      /** The value is a JSON string (or a quoted YAML scalar) and the cursor is inside it. */
      inString: boolean;
      /** Where the string's content starts (after the quote), when inString. */
      contentOffset: number;
    };

export function completionSite(doc: Document, offset: number): CompletionSite | undefined {
  return doc.format === 'yaml' ? yamlSite(doc.text, offset) : jsonSite(doc, offset);
}

// ---------------------------------------------------------------------------------------------
// JSON: from jsonc-parser's error-tolerant tree, which Document builds for text with errors too.

function jsonSite(doc: Document, offset: number): CompletionSite | undefined {
  const tree = doc.tree();
  const text = doc.text;
  if (!tree) return undefined;
  const node = jsonc.findNodeAtOffset(tree, offset, true);
  if (!node) return undefined;
  // Strictly inside a finished object or array, on its brackets: nothing to complete there.
  if ((node.type === 'object' || node.type === 'array') && (offset <= node.offset || (offset >= node.offset + node.length && isClosed(text, node)))) {
    return undefined;
  }
  if (node.type === 'object') return keySite(text, node, { offset, length: 0 }, '');
  if (node.type === 'property') {
    const colon = node.colonOffset;
    if (colon !== undefined && offset > colon) {
      const value = node.children?.[1];
      if (value && offset >= value.offset && offset <= value.offset + value.length) return valueSite(text, value, offset);
      return { kind: 'value', path: [...pathOf(node.parent!), String(node.children![0].value)], replace: { offset, length: 0 }, typed: '', inString: false, contentOffset: offset };
    }
    const key = node.children?.[0];
    if (key && offset <= key.offset + key.length) return keyAt(text, key, offset);
    return undefined;
  }
  if (node.type === 'array') return { kind: 'value', path: [...pathOf(node), indexAt(node, offset)], replace: { offset, length: 0 }, typed: '', inString: false, contentOffset: offset };
  const prop = node.parent?.type === 'property' ? node.parent : undefined;
  if (prop && prop.children?.[0] === node) return keyAt(text, node, offset);
  return valueSite(text, node, offset);
}

function keyAt(text: string, key: TreeNode, offset: number): CompletionSite {
  const prop = key.parent!;
  const replace = tokenSpan(text, key, offset);
  const typed = text.slice(key.offset + 1, offset);
  return keySite(text, prop.parent!, replace, typed, prop.colonOffset !== undefined, prop);
}

function keySite(text: string, obj: TreeNode, replace: Span, typed: string, hasValue = false, self?: TreeNode): CompletionSite {
  const present = new Set<string>();
  for (const p of obj.children ?? []) {
    if (p !== self && p.children?.[0]) present.add(String(p.children[0].value));
  }
  // A member after the cursor needs a comma after what is inserted.
  const after = nextSignificant(text, replace.offset + replace.length);
  const needsComma = !hasValue && after === '"';
  return { kind: 'key', objectPath: pathOf(obj), replace, typed, hasValue, needsComma, present, indent: '' };
}

function valueSite(text: string, node: TreeNode, offset: number): CompletionSite {
  const path = pathOf(node);
  if (node.type === 'string') {
    const replace = tokenSpan(text, node, offset);
    const inString = offset > node.offset;
    return { kind: 'value', path, replace, typed: text.slice(node.offset + 1, offset), inString, contentOffset: node.offset + 1 };
  }
  const replace = { offset: node.offset, length: node.length };
  return { kind: 'value', path, replace, typed: text.slice(node.offset, offset), inString: false, contentOffset: node.offset };
}

/** A string token's span; an unterminated one (still being typed) ends at the cursor. */
function tokenSpan(text: string, node: TreeNode, offset: number): Span {
  const raw = text.slice(node.offset, node.offset + node.length);
  // Closed when the string's own closing quote is its last character: `"a\\"` is closed, `"a\"` is not.
  const closed = raw.length >= 2 && raw.charCodeAt(0) === 34 && stringEndOnLine(raw, 0) === raw.length - 1;
  if (closed && !raw.includes('\n')) return { offset: node.offset, length: node.length };
  return { offset: node.offset, length: Math.max(0, offset - node.offset) };
}

function isClosed(text: string, node: TreeNode): boolean {
  const last = text[node.offset + node.length - 1];
  return node.type === 'object' ? last === '}' : last === ']';
}

function indexAt(arr: TreeNode, offset: number): number {
  const items = arr.children ?? [];
  let i = 0;
  while (i < items.length && items[i].offset + items[i].length < offset) i++;
  return i;
}

function nextSignificant(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n' && c !== ',') return c;
    if (c === ',') return ',';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// YAML: from the lines above the cursor (indentation and `- ` markers). Half-typed YAML rarely
// parses (`    Ne` has no colon yet), and block YAML's structure is in its indentation anyway.

interface Line {
  /** Column of the content after indentation and any `- ` markers. */
  col: number;
  /** Columns of the `- ` markers on the line. */
  dashes: number[];
  /** The key, when the content is `key:` or `key: value`. */
  key: string | undefined;
  /** The text after `key:` (trimmed). */
  rest: string;
}

const YAML_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^:#]*?|)\s*:(?:\s+(.*)|$)/;

function readLine(raw: string): Line | undefined {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (raw[i] === ' ') i++;
    if (raw[i] === '-' && (raw[i + 1] === ' ' || i + 1 === raw.length)) {
      dashes.push(i);
      i += 1;
      continue;
    }
    break;
  }
  const content = raw.slice(i);
  if (content.trim() === '' && dashes.length === 0) return undefined;
  if (content.startsWith('#')) return undefined;
  const m = YAML_KEY.exec(content);
  const key = m ? unquoteYaml(m[1].trim()) : undefined;
  return { col: i, dashes, key, rest: m ? (m[2] ?? '').trim() : content.trim() };
}

function unquoteYaml(s: string): string {
  if (s.startsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.startsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

function yamlSite(text: string, offset: number): CompletionSite | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = lineText.slice(0, offset - lineStart);
  if (before.includes('#')) return undefined;

  // The cursor line: `<indent>[- ]partial` (a key) or `<indent>[- ]key: partial` (a value).
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (before[i] === ' ') i++;
    if (before[i] === '-' && before[i + 1] === ' ') {
      dashes.push(i);
      i += 1;
      continue;
    }
    break;
  }
  const col = i;
  const content = before.slice(col);
  const m = YAML_KEY.exec(content);
  const parentPath = yamlParentPath(text, lineStart, col, dashes);
  if (!parentPath) return undefined;
  if (m && m[2] !== undefined) {
    // key: value (the value being typed starts after ': ')
    const key = unquoteYaml(m[1].trim());
    const valueStart = lineStart + col + content.length - m[2].length;
    const afterCursor = lineText.slice(offset - lineStart).match(/^[^\s#,\]}]*/)?.[0] ?? '';
    const typedRaw = text.slice(valueStart, offset);
    const quote = typedRaw[0] === '"' || typedRaw[0] === "'" ? typedRaw[0] : '';
    const closing = quote && afterCursor.endsWith(quote) ? afterCursor.length : quote ? 0 : afterCursor.length;
    return {
      kind: 'value',
      path: [...parentPath, key],
      replace: { offset: valueStart, length: offset - valueStart + closing },
      typed: quote ? typedRaw.slice(1) : typedRaw,
      inString: quote !== '',
      contentOffset: valueStart + (quote ? 1 : 0),
    };
  }
  if (/^[^\s:#'"{[]*$/.test(content) || /^"[^"]*$/.test(content)) {
    // A key being typed (or nothing yet, on an indented line).
    const wordEnd = lineText.slice(offset - lineStart).match(/^[^\s:]*/)?.[0].length ?? 0;
    const hasColon = /^[^\s:]*\s*:/.test(lineText.slice(offset - lineStart));
    const present = yamlSiblingKeys(text, lineStart, col, dashes.length > 0);
    return {
      kind: 'key',
      objectPath: parentPath,
      replace: { offset: lineStart + col, length: offset - lineStart - col + wordEnd },
      typed: content.replace(/^"/, ''),
      hasValue: hasColon,
      needsComma: false,
      present,
      indent: ' '.repeat(col),
    };
  }
  return undefined;
}

/**
 * The path of the mapping a line at column `col` belongs to, walking up the lines above.
 * `dashes` are the `- ` markers on the cursor line itself (it starts a new sequence item).
 */
function yamlParentPath(text: string, lineStart: number, col: number, dashes: number[]): Path | undefined {
  const path: PathSegment[] = [];
  let target = col;
  // The cursor line starts a sequence item: its index counts the items above at the dash column.
  let pendingSeq: number | undefined = dashes.length ? dashes[dashes.length - 1] : undefined;
  let seqIndex = 0;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = readLine(text.slice(start, end).replace(/\r$/, ''));
    end = start - 1;
    if (!line) continue;
    if (pendingSeq !== undefined) {
      // Looking for the key that owns a sequence at column pendingSeq, counting its items.
      if (line.dashes.includes(pendingSeq)) {
        seqIndex++;
        continue;
      }
      if (line.col > pendingSeq) continue; // inside an earlier item
      if (line.key !== undefined && line.rest === '') {
        path.unshift(seqIndex);
        path.unshift(line.key);
        pendingSeq = undefined;
        seqIndex = 0;
        target = line.col;
        if (line.dashes.length) {
          pendingSeq = line.dashes[line.dashes.length - 1];
          seqIndex = 0;
        }
        continue;
      }
      return undefined;
    }
    if (line.col === target && line.dashes.length && line.dashes[line.dashes.length - 1] < target) {
      // The first line of the sequence item this mapping is in.
      pendingSeq = line.dashes[line.dashes.length - 1];
      seqIndex = 0;
      continue;
    }
    if (line.col >= target) continue; // a sibling, or deeper lines of a sibling
    if (line.key !== undefined && line.rest === '') {
      path.unshift(line.key);
      target = line.col;
      if (line.dashes.length) {
        pendingSeq = line.dashes[line.dashes.length - 1];
        seqIndex = 0;
      }
      continue;
    }
    return undefined;
  }
  if (pendingSeq !== undefined) return undefined;
  return path;
}

/** The keys of the mapping the cursor line is in (same column, same block). */
function yamlSiblingKeys(text: string, lineStart: number, col: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  const lines = text.split('\n');
  const cursorLine = text.slice(0, lineStart).split('\n').length - 1;
  const scan = (from: number, step: number) => {
    for (let n = from; n >= 0 && n < lines.length; n += step) {
      const line = readLine(lines[n].replace(/\r$/, ''));
      if (!line) continue;
      if (line.col < col) break;
      if (line.col > col) continue;
      if (line.dashes.length && line.dashes[line.dashes.length - 1] < col) {
        // Another item's first line: the boundary of this mapping.
        if (step < 0 && line.key !== undefined) keys.add(line.key);
        break;
      }
      if (line.key !== undefined) keys.add(line.key);
    }
  };
  if (!startsItem) scan(cursorLine - 1, -1);
  scan(cursorLine + 1, 1);
  return keys;
}
