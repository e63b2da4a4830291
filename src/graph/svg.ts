/**
 * A graph as SVG, laid out by Graphviz compiled to WebAssembly (@viz-js/viz, which carries its
 * WebAssembly inside the package: nothing is downloaded, nothing is installed on the system).
 * Each state's group is tagged for editors: `data-asl-graph="node" data-state="<name>"`, and its
 * <title> (the tooltip) says the state's name and its diagnostics.
 */
import { lazyPackage } from '../lazy.js';
import type { Graph } from './graph.js';
import { LARGE_FROM, toDot } from './dot.js';

type VizModule = typeof import('@viz-js/viz');
type Viz = Awaited<ReturnType<VizModule['instance']>>;
// Required at run time, not bundled into the CLI (1.2 MB the lint never needs); the editor's
// server bundle does include it (src/lazy.ts).
const loadViz = lazyPackage<VizModule>('@viz-js/viz');
let viz: Promise<Viz> | undefined;

/** The Graphviz instance, loaded once per process (~20 ms) on first use. */
export function loadRenderer(): Promise<Viz> {
  return (viz ??= Promise.resolve().then(() => loadViz().instance()));
}

export class GraphRenderError extends Error {
  override name = 'GraphRenderError';
}

/**
 * Beyond these, SVG is refused with a message rather than a wait: dot's layout time grows much
 * faster than the graph (measured CPU time, generated definitions: 2,000 states 0.5 s, 5,000
 * states 2 s, 10,000 states 18 s). Mermaid and DOT text have no limit.
 */
export const MAX_SVG_STATES = 5000;
const MAX_SVG_CLUSTERS = 1000;

export async function toSvg(graph: Graph): Promise<string> {
  return renderSvg(await loadRenderer(), graph);
}

/** Synchronous, once the renderer is loaded (the benchmark and the server call it so). */
export function renderSvg(renderer: Viz, graph: Graph): string {
  if (graph.nodes.length > MAX_SVG_STATES || graph.clusters.length > MAX_SVG_CLUSTERS) {
    throw new GraphRenderError(
      `too large to lay out as SVG (${graph.nodes.length} states in ${graph.clusters.length} Parallel branches and Map processors; at most ${MAX_SVG_STATES} and ${MAX_SVG_CLUSTERS}): use Mermaid or DOT`,
    );
  }
  const result = renderer.render(toDot(graph, { svg: true }), { format: 'svg' });
  if (result.status !== 'success') {
    throw new GraphRenderError(`Graphviz could not lay out the graph: ${result.errors.map((e) => e.message.trim()).join('; ') || 'unknown error'}`);
  }
  return tagNodes(result.output, graph);
}

/** Adds the data attributes and the tooltip to each state's `<g id="nK" class="node ...">`. */
function tagNodes(svg: string, graph: Graph): string {
  const refs = graph.nodes.length > LARGE_FROM ? graph.edges.filter((e) => e.kind === 'Catch' && e.to.startsWith('n')).map((e) => graph.nodes[Number(e.to.slice(1))]) : [];
  return svg.replace(/<g id="([nr])(\d+)" class="node([^"]*)">\n<title>[^<]*<\/title>/g, (whole, kind: string, index: string, classes: string) => {
    if (kind === 'r') {
      const target = refs[Number(index)];
      return target ? `<g id="r${index}" class="node${classes}" data-asl-graph="ref" data-state="${xml(target.name)}">\n<title>${xml(`to ${target.name}`)}</title>` : whole;
    }
    const node = graph.nodes[Number(index)];
    if (!node) return whole;
    const tip = [node.type ? `${node.name} (${node.type})` : node.name, ...node.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`)].join('\n');
    return `<g id="n${index}" class="node${classes}" data-asl-graph="node" data-state="${xml(node.name)}">\n<title>${xml(tip)}</title>`;
  });
}

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}
