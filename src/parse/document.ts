/**
 * The parsed text: the plain JSON value every rule reads, the ranges of what a path names
 * (`spanOf`), and a node tree with offsets for the editor's features.
 *
 * Why lazy: a tree with offsets costs several times `JSON.parse`, and a valid definition — the
 * common CI case — needs no position at all. So JSON is parsed by the engine's native
 * `JSON.parse`; a diagnostic's range is read from the text along its path (json-locate.ts), with
 * no tree. The tree (json-tree.ts for valid JSON, jsonc-parser's tolerant parser for text that
 * does not parse) is built on the first call of `tree()`: an editor feature (hover, completion,
 * rename...), `nodeAt`, text that does not parse, or duplicate keys (found when the key count of
 * the text and of the value differ). Once built, the tree answers `spanOf` too.
 * YAML builds its tree eagerly (the yaml package produces one anyway).
 */
import type { Node as TreeNode } from 'jsonc-parser';
import type { Path, PathSegment, Position, Range, Span } from '../types.js';
import { countJsonKeys } from './json-chars.js';
import { getJsonTree, validJsonTree } from './json-tree.js';
import { JsonLocator } from './json-locate.js';
import { perObject } from '../memo.js';
import { lastAtMost } from '../sorted.js';

export type { TreeNode };
export type DocumentFormat = 'json' | 'yaml';

export interface SyntaxProblem {
  message: string;
  offset: number;
  length: number;
}

export interface DuplicateKey {
  /** Path of the object holding the key twice. */
  path: Path;
  key: string;
  /** Offset/length of the second (and later) occurrence of the key. */
  offset: number;
  length: number;
}

/** positionAt counts line feeds for this many positions, then builds the index of line starts. */
const COUNT_LINES_BEFORE_INDEX = 4;

/** Values nested deeper than this are refused (TOO_DEEPLY_NESTED) before any rule walks them. */
export const MAX_JSON_DEPTH = 512;

export interface DocumentInit {
  text: string;
  format: DocumentFormat;
  value: unknown;
  parsed: boolean;
  syntaxErrors: SyntaxProblem[];
  duplicateKeys?: DuplicateKey[];
  tree?: TreeNode;
  tooDeep?: boolean;
  /** The length limit the text exceeded: it was refused before parsing. */
  tooLarge?: number;
  /** Object keys in `value`, when the parser counted them (JSON: for duplicate detection). */
  valueKeys?: number;
  /** The length of the definition AWS would receive, when the document is a view on a larger text (a template). */
  definitionLength?: number;
  /** Spans no fix may edit: YAML anchored nodes and aliases (one edit there changes every place that uses them). */
  shared?: readonly Span[];
}

export class Document {
  readonly text: string;
  readonly format: DocumentFormat;
  /** The plain value (undefined when the text does not parse). */
  readonly value: unknown;
  /** True when the text parsed into a value. */
  readonly parsed: boolean;
  readonly syntaxErrors: SyntaxProblem[];
  /** Nesting deeper than MAX_JSON_DEPTH. */
  readonly tooDeep: boolean;
  /** The length limit (ParseOptions.maxLength) the text exceeded, when it was refused unread. */
  readonly tooLarge: number | undefined;
  /** The length of the definition AWS would receive: the text's, or for a view on a template the definition's own. */
  readonly definitionLength: number;
  private dupKeys: DuplicateKey[] | undefined;
  private readonly valueKeys: number | undefined;
  private treeCache: TreeNode | undefined | null;
  private lineStarts: number[] | undefined;
  /** Positions answered by counting lines, before the line index was built. */
  private countedLines = 0;
  private hasCarriageReturn: boolean | undefined;
  /** Answers spanOf from the text while there is no tree. */
  private locator: JsonLocator | undefined;
  /** Sorted, disjoint: see sharedSpans. */
  private readonly shared: readonly Span[];

  constructor(init: DocumentInit) {
    this.text = init.text;
    this.format = init.format;
    this.value = init.value;
    this.parsed = init.parsed;
    this.syntaxErrors = init.syntaxErrors.map((e) => withinText(e, init.text.length));
    this.dupKeys = init.duplicateKeys;
    this.valueKeys = init.valueKeys;
    this.treeCache = init.tree ?? null;
    this.tooDeep = init.tooDeep ?? false;
    this.tooLarge = init.tooLarge;
    this.definitionLength = init.definitionLength ?? init.text.length;
    this.shared = mergeSpans(init.shared);
  }

  /** Spans no fix may edit (YAML anchors and aliases), sorted and disjoint. */
  get sharedSpans(): readonly Span[] {
    return this.shared;
  }

  /** True when the text is empty or only white space. */
  get isBlank(): boolean {
    return this.text.trim().length === 0;
  }

  /** The node tree with offsets (built on first use for JSON). */
  tree(): TreeNode | undefined {
    if (this.treeCache === null) {
      // Text JSON.parse accepted takes the fast path; text with errors the tolerant parser.
      this.treeCache = this.format === 'json' ? (this.parsed ? validJsonTree(this.text) : getJsonTree(this.text)) : undefined;
    }
    return this.treeCache;
  }

  /** Keys that appear twice in one object, anywhere in the document. */
  get duplicateKeys(): DuplicateKey[] {
    if (this.dupKeys === undefined) {
      this.dupKeys = [];
      if (this.parsed && this.format === 'json') {
        // Counting is cheap; only when the counts disagree is the tree built to find them.
        const inText = countJsonKeys(this.text);
        const inValue = this.valueKeys ?? countValueKeys(this.value, 0);
        if (inText !== inValue) this.dupKeys = findDuplicateKeys(this.tree());
      }
    }
    return this.dupKeys;
  }

  /** The node at a path, or the deepest existing ancestor when the path does not resolve fully. */
  nodeAt(path: Path): { node: TreeNode; exact: boolean } | undefined {
    let node = this.tree();
    if (!node) return undefined;
    for (const seg of path) {
      const child = childOf(node, seg);
      if (!child) return { node, exact: false };
      node = child;
    }
    return { node, exact: true };
  }

  /**
   * Offsets of what a path names: its value, its key (for object members), or the whole
   * `"key": value` member.
   */
  spanOf(path: Path, part: 'value' | 'key' | 'member' = 'value'): Span {
    if (this.treeCache === null && this.parsed && this.format === 'json' && this.duplicateKeys.length === 0) {
      // Ranges come from reading the text along the path (json-locate.ts), not from the node tree
      // (~20 ms and ~5 MB of objects for 2,000 states, most of the time a diagnostic waited for).
      // Once an editor feature has built the tree, the tree answers.
      return (this.locator ??= new JsonLocator(this.text)).span(path, part);
    }
    const found = this.nodeAt(path);
    if (!found) return { offset: 0, length: 0 };
    const { node, exact } = found;
    if (exact && part !== 'value' && node.parent?.type === 'property') {
      const prop = node.parent;
      if (part === 'key') return { offset: prop.children![0].offset, length: prop.children![0].length };
      return { offset: prop.offset, length: prop.length };
    }
    if (!exact) {
      // The path's tail does not exist (e.g. a required field that is missing): point at the
      // key of the deepest existing member, which is where a reader would add it.
      const prop = node.parent?.type === 'property' ? node.parent : undefined;
      if (prop) return { offset: prop.children![0].offset, length: prop.children![0].length };
    }
    return { offset: node.offset, length: node.length };
  }

  positionAt(offset: number): Position {
    if (!this.lineStarts && this.countedLines < COUNT_LINES_BEFORE_INDEX && !(this.hasCarriageReturn ??= this.text.includes('\r'))) {
      // The first few positions (a document with one or two diagnostics) count line feeds up to
      // the offset; the index of every line start (an array of ~400,000 numbers for 9 MB) is built
      // once more positions are asked for.
      this.countedLines++;
      const t = this.text;
      const end = Math.min(Math.max(0, offset), t.length);
      let line = 0;
      let start = 0;
      for (let i = t.indexOf('\n'); i >= 0 && i < end; i = t.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
      }
      return { line, character: offset - start };
    }
    const starts = this.getLineStarts();
    // Line 0 starts at 0: an offset before it (negative) is on line 0 too.
    const line = Math.max(
      0,
      lastAtMost(starts.length, (i) => starts[i], offset),
    );
    return { line, character: offset - starts[line] };
  }

  offsetAt(pos: Position): number {
    const starts = this.getLineStarts();
    if (pos.line >= starts.length) return this.text.length;
    const line = Math.max(0, pos.line);
    const end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return Math.min(starts[line] + Math.max(0, pos.character), end);
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  /** Offsets where each line starts (built once, shared by every position look-up and the directives). */
  getLineStarts(): readonly number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      if (!t.includes('\r')) {
        // The common case: the native search finds line feeds many times faster than a loop.
        for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
        return (this.lineStarts = starts);
      }
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (t.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

/**
 * Parsers place errors at the end of the text past it: the yaml package an unclosed quote at
 * [length, length + 1], jsonc-parser an unclosed comment with its missing end counted.
 */
function withinText(e: SyntaxProblem, textLength: number): SyntaxProblem {
  const offset = Math.min(Math.max(0, e.offset), textLength);
  const length = Math.min(Math.max(0, e.length), textLength - offset);
  return offset === e.offset && length === e.length ? e : { ...e, offset, length };
}

/** Key -> value node of large objects (a States object of 2,000 states), built on first look-up. */
const keyIndex = perObject((node: TreeNode) => {
  const index = new Map<string, TreeNode>();
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value;
    if (typeof key === 'string' && prop.children![1]) index.set(key, prop.children![1]); // the last occurrence wins
  }
  return index;
});
const INDEX_FROM = 16;

export function childOf(node: TreeNode, seg: PathSegment): TreeNode | undefined {
  if (node.type === 'object' && typeof seg === 'string') {
    const props = node.children ?? [];
    if (props.length >= INDEX_FROM) {
      // A diagnostic per state would otherwise scan the States object once each: quadratic.
      return keyIndex(node).get(seg);
    }
    // The last occurrence wins, as in JSON.parse.
    let found: TreeNode | undefined;
    for (const prop of props) {
      if (prop.children?.[0]?.value === seg && prop.children[1]) found = prop.children[1];
    }
    return found;
  }
  if (node.type === 'array' && typeof seg === 'number') return node.children?.[seg];
  return undefined;
}

/** The path from the root to a node. */
export function pathOf(node: TreeNode): PathSegment[] {
  const path: PathSegment[] = [];
  let cur: TreeNode | undefined = node;
  while (cur?.parent) {
    const parent: TreeNode = cur.parent;
    if (parent.type === 'property') {
      if (parent.children?.[1] === cur) path.unshift(parent.children[0].value as string);
      cur = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children!.indexOf(cur));
      cur = parent;
    } else {
      cur = parent;
    }
  }
  return path;
}

function countValueKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const v of value) n += countValueKeys(v, depth + 1);
  } else {
    for (const k in value as Record<string, unknown>) {
      n += 1 + countValueKeys((value as Record<string, unknown>)[k], depth + 1);
    }
  }
  return n;
}

function findDuplicateKeys(root: TreeNode | undefined): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const walk = (node: TreeNode, depth: number): void => {
    if (depth > MAX_JSON_DEPTH) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode) continue;
        const key = keyNode.value as string;
        if (seen.has(key)) {
          out.push({ path: pathOf(node), key, offset: keyNode.offset, length: keyNode.length });
        }
        seen.add(key);
        if (prop.children?.[1]) walk(prop.children[1], depth + 1);
      }
    } else if (node.type === 'array') {
      for (const c of node.children ?? []) walk(c, depth + 1);
    }
  };
  if (root) walk(root, 0);
  return out;
}

/** Sorted, overlapping spans merged. */
function mergeSpans(spans: readonly Span[] | undefined): Span[] {
  if (!spans?.length) return [];
  const sorted = [...spans].sort((a, b) => a.offset - b.offset);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.offset <= last.offset + last.length) last.length = Math.max(last.length, s.offset + s.length - last.offset);
    else out.push({ offset: s.offset, length: s.length });
  }
  return out;
}
