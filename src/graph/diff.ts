/**
 * What changed between two versions of a state machine, as a pull-request reviewer reads it:
 * states and transitions added and removed. States are matched by their place (scope and name),
 * transitions by source, target, kind and label; a renamed state is one removed and one added.
 */
import type { Graph, GraphEdge } from './graph.js';
import { toMermaid } from './mermaid.js';

export interface GraphDiff {
  addedStates: string[];
  removedStates: string[];
  addedEdges: string[];
  removedEdges: string[];
}

export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  const a = describe(before);
  const b = describe(after);
  return {
    addedStates: [...b.states].filter((s) => !a.states.has(s)),
    removedStates: [...a.states].filter((s) => !b.states.has(s)),
    addedEdges: [...b.edges].filter((e) => !a.edges.has(e)),
    removedEdges: [...a.edges].filter((e) => !b.edges.has(e)),
  };
}

/** Each node, point and cluster by its place: `Fan: branch 1 > A`, `Fan: branch 1 > End`. */
function placeKeys(graph: Graph): Map<string, string> {
  const keys = new Map<string, string>();
  for (const c of graph.clusters) keys.set(c.id, `${c.parent ? `${keys.get(c.parent)} > ` : ''}${c.label}`); // parents come first
  const inside = (cluster: string | undefined) => (cluster ? `${keys.get(cluster)} > ` : '');
  for (const n of graph.nodes) keys.set(n.id, `${inside(n.cluster)}${n.name}`);
  for (const p of graph.points) keys.set(p.id, `${inside(p.cluster)}${p.kind === 'missing' ? `${p.label} (missing)` : p.kind === 'start' ? 'Start' : 'End'}`);
  return keys;
}

function edgeKey(keys: Map<string, string>, e: GraphEdge): string {
  return `${keys.get(e.from)} -> ${keys.get(e.to)}${e.label === undefined ? '' : ` [${e.kind}: ${e.label}]`}`;
}

/** Each state as `Name (Type)` (nested ones `Parent: branch 1 > Name`), each transition as `From -> To [kind: label]`. */
function describe(graph: Graph): { states: Set<string>; edges: Set<string> } {
  const keys = placeKeys(graph);
  const states = new Set(graph.nodes.map((n) => `${keys.get(n.id)} (${n.type ?? '?'})`));
  const edges = new Set<string>();
  for (const e of graph.edges) if (e.kind !== 'Branch') edges.add(edgeKey(keys, e));
  return { states, edges };
}

/**
 * The new version's graph with the change drawn on it, in Mermaid (for a pull-request comment):
 * added states and transitions green, removed ones red and dashed (removed states drawn where they
 * were, or at the top level when their cluster is gone too).
 */
export function diffMermaid(before: Graph, after: Graph): string {
  const a = placeKeys(before);
  const b = placeKeys(after);
  const byKey = new Map<string, string>();
  for (const [id, key] of b) byKey.set(key, id);
  const merged: Graph = { ...after, nodes: [...after.nodes], points: [...after.points], edges: [...after.edges] };
  const beforeKeys = new Set(a.values());
  const added = after.nodes.filter((n) => !beforeKeys.has(b.get(n.id)!)).map((n) => n.id);
  const removed: string[] = [];
  const idOf = new Map<string, string>();
  let ghost = 0;
  const place = (cluster: string | undefined) => (cluster === undefined ? undefined : byKey.get(a.get(cluster)!));
  for (const n of before.nodes) {
    const key = a.get(n.id)!;
    let id = byKey.get(key);
    if (id === undefined) {
      id = `x${ghost++}`;
      merged.nodes.push({ ...n, id, cluster: place(n.cluster), severity: undefined, problems: [] });
      removed.push(id);
    }
    idOf.set(n.id, id);
  }
  for (const p of before.points) {
    const key = a.get(p.id)!;
    let id = byKey.get(key);
    if (id === undefined) {
      id = `x${ghost++}`;
      merged.points.push({ ...p, id, cluster: place(p.cluster) });
      removed.push(id);
    }
    idOf.set(p.id, id);
  }
  const beforeEdges = new Set(before.edges.map((e) => edgeKey(a, e)));
  const afterEdges = new Set(after.edges.map((e) => edgeKey(b, e)));
  const addedLinks: number[] = [];
  after.edges.forEach((e, i) => {
    if (!beforeEdges.has(edgeKey(b, e))) addedLinks.push(i);
  });
  const removedLinks: number[] = [];
  for (const e of before.edges) {
    if (afterEdges.has(edgeKey(a, e))) continue;
    removedLinks.push(merged.edges.length);
    merged.edges.push({ ...e, from: idOf.get(e.from)!, to: idOf.get(e.to)! });
  }
  // Severity colours would mix with the change's: the picture shows the change only.
  merged.nodes = merged.nodes.map((n) => (n.severity ? { ...n, severity: undefined } : n));
  const out = [toMermaid(merged).trimEnd()];
  if (added.length) out.push('  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px', `  class ${added.join(',')} added`);
  if (removed.length) out.push('  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 2', `  class ${removed.join(',')} removed`);
  if (addedLinks.length) out.push(`  linkStyle ${addedLinks.join(',')} stroke:#1a7f37,stroke-width:2px`);
  if (removedLinks.length) out.push(`  linkStyle ${removedLinks.join(',')} stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 2`);
  return out.join('\n') + '\n';
}

export function formatDiff(diff: GraphDiff, before: string, after: string): string {
  const lines = [`--- ${before}`, `+++ ${after}`];
  for (const s of diff.removedStates) lines.push(`- state ${s}`);
  for (const s of diff.addedStates) lines.push(`+ state ${s}`);
  for (const e of diff.removedEdges) lines.push(`- edge ${e}`);
  for (const e of diff.addedEdges) lines.push(`+ edge ${e}`);
  if (lines.length === 2) lines.push('(no states or transitions changed)');
  return lines.join('\n') + '\n';
}
