/**
 * The graphs of a file as found in a repository: one for a plain definition, one per state
 * machine of a template (CloudFormation/SAM, Serverless, Terraform). Each comes from lint()'s own
 * analysis of the definition (its model and its diagnostics): nothing is parsed twice.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintDocument, type LintOptions } from '../api.js';
import type { Document } from '../parse/document.js';
import { formatForFile, parse } from '../parse/index.js';
import { substituteJson } from '../parse/substitute.js';
import { extractTemplate } from '../parse/templates/index.js';
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

export interface GraphFileOptions {
  type?: LintOptions['type'];
  rules?: LintOptions['rules'];
  substitutions?: ReadonlyMap<string, string>;
  readFile?: (path: string) => string;
  /** Told of each state machine of a template that is not drawn, and why (when others are). */
  onSkip?: (message: string) => void;
}

/** Thrown for a file that holds nothing to draw; the message is one line for a person. */
export class NoGraphError extends Error {
  override name = 'NoGraphError';
}

export function graphsOfFile(text: string, filePath: string, options: GraphFileOptions = {}): MachineGraph[] {
  const looksLikeTemplate = /\.tf$/i.test(filePath) || /AWS::(StepFunctions|Serverless)::StateMachine|stepFunctions/.test(text);
  const template = looksLikeTemplate ? extractTemplate(text, filePath, options.substitutions) : undefined;
  if (!template) return [plainGraph(text, filePath, options)];
  const out: MachineGraph[] = [];
  const skipped: string[] = [];
  for (const def of template.definitions) {
    if (def.doc) {
      const lint = lintDocument(def.doc, { type: options.type, rules: options.rules });
      if (!lint.analysis.model) skipped.push(`${def.name}: ${firstProblem(lint.diagnostics)}`);
      else out.push({ name: def.name, filePath, doc: def.doc, graph: buildGraph(lint.analysis.model, { name: def.name, problems: lint.diagnostics }) });
    } else if (def.file) {
      const target = resolve(dirname(filePath), def.file);
      let body: string;
      try {
        body = (options.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(target);
      } catch (err) {
        skipped.push(`${def.name}: ${def.field} names '${def.file}', which cannot be read (${(err as NodeJS.ErrnoException)?.code ?? String(err)})`);
        continue;
      }
      const subs = new Map([...(options.substitutions ?? []), ...(def.substitutions ?? [])]);
      const g = plainGraph(body.replace(/^\uFEFF/, ''), target, { ...options, substitutions: subs });
      g.name = def.name;
      g.graph.name = def.name;
      out.push(g);
    } else if (def.notCheckable) {
      skipped.push(`${def.name}: ${def.notCheckable}`);
    }
  }
  if (out.length === 0) throw new NoGraphError(skipped.length ? `no state machine to draw (${skipped.join('; ')})` : 'the template holds no state machine');
  for (const s of skipped) options.onSkip?.(s);
  return out;
}

function plainGraph(text: string, filePath: string, options: GraphFileOptions): MachineGraph {
  const format = formatForFile(filePath);
  const body = options.substitutions?.size && format === 'json' ? substituteJson(text, options.substitutions).text : text;
  const doc = parse(body, format);
  const lint = lintDocument(doc, { type: options.type, rules: options.rules });
  const model = lint.analysis.model;
  if (!model || !model.root) throw new NoGraphError(`not a state machine definition: ${firstProblem(lint.diagnostics)}`);
  if (model.states.length === 0 && model.rootScope?.startAt === undefined) throw new NoGraphError('not a state machine definition: it has no StartAt and no States');
  return { filePath, doc, graph: buildGraph(model, { problems: lint.diagnostics }) };
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
