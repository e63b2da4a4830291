/**
 * What changed between two versions of a state machine, as a pull-request reviewer reads it:
 * states and transitions added and removed. States are matched by their place (scope and name),
 * transitions by source, target, kind and label; a renamed state is one removed and one added.
 */
import type { Graph } from './graph.js';

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

/** Each state as `Name (Type)` (nested ones `Parent > Name`), each transition as `From -> To [label]`. */
function describe(graph: Graph): { states: Set<string>; edges: Set<string> } {
  const shown = new Map<string, string>();
  const owners = new Map(graph.clusters.map((c) => [c.id, c]));
  for (const n of graph.nodes) {
    let prefix = '';
    for (let c = n.cluster ? owners.get(n.cluster) : undefined; c; c = c.parent ? owners.get(c.parent) : undefined) prefix = `${c.label} > ${prefix}`;
    shown.set(n.id, `${prefix}${n.name}`);
  }
  const states = new Set(graph.nodes.map((n) => `${shown.get(n.id)} (${n.type ?? '?'})`));
  const edges = new Set<string>();
  for (const p of graph.points) {
    const c = p.cluster ? owners.get(p.cluster) : undefined;
    shown.set(p.id, `${c ? `${c.label} > ` : ''}${p.kind === 'missing' ? `${p.label} (missing)` : p.kind === 'start' ? 'Start' : 'End'}`);
  }
  for (const e of graph.edges) {
    if (e.kind === 'Branch') continue;
    const from = shown.get(e.from);
    const to = shown.get(e.to);
    edges.add(`${from} -> ${to}${e.label === undefined ? '' : ` [${e.kind}: ${e.label}]`}`);
  }
  return { states, edges };
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
