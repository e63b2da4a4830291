/**
 * The custom request aslLint/graph over stdio, as any LSP client sends it: each format, the
 * nodes with their ranges and severities, a document being typed (tolerant model), bad params.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, LspClient, posOf, ROOT } from './lsp-helpers.js';

const MACHINE = readFileSync(join(ROOT, 'test/fixtures/graph/machine.asl.json'), 'utf8');
const URI = 'file:///work/graph/machine.asl.json';
let client: LspClient;

interface GraphResult {
  uri: string;
  version: number;
  format: string;
  mermaid?: string;
  dot?: string;
  svg?: string;
  nodes: { id: string; name: string; type?: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: string }[];
  problems: number;
}

const request = (params: unknown) => client.conn.sendRequest<GraphResult | null>('aslLint/graph', params);

beforeAll(async () => {
  ensureBuilt();
  client = new LspClient();
  await client.initialize();
  await client.open(URI, MACHINE);
  await client.current(URI);
}, 30_000);

afterAll(async () => {
  await client.shutdown();
});

describe('aslLint/graph', () => {
  it('svg by default: every state tagged, nodes with the ranges of their names and their severity', async () => {
    const r = (await request({ uri: URI }))!;
    expect(r.format).toBe('svg');
    expect(r.version).toBe(1);
    expect(r.problems).toBe(3);
    expect(XMLValidator.validate(r.svg!)).toBe(true);
    for (const n of r.nodes) expect(r.svg).toContain(`<g id="${n.id}" class="node state${n.severity ? ` ${n.severity.toLowerCase()}` : ''}" data-asl-graph="node" data-state="${n.name}">`);
    const at = (name: string) => {
      const start = posOf(MACHINE, `"${name}": {`);
      return { start, end: { line: start.line, character: start.character + name.length + 2 } };
    };
    expect(r.nodes).toEqual([
      { id: 'n0', name: 'Check', type: 'Choice', range: at('Check') },
      { id: 'n1', name: 'Big', type: 'Task', range: at('Big'), severity: 'ERROR' },
      { id: 'n2', name: 'Fan', type: 'Parallel', range: at('Fan'), severity: 'WARNING' },
      { id: 'n3', name: 'Done', type: 'Succeed', range: at('Done') },
      { id: 'n4', name: 'Failed', type: 'Fail', range: at('Failed') },
      { id: 'n5', name: 'A', type: 'Pass', range: at('A') },
      { id: 'n6', name: 'B', type: 'Wait', range: at('B'), severity: 'ERROR' },
    ]);
  });

  it('mermaid and dot', async () => {
    const m = (await request({ uri: URI, format: 'mermaid' }))!;
    expect(m.mermaid!.startsWith('flowchart TD\n  c0_start((Start))\n  n0{"Check"}\n')).toBe(true);
    expect(m.svg).toBeUndefined();
    const d = (await request({ uri: URI, format: 'dot' }))!;
    expect(d.dot!.startsWith('digraph "StateMachine" {\n')).toBe(true);
    expect(d.dot).not.toContain('id=n0');
  });

  it('follows the text as it is typed, also while it does not parse', async () => {
    const uri = 'file:///work/graph/typing.asl.json';
    await client.open(uri, '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}');
    await client.current(uri);
    await client.change(uri, [{ text: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}' }]);
    const r = (await request({ uri, format: 'mermaid' }))!;
    expect(r.version).toBe(2);
    expect(r.nodes.map((n) => n.name)).toEqual(['A', 'B']);
    expect(r.mermaid).toContain('  n0 --> n1\n');
  });

  it('a document that is not open or not a state machine answers null', async () => {
    expect(await request({ uri: 'file:///work/graph/unknown.asl.json' })).toBeNull();
    await client.open('file:///work/graph/package.json', '{"name": "x"}', 'json');
    expect(await request({ uri: 'file:///work/graph/package.json' })).toBeNull();
  });

  it('a graph too large for SVG, or a document with nothing to draw: RequestFailed with the reason', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i <= 5000; i++) states[`S${i}`] = i < 5000 ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Succeed' };
    const big = 'file:///work/graph/big.asl.json';
    await client.open(big, JSON.stringify({ StartAt: 'S0', States: states }));
    await expect(request({ uri: big })).rejects.toMatchObject({
      code: -32803,
      message: 'aslLint/graph: too large to lay out as SVG (5001 states in 0 Parallel branches and Map processors; at most 5000 and 1000): use Mermaid or DOT',
    });
    expect((await request({ uri: big, format: 'mermaid' }))!.nodes.length).toBe(5001);
    const empty = 'file:///work/graph/empty.asl.json';
    await client.open(empty, '');
    await expect(request({ uri: empty })).rejects.toMatchObject({
      code: -32803,
      message: 'aslLint/graph: the document has no state machine to draw yet (Received a null or empty workflow input. Write a JSON object with "StartAt" and "States".)',
    });
  });

  it('bad params are an InvalidParams error that says what is expected', async () => {
    await expect(request({ uri: URI, format: 'png' })).rejects.toMatchObject({ code: -32602, message: 'aslLint/graph: format must be svg, mermaid or dot, got "png"' });
    await expect(request({})).rejects.toMatchObject({ code: -32602, message: 'aslLint/graph: params must be {uri, format?}' });
    expect(client.loggedErrors).toEqual([]);
  });
});
