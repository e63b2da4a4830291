/**
 * The custom request `aslLint/graph`: the picture of an open document's state machine for any
 * LSP client (the VS Code graph view is one). From the document's analysis: its model (the
 * tolerant one while the text does not parse) and its diagnostics; nothing is parsed again.
 *
 *   params: { uri: string, format?: 'mermaid' | 'dot' | 'svg' }   (default: svg)
 *   result: { format, mermaid? | dot? | svg?, nodes: [{ id, name, type?, range, severity? }],
 *             problems: number }
 */
import { buildGraph } from '../graph/graph.js';
import { toDot } from '../graph/dot.js';
import { toMermaid } from '../graph/mermaid.js';
import { nodeRanges } from '../graph/source.js';
import { GraphRenderError, loadRenderer, renderSvg } from '../graph/svg.js';
import type { Range, Severity } from '../types.js';
import type { Analysis } from './analysis.js';

export const GRAPH_METHOD = 'aslLint/graph';
const GRAPH_FORMATS = ['svg', 'mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

interface GraphParams {
  uri: string;
  format?: GraphFormat;
}

interface GraphNodeInfo {
  /** The id of the node in the text (`n0`...; in SVG the `<g id>`). */
  id: string;
  name: string;
  type?: string;
  /** Where the state's name is written. */
  range: Range;
  severity?: Severity;
}

export interface GraphResult {
  uri: string;
  version: number;
  format: GraphFormat;
  mermaid?: string;
  dot?: string;
  svg?: string;
  nodes: GraphNodeInfo[];
  /** Diagnostics of the document in all (on states or not). */
  problems: number;
}

/** A request that cannot be answered: the server sends it as an error with this code. */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    /** InvalidParams (-32602) for bad params, RequestFailed (-32803) for a graph that cannot be drawn. */
    readonly code = -32602,
  ) {
    super(message);
  }
}

export function checkGraphParams(params: unknown): { uri: string; format: GraphFormat } {
  const p = params as Partial<GraphParams> | null | undefined;
  if (!p || typeof p !== 'object' || typeof p.uri !== 'string') throw new GraphRequestError(`${GRAPH_METHOD}: params must be {uri, format?}`);
  const format = p.format ?? 'svg';
  if (!GRAPH_FORMATS.includes(format)) throw new GraphRequestError(`${GRAPH_METHOD}: format must be svg, mermaid or dot, got ${JSON.stringify(p.format)}`);
  return { uri: p.uri, format };
}

export async function graph(analysis: Analysis, format: GraphFormat): Promise<GraphResult> {
  const model = analysis.model;
  if (!model) throw new GraphRequestError(`${GRAPH_METHOD}: the document has no state machine to draw yet (${analysis.lint.diagnostics[0]?.message ?? 'it is empty'})`, -32803);
  const diagnostics = analysis.lint.diagnostics;
  const g = buildGraph(model, { problems: diagnostics });
  const ranges = nodeRanges(g, analysis.tolerant ? analysis.doc : model.doc);
  const nodes: GraphNodeInfo[] = g.nodes.map((n, i) => {
    const info: GraphNodeInfo = { id: n.id, name: n.name, range: ranges[i].range };
    if (n.type !== undefined) info.type = n.type;
    if (n.severity) info.severity = n.severity;
    return info;
  });
  const result: GraphResult = { uri: analysis.uri, version: analysis.version, format, nodes, problems: diagnostics.length };
  if (format === 'mermaid') result.mermaid = toMermaid(g);
  else if (format === 'dot') result.dot = toDot(g);
  else {
    const renderer = await loadRenderer();
    try {
      result.svg = renderSvg(renderer, g);
    } catch (err) {
      if (err instanceof GraphRenderError) throw new GraphRequestError(`${GRAPH_METHOD}: ${err.message}`, -32803);
      throw err;
    }
  }
  return result;
}
