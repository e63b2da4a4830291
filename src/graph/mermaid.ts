/**
 * A graph as a Mermaid flowchart (GitHub, GitLab and most Markdown viewers draw it): clusters are
 * subgraphs, Choice states diamonds, Catch edges dashed, states with an ERROR or a WARNING
 * coloured by class.
 */
import type { Graph, GraphCluster, GraphEdge, GraphNode, GraphPoint } from './graph.js';

export function toMermaid(graph: Graph): string {
  const out: string[] = ['flowchart TD'];
  const byCluster = groupByCluster(graph);
  const inside = clustersByParent(graph);
  const writeScope = (cluster: string | undefined, indent: string) => {
    const items = byCluster.get(cluster);
    if (items) for (const item of items) out.push(indent + ('name' in item ? node(item) : point(item)));
    for (const c of inside.get(cluster) ?? []) {
      out.push(`${indent}subgraph ${c.id} ["${text(c.label)}"]`);
      writeScope(c.id, indent + '  ');
      out.push(`${indent}end`);
    }
  };
  writeScope(undefined, '  ');
  for (const e of graph.edges) out.push(`  ${edge(e)}`);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const n of graph.nodes) {
    if (n.severity === 'ERROR') errors.push(n.id);
    else if (n.severity === 'WARNING') warnings.push(n.id);
  }
  const missing = graph.points.filter((p) => p.kind === 'missing').map((p) => p.id);
  if (errors.length) out.push('  classDef error fill:#ffebe9,stroke:#cf222e,stroke-width:2px', `  class ${errors.join(',')} error`);
  if (warnings.length) out.push('  classDef warning fill:#fff8c5,stroke:#9a6700,stroke-width:2px', `  class ${warnings.join(',')} warning`);
  if (missing.length) out.push('  classDef missing stroke:#cf222e,stroke-dasharray:4 2', `  class ${missing.join(',')} missing`);
  return out.join('\n') + '\n';
}

/** Nodes and points of each cluster (undefined: the top level), in graph order. */
export function groupByCluster(graph: Graph): Map<string | undefined, (GraphNode | GraphPoint)[]> {
  const byCluster = new Map<string | undefined, (GraphNode | GraphPoint)[]>();
  const add = (cluster: string | undefined, item: GraphNode | GraphPoint) => {
    const list = byCluster.get(cluster);
    if (list) list.push(item);
    else byCluster.set(cluster, [item]);
  };
  for (const p of graph.points) if (p.kind === 'start') add(p.cluster, p);
  for (const n of graph.nodes) add(n.cluster, n);
  for (const p of graph.points) if (p.kind !== 'start') add(p.cluster, p);
  return byCluster;
}

/** The clusters directly inside each cluster (undefined: the top level), in graph order. */
export function clustersByParent(graph: Graph): Map<string | undefined, GraphCluster[]> {
  const out = new Map<string | undefined, GraphCluster[]>();
  for (const c of graph.clusters) {
    const list = out.get(c.parent);
    if (list) list.push(c);
    else out.set(c.parent, [c]);
  }
  return out;
}

function node(n: GraphNode): string {
  const label = text(n.name);
  return n.type === 'Choice' ? `${n.id}{"${label}"}` : `${n.id}("${label}")`;
}

function point(p: GraphPoint): string {
  if (p.kind === 'start') return `${p.id}((Start))`;
  if (p.kind === 'end') return `${p.id}(((End)))`;
  return `${p.id}["${text(p.label ?? '')} (missing)"]`;
}

function edge(e: GraphEdge): string {
  const arrow = e.kind === 'Catch' || e.kind === 'Branch' ? '-.->' : '-->';
  return e.label === undefined ? `${e.from} ${arrow} ${e.to}` : `${e.from} ${arrow}|"${text(e.label)}"| ${e.to}`;
}

/** Mermaid's quoted text takes entity codes for the characters that would end or break it. */
function text(s: string): string {
  return s.replace(/[#"<>\r\n\t]/g, (c) => (c === '#' ? '#35;' : c === '"' ? '#quot;' : c === '<' ? '#lt;' : c === '>' ? '#gt;' : ' '));
}
