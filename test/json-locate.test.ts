/**
 * The text locator (src/parse/json-locate.ts) against the node tree, on every parseable JSON
 * definition of the shared corpus and on hand-written edge cases: for every path the tree has, and
 * for paths that go one step too far, the same spans for the value, the key and the member.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node as TreeNode } from 'jsonc-parser';
import { locateJsonPath } from '../src/parse/json-locate.js';
import { parse } from '../src/parse/index.js';
import { pathOf, type Document } from '../src/parse/document.js';
import type { Path } from '../src/types.js';
import { definitionFiles } from './support.js';

type Part = 'value' | 'key' | 'member';
const PARTS: Part[] = ['value', 'key', 'member'];

/** The tree's answer: Document.spanOf once its tree exists. */
function treeSpan(doc: Document, path: Path, part: Part) {
  doc.tree();
  return doc.spanOf(path, part);
}

/** The locator's answer, mapped as spanOf maps it. */
function locatedSpan(text: string, path: Path, part: Part) {
  const found = locateJsonPath(text, path);
  if (found.member && (found.exact ? part !== 'value' : true)) {
    return part === 'member' && found.exact ? { offset: found.member.offset, length: found.member.length } : { offset: found.member.keyOffset, length: found.member.keyLength };
  }
  return { offset: found.offset, length: found.length };
}

/** Every node's path, and for each object and array a path one step past its members. */
function paths(root: TreeNode): Path[] {
  const out: Path[] = [];
  const walk = (n: TreeNode) => {
    if (n.type === 'property') {
      walk(n.children![1]);
      return;
    }
    const p = pathOf(n);
    out.push(p);
    if (n.type === 'object') out.push([...p, 'NoSuchKey'], [...p, 0]);
    if (n.type === 'array') out.push([...p, n.children!.length], [...p, 'x']);
    if (n.type === 'string' || n.type === 'number') out.push([...p, 'deeper']);
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return out;
}

function agree(text: string): number {
  const doc = parse(text, 'json');
  const root = doc.tree()!;
  let checked = 0;
  for (const p of paths(root)) {
    for (const part of PARTS) {
      expect(locatedSpan(text, p, part), `${JSON.stringify(p)} ${part}`).toEqual(treeSpan(doc, p, part));
      checked++;
    }
  }
  return checked;
}

const SAMPLES = [
  '{}',
  '[]',
  ' 1 ',
  '"a\\"b"',
  '{"a":[1,-2.5e3,true,false,null,{"b":{}}],"c":"x"}',
  '\t{ "k" : [ ] ,"l":{ },"é😀":"\\n", "q\\"uote": {"\\u0041": 1, "back\\\\slash": [ {"x" : "}]\\\\"} ] } }\r\n',
  '{"A":"\\\\","B":{"C\\\\":"\\"","D":[[],[{}],"]"]}}',
  '{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "States.Format(\'{}\', $.a)"}, "End": true}}\n}',
];

describe('locateJsonPath', () => {
  it('agrees with the node tree on hand-written edge cases (escapes in keys and strings, nesting, white space)', () => {
    for (const text of SAMPLES) agree(text);
    // Escaped keys are found by what they decode to.
    expect(locateJsonPath('{"\\u0041": 7}', ['A'])).toMatchObject({ exact: true, offset: 11, length: 1 });
    expect(locateJsonPath('{"q\\"uote": 7}', ['q"uote'])).toMatchObject({ exact: true, offset: 12 });
    expect(locateJsonPath('{"a\\\\": 7}', ['a\\'])).toMatchObject({ exact: true });
    expect(locateJsonPath('{"a\\\\": 7}', ['a\\\\'])).toMatchObject({ exact: false });
  });

  it('agrees with the node tree on every path of every parseable corpus definition', () => {
    const dir = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real-world');
    if (!existsSync(dir)) return;
    let files = 0;
    let checked = 0;
    for (const f of definitionFiles(dir)) {
      if (!f.endsWith('.json')) continue;
      const text = readFileSync(f, 'utf8');
      const doc = parse(text, 'json');
      // With duplicate keys spanOf keeps the tree (the locator finds the first, JSON.parse keeps the last).
      if (!doc.parsed || doc.duplicateKeys.length) continue;
      checked += agree(text);
      files++;
    }
    expect(files).toBeGreaterThan(300);
    expect(checked).toBeGreaterThan(100_000);
  }, 60_000);

  it('spanOf answers look-ups without building the tree until they have scanned the text twice over; never with duplicate keys', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
    const doc = parse(text, 'json');
    const tree = (d: Document) => (d as unknown as { treeCache: unknown }).treeCache;
    expect(doc.spanOf(['States', 'A', 'Type'])).toEqual({ offset: 42, length: 6 });
    expect(tree(doc)).toBe(null);
    // Each look-up of a field near the end scans nearly the whole text: the third builds the tree.
    doc.spanOf(['States', 'A', 'End'], 'key');
    expect(tree(doc)).toBe(null);
    for (let i = 0; i < 2; i++) doc.spanOf(['States', 'A', 'End'], 'key');
    expect(tree(doc)).not.toBe(null);
    expect(doc.spanOf(['States', 'A', 'End'], 'key')).toEqual({ offset: 50, length: 5 });

    const dup = parse('{"StartAt": "A", "StartAt": "B", "States": {}}', 'json');
    expect(dup.spanOf(['StartAt'])).toEqual({ offset: 28, length: 3 }); // the last one, as JSON.parse keeps
    expect(tree(dup)).not.toBe(null);
  });
});
