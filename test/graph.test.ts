/**
 * The graph of a state machine (src/graph/): the model -> graph function, its Mermaid and DOT text
 * (asserted exactly), its SVG (parsed: every state present, tagged for editors), labels of
 * Choice rules, templates (one graph per machine), the diff, and `asl-lint graph` end to end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { choiceLabel } from '../src/graph/condition.js';
import { diffGraphs, diffMermaid, formatDiff } from '../src/graph/diff.js';
import { toDot, LARGE_FROM } from '../src/graph/dot.js';
import { buildGraph, type Graph } from '../src/graph/graph.js';
import { toMermaid } from '../src/graph/mermaid.js';
import { graphsOfFile, nodeRanges, NoGraphError } from '../src/graph/source.js';
import { MAX_SVG_STATES, toSvg } from '../src/graph/svg.js';
import { generateDefinition } from '../bench/generate.mjs';
import { cli } from './cli-support.js';

const ROOT = join(import.meta.dirname, '..');
const FIX = join(ROOT, 'test/fixtures/graph');
const MACHINE = readFileSync(join(FIX, 'machine.asl.json'), 'utf8');

function graphOf(text: string): Graph {
  const r = lint(text);
  return buildGraph(r.analysis.model!, { problems: r.diagnostics });
}

describe('buildGraph', () => {
  const g = graphOf(MACHINE);

  it('has one node per state, nested ones in clusters, start and terminal states marked', () => {
    expect(g.nodes.map((n) => [n.id, n.name, n.type, n.cluster ?? null, n.start, n.terminal])).toEqual([
      ['n0', 'Check', 'Choice', null, true, false],
      ['n1', 'Big', 'Task', null, false, false],
      ['n2', 'Fan', 'Parallel', null, false, false],
      ['n3', 'Done', 'Succeed', null, false, true],
      ['n4', 'Failed', 'Fail', null, false, true],
      ['n5', 'A', 'Pass', 'c1', true, true],
      ['n6', 'B', 'Wait', 'c2', true, false],
    ]);
    expect(g.clusters).toEqual([
      { id: 'c1', label: 'Fan: branch 1', parent: undefined, owner: 'n2', kind: 'branch' },
      { id: 'c2', label: 'Fan: branch 2', parent: undefined, owner: 'n2', kind: 'branch' },
    ]);
  });

  it('puts each diagnostic on the state it points into, the worst severity first', () => {
    expect(g.nodes.filter((n) => n.severity).map((n) => [n.name, n.severity, n.problems.map((p) => p.code)])).toEqual([
      ['Big', 'ERROR', ['SCHEMA_VALIDATION_FAILED']],
      ['Fan', 'WARNING', ['LINT_MISSING_END_STATE']],
      ['B', 'ERROR', ['MISSING_TRANSITION_TARGET']],
    ]);
    expect(g.problems).toEqual([]);
  });

  it('a template location prefix and a machine-level diagnostic', () => {
    const r = lint(MACHINE);
    const shifted = r.diagnostics.map((d) => ({ ...d, location: `Flow: ${d.location}` }));
    const g2 = buildGraph(r.analysis.model!, { problems: [...shifted, { severity: 'ERROR', code: 'X', message: 'top', location: '/TimeoutSeconds' }] });
    expect(g2.nodes.filter((n) => n.severity).map((n) => n.name)).toEqual(['Big', 'Fan', 'B']);
    expect(g2.problems.map((p) => p.code)).toEqual(['X']);
  });

  it('a state name with "/" still finds its state', () => {
    const g3 = graphOf(JSON.stringify({ StartAt: 'a/b', States: { 'a/b': { Type: 'Pass', Next: 'x' } } }));
    expect(g3.nodes[0].problems.map((p) => p.code)).toEqual(['MISSING_TRANSITION_TARGET']);
  });

  it('nested Map processors are clusters inside clusters', () => {
    const g4 = graphOf(
      JSON.stringify({
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }], End: true } } }, End: true },
        },
      }),
    );
    expect(g4.clusters.map((c) => [c.id, c.label, c.parent ?? null, c.owner])).toEqual([
      ['c1', 'M: ItemProcessor', null, 'n0'],
      ['c2', 'P: branch 1', 'c1', 'n1'],
    ]);
    expect(toMermaid(g4)).toContain(
      '  subgraph c1 ["M: ItemProcessor"]\n    c1_start((Start))\n    n1("P")\n    c1_end(((End)))\n    subgraph c2 ["P: branch 1"]\n      c2_start((Start))\n      n2("X")\n',
    );
  });
});

describe('Mermaid and DOT text', () => {
  it('Mermaid, exactly', () => {
    expect(toMermaid(graphOf(MACHINE))).toBe(
      [
        'flowchart TD',
        '  c0_start((Start))',
        '  n0{"Check"}',
        '  n1("Big")',
        '  n2("Fan")',
        '  n3("Done")',
        '  n4("Failed")',
        '  c0_end(((End)))',
        '  subgraph c1 ["Fan: branch 1"]',
        '    c1_start((Start))',
        '    n5("A")',
        '    c1_end(((End)))',
        '  end',
        '  subgraph c2 ["Fan: branch 2"]',
        '    c2_start((Start))',
        '    n6("B")',
        '    c2_missing0["Nowhere (missing)"]',
        '  end',
        '  c0_start --> n0',
        '  n0 -->|"$.total #gt; 100"| n1',
        '  n0 -->|"$.region == #quot;eu#quot; and not($.vip is present)"| n2',
        '  n0 -->|"Default"| n1',
        '  n1 --> n2',
        '  n1 -.->|"States.Timeout, States.TaskFailed"| n4',
        '  n2 --> n3',
        '  n3 --> c0_end',
        '  n4 --> c0_end',
        '  c1_start --> n5',
        '  n2 -.-> c1_start',
        '  n5 --> c1_end',
        '  c2_start --> n6',
        '  n2 -.-> c2_start',
        '  n6 --> c2_missing0',
        '  classDef error fill:#ffebe9,stroke:#cf222e,stroke-width:2px',
        '  class n1,n6 error',
        '  classDef warning fill:#fff8c5,stroke:#9a6700,stroke-width:2px',
        '  class n2 warning',
        '  classDef missing stroke:#cf222e,stroke-dasharray:4 2',
        '  class c2_missing0 missing',
      ].join('\n') + '\n',
    );
  });

  it('DOT, exactly', () => {
    expect(toDot(graphOf(MACHINE))).toBe(
      [
        'digraph "StateMachine" {',
        '  graph [rankdir=TB, fontname="Helvetica,Arial,sans-serif", fontsize=11, nodesep=0.3, ranksep=0.35];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#57606a", fontname="Helvetica,Arial,sans-serif", fontsize=11, height=0.3];',
        '  edge [color="#57606a", fontname="Helvetica,Arial,sans-serif", fontsize=9, arrowsize=0.6];',
        '  c0_start [shape=circle, label="", width=0.18, style=filled, fillcolor="#24292f", color="#24292f"];',
        '  n0 [label="Check", shape=diamond, style=filled];',
        '  n1 [label="Big", fillcolor="#ffebe9", color="#cf222e", penwidth=2, tooltip="ERROR SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to \'JSONPath\', but field \'Arguments\' is only supported for the \'JSONata\' QueryLanguage"];',
        '  n2 [label="Fan", fillcolor="#fff8c5", color="#9a6700", penwidth=2, tooltip="WARNING LINT_MISSING_END_STATE: The states of /States/Fan/Branches[1] have no terminal state: this branch never ends (add \\"End\\": true to its last state, or a Succeed or Fail state)"];',
        '  n3 [label="Done"];',
        '  n4 [label="Failed"];',
        '  c0_end [shape=doublecircle, label="", width=0.14, style=filled, fillcolor="#24292f", color="#24292f"];',
        '  subgraph cluster_c1 {',
        '    label="Fan: branch 1"; style="rounded,dashed"; color="#8c959f";',
        '    c1_start [shape=circle, label="", width=0.18, style=filled, fillcolor="#24292f", color="#24292f"];',
        '    n5 [label="A"];',
        '    c1_end [shape=doublecircle, label="", width=0.14, style=filled, fillcolor="#24292f", color="#24292f"];',
        '  }',
        '  subgraph cluster_c2 {',
        '    label="Fan: branch 2"; style="rounded,dashed"; color="#8c959f";',
        '    c2_start [shape=circle, label="", width=0.18, style=filled, fillcolor="#24292f", color="#24292f"];',
        '    n6 [label="B", fillcolor="#ffebe9", color="#cf222e", penwidth=2, tooltip="ERROR MISSING_TRANSITION_TARGET: Missing \'Next\' target: Nowhere"];',
        '    c2_missing0 [label="Nowhere (missing)", style="rounded,dashed", color="#cf222e", fontcolor="#cf222e"];',
        '  }',
        '  c0_start -> n0;',
        '  n0 -> n1 [label="$.total > 100"];',
        '  n0 -> n2 [label="$.region == \\"eu\\" and not($.vip is present)"];',
        '  n0 -> n1 [label="Default"];',
        '  n1 -> n2;',
        '  n1 -> n4 [label="States.Timeout, States.TaskFailed", style=dashed, color="#cf222e", fontcolor="#cf222e"];',
        '  n2 -> n3;',
        '  n3 -> c0_end;',
        '  n4 -> c0_end;',
        '  c1_start -> n5;',
        '  n2 -> c1_start [style=dotted];',
        '  n5 -> c1_end;',
        '  c2_start -> n6;',
        '  n2 -> c2_start [style=dotted];',
        '  n6 -> c2_missing0;',
        '}',
      ].join('\n') + '\n',
    );
  });

  it('escapes what would end a label', () => {
    const g = graphOf(JSON.stringify({ StartAt: 'say "hi" #1 <b>', States: { 'say "hi" #1 <b>': { Type: 'Pass', End: true }, 'back\\slash': { Type: 'Succeed' } } }));
    expect(toMermaid(g)).toContain('n0("say #quot;hi#quot; #35;1 #lt;b#gt;")');
    expect(toDot(g)).toContain('n0 [label="say \\"hi\\" #1 <b>"];');
    expect(toDot(g)).toContain('n1 [label="back\\\\slash", ');
  });
});

describe('Choice rule labels', () => {
  it.each([
    [{ Variable: '$.n', NumericLessThanEquals: 3 }, '$.n <= 3'],
    [{ Variable: '$.s', StringEqualsPath: '$.t' }, '$.s == $.t'],
    [{ Variable: '$.b', BooleanEquals: false }, '$.b == false'],
    [{ Variable: '$.x', IsNull: false }, '$.x is not null'],
    [{ Variable: '$.r', StringMatches: 'eu-*' }, '$.r matches "eu-*"'],
    [
      {
        Or: [
          { Variable: '$.a', IsPresent: true },
          {
            And: [
              { Variable: '$.b', NumericEquals: 1 },
              { Variable: '$.c', TimestampGreaterThan: '2030' },
            ],
          },
        ],
      },
      '$.a is present or ($.b == 1 and $.c > "2030")',
    ],
    [{ Condition: '{% $states.input.total > 100 %}' }, '$states.input.total > 100'],
    [{ Condition: true }, 'true'],
    [{ Variable: '$.' + 'x'.repeat(80), IsString: true }, '$.' + 'x'.repeat(57) + '…'],
    // Only Choice operators (lang/state-fields.ts's CHOICE_OPERATORS) are described: not an Object
    // member (it was 'is function Object() { [native code] }'), not a made-up comparison.
    [{ Variable: '$.x', constructor: true }, '$.x'],
    [{ Variable: '$.x', toString: true, IsNull: true }, '$.x is null'],
    [{ Variable: '$.x', BooleanLessThan: true }, '$.x'],
    [{ Variable: '$.t', TimestampLessThanEqualsPath: '$.u' }, '$.t <= $.u'],
  ])('%j', (rule, label) => {
    expect(choiceLabel(rule as never)).toBe(label);
  });
});

describe('SVG', () => {
  it('parses, and every state is a node tagged with its name and diagnostics', async () => {
    const g = graphOf(MACHINE);
    const svg = await toSvg(g);
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    const groups: { id: string; class: string; 'data-asl-graph'?: string; 'data-state'?: string; title?: string }[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.class === 'string' && o.class.startsWith('node')) groups.push(o as never);
        Object.values(o).forEach(walk);
      }
    };
    walk(doc.svg);
    const states = groups.filter((n) => n['data-asl-graph'] === 'node').sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
    expect(states.map((n) => [n.id, n['data-state'], n.class])).toEqual([
      ['n0', 'Check', 'node state'],
      ['n1', 'Big', 'node state error'],
      ['n2', 'Fan', 'node state warning'],
      ['n3', 'Done', 'node state'],
      ['n4', 'Failed', 'node state'],
      ['n5', 'A', 'node state'],
      ['n6', 'B', 'node state error'],
    ]);
    expect(states[6].title).toBe("B (Wait)\nERROR MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere");
  });

  it('a name with XML characters stays well-formed', async () => {
    const svg = await toSvg(graphOf(JSON.stringify({ StartAt: '<a & "b">', States: { '<a & "b">': { Type: 'Succeed' } } })));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('data-state="&lt;a &amp; &quot;b&quot;&gt;"');
  });

  it(`a large graph (over ${LARGE_FROM} states) draws Catch edges to a copy of the target, still tagged`, async () => {
    const g = graphOf(generateDefinition(LARGE_FROM + 20).text);
    const dot = toDot(g, { svg: true });
    expect(dot).toMatch(/^ {2}r0 \[label="HandleFailure", style="rounded,dashed", fontsize=9, height=0.2, id=r0, class="ref"\];$/m);
    expect(dot).toContain('xlabel="States.ALL"');
    expect(dot).not.toMatch(/ label="States.ALL"/);
    const svg = await toSvg(g);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect((svg.match(/data-asl-graph="node"/g) ?? []).length).toBe(g.nodes.length);
    expect(svg).toContain('<g id="r0" class="node ref" data-asl-graph="ref" data-state="HandleFailure">');
  }, 60_000);
});

/** A chain of n Pass states (cheap to lint). */
export function chain(n: number): string {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) states[`S${i}`] = i + 1 < n ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Succeed' };
  return JSON.stringify({ StartAt: 'S0', States: states });
}

describe('SVG limits', () => {
  it(`more than ${MAX_SVG_STATES} states: refused with a message, not laid out`, async () => {
    await expect(toSvg(graphOf(chain(MAX_SVG_STATES + 1)))).rejects.toThrow(
      `too large to lay out as SVG (${MAX_SVG_STATES + 1} states in 0 Parallel branches and Map processors; at most 5000 and 1000): use Mermaid or DOT`,
    );
    expect(toMermaid(graphOf(chain(MAX_SVG_STATES + 1))).split('\n').length).toBe(2 * (MAX_SVG_STATES + 1) + 5);
  });

  it('more than 1000 clusters: refused', async () => {
    const branches = Array.from({ length: 1001 }, (_, i) => ({ StartAt: `B${i}`, States: { [`B${i}`]: { Type: 'Pass', End: true } } }));
    await expect(toSvg(graphOf(JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: branches, End: true } } })))).rejects.toThrow(
      '(1002 states in 1001 Parallel branches and Map processors; at most 5000 and 1000)',
    );
  });
});

describe('graphsOfFile', () => {
  it('a template gives one graph per state machine, named by its resource', () => {
    const text = readFileSync(join(FIX, 'template.yaml'), 'utf8');
    const graphs = graphsOfFile(text, join(FIX, 'template.yaml'));
    expect(graphs.map((m) => [m.name, m.graph.name, m.graph.nodes.map((n) => n.name), m.graph.nodes.map((n) => n.severity ?? null)])).toEqual([
      ['OrderFlow', 'OrderFlow', ['Charge', 'Done'], [null, null]],
      ['Refunds', 'Refunds', ['Refund'], ['ERROR']],
    ]);
    // Ranges in the template's own coordinates: line 10 is `          Charge:`.
    expect(nodeRanges(graphs[0].graph, graphs[0].doc)[0]).toEqual({ id: 'n0', name: 'Charge', range: { start: { line: 9, character: 10 }, end: { line: 9, character: 16 } } });
  });

  it('text that is no state machine is a one-line error', () => {
    expect(() => graphsOfFile('{"a": ', 'x.asl.json')).toThrow(NoGraphError);
    expect(() => graphsOfFile('{"a": 1}', 'x.asl.json')).toThrow('not a state machine definition: it has no StartAt and no States');
  });
});

describe('diff', () => {
  it('states and transitions added and removed', () => {
    const after = MACHINE.replace('"Next": "Done"', '"Next": "Done2"').replace('"Failed": {', '"Done2": { "Type": "Pass", "End": true },\n    "Failed": {');
    expect(formatDiff(diffGraphs(graphOf(MACHINE), graphOf(after)), 'old', 'new')).toBe(
      ['--- old', '+++ new', '+ state Done2 (Pass)', '- edge Fan -> Done', '+ edge Fan -> Done2', '+ edge Done2 -> End', ''].join('\n'),
    );
    expect(formatDiff(diffGraphs(graphOf(MACHINE), graphOf(MACHINE)), 'a', 'b')).toBe('--- a\n+++ b\n(no states or transitions changed)\n');
  });

  it('as Mermaid: the new graph, added states and transitions green, removed ones red where they were', () => {
    // B (in Fan's second branch) removed and C added there; Big's Catch now goes to Done.
    const after = MACHINE.replace(
      '"StartAt": "B", "States": { "B": { "Type": "Wait", "Seconds": 5, "Next": "Nowhere" } }',
      '"StartAt": "C", "States": { "C": { "Type": "Pass", "End": true } }',
    ).replace('"Next": "Failed"', '"Next": "Done"');
    const before = graphOf(MACHINE);
    expect(diffGraphs(before, graphOf(after))).toEqual({
      addedStates: ['Fan: branch 2 > C (Pass)'],
      removedStates: ['Fan: branch 2 > B (Wait)'],
      addedEdges: ['Big -> Done [Catch: States.Timeout, States.TaskFailed]', 'Fan: branch 2 > Start -> Fan: branch 2 > C', 'Fan: branch 2 > C -> Fan: branch 2 > End'],
      removedEdges: ['Big -> Failed [Catch: States.Timeout, States.TaskFailed]', 'Fan: branch 2 > Start -> Fan: branch 2 > B', 'Fan: branch 2 > B -> Fan: branch 2 > Nowhere (missing)'],
    });
    const m = diffMermaid(before, graphOf(after));
    expect(m).toContain('  subgraph c2 ["Fan: branch 2"]\n    c2_start((Start))\n    n6("C")\n    x0("B")\n    c2_end(((End)))\n    x1["Nowhere (missing)"]\n  end\n');
    const lines = m.trimEnd().split('\n');
    expect(lines.slice(-6)).toEqual([
      '  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px',
      '  class n6 added',
      '  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 2',
      '  class x0,x1 removed',
      '  linkStyle 5,12,14 stroke:#1a7f37,stroke-width:2px',
      '  linkStyle 15,16,17 stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 2',
    ]);
    const links = lines.filter((l) => / (-->|-\.->)[ |]/.test(l));
    expect([5, 12, 14, 15, 16, 17].map((i) => links[i].trim())).toEqual([
      'n1 -.->|"States.Timeout, States.TaskFailed"| n3',
      'c2_start --> n6',
      'n6 --> c2_end',
      'n1 -.->|"States.Timeout, States.TaskFailed"| n4',
      'c2_start --> x0',
      'x0 --> x1',
    ]);
    // No severity colours in the picture of a change.
    expect(m).not.toContain('classDef error');
  });
});

describe('asl-lint graph', () => {
  const BIN = join(ROOT, 'dist', 'asl-lint.cjs');
  let dir: string;
  beforeAll(() => {
    expect(existsSync(BIN)).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'asl-graph-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'graph', ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints Mermaid by default, DOT on request, exit 0 whatever the diagnostics', () => {
    const m = run('test/fixtures/graph/machine.asl.json', '--no-config');
    expect(m).toEqual({ code: 0, stdout: toMermaid(graphOf(MACHINE)), stderr: '' });
    const d = run('test/fixtures/graph/machine.asl.json', '-f', 'dot', '--no-config');
    expect(d).toEqual({ code: 0, stdout: toDot(graphOf(MACHINE)), stderr: '' });
  });

  it('writes SVG to a file, one per machine for a template', () => {
    expect(run('test/fixtures/graph/machine.asl.json', '-f', 'svg', '-o', join(dir, 'm.svg'))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'm.svg'), 'utf8')).toContain('data-state="Check"');
    expect(run('test/fixtures/graph/template.yaml', '-f', 'svg', '-o', join(dir, 't.svg')).code).toBe(0);
    expect(readFileSync(join(dir, 't.OrderFlow.svg'), 'utf8')).toContain('data-state="Charge"');
    expect(readFileSync(join(dir, 't.Refunds.svg'), 'utf8')).toContain('data-state="Refund"');
  });

  it('a template to standard output: each machine after a comment naming it', () => {
    const r = run('test/fixtures/graph/template.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('%% OrderFlow\nflowchart TD\n')).toBe(true);
    expect(r.stdout).toContain('\n\n%% Refunds\nflowchart TD\n');
  });

  it('a state machine of a template that cannot be drawn is named on stderr; the others are drawn, exit 0', () => {
    const r = run('test/fixtures/templates/sam/template.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^%% .*$/gm)).toEqual(['%% OrderFlow', '%% FileFlow', '%% StringFlow']);
    expect(r.stderr).toBe(
      'asl-lint: test/fixtures/templates/sam/template.yaml: not drawn: S3Flow: DefinitionS3Location points to S3; the definition is not in this repository, so it cannot be checked here\n',
    );
  });

  it('--diff', () => {
    writeFileSync(join(dir, 'new.asl.json'), MACHINE.replace('"Default": "Big"', '"Default": "Done"'));
    const r = run('--diff', 'test/fixtures/graph/machine.asl.json', join(dir, 'new.asl.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`--- test/fixtures/graph/machine.asl.json\n+++ ${join(dir, 'new.asl.json')}\n- edge Check -> Big [Default: Default]\n+ edge Check -> Done [Default: Default]\n`);
  });

  it('--diff --format mermaid', () => {
    const r = run('--diff', '-f', 'mermaid', 'test/fixtures/graph/machine.asl.json', 'test/fixtures/graph/machine.asl.json');
    expect(r).toEqual({ code: 0, stdout: diffMermaid(graphOf(MACHINE), graphOf(MACHINE)), stderr: '' });
    expect(r.stdout).not.toContain('linkStyle');
  });

  it('SVG of too large a graph: one line, exit 2', () => {
    writeFileSync(join(dir, 'big.asl.json'), chain(MAX_SVG_STATES + 1));
    expect(run(join(dir, 'big.asl.json'), '-f', 'svg', '-o', join(dir, 'big.svg'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `asl-lint: too large to lay out as SVG (${MAX_SVG_STATES + 1} states in 0 Parallel branches and Map processors; at most 5000 and 1000): use Mermaid or DOT\n`,
    });
    expect(existsSync(join(dir, 'big.svg'))).toBe(false);
  });

  it('graph --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Usage: asl-lint graph <file> [options]\n')).toBe(true);
  });

  it.each([
    [['-f', 'png', 'x'], "asl-lint: invalid value for --format: 'png' (expected mermaid, dot or svg)\n"],
    [[], "asl-lint: graph takes one file (got 0); run 'asl-lint graph --help' for usage\n"],
    [
      ['--bogus'],
      "asl-lint: graph: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"; run 'asl-lint graph --help' for usage\n",
    ],
    [['nope.json'], "asl-lint: cannot read 'nope.json': no such file or directory\n"],
    [['package.json', '--no-config'], 'asl-lint: package.json: not a state machine definition: it has no StartAt and no States\n'],
    [['--diff', '-f', 'svg', 'a', 'b'], 'asl-lint: graph --diff writes text, or Mermaid with --format mermaid (not svg)\n'],
    [['--diff', 'a'], 'asl-lint: graph --diff takes two files: the old version and the new one\n'],
    [['test/fixtures/graph/template.yaml', '-f', 'svg'], "asl-lint: 'test/fixtures/graph/template.yaml' holds 2 state machines (OrderFlow, Refunds): give -o FILE to write one SVG each\n"],
  ])('%j: one line, exit 2', (args, stderr) => {
    expect(run(...args)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('hostile input', () => {
  it('10,000 Parallel branches, 50 levels of nesting and 2,000 missing targets: text in bounded time and size', () => {
    const branches = Array.from({ length: 10_000 }, (_, i) => ({ StartAt: `B${i}`, States: { [`B${i}`]: { Type: 'Pass', End: true } } }));
    let nested: Record<string, unknown> = { StartAt: 'L50', States: { L50: { Type: 'Pass', End: true } } };
    for (let d = 49; d >= 0; d--) nested = { StartAt: `L${d}`, States: { [`L${d}`]: { Type: 'Parallel', Branches: [nested], End: true } } };
    const missing = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`M${i}`, { Type: 'Pass', Next: `nowhere${i}` }]));
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: branches, Next: 'D' }, D: { Type: 'Parallel', Branches: [nested], End: true }, ...missing } });
    const g = graphOf(text);
    expect(g.clusters.length).toBe(10_000 + 50);
    expect(g.points.filter((p) => p.kind === 'missing').length).toBe(2000);
    const m = toMermaid(g);
    const d = toDot(g);
    expect(m.split('\n').length).toBeLessThan(100_000);
    expect(d.split('\n').length).toBeLessThan(100_000);
    // The model stops at 50 levels of Parallel/Map (MAX_SCOPE_DEPTH): the deepest state drawn, L49,
    // sits 50 clusters deep (2 spaces each, plus the top level's 2).
    expect(m).toMatch(/\n {102}n\d+\("L49"\)\n/);
    expect(m).not.toContain('"L50"');
  });
});

describe('asl-lint graph lints as asl-lint does (lintSource)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const project = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-graph-src-'));
    dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return dir;
  };
  // A STANDARD machine with a .sync Task: an ERROR only when it is checked as EXPRESS.
  const SAM = [
    'Resources:',
    '  Flow:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      Type: STANDARD',
    '      Definition:',
    '        StartAt: T',
    '        States:',
    '          T: {Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", End: true}',
    '',
  ].join('\n');

  it('--type forces the type, whatever the template declares (as asl-lint --type)', async () => {
    const dir = project({ 'template.yaml': SAM });
    const declared = await cli(['graph', 'template.yaml', '-f', 'dot'], { cwd: dir });
    const forced = await cli(['graph', 'template.yaml', '-f', 'dot', '--type', 'EXPRESS'], { cwd: dir });
    expect(declared.code).toBe(0);
    expect(forced.code).toBe(0);
    expect(declared.stdout).not.toContain('ERROR');
    expect(forced.stdout).toContain(
      `n0 [label="T", fillcolor="#ffebe9", color="#cf222e", penwidth=2, tooltip="ERROR SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration"];`,
    );
    // And asl-lint itself agrees: an ERROR with --type EXPRESS only.
    expect((await cli(['template.yaml'], { cwd: dir })).code).toBe(0);
    expect((await cli(['template.yaml', '--type', 'EXPRESS'], { cwd: dir })).code).toBe(1);
  });

  it('a DefinitionUri outside the project folder is not read unless --allow-outside-references (as asl-lint)', async () => {
    const top = project({
      'shared/flow.asl.json': MACHINE,
      'proj/template.yaml': 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../shared/flow.asl.json\n',
    });
    const proj = join(top, 'proj');
    const refused = await cli(['graph', 'template.yaml'], { cwd: proj });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `asl-lint: template.yaml: no state machine to draw (M: DefinitionUri names '../shared/flow.asl.json', which cannot be read (it is outside the project folder ${proj}; pass --allow-outside-references to read it))\n`,
    });
    const allowed = await cli(['graph', 'template.yaml', '--allow-outside-references'], { cwd: proj });
    expect(allowed).toEqual({ code: 0, stdout: toMermaid({ ...graphOf(MACHINE), name: 'M' }), stderr: '' });
  });

  it('a template: its machines in the order written, embedded and from files alike', () => {
    const dir = project({
      'b.asl.json': '{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}',
      'template.yaml':
        'Resources:\n  First:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: b.asl.json\n  Second:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition: {StartAt: A, States: {A: {Type: Succeed}}}\n',
    });
    const graphs = graphsOfFile(readFileSync(join(dir, 'template.yaml'), 'utf8'), join(dir, 'template.yaml'));
    expect(graphs.map((g) => [g.name, g.filePath, g.graph.nodes.map((n) => n.name)])).toEqual([
      ['First', join(dir, 'b.asl.json'), ['B']],
      ['Second', join(dir, 'template.yaml'), ['A']],
    ]);
  });
});
