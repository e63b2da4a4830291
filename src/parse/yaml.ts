/** YAML (`*.asl.yaml`): parsed with the yaml package into the same node tree and value as JSON. */
import { parseDocument, isMap, isSeq, isScalar, isAlias, isPair, type Node as YamlNode } from 'yaml';
import type { Node as TreeNode } from 'jsonc-parser';
import { Document, MAX_JSON_DEPTH, depthExceeds, type DuplicateKey, type SyntaxProblem, pathOf } from './document.js';

export function parseYaml(text: string): Document {
  let ydoc;
  try {
    ydoc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, merge: false });
  } catch (err) {
    return failed(text, { message: `YAML could not be read: ${(err as Error).message}`, offset: 0, length: 0 });
  }
  const syntaxErrors: SyntaxProblem[] = [];
  const dupOffsets: { offset: number; length: number }[] = [];
  for (const e of ydoc.errors) {
    const [start, end] = e.pos;
    if (e.code === 'DUPLICATE_KEY') dupOffsets.push({ offset: start, length: Math.max(1, end - start) });
    else syntaxErrors.push({ message: firstLine(e.message), offset: start, length: Math.max(1, end - start) });
  }
  if (syntaxErrors.length) return failed(text, syntaxErrors[0]);

  let tree: TreeNode | undefined;
  let value: unknown;
  try {
    tree = ydoc.contents ? convert(ydoc.contents as YamlNode, undefined, 0) : undefined;
    value = ydoc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    if (err instanceof RangeError) return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [], tooDeep: true });
    return failed(text, { message: `YAML could not be read: ${firstLine((err as Error).message)}`, offset: 0, length: 0 });
  }
  if (depthExceeds(value, MAX_JSON_DEPTH)) {
    return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [], tooDeep: true });
  }
  const duplicateKeys: DuplicateKey[] = [];
  for (const d of dupOffsets) {
    const keyNode = tree ? findKeyAt(tree, d.offset) : undefined;
    duplicateKeys.push({
      path: keyNode?.parent?.parent ? pathOf(keyNode.parent.parent) : [],
      key: keyNode ? String(keyNode.value) : text.slice(d.offset, d.offset + d.length),
      offset: keyNode?.offset ?? d.offset,
      length: keyNode?.length ?? d.length,
    });
  }
  return new Document({ text, format: 'yaml', value: value === undefined ? null : value, parsed: true, syntaxErrors: [], duplicateKeys, tree });
}

function failed(text: string, problem: SyntaxProblem): Document {
  return new Document({ text, format: 'yaml', value: undefined, parsed: false, syntaxErrors: [problem] });
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function convert(node: YamlNode, parent: TreeNode | undefined, depth: number): TreeNode {
  if (depth > MAX_JSON_DEPTH) throw new RangeError('too deep');
  const [start, end] = node.range ?? [0, 0];
  if (isMap(node)) {
    const obj: TreeNode = { type: 'object', offset: start, length: end - start, parent, children: [] };
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const v = pair.value as YamlNode | null;
      const kr = k?.range ?? [start, start];
      const vr = v?.range ?? [kr[1], kr[1]];
      const prop: TreeNode = { type: 'property', offset: kr[0], length: vr[1] - kr[0], parent: obj, children: [] };
      const keyValue = isScalar(k) ? String(k.value) : k ? String(k) : '';
      const keyNode: TreeNode = { type: 'string', offset: kr[0], length: kr[1] - kr[0], parent: prop, value: keyValue };
      prop.children!.push(keyNode);
      if (v) prop.children!.push(convert(v, prop, depth + 1));
      else prop.children!.push({ type: 'null', offset: vr[0], length: 0, parent: prop, value: null });
      obj.children!.push(prop);
    }
    return obj;
  }
  if (isSeq(node)) {
    const arr: TreeNode = { type: 'array', offset: start, length: end - start, parent, children: [] };
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'range' in (item as object)) arr.children!.push(convert(item as YamlNode, arr, depth + 1));
    }
    return arr;
  }
  if (isAlias(node)) {
    return { type: 'string', offset: start, length: end - start, parent, value: `*${node.source}` };
  }
  if (isScalar(node)) {
    const v = node.value;
    const type = v === null || v === undefined ? 'null' : typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
    return { type, offset: start, length: end - start, parent, value: type === 'string' ? String(v) : v };
  }
  return { type: 'null', offset: start, length: end - start, parent, value: null };
}

function findKeyAt(root: TreeNode, offset: number): TreeNode | undefined {
  const stack: TreeNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property' && n.children?.[0]?.offset === offset) return n.children[0];
    if (n.children) stack.push(...n.children);
  }
  return undefined;
}
