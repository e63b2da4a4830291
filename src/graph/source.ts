/**
 * The graphs of a file as found in a repository: one for a plain definition, one per state
 * machine of a template (CloudFormation/SAM, Serverless, Terraform). The file is linted by
 * lintSource(), as `asl-lint` lints it (templates, the types they declare, substitutions, the
 * files they name read through src/read-file.ts under the project root); each graph is drawn
 * from the model and diagnostics of that one analysis: nothing is parsed twice.
 */
import type { Document } from '../parse/document.js';
import { lintSource, type LintFileOptions } from '../lint-file.js';
import type { Range } from '../types.js';
import { buildGraph, type Graph } from './graph.js';

export interface MachineGraph {
  /** The template resource (undefined for a plain definition). */
  name?: string;
  /** The file the definition was read from (a template's DefinitionUri names another). */
  filePath: string;
  graph: Graph;
  /** The analysed document, whose model the graph shows. */
  doc: Document;
}

export interface GraphFileOptions extends Omit<LintFileOptions, 'mode' | 'linted' | 'fingerprint' | 'skipDefinitions'> {
  /** Told of each state machine of a template that is not drawn, and why (when others are). */
  onSkip?: (message: string) => void;
}

/** Thrown for a file that holds nothing to draw; the message is one line for a person. */
export class NoGraphError extends Error {
  override name = 'NoGraphError';
}

export function graphsOfFile(text: string, filePath: string, options: GraphFileOptions = {}): MachineGraph[] {
  const { onSkip, ...lintOptions } = options;
  const [own] = lintSource(text, filePath, { ...lintOptions, mode: 'auto', linted: true });
  const linted = own.linted ?? [];
  if (own.kind === 'asl') {
    const [plain] = linted;
    const model = plain?.analysis?.model;
    if (!plain?.analysis || !model || !model.root) throw new NoGraphError(`not a state machine definition: ${firstProblem(own.diagnostics)}`);
    if (model.states.length === 0 && model.rootScope?.startAt === undefined) throw new NoGraphError('not a state machine definition: it has no StartAt and no States');
    return [{ filePath, doc: plain.analysis.doc, graph: buildGraph(model, { problems: plain.diagnostics }) }];
  }
  const out: MachineGraph[] = [];
  const skipped: string[] = [];
  for (const def of linted) {
    const model = def.analysis?.model;
    if (def.notLinted !== undefined) skipped.push(`${def.name}: ${def.notLinted}`);
    else if (!def.analysis || !model || !model.root) skipped.push(`${def.name}: ${def.analysis ? firstProblem(def.diagnostics) : 'it does not parse'}`);
    else out.push({ name: def.name, filePath: def.filePath, doc: def.analysis.doc, graph: buildGraph(model, { name: def.name, problems: def.diagnostics }) });
  }
  if (out.length === 0) throw new NoGraphError(skipped.length ? `no state machine to draw (${skipped.join('; ')})` : 'the template holds no state machine');
  for (const s of skipped) onSkip?.(s);
  return out;
}

function firstProblem(diagnostics: { message: string; range: Range }[]): string {
  const d = diagnostics[0];
  return d ? `${d.message} (line ${d.range.start.line + 1})` : 'it does not parse';
}

/** Where each state's name is written in the document (its key), for editors. */
export function nodeRanges(graph: Graph, doc: Document): { id: string; name: string; range: Range }[] {
  return graph.nodes.map((n) => {
    const span = doc.spanOf(n.path, 'key');
    return { id: n.id, name: n.name, range: doc.rangeOf(span.offset, span.length) };
  });
}
