/**
 * The fast tree of valid JSON (src/parse/json-tree.ts, what editor ranges are built from) is
 * jsonc-parser's parseTree exactly: same nodes, offsets, lengths, values, colonOffset, parents.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node as TreeNode } from 'jsonc-parser';
import { jsonc } from '../src/parse/jsonc.js';
import { validJsonTree } from '../src/parse/json-tree.js';
import { parse } from '../src/parse/index.js';
import { CORPUS, CORPUS_NOTE, HAS_CORPUS } from './support.js';

function shape(n: TreeNode | undefined): unknown {
  if (!n) return n;
  const o: Record<string, unknown> = { type: n.type, offset: n.offset, length: n.length };
  if ('value' in n) o.value = Object.is(n.value, -0) ? '-0' : n.value;
  if (n.colonOffset !== undefined) o.colonOffset = n.colonOffset;
  if (n.children) o.children = n.children.map(shape);
  return o;
}

function parentsHold(n: TreeNode): boolean {
  return (n.children ?? []).every((c) => c.parent === n && parentsHold(c));
}

const SAMPLES = [
  '{}',
  '[]',
  ' 1 ',
  '-0',
  '1E+2',
  '"a\\"b\\u0041\\\\"',
  '{"a":[1,-2.5e3,true,false,null,{"b":{}}],"a":"x"}',
  '\t{ "k" : [ ] ,"l":{ },"é😀":"\\n"}\r\n',
  '{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "States.Format(\'{}\', $.a)"}, "End": true}}\n}',
];

function corpus(): string[] {
  const dir = CORPUS;
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json')) out.push(readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.filter((t) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  });
}

describe('validJsonTree', () => {
  it.each(SAMPLES.map((s) => [s]))('%j is parseTree exactly', (text) => {
    const tree = validJsonTree(text)!;
    expect(shape(tree)).toEqual(shape(jsonc.parseTree(text, [], { disallowComments: true })));
    expect(parentsHold(tree)).toBe(true);
  });

  it.skipIf(!HAS_CORPUS)(`every parseable definition of the shared corpus is parseTree exactly${CORPUS_NOTE}`, () => {
    const texts = corpus();
    for (const text of texts) expect(shape(validJsonTree(text))).toEqual(shape(jsonc.parseTree(text, [], { disallowComments: true })));
  });

  it('Document uses it for text that parses, and the tolerant parser for text that does not', () => {
    const ok = parse('{"a": [1, 2]}');
    expect(shape(ok.tree())).toEqual(shape(jsonc.parseTree('{"a": [1, 2]}')));
    const broken = parse('{"a": [1, 2');
    expect(broken.parsed).toBe(false);
    expect(broken.tree()?.children?.[0]?.children?.[0]?.value).toBe('a');
  });
});
