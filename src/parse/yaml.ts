/** YAML (`*.asl.yaml`, templates): parsed with the yaml package into the same node tree and value as JSON. */
import { lazyPackage } from '../lazy.js';
import type * as YamlLib from 'yaml';
import type { Node as YamlNode, Document as YamlDocument } from 'yaml';
import type { Node as TreeNode } from 'jsonc-parser';
import { Document, MAX_JSON_DEPTH, type DuplicateKey, type SyntaxProblem, pathOf } from './document.js';
import { setOwn } from './own.js';
import type { Span } from '../types.js';

// The yaml package takes longer to load than a whole lint of a JSON definition takes to run
// (about 70 ms of the CLI's cold start), and most definitions are JSON: load it (its CommonJS
// build, synchronously) on the first YAML text.
const yaml = lazyPackage<typeof YamlLib>('yaml');
const isMap = ((n: unknown) => yaml().isMap(n)) as typeof YamlLib.isMap;
const isSeq = ((n: unknown) => yaml().isSeq(n)) as typeof YamlLib.isSeq;
const isScalar = ((n: unknown) => yaml().isScalar(n)) as typeof YamlLib.isScalar;
const isAlias = ((n: unknown) => yaml().isAlias(n)) as typeof YamlLib.isAlias;
const isPair = ((n: unknown) => yaml().isPair(n)) as typeof YamlLib.isPair;

export interface YamlOptions {
  /**
   * Read CloudFormation's short-form tags (`!Sub`, `!GetAtt`, `!Ref`, `!Join` ...) as the long
   * form (`{"Fn::Sub": ...}`), as CloudFormation does.
   */
  cloudFormationTags?: boolean;
}

/**
 * Values that aliases may add to a document, in total (each alias adds a copy of the value its
 * anchor names, all of that value's nested values counted). A definition AWS accepts is at most
 * 1 MiB of JSON, which holds about half a million values at the most, so no deployable
 * definition comes near it; a "billion laughs" document (a 230 KB list of 100,000 items, aliased
 * 10,000 times) is refused after copying this many instead of growing to gigabytes.
 */
const MAX_ALIAS_VALUES = 1_000_000;

export function parseYaml(text: string, options: YamlOptions = {}): Document {
  let ydoc: YamlDocument.Parsed;
  try {
    // yaml's parseDocument in its two public steps, the depth measured in between: the CST
    // parser keeps its own stack, the composer recurses once per level, and past about a
    // thousand levels V8 may abort the whole process there ("RegExpCompiler Allocation
    // failed"), not throw a RangeError that could be caught. The lexer is ours (lenientLexer).
    const parser = new (yaml().Parser)();
    const tokens: YamlLib.CST.Token[] = [];
    for (const lexeme of new (lenientLexer())().lex(text)) tokens.push(...parser.next(lexeme));
    tokens.push(...parser.end());
    if (cstDepthExceeds(tokens, MAX_JSON_DEPTH)) return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [], tooDeep: true });
    ydoc = composeFirst(tokens, text.length);
    tokens.length = 0; // the CST is not needed past this point: let it be collected during the conversion
  } catch (err) {
    return failed(text, { message: `YAML could not be read: ${firstLine((err as Error).message)}`, offset: 0, length: 0 });
  }
  const syntaxErrors: SyntaxProblem[] = [];
  for (const e of ydoc.errors) {
    const [start, end] = e.pos;
    syntaxErrors.push({ message: firstLine(e.message), offset: start, length: Math.max(1, end - start) });
  }
  if (syntaxErrors.length) return failed(text, syntaxErrors[0]);

  const conv = new Converter(options);
  let tree: TreeNode | undefined;
  let value: unknown = null;
  try {
    if (ydoc.contents) {
      const r = conv.convert(ydoc.contents as YamlNode, undefined, 0);
      tree = r.node;
      value = r.value;
    }
  } catch (err) {
    if (err instanceof RangeError) return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [], tooDeep: true });
    if (err instanceof AliasProblem) return failed(text, err.problem);
    return failed(text, { message: `YAML could not be read: ${firstLine((err as Error).message)}`, offset: 0, length: 0 });
  }
  const duplicateKeys: DuplicateKey[] = conv.duplicates.map((keyNode) => ({
    path: pathOf(keyNode.parent!.parent!),
    key: String(keyNode.value),
    offset: keyNode.offset,
    length: keyNode.length,
  }));
  return new Document({ text, format: 'yaml', value, parsed: true, syntaxErrors: [], duplicateKeys, tree, shared: conv.shared });
}

/** The first document of the stream, with an error where a second one starts (as parseDocument does). */
function composeFirst(tokens: YamlLib.CST.Token[], length: number): YamlDocument.Parsed {
  // Duplicate keys are found by the conversion, in one pass: the yaml package's own check
  // (uniqueKeys) compares every key of a map with every other, quadratic in a States map.
  const composer = new (yaml().Composer)({ uniqueKeys: false, strict: true, merge: false });
  let first: YamlDocument.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, length)) {
    if (first) {
      first.errors.push(new (yaml().YAMLParseError)([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'A second YAML document starts here, but a definition is a single document'));
      break;
    }
    first = doc;
  }
  return first!; // compose(..., forceDoc = true) yields at least one document
}

/** Whether the CST nests collections deeper than `limit` (walked with a stack of its own). */
function cstDepthExceeds(tokens: YamlLib.CST.Token[], limit: number): boolean {
  const stack: [YamlLib.CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (depth > limit) return true;
    if (t.type === 'document') stack.push([t.value, depth]);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const item of t.items) {
        if ('key' in item) stack.push([item.key ?? undefined, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return false;
}

function failed(text: string, problem: SyntaxProblem): Document {
  return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [problem] });
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** CloudFormation short-form tag -> long-form key. */
function cfnKey(tag: string): string | undefined {
  const name = tag.startsWith('!') ? tag.slice(1) : undefined;
  if (!name) return undefined;
  if (name === 'Ref' || name === 'Condition') return name;
  return /^[A-Z][A-Za-z0-9]*$/.test(name) ? `Fn::${name}` : undefined;
}

/**
 * The yaml package's lexer, with PyYAML's rule for the lines of a quoted scalar: any indentation
 * (only a document marker, `---` or `...` at the start of a line, ends it). YAML 1.2 wants the
 * continuation lines indented past the enclosing block, and the yaml package refuses them
 * otherwise ("Missing closing quote"); PyYAML (the AWS CLI, SAM, cfn-lint), SnakeYAML and
 * CloudFormation's own reader accept them, and AWS's published templates use them:
 *
 *     Properties:
 *       Definition: "{\"StartAt\": \"A\",
 *     \"States\": {...}}"
 *
 * The Parser takes a lexer of the caller's choosing (its documented use); the two methods
 * overridden here are the lexer's internal ones, pinned by the tests in parse.test.ts.
 */
let lenientLexerClass: (new () => YamlLib.Lexer) | undefined;
function lenientLexer(): new () => YamlLib.Lexer {
  if (lenientLexerClass) return lenientLexerClass;
  type Internals = {
    buffer: string;
    parseQuotedScalar(): Generator<string, string>;
    continueScalar(offset: number): number;
  };
  const Base = yaml().Lexer as unknown as new () => Internals;
  class LenientLexer extends Base {
    private inQuoted = false;
    override *parseQuotedScalar(): Generator<string, string> {
      // The scan for the closing quote (the only caller of continueScalar here) runs before the
      // first token is yielded.
      this.inQuoted = true;
      try {
        return yield* super.parseQuotedScalar();
      } finally {
        this.inQuoted = false;
      }
    }
    override continueScalar(offset: number): number {
      if (!this.inQuoted) return super.continueScalar(offset);
      const b = this.buffer;
      const marker = b.substr(offset, 3);
      if ((marker === '---' || marker === '...') && /^[ \t\r\n]?$/.test(b[offset + 3] ?? '')) return -1;
      let i = offset;
      while (b[i] === ' ' || b[i] === '\t') i++;
      return i;
    }
  }
  return (lenientLexerClass = LenientLexer as unknown as new () => YamlLib.Lexer);
}

/** An alias the conversion cannot expand: where and why. */
class AliasProblem extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/**
 * The plain key `<<` (YAML 1.1's merge key): the maps its value names (an alias, a map, or a
 * list of them) are merged into the map holding it. A quoted '<<' is an ordinary key.
 */
function isMergeKey(k: YamlNode | null): boolean {
  return isScalar(k) && k.value === '<<' && k.type === 'PLAIN';
}

/**
 * yaml nodes -> the jsonc-parser node tree (ranges for diagnostics) and the plain value, in one
 * walk in document order.
 *
 * Aliases: an alias stands for the value of the latest node before it with that anchor (YAML's
 * rule). The walk keeps each anchor's converted value as it passes it, so an alias costs a copy
 * of that value, not a search of the document (the yaml package's `Alias.resolve` visits the
 * document from its start each time: quadratic, 104 s for 8,000 aliases); the copies count
 * against MAX_ALIAS_VALUES.
 *
 * Merge keys (`<<: *base`, `<<: [*a, *b]`) are applied as PyYAML applies them, the reader of the
 * AWS CLI (`aws cloudformation package`) and SAM: the merged maps' members first, the map's own
 * members over them; in a list, an earlier map wins over a later one; with several `<<` keys, a
 * later one wins. CloudFormation's own template reader refuses aliases ("YAML aliases are not
 * allowed in CloudFormation templates"), so merges only reach AWS through those tools, which
 * expand them; a definition file read by them deploys as the merged value.
 */
class Converter {
  /** Anchor name -> the value of the latest node with it (undefined while that node is converted). */
  private readonly anchors = new Map<string, { value: unknown } | undefined>();
  private aliasValues = 0;
  /** Key nodes of the second and later occurrences of a key in one map. */
  readonly duplicates: TreeNode[] = [];
  /** Anchored nodes and aliases as written: no fix may edit them. */
  readonly shared: Span[] = [];
  constructor(private readonly options: YamlOptions) {}

  convert(node: YamlNode, parent: TreeNode | undefined, depth: number): { node: TreeNode; value: unknown } {
    if (depth > MAX_JSON_DEPTH) throw new RangeError('too deep');
    const anchor = !isAlias(node) ? node.anchor : undefined;
    if (anchor) this.anchors.set(anchor, undefined);
    const out = this.convertNode(node, parent, depth);
    if (anchor) this.anchors.set(anchor, { value: out.value });
    return out;
  }

  private convertNode(node: YamlNode, parent: TreeNode | undefined, depth: number): { node: TreeNode; value: unknown } {
    const [start, end] = node.range ?? [0, 0];
    if (isAlias(node) || (node as { anchor?: string }).anchor) this.shared.push({ offset: start, length: end - start });
    let out: { node: TreeNode; value: unknown };
    if (isMap(node)) {
      const obj: TreeNode = { type: 'object', offset: start, length: end - start, parent, children: [] };
      const own: [string, unknown][] = [];
      /** Maps merged in, in PyYAML's order: a later one's members win over an earlier one's. */
      const merged: Record<string, unknown>[] = [];
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        const kr = k?.range ?? [start, start];
        const vr = v?.range ?? [kr[1], kr[1]];
        const prop: TreeNode = { type: 'property', offset: kr[0], length: Math.max(vr[1], kr[1]) - kr[0], parent: obj, children: [] };
        const merge = isMergeKey(k);
        const keyValue = merge ? '<<' : this.keyOf(k, depth);
        prop.children!.push({ type: 'string', offset: kr[0], length: kr[1] - kr[0], parent: prop, value: keyValue });
        if (!merge) {
          if (keys.has(keyValue)) this.duplicates.push(prop.children![0]);
          keys.add(keyValue);
        }
        if (v) {
          const r = this.convert(v, prop, depth + 1);
          prop.children!.push(r.node);
          if (merge) this.mergeSources(v, r.value, merged);
          else own.push([keyValue, r.value]);
        } else {
          prop.children!.push({ type: 'null', offset: vr[0], length: 0, parent: prop, value: null });
          if (merge) this.mergeSources(k!, null, merged);
          else own.push([keyValue, null]);
        }
        obj.children!.push(prop);
      }
      const value: Record<string, unknown> = {};
      for (const m of merged) for (const key of Object.keys(m)) setOwn(value, key, m[key]);
      for (const [key, v] of own) setOwn(value, key, v);
      out = { node: obj, value };
    } else if (isSeq(node)) {
      const arr: TreeNode = { type: 'array', offset: start, length: end - start, parent, children: [] };
      const value: unknown[] = [];
      for (const item of node.items) {
        if (item && typeof item === 'object' && 'range' in (item as object)) {
          const r = this.convert(item as YamlNode, arr, depth + 1);
          arr.children!.push(r.node);
          value.push(r.value);
        } else value.push(null);
      }
      out = { node: arr, value };
    } else if (isAlias(node)) {
      out = { node: { type: 'string', offset: start, length: end - start, parent, value: `*${node.source}` }, value: this.aliasValue(node, depth) };
    } else if (isScalar(node)) {
      let v = node.value;
      if (typeof v === 'bigint') v = Number(v);
      const type = v === null || v === undefined ? 'null' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
      const value = type === 'string' ? String(v) : type === 'null' ? null : v;
      out = { node: { type, offset: start, length: end - start, parent, value }, value };
    } else {
      out = { node: { type: 'null', offset: start, length: end - start, parent, value: null }, value: null };
    }
    if (this.options.cloudFormationTags && node.tag) {
      const key = cfnKey(node.tag);
      if (key) {
        let v = out.value;
        // !GetAtt Res.Attr is the short form of ["Res", "Attr"].
        if (key === 'Fn::GetAtt' && typeof v === 'string') {
          const dot = v.indexOf('.');
          v = dot > 0 ? [v.slice(0, dot), v.slice(dot + 1)] : [v];
        }
        out.value = { [key]: v };
      }
    }
    return out;
  }

  /** A map key as a string (an alias as a key stands for its anchor's value). */
  private keyOf(k: YamlNode | null, depth: number): string {
    if (!k) return '';
    if (isAlias(k)) {
      const v = this.aliasValue(k, depth);
      return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    if (k.anchor) this.anchors.set(k.anchor, { value: isScalar(k) ? (k.value === null ? null : String(k.value)) : String(k) });
    return isScalar(k) ? String(k.value) : String(k);
  }

  /** The maps a `<<` value names, added to `merged` in PyYAML's order. */
  private mergeSources(v: YamlNode, value: unknown, merged: Record<string, unknown>[]): void {
    const isPlainObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
    if (isPlainObject(value) && !isSeq(v)) {
      merged.push(value);
      return;
    }
    if (Array.isArray(value) && value.every(isPlainObject)) {
      // [*a, *b]: a's members win over b's.
      for (let i = value.length - 1; i >= 0; i--) merged.push(value[i]);
      return;
    }
    const [s, e] = v.range ?? [0, 0];
    throw new AliasProblem({ message: 'A merge key (<<) takes a map, an alias of a map, or a list of them', offset: s, length: Math.max(1, e - s) });
  }

  /** A copy of the value the alias names, counted against MAX_ALIAS_VALUES. */
  private aliasValue(node: YamlLib.Alias, depth: number): unknown {
    const [start, end] = node.range ?? [0, 0];
    const where = { offset: start, length: Math.max(1, end - start) };
    const entry = this.anchors.get(node.source);
    if (!entry) {
      // Unknown anchors are the composer's error; an anchor whose node is still being converted
      // is a recursive structure, which has no JSON value.
      if (this.anchors.has(node.source)) throw new AliasProblem({ message: `The alias *${node.source} is inside the node it names (a recursive structure is not JSON)`, ...where });
      return null;
    }
    const copy = (v: unknown, d: number): unknown => {
      if (++this.aliasValues > MAX_ALIAS_VALUES) {
        throw new AliasProblem({
          message: `YAML aliases expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values (a definition AWS accepts, at most 1 MiB of JSON, holds far fewer)`,
          ...where,
        });
      }
      if (v === null || typeof v !== 'object') return v;
      if (d > MAX_JSON_DEPTH) throw new RangeError('too deep');
      if (Array.isArray(v)) return v.map((x) => copy(x, d + 1));
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v)) setOwn(o, k, copy((v as Record<string, unknown>)[k], d + 1));
      return o;
    };
    return copy(entry.value, depth);
  }
}
