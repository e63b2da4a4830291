/**
 * Hover: what a field means and accepts; on a state name, its type and what transitions into it;
 * on an intrinsic function, its signature; on a Resource, what the integration does; and the
 * rule behind any diagnostic under the cursor.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { State, StateMachine } from '../model/model.js';
import { formatLocation } from '../model/location.js';
import type { Position, Span } from '../types.js';
import type { Analysis } from './analysis.js';
import { tokenAt, type Token } from './cursor.js';
import { rulesMeta, ruleDocsUrl } from '../api.js';
import { fieldInfo, isStateField, type FieldInfo } from './fields.js';
import { isStateType, stateTypeDoc } from '../lang/state-fields.js';
import { CONTEXT_PATHS, describeResource, INTRINSIC_BY_NAME, intrinsicMarkdown, JSONATA_FUNCTION_DOCS, STATES_FIELDS } from './language.js';
import { locate, objectAt, valueAt } from './locate.js';
import { schemaFieldDoc, type SchemaFieldDoc } from './schemaDocs.js';
import { incoming, stateSymbolAt } from './stateNames.js';

export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc, model } = analysis;
  const offset = doc.offsetAt(position);
  const parts: string[] = [];
  let span: Span | undefined;

  const token = tokenAt(doc, offset);
  if (token && model) {
    const symbol = stateSymbolAt(analysis, offset);
    if (symbol) {
      parts.push(symbol.state ? stateMarkdown(symbol.state) : `No state \`${symbol.name}\` in this scope.`);
      span = symbol.span;
    } else if (token.part === 'key') {
      const text = keyMarkdown(model, token);
      if (text) parts.push(text);
      span = token.span;
    } else {
      const text = valueMarkdown(analysis, token, offset);
      if (text) parts.push(text);
      span = token.span;
    }
  }

  // The rules behind the diagnostics under the cursor.
  const seen = new Set<string>();
  for (const d of analysis.lint.diagnostics) {
    if (offset < d.offset || offset > d.offset + d.length || seen.has(d.rule)) continue;
    seen.add(d.rule);
    const meta = Object.hasOwn(rulesMeta, d.rule) ? rulesMeta[d.rule] : undefined;
    const docs = meta && ruleDocsUrl(meta.id);
    if (meta) parts.push(`**${meta.id}** (${meta.code}): ${meta.description}${docs ? ` [Docs](${docs})` : ''}`);
  }

  if (parts.length === 0) return null;
  const hoverResult: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
  if (span) hoverResult.range = doc.rangeOf(span.offset, span.length);
  return hoverResult;
}

function stateMarkdown(state: State): string {
  const lines: string[] = [];
  lines.push(`**${state.name}**: ${state.type ? `${state.type} state` : 'state with no Type'} (${state.queryLanguage})`);
  const typeDoc = state.type ? stateTypeDoc(state.type) : undefined;
  if (typeDoc) lines.push(typeDoc);
  const comment = state.obj.Comment;
  if (typeof comment === 'string' && comment.length) lines.push(`_${comment}_`);
  const into = incoming(state);
  const sources: string[] = [];
  if (into.startAt) sources.push(state.scope.kind === 'root' ? 'StartAt' : `StartAt of ${formatLocation(state.scope.path)}`);
  for (const e of into.edges) sources.push(`\`${e.from.name}\` (${edgeLabel(e.path)})`);
  lines.push(sources.length ? `Transitions in from: ${sources.join(', ')}` : 'Nothing transitions into this state.');
  const out = state.edges.map((e) => `\`${e.target}\` (${edgeLabel(e.path)})`);
  if (out.length) lines.push(`Transitions out to: ${out.join(', ')}`);
  else if (state.isTerminal) lines.push('Terminal state.');
  return lines.join('\n\n');
}

function edgeLabel(path: readonly (string | number)[]): string {
  // The tail after the state: Next, Default, Choices[0].Next, Catch[1].Next
  const i = path.lastIndexOf('Choices') >= 0 ? path.lastIndexOf('Choices') : path.lastIndexOf('Catch');
  if (i >= 0 && i >= path.length - 3) return `${path[i]}[${path[i + 1]}]`;
  return String(path[path.length - 1]);
}

function fieldMarkdown(info: FieldInfo, where: string, schema: SchemaFieldDoc | undefined, notAllowed?: string): string {
  const lines = [`**${info.name}**${where ? ` (${where})` : ''}`];
  lines.push(schema?.description ?? info.doc);
  lines.push(`Accepts: ${info.accepts}.`);
  if (schema?.constraint) lines.push(`Schema: ${schema.constraint}.`);
  if (info.only) lines.push(`Only in ${info.only} states.`);
  if (info.required) lines.push('Required.');
  if (info.deprecated) lines.push(`Deprecated: ${info.deprecated}`);
  if (notAllowed) lines.push(`**${notAllowed}**`);
  return lines.join('\n\n');
}

function keyMarkdown(model: StateMachine, token: Token): string | undefined {
  const key = String(token.path[token.path.length - 1]);
  const site = objectAt(model, token.path.slice(0, -1));
  if (!site) return undefined;
  const info = fieldInfo(site.kind, key, site.state?.type, site.queryLanguage);
  const schema = schemaFieldDoc(site.kind, key, site.state?.type, site.queryLanguage);
  if (!info) return schema?.description ? `**${key}**\n\n${schema.description}` : undefined;
  let where = '';
  let notAllowed: string | undefined;
  if (site.kind === 'state' && site.state) {
    const type = site.state.type;
    where = type ? `${type} state` : 'state';
    if (type && !isStateField(type, key)) notAllowed = `Not allowed in a ${type} state.`;
    else if (info.only && info.only !== site.queryLanguage) notAllowed = `Not allowed here: this state uses ${site.queryLanguage}.`;
  } else {
    where = KIND_LABEL[site.kind] ?? '';
  }
  return fieldMarkdown(info, where, schema, notAllowed);
}

const KIND_LABEL: Record<string, string> = {
  root: 'state machine',
  branch: 'Parallel branch',
  processor: 'Map ItemProcessor',
  retrier: 'retrier',
  catcher: 'catcher',
  choiceRule: 'choice rule',
  nestedRule: 'choice rule',
  processorConfig: 'ProcessorConfig',
  itemReader: 'ItemReader',
  readerConfig: 'ReaderConfig',
  itemBatcher: 'ItemBatcher',
  resultWriter: 'ResultWriter',
  writerConfig: 'WriterConfig',
  credentials: 'Credentials',
};

function valueMarkdown(analysis: Analysis, token: Token, offset: number): string | undefined {
  const { model, doc } = analysis;
  if (token.node.type !== 'string') return undefined;
  const value = String(token.node.value);
  const found = locate(model, token.path);
  const rest = found?.rest ?? [];
  const key = token.path[token.path.length - 1];
  if (found?.state && rest.length === 1 && key === 'Type' && stateTypeDoc(value)) return `**${value}** state\n\n${stateTypeDoc(value)}`;
  // A Task's Resource (or any state's while its Type is being typed), not a field of that name in another type.
  if (found?.state && rest.length === 1 && key === 'Resource' && (found.state.type === undefined || !isStateType(found.state.type) || isStateField(found.state.type, key)))
    return describeResource(value);

  // A word inside the string under the cursor, where the place's language reads it (asked of
  // lang/field-values.ts, as completion does, not read off the word): an intrinsic function where
  // one is evaluated (a JSONPath template's `.$` member, a Fail's ErrorPath/CausePath), `$states`
  // and JSONata functions in a JSONata expression.
  const place = valueAt(model, token.path);
  if (!place) return undefined;
  const raw = doc.text.slice(token.span.offset, token.span.offset + token.span.length);
  const word = wordAt(raw, offset - token.span.offset);
  if (!word) return undefined;
  if (place.value.kind === 'jsonata') return value.startsWith('{%') ? jsonataWordMarkdown(word) : undefined;
  if (place.value.kind === 'template' || place.value.path === 'fail') {
    const intrinsic = INTRINSIC_BY_NAME.get(word);
    if (intrinsic) return intrinsicMarkdown(intrinsic);
  }
  return undefined;
}

/** `$states...` or a JSONata function, in a JSONata expression. */
function jsonataWordMarkdown(word: string): string | undefined {
  if (word.startsWith('$states')) {
    const field = word.split('.')[1];
    const fieldDoc = STATES_FIELDS.find((f) => f.name === field);
    if (field === 'context') {
      const tail = word.split('.').slice(2).join('.');
      if (tail && CONTEXT_PATHS.includes(tail)) return `\`$states.context.${tail}\`: from the context object.`;
    }
    if (fieldDoc) return `\`$states.${fieldDoc.name}\`: ${fieldDoc.doc}`;
    return '`$states`: the reserved variable of JSONata states: `input`, `context`, `result`, `errorOutput`.';
  }
  const fn = JSONATA_FUNCTION_DOCS.find((f) => `$${f.name}` === word);
  if (fn) return '```\n' + fn.signature + '\n```\n\n' + fn.doc;
  return undefined;
}

/** The identifier-like word (with dots and a leading $) around a position in a string. */
function wordAt(raw: string, at: number): string | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.$]/.test(c);
  let s = at;
  let e = at;
  while (s > 0 && isWord(raw[s - 1])) s--;
  while (e < raw.length && isWord(raw[e])) e++;
  const w = raw.slice(s, e).replace(/\.+$/, '');
  return w.length ? w : undefined;
}
