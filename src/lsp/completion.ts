/**
 * Completion: the fields valid where the cursor is (per state Type and QueryLanguage), state
 * names in StartAt / Next / Default (of the cursor's scope), Type and other enumerated values,
 * Resource ARN patterns, intrinsic functions (JSONPath), and `$states` and assigned variables
 * inside `{% %}` (JSONata).
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { Scope, State, StateMachine } from '../model/model.js';
import type { Document } from '../parse/document.js';
import type { Position, Span } from '../types.js';
import type { Analysis } from './analysis.js';
import { completionSite, type CompletionSite } from './cursor.js';
import { scalarText } from '../fix/edits.js';
import { fieldInfo, objectFields, stateFields, type FieldInfo } from './fields.js';
import { STATE_TYPES, stateTypeDoc } from '../lang/state-fields.js';
import { readsContextObject } from '../lang/field-values.js';
import { CONTEXT_PATHS, INTRINSIC_DOCS, intrinsicMarkdown, intrinsicSnippet, JSONATA_FUNCTION_DOCS, RESOURCE_PATTERNS, STATES_FIELDS } from './language.js';
import { locate, objectAt, valueAt } from './locate.js';
import { writesVisibleFrom } from './variables.js';
import { numberExample, structuredValueSnippet, withoutSnippet } from './snippets.js';

export const TRIGGER_CHARACTERS = ['"', '$', '.', ':'];

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export interface CompletionOptions {
  /** The client declared completionItem.snippetSupport: else every item is plain text. */
  snippets?: boolean;
}

export function completion(analysis: Analysis, position: Position, options: CompletionOptions = { snippets: true }): CompletionList {
  const { doc } = analysis;
  const model = analysis.model ?? analysis.lastGood;
  const offset = doc.offsetAt(position);
  const site = completionSite(doc, offset);
  if (!site || !model) return EMPTY;
  const items = site.kind === 'key' ? keyItems(doc, model, site) : valueItems(doc, model, site, offset);
  return { isIncomplete: false, items: options.snippets ? items : items.map(withoutSnippet) };
}

// ---------------------------------------------------------------------------------------------
// Keys

/** Where a state holds a nested workflow: `Branches[i]`, `ItemProcessor`, `Iterator`. */
function isScopePlace(rest: readonly (string | number)[]): boolean {
  return (rest.length === 2 && rest[0] === 'Branches' && typeof rest[1] === 'number') || (rest.length === 1 && (rest[0] === 'ItemProcessor' || rest[0] === 'Iterator'));
}

function keyItems(doc: Document, model: StateMachine, site: Extract<CompletionSite, { kind: 'key' }>): CompletionItem[] {
  const obj = objectAt(model, site.objectPath);
  if (!obj) {
    // Typing a new state name under a scope's States (not a payload member spelled "States"): a state skeleton per type.
    const last = site.objectPath[site.objectPath.length - 1];
    const owner = last === 'States' ? locate(model, site.objectPath.slice(0, -1)) : undefined;
    // Also where a branch or processor's States is written while its state's Type is still being
    // typed (the model builds no scope there yet).
    const scopeHere = owner && (owner.state ? isScopePlace(owner.rest) : owner.rest.length === 0);
    if (scopeHere && !site.hasValue) return stateSkeletons(doc, site);
    return [];
  }
  const fields = obj.kind === 'state' ? stateFields(obj.state?.type, obj.queryLanguage) : objectFields(obj.kind, obj.queryLanguage);
  const items: CompletionItem[] = [];
  fields.forEach((info, i) => {
    if (site.present.has(info.name)) return;
    items.push(fieldItem(doc, site, info, i));
  });
  return items;
}

function fieldItem(doc: Document, site: Extract<CompletionSite, { kind: 'key' }>, info: FieldInfo, order: number): CompletionItem {
  const json = doc.format === 'json';
  const keyText = json ? JSON.stringify(info.name) : scalarText(doc, info.name);
  let newText = keyText;
  if (!site.hasValue) {
    const whole = structuredValueSnippet(info.name, doc.format, site.indent);
    newText += json ? `: ${whole ?? jsonValueSnippet(info)}${site.needsComma ? ',' : ''}` : `: ${whole ?? yamlValueSnippet(info, site.indent)}`;
  }
  const item: CompletionItem = {
    label: info.name,
    kind: CompletionItemKind.Property,
    detail: info.accepts,
    documentation: { kind: MarkupKind.Markdown, value: info.doc + (info.only ? `\n\nOnly in ${info.only} states.` : '') },
    textEdit: { range: doc.rangeOf(site.replace.offset, site.replace.length), newText },
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: json ? JSON.stringify(info.name) : info.name,
    sortText: `${info.required ? '0' : '1'}${String(order).padStart(3, '0')}`,
  };
  if (info.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

function jsonValueSnippet(info: FieldInfo): string {
  switch (info.kind) {
    case 'object':
      return '{$1}';
    case 'array':
      return '[$1]';
    case 'boolean':
      return '${1:true}';
    case 'number':
      return numberExample(info.name);
    case 'enum':
      return info.values && info.values.length ? `"\${1|${info.values.join(',')}|}"` : '"$1"';
    case 'any':
      return '$1';
    default:
      return '"$1"';
  }
}

function yamlValueSnippet(info: FieldInfo, indent: string): string {
  switch (info.kind) {
    case 'object':
      return `\n${indent}  $1`;
    case 'array':
      return `\n${indent}  - $1`;
    case 'boolean':
      return '${1:true}';
    case 'number':
      return numberExample(info.name);
    case 'enum':
      return info.values && info.values.length ? `\${1|${info.values.join(',')}|}` : '$1';
    default:
      return '$1';
  }
}

const SKELETON_FIELDS: Record<string, [string, string][]> = {
  Task: [
    ['Resource', '"${2:arn:aws:states:::lambda:invoke}"'],
    ['End', 'true'],
  ],
  Pass: [['End', 'true']],
  Choice: [
    ['Choices', '[$2]'],
    ['Default', '"$3"'],
  ],
  Wait: [
    ['Seconds', '${2:1}'],
    ['End', 'true'],
  ],
  Succeed: [],
  Fail: [
    ['Error', '"${2:Error}"'],
    ['Cause', '"$3"'],
  ],
  Parallel: [
    ['Branches', '[{"StartAt": "$2", "States": {}}]'],
    ['End', 'true'],
  ],
  Map: [
    ['ItemProcessor', '{"StartAt": "$2", "States": {}}'],
    ['End', 'true'],
  ],
};

function stateSkeletons(doc: Document, site: Extract<CompletionSite, { kind: 'key' }>): CompletionItem[] {
  if (doc.format !== 'json') return [];
  return STATE_TYPES.map((type, i) => {
    const members = [`"Type": "${type}"`, ...SKELETON_FIELDS[type].map(([k, v]) => `"${k}": ${v}`)].join(', ');
    return {
      label: `New ${type} state`,
      kind: CompletionItemKind.Snippet,
      documentation: stateTypeDoc(type),
      textEdit: { range: doc.rangeOf(site.replace.offset, site.replace.length), newText: `"\${1:${type}State}": {${members}}${site.needsComma ? ',' : ''}` },
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: `"${type}`,
      sortText: `2${i}`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Values

type ValueSite = Extract<CompletionSite, { kind: 'value' }>;

function valueItems(doc: Document, model: StateMachine, site: ValueSite, offset: number): CompletionItem[] {
  const path = site.path;
  const last = path[path.length - 1];
  const isItem = typeof last === 'number';
  const key = isItem ? path[path.length - 2] : last;
  const objectPath = isItem ? path.slice(0, -2) : path.slice(0, -1);
  const obj = objectAt(model, objectPath);

  // Inside a string of a state that one of ASL's languages reads (lang/field-values.ts says which,
  // from the facts the rules check with): JSONata `{% %}`, a path, an intrinsic function.
  const at = site.inString ? valueAt(model, path) : undefined;
  const value = at?.value;
  if (value?.kind === 'jsonata') {
    if (/\{%(?:(?!%\}).)*$/s.test(doc.text.slice(site.contentOffset, offset))) return jsonataItems(doc, model, at!.state, offset);
  } else if (value) {
    if (value.kind === 'template' || readsContextObject(value.path)) {
      const context = contextObjectItems(doc, offset);
      if (context) return context;
    }
    if (value.kind === 'template' || value.path === 'fail') return intrinsicItems(doc, offset);
  }
  if (!obj || typeof key !== 'string') return [];

  // The rest by the field tables (lsp/fields.ts): what the field of this kind of object offers.
  const info = fieldInfo(obj.kind, key, obj.state?.type, obj.queryLanguage);
  if (!info) return [];
  if (isItem) return info.itemValues ? info.itemValues.map((name, i) => valueItem(doc, site, name, CompletionItemKind.Constant, undefined, i)) : [];
  if (info.kind === 'state') return stateNameItems(doc, site, obj.state?.scope ?? obj.scope, obj.state);
  if (info.offers === 'resource') return resourceItems(doc, site);
  if (info.values) return info.values.map((v, i) => valueItem(doc, site, v, CompletionItemKind.EnumMember, info.valueDoc?.(v), i));
  if (info.kind === 'boolean') {
    return ['true', 'false'].map((v, i) => ({
      label: v,
      kind: CompletionItemKind.Value,
      textEdit: { range: doc.rangeOf(site.replace.offset, site.replace.length), newText: v },
      sortText: String(i),
    }));
  }
  return [];
}

/** A string value, quoted for the format, replacing what is typed. */
function valueItem(doc: Document, site: ValueSite, value: string, kind: CompletionItemKind, documentation: string | undefined, order: number): CompletionItem {
  const text = scalarText(doc, value, doc.text.slice(site.replace.offset, site.replace.offset + 1));
  const item: CompletionItem = {
    label: value,
    kind,
    textEdit: { range: doc.rangeOf(site.replace.offset, site.replace.length), newText: text },
    filterText: doc.format === 'json' ? JSON.stringify(value) : value,
    sortText: String(order).padStart(4, '0'),
  };
  if (documentation) item.documentation = { kind: MarkupKind.Markdown, value: documentation };
  return item;
}

function stateNameItems(doc: Document, site: ValueSite, scope: Scope, from: State | undefined): CompletionItem[] {
  return scope.states.map((s, i) => {
    const item = valueItem(doc, site, s.name, CompletionItemKind.Reference, undefined, s === from ? 9999 : i);
    item.detail = s.type ? `${s.type} state` : 'state';
    return item;
  });
}

function resourceItems(doc: Document, site: ValueSite): CompletionItem[] {
  const json = doc.format === 'json';
  const quote = json ? '"' : '';
  return RESOURCE_PATTERNS.map((p, i) => ({
    label: p.label,
    kind: CompletionItemKind.Value,
    documentation: p.doc,
    textEdit: { range: doc.rangeOf(site.replace.offset, site.replace.length), newText: `${quote}${p.snippet}${quote}` },
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: `${quote}${p.label}`,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** The word being typed inside a string: from after the last delimiter to the cursor. */
function wordSpan(doc: Document, offset: number, chars: RegExp): Span {
  let s = offset;
  while (s > 0 && chars.test(doc.text[s - 1])) s--;
  return { offset: s, length: offset - s };
}

/** `$$.` in a JSONPath field: the context object's fields (`$$.Execution.Id`, `$$.Task.Token`...). */
function contextObjectItems(doc: Document, offset: number): CompletionItem[] | undefined {
  const word = wordSpan(doc, offset, /[A-Za-z0-9_.$]/);
  const typed = doc.text.slice(word.offset, offset);
  if (!typed.startsWith('$$')) return undefined;
  const range = doc.rangeOf(word.offset, word.length);
  return CONTEXT_PATHS.map((p, i) => ({
    label: `$$.${p}`,
    kind: CompletionItemKind.Field,
    documentation: 'From the context object.',
    textEdit: { range, newText: `$$.${p}` },
    filterText: `$$.${p}`,
    sortText: String(i).padStart(3, '0'),
  }));
}

function intrinsicItems(doc: Document, offset: number): CompletionItem[] {
  const word = wordSpan(doc, offset, /[A-Za-z0-9_.]/);
  const typed = doc.text.slice(word.offset, offset);
  if (typed.length && !'States.'.startsWith(typed.slice(0, 7)) && !typed.startsWith('States.')) return [];
  const range = doc.rangeOf(word.offset, word.length);
  return INTRINSIC_DOCS.map((fn, i) => ({
    label: fn.name,
    kind: CompletionItemKind.Function,
    detail: fn.signature,
    documentation: { kind: MarkupKind.Markdown, value: intrinsicMarkdown(fn) },
    textEdit: { range, newText: intrinsicSnippet(fn) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: String(i).padStart(3, '0'),
  }));
}

function jsonataItems(doc: Document, model: StateMachine, state: State, offset: number): CompletionItem[] {
  const word = wordSpan(doc, offset, /[A-Za-z0-9_.$]/);
  const typed = doc.text.slice(word.offset, offset);
  const range = doc.rangeOf(word.offset, word.length);
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, documentation: string, order: number) =>
    items.push({ label, kind, documentation, textEdit: { range, newText: label }, filterText: label, sortText: String(order).padStart(3, '0') });
  if (typed.startsWith('$states.context.')) {
    CONTEXT_PATHS.forEach((p, i) => add(`$states.context.${p}`, CompletionItemKind.Field, 'From the context object.', i));
    return items;
  }
  if (typed.startsWith('$states.')) {
    STATES_FIELDS.forEach((f, i) => add(`$states.${f.name}`, CompletionItemKind.Field, f.doc, i));
    return items;
  }
  if (!typed.startsWith('$') && typed.length > 0) return items;
  add('$states', CompletionItemKind.Variable, 'The reserved variable: input, context, result, errorOutput.', 0);
  STATES_FIELDS.forEach((f, i) => add(`$states.${f.name}`, CompletionItemKind.Field, f.doc, 1 + i));
  variablesVisibleFrom(model, state).forEach((v, i) => add(`$${v}`, CompletionItemKind.Variable, 'A variable assigned with Assign.', 10 + i));
  JSONATA_FUNCTION_DOCS.forEach((f, i) => add(`$${f.name}`, CompletionItemKind.Function, `${f.signature}: ${f.doc}`, 500 + i));
  return items;
}

/** The variables lint() considers assigned (lsp/variables.ts) that the state sees, by name. */
function variablesVisibleFrom(model: StateMachine, state: State): string[] {
  return [...new Set(writesVisibleFrom(model, state).map((w) => w.name))].sort();
}
