/**
 * The picture of a state machine, from the model lint() already built and the diagnostics it
 * already produced: one node per state, one cluster per Parallel branch and Map processor, a
 * start and an end point per scope, and one edge per transition (Next, Choices[].Next with the
 * rule's condition, Default, Catch[].Next with the error names). Nothing is parsed or checked
 * here; the renderers (mermaid.ts, dot.ts, svg.ts) only write this structure out.
 */
import { formatLocation } from '../model/location.js';
import type { Scope, State, StateMachine } from '../model/model.js';
import type { Path, Severity } from '../types.js';
import { choiceLabel, cut } from './condition.js';

/** What the graph needs of a diagnostic (lint()'s Diagnostic, or an LSP client's). */
interface GraphProblem {
  severity: Severity;
  code: string;
  message: string;
  /** AWS-style location (`/States/A/Next`), possibly prefixed by a template resource (`Flow: /States/A`). */
  location?: string;
}

export interface GraphNode {
  /** Stable within one graph: `n0`, `n1`... in the model's order. */
  id: string;
  name: string;
  type: string | undefined;
  /** The cluster (Parallel branch, Map processor) holding the state; undefined at the top level. */
  cluster: string | undefined;
  path: Path;
  start: boolean;
  terminal: boolean;
  /** The worst severity among the state's diagnostics. */
  severity?: Severity;
  problems: GraphProblem[];
}

export interface GraphCluster {
  /** `c1`, `c2`... (c0 would be the top level, which is no cluster). */
  id: string;
  label: string;
  /** The enclosing cluster; undefined at the top level. */
  parent: string | undefined;
  /** The Parallel or Map state that owns it. */
  owner: string;
  kind: 'branch' | 'itemProcessor' | 'iterator';
}

type GraphEdgeKind = 'Next' | 'Choice' | 'Default' | 'Catch' | 'Start' | 'End' | 'Branch';

export interface GraphEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
  label?: string;
}

/** A point: where a scope starts, where it ends, or a target name that names no state. */
export interface GraphPoint {
  id: string;
  kind: 'start' | 'end' | 'missing';
  cluster: string | undefined;
  /** For `missing`: the name that was not found. */
  label?: string;
}

export interface Graph {
  /** The template resource, for graphs of templates. */
  name?: string;
  nodes: GraphNode[];
  clusters: GraphCluster[];
  points: GraphPoint[];
  edges: GraphEdge[];
  /** Diagnostics not attached to a state (the machine's own fields, syntax errors). */
  problems: GraphProblem[];
}

export interface GraphOptions {
  name?: string;
  /** Diagnostics of the same text, as lint() produced them. */
  problems?: readonly GraphProblem[];
}

/** The graph of a model. Linear in states + edges + diagnostics. */
export function buildGraph(sm: StateMachine, options: GraphOptions = {}): Graph {
  const graph: Graph = { nodes: [], clusters: [], points: [], edges: [], problems: [] };
  if (options.name !== undefined) graph.name = options.name;
  const nodeOf = new Map<State, GraphNode>();
  const clusterOf = new Map<Scope, string | undefined>();
  const byLocation = new Map<string, GraphNode>();
  const missingIds = new Map<string, string>();

  for (const scope of sm.scopes) {
    if (!scope.owner) {
      clusterOf.set(scope, undefined);
      continue;
    }
    const id = `c${graph.clusters.length + 1}`;
    clusterOf.set(scope, id);
    const ownerScope = scope.owner.scope;
    const label =
      scope.kind === 'branch' ? `${scope.owner.name}: branch ${Number(scope.path[scope.path.length - 1]) + 1}` : `${scope.owner.name}: ${scope.kind === 'iterator' ? 'Iterator' : 'ItemProcessor'}`;
    // The owner's node does not exist yet (states are numbered below): its id is filled in then.
    graph.clusters.push({ id, label, parent: clusterOf.get(ownerScope), owner: '', kind: scope.kind as GraphCluster['kind'] });
  }
  for (const s of sm.states) {
    const node: GraphNode = {
      id: `n${graph.nodes.length}`,
      name: s.name,
      type: s.type,
      cluster: clusterOf.get(s.scope),
      path: s.path,
      start: s.scope.startAt === s.name && s.scope.byName.get(s.name) === s,
      terminal: s.isTerminal,
      problems: [],
    };
    graph.nodes.push(node);
    nodeOf.set(s, node);
    byLocation.set(formatLocation(s.path), node);
  }
  let ci = 0;
  for (const scope of sm.scopes) if (scope.owner) graph.clusters[ci++].owner = nodeOf.get(scope.owner)!.id;

  for (const scope of sm.scopes) {
    const cluster = clusterOf.get(scope);
    const key = cluster ?? 'c0';
    const start: GraphPoint = { id: `${key}_start`, kind: 'start', cluster };
    graph.points.push(start);
    const first = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
    if (first) graph.edges.push({ from: start.id, to: nodeOf.get(first)!.id, kind: 'Start' });
    else if (typeof scope.startAt === 'string') graph.edges.push({ from: start.id, to: missing(graph, missingIds, key, cluster, scope.startAt), kind: 'Start' });
    if (scope.owner) graph.edges.push({ from: nodeOf.get(scope.owner)!.id, to: start.id, kind: 'Branch' });
    let end: GraphPoint | undefined;
    for (const s of scope.states) {
      const from = nodeOf.get(s)!.id;
      for (const e of s.edges) {
        const target = scope.byName.get(e.target);
        const to = target ? nodeOf.get(target)!.id : missing(graph, missingIds, key, cluster, e.target);
        if (e.field === 'Next') graph.edges.push({ from, to, kind: 'Next' });
        else if (e.field === 'Default') graph.edges.push({ from, to, kind: 'Default', label: 'Default' });
        else if (e.field === 'Choices') graph.edges.push({ from, to, kind: 'Choice', label: choiceLabel((s.obj.Choices as unknown[])[indexOf(e.path)] as never) });
        else graph.edges.push({ from, to, kind: 'Catch', label: catchLabel((s.obj.Catch as unknown[])[indexOf(e.path)]) });
      }
      if (s.isTerminal) {
        if (!end) {
          end = { id: `${key}_end`, kind: 'end', cluster };
          graph.points.push(end);
        }
        graph.edges.push({ from, to: end.id, kind: 'End' });
      }
    }
  }

  for (const p of options.problems ?? []) {
    const node = p.location === undefined ? undefined : stateAt(byLocation, p.location);
    if (!node) {
      graph.problems.push(p);
      continue;
    }
    node.problems.push(p);
    if (node.severity !== 'ERROR') node.severity = p.severity;
  }
  return graph;
}

/** The index in `[..., 'Choices', i, 'Next']`. */
function indexOf(path: Path): number {
  return path[path.length - 2] as number;
}

function catchLabel(catcher: unknown): string {
  const errors = (catcher as { ErrorEquals?: unknown } | undefined)?.ErrorEquals;
  return Array.isArray(errors) ? cut(errors.map(String).join(', ')) : 'Catch';
}

/** A point for a target name the scope does not hold, one per name and scope. */
function missing(graph: Graph, ids: Map<string, string>, key: string, cluster: string | undefined, name: string): string {
  const k = `${key}\0${name}`;
  let id = ids.get(k);
  if (id === undefined) {
    id = `${key}_missing${ids.size}`;
    ids.set(k, id);
    graph.points.push({ id, kind: 'missing', cluster, label: name });
  }
  return id;
}

/**
 * The state a diagnostic's location points into: the longest `/States/<name>` prefix that is a
 * state (`/States/P/Branches[0]/States/X/Next` is X's). A template's `Flow: ` prefix is dropped.
 */
function stateAt(byLocation: Map<string, GraphNode>, location: string): GraphNode | undefined {
  const colon = location.indexOf(': /');
  const loc = colon >= 0 && !location.startsWith('/') ? location.slice(colon + 2) : location;
  let best: GraphNode | undefined;
  for (let i = loc.indexOf('/States/'); i >= 0; i = loc.indexOf('/States/', i + 1)) {
    // The name ends at the next separator; a name may itself hold '/' or '[', so try each.
    for (let j = i + 8; j <= loc.length; j++) {
      if (j < loc.length && loc[j] !== '/' && loc[j] !== '[') continue;
      const node = byLocation.get(loc.slice(0, j));
      if (node) {
        best = node;
        break;
      }
    }
  }
  return best;
}
