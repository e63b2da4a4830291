/** YAML (`*.asl.yaml`, templates): parsed with the yaml package into the same node tree and value as JSON. */
import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type { Node as YamlNode, Document as YamlDocument } from 'yaml';
import type { Node as TreeNode } from 'jsonc-parser';
import { Document, MAX_JSON_DEPTH, type DuplicateKey, type SyntaxProblem, pathOf } from './document.js';
import { setOwn } from './own.js';

// The yaml package takes longer to load than a whole lint of a JSON definition takes to run
// (about 70 ms of the CLI's cold start), and most definitions are JSON: load it (its CommonJS
// build, synchronously) on the first YAML text.
let yamlLib: typeof YamlLib | undefined;
const yaml = (): typeof YamlLib => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib);
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

const MAX_ALIAS_EXPANSIONS = 10_000;

export function parseYaml(text: string, options: YamlOptions = {}): Document {
  let ydoc: YamlDocument.Parsed;
  try {
    // yaml's parseDocument in its two public steps, the depth measured in between: the CST
    // parser keeps its own stack, the composer recurses once per level, and past about a
    // thousand levels V8 may abort the whole process there ("RegExpCompiler Allocation
    // failed"), not throw a RangeError that could be caught.
    const tokens = [...new (yaml().Parser)().parse(text)];
    if (cstDepthExceeds(tokens, MAX_JSON_DEPTH)) return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [], tooDeep: true });
    ydoc = composeFirst(tokens, text.length);
  } catch (err) {
    return failed(text, { message: `YAML could not be read: ${firstLine((err as Error).message)}`, offset: 0, length: 0 });
  }
  const syntaxErrors: SyntaxProblem[] = [];
  for (const e of ydoc.errors) {
    const [start, end] = e.pos;
    syntaxErrors.push({ message: firstLine(e.message), offset: start, length: Math.max(1, end - start) });
  }
  if (syntaxErrors.length) return failed(text, syntaxErrors[0]);

  const conv = new Converter(ydoc, options);
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

class Converter {
  private aliases = 0;
  /** Inside an alias, the anchored map's duplicates were already counted where it is written. */
  private expanding = 0;
  /** Key nodes of the second and later occurrences of a key in one map. */
  readonly duplicates: TreeNode[] = [];
  /** Anchored nodes and aliases as written (not inside an expansion): no fix may edit them. */
  readonly shared: { offset: number; length: number }[] = [];
  constructor(
    private readonly ydoc: YamlDocument.Parsed,
    private readonly options: YamlOptions,
  ) {}

  convert(node: YamlNode, parent: TreeNode | undefined, depth: number): { node: TreeNode; value: unknown } {
    if (depth > MAX_JSON_DEPTH) throw new RangeError('too deep');
    const [start, end] = node.range ?? [0, 0];
    if (!this.expanding && (isAlias(node) || (node as { anchor?: string }).anchor)) this.shared.push({ offset: start, length: end - start });
    let out: { node: TreeNode; value: unknown };
    if (isMap(node)) {
      const obj: TreeNode = { type: 'object', offset: start, length: end - start, parent, children: [] };
      const value: Record<string, unknown> = {};
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        const kr = k?.range ?? [start, start];
        const vr = v?.range ?? [kr[1], kr[1]];
        const prop: TreeNode = { type: 'property', offset: kr[0], length: Math.max(vr[1], kr[1]) - kr[0], parent: obj, children: [] };
        const keyValue = isScalar(k) ? String(k.value) : k ? String(k) : '';
        prop.children!.push({ type: 'string', offset: kr[0], length: kr[1] - kr[0], parent: prop, value: keyValue });
        if (keys.has(keyValue) && !this.expanding) this.duplicates.push(prop.children![0]);
        keys.add(keyValue);
        if (v) {
          const r = this.convert(v, prop, depth + 1);
          prop.children!.push(r.node);
          setOwn(value, keyValue, r.value);
        } else {
          prop.children!.push({ type: 'null', offset: vr[0], length: 0, parent: prop, value: null });
          setOwn(value, keyValue, null);
        }
        obj.children!.push(prop);
      }
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
      if (++this.aliases > MAX_ALIAS_EXPANSIONS) throw new Error('too many alias expansions');
      const target = node.resolve(this.ydoc) as YamlNode | undefined;
      this.expanding++;
      const value = target ? this.convert(target, undefined, depth + 1).value : null;
      this.expanding--;
      out = { node: { type: 'string', offset: start, length: end - start, parent, value: `*${node.source}` }, value };
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
}
