/**
 * The text locator (src/parse/json-locate.ts) against the node tree, on every parseable JSON
 * definition of the shared corpus and on hand-written edge cases: for every path the tree has, and
 * for paths that go one step too far, the same spans for the value, the key and the member.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Node as TreeNode } from 'jsonc-parser';
import { JsonLocator } from '../src/parse/json-locate.js';
import { prng } from './support.js';
import { parse } from '../src/parse/index.js';
import { pathOf, type Document } from '../src/parse/document.js';
import type { Path } from '../src/types.js';
import { CORPUS_NOTE, HAS_CORPUS, REAL_WORLD, definitionFiles } from './support.js';

type Part = 'value' | 'key' | 'member';
const PARTS: Part[] = ['value', 'key', 'member'];

/** The tree's answer: Document.spanOf once its tree exists. */
function treeSpan(doc: Document, path: Path, part: Part) {
  doc.tree(); // built: spanOf answers from the tree
  return doc.spanOf(path, part);
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

function agree(text: string, seed = 1): number {
  const doc = parse(text, 'json');
  const root = doc.tree()!;
  const all = paths(root);
  let checked = 0;
  // Compared in a plain loop (an expect() per check would dominate the time); mismatches listed.
  const wrong: string[] = [];
  const same = (a: { offset: number; length: number }, b: { offset: number; length: number }) => a.offset === b.offset && a.length === b.length;
  // A fresh locator per look-up reads from the start each time: every fifth path (all of them in
  // small texts); the shared locator below takes every path.
  const step = all.length > 200 ? 5 : 1;
  for (let n = 0; n < all.length; n += step) {
    const p = all[n];
    for (const part of PARTS) {
      const want = treeSpan(doc, p, part);
      if (!same(new JsonLocator(text).span(p, part), want)) wrong.push(`${JSON.stringify(p)} ${part}`);
      checked++;
    }
  }
  // One locator for every path, in a shuffled order: what it remembers must never mislead it.
  const random = prng(seed);
  const order = all.map((p) => ({ p, k: random() })).sort((a, b) => a.k - b.k);
  const shared = new JsonLocator(text);
  for (const { p } of order) {
    for (const part of PARTS) {
      if (!same(shared.span(p, part), treeSpan(doc, p, part))) wrong.push(`shared ${JSON.stringify(p)} ${part}`);
      checked++;
    }
  }
  expect(wrong).toEqual([]);
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

describe('JsonLocator', () => {
  it('agrees with the node tree on hand-written edge cases (escapes in keys and strings, nesting, white space)', () => {
    for (const text of SAMPLES) agree(text);
    // Escaped keys are found by what they decode to.
    const at = (text: string, key: string) => new JsonLocator(text).locate([key]);
    expect(at('{"\\u0041": 7}', 'A')).toMatchObject({ exact: true, offset: 11 });
    expect(at('{"q\\"uote": 7}', 'q"uote')).toMatchObject({ exact: true, offset: 12 });
    expect(at('{"a\\\\": 7}', 'a\\')).toMatchObject({ exact: true });
    expect(at('{"a\\\\": 7}', 'a\\\\')).toMatchObject({ exact: false });
  });

  it.skipIf(!HAS_CORPUS)(
    `agrees with the node tree on every path of every parseable corpus definition${CORPUS_NOTE}`,
    () => {
      const dir = REAL_WORLD;
      let files = 0;
      let checked = 0;
      for (const f of definitionFiles(dir)) {
        if (!f.endsWith('.json')) continue;
        const text = readFileSync(f, 'utf8');
        const doc = parse(text, 'json');
        // With duplicate keys spanOf keeps the tree (the locator finds the first, JSON.parse keeps the last).
        if (!doc.parsed || doc.duplicateKeys.length) continue;
        checked += agree(text, files + 1);
        files++;
      }
      expect(files).toBeGreaterThan(300);
      expect(checked).toBeGreaterThan(150_000);
    },
    60_000,
  );

  it('spanOf answers from the text and never builds the tree itself; the tree answers once built; duplicate keys take the tree', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
    const doc = parse(text, 'json');
    const tree = (d: Document) => (d as unknown as { treeCache: unknown }).treeCache;
    expect(doc.spanOf(['States', 'A', 'Type'])).toEqual({ offset: 42, length: 6 });
    for (let i = 0; i < 50; i++) expect(doc.spanOf(['States', 'A', 'End'], 'key')).toEqual({ offset: 50, length: 5 });
    expect(tree(doc)).toBe(null);
    doc.tree(); // an editor feature needs it
    expect(tree(doc)).not.toBe(null);
    expect(doc.spanOf(['States', 'A', 'End'], 'key')).toEqual({ offset: 50, length: 5 });

    const dup = parse('{"StartAt": "A", "StartAt": "B", "States": {}}', 'json');
    expect(dup.spanOf(['StartAt'])).toEqual({ offset: 28, length: 3 }); // the last one, as JSON.parse keeps
    expect(tree(dup)).not.toBe(null);
  });
});
