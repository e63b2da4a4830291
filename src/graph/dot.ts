/**
 * A graph in Graphviz's DOT language: clusters for Parallel branches and Map processors, Choice
 * states as diamonds, Catch edges dashed, start and end as points, states with an ERROR or a
 * WARNING filled and outlined in colour (their messages as the tooltip).
 */
import type { Graph, GraphEdge, GraphNode, GraphPoint } from './graph.js';
import { clustersByParent, groupByCluster } from './mermaid.js';

export interface DotOptions {
  /**
   * For rendering to SVG: nodes carry `id` and `class` (the SVG's hooks for editors), and a large
   * graph's edge labels are placed after layout (`xlabel`), which keeps the layout linear-ish.
   */
  svg?: boolean;
  /** Lay out for speed (see LARGE_FROM); default: when the graph has more than LARGE_FROM states. */
  large?: boolean;
}

/**
 * Above this many states a graph is laid out for speed: dot's layout grows much faster than the
 * graph (an edge label is a node of the layout; an edge across N ranks adds N virtual nodes), and
 * a workflow whose Catchers all lead to one Fail state is such a web of long edges (2,000 states:
 * minutes). So, for large graphs only: edge labels are placed after layout (`xlabel`), a Catch edge
 * ends at a small copy of its target beside the catching state (an off-page connector, drawn
 * dashed, same name), fewer crossing-reduction passes, straight edges.
 */
export const LARGE_FROM = 100;

const FONT = 'Helvetica,Arial,sans-serif';
const COLORS = {
  ERROR: { fill: '#ffebe9', stroke: '#cf222e' },
  WARNING: { fill: '#fff8c5', stroke: '#9a6700' },
} as const;

export function toDot(graph: Graph, options: DotOptions = {}): string {
  const large = options.large ?? graph.nodes.length > LARGE_FROM;
  const labelKey = large ? 'xlabel' : 'label';
  const out: string[] = [`digraph ${quote(graph.name ?? 'StateMachine')} {`];
  out.push(`  graph [rankdir=TB, fontname=${quote(FONT)}, fontsize=11, nodesep=0.3, ranksep=0.35${large ? ', splines=line, mclimit=0.1, remincross=false, nslimit=0.5, nslimit1=0.5' : ''}];`);
  out.push(`  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#57606a", fontname=${quote(FONT)}, fontsize=11, height=0.3];`);
  out.push(`  edge [color="#57606a", fontname=${quote(FONT)}, fontsize=9, arrowsize=0.6];`);
  const byCluster = groupByCluster(graph);
  const inside = clustersByParent(graph);
  const writeScope = (cluster: string | undefined, indent: string) => {
    const items = byCluster.get(cluster);
    if (items) for (const item of items) out.push(indent + ('name' in item ? node(item, options) : point(item)));
    for (const c of inside.get(cluster) ?? []) {
      out.push(`${indent}subgraph cluster_${c.id} {`);
      out.push(`${indent}  label=${quote(c.label)}; style="rounded,dashed"; color="#8c959f";`);
      writeScope(c.id, indent + '  ');
      out.push(`${indent}}`);
    }
  };
  writeScope(undefined, '  ');
  const names = large ? new Map(graph.nodes.map((n) => [n.id, n.name])) : undefined;
  let k = 0;
  for (const e of graph.edges) {
    const name = names && e.kind === 'Catch' ? names.get(e.to) : undefined;
    if (name === undefined) {
      out.push(`  ${edge(e, labelKey)}`);
      continue;
    }
    const ref = `r${k++}`;
    out.push(`  ${ref} [label=${quote(name)}, style="rounded,dashed", fontsize=9, height=0.2${options.svg ? `, id=${ref}, class="ref"` : ''}];`);
    out.push(`  ${edge({ ...e, to: ref }, labelKey)}`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function node(n: GraphNode, options: DotOptions): string {
  const attrs = [`label=${quote(n.name)}`];
  if (n.type === 'Choice') attrs.push('shape=diamond', 'style=filled');
  if (n.severity) {
    const c = COLORS[n.severity];
    attrs.push(`fillcolor="${c.fill}"`, `color="${c.stroke}"`, 'penwidth=2');
  }
  if (n.problems.length) attrs.push(`tooltip=${quote(n.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`).join('\n'))}`);
  if (options.svg) attrs.push(`id=${n.id}`, `class=${quote(`state${n.severity ? ` ${n.severity.toLowerCase()}` : ''}`)}`);
  return `${n.id} [${attrs.join(', ')}];`;
}

function point(p: GraphPoint): string {
  if (p.kind === 'start') return `${p.id} [shape=circle, label="", width=0.18, style=filled, fillcolor="#24292f", color="#24292f"];`;
  if (p.kind === 'end') return `${p.id} [shape=doublecircle, label="", width=0.14, style=filled, fillcolor="#24292f", color="#24292f"];`;
  return `${p.id} [label=${quote(`${p.label} (missing)`)}, style="rounded,dashed", color="${COLORS.ERROR.stroke}", fontcolor="${COLORS.ERROR.stroke}"];`;
}

function edge(e: GraphEdge, labelKey: string): string {
  const attrs: string[] = [];
  if (e.label !== undefined) attrs.push(`${labelKey}=${quote(e.label)}`);
  if (e.kind === 'Catch') attrs.push(`style=dashed, color="${COLORS.ERROR.stroke}", fontcolor="${COLORS.ERROR.stroke}"`);
  else if (e.kind === 'Branch') attrs.push('style=dotted');
  return `${e.from} -> ${e.to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`;
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as DOT's centred `\n`. */
function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
