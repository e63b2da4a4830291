/**
 * `$variables` (set with Assign): hover (where each is assigned, and the kind of value), go to
 * definition (the Assign keys) and references (every read of `$name`).
 *
 * What is assigned and what is read are lint's facts (lang/variables.ts: `variableUse`, built on
 * sitesOf's Assign sites, which only collect an Assign the state type accepts, with
 * `assignedName` for the language), not the keys' spelling: the editor offers, shows and finds
 * exactly the variables lint() considers assigned and read. A state sees the variables assigned in
 * its scope and the scopes enclosing it, up to a Distributed Map's child workflow (a separate
 * execution that sees none of its parent's).
 */
import { MarkupKind, type Hover, type Location } from 'vscode-languageserver';
import type { Json, Scope, State, StateMachine } from '../model/model.js';
import type { Position, Span } from '../types.js';
import type { Analysis } from './analysis.js';
import { tokenAt } from './cursor.js';
import { samePath, valueAt } from './locate.js';
import { analyzeJsonataString, isJsonataExpression } from '../lang/jsonata.js';
import { hasPlaceholder } from '../parse/placeholder.js';
import { isDistributed, variableNameProblem, variableUse, type VariableRead, type VariableWrite } from '../lang/variables.js';
import { parseJsonPath } from '../lang/jsonpath.js';
import { parseIntrinsic, startsLikeIntrinsicCall } from '../lang/intrinsics.js';
import { stringSpan } from '../lang/text.js';
import { perObject } from '../memo.js';
import type { Document } from '../parse/document.js';
import { lastAtMost } from '../sorted.js';

interface VariableAt {
  name: string;
  /** `$name` in the text. */
  span: Span;
  state: State;
}

/** A variable name (UAX #31, as lang/variables.ts's variableNameProblem): its characters, whole code points. */
const WORD = /\p{ID_Continue}/u;

/**
 * A read's `$name` in the text: mapped through the string's quotes and escapes; where the string
 * cannot be followed character by character (a YAML block or folded scalar, a multi-line quoted
 * one: stringSpan gives the whole value), the same occurrence of `$name` in the string's text (a
 * name has no white space, so folding leaves it whole); the whole value if even that fails
 * (`exact` false).
 */
function readSpan(doc: Document, r: VariableRead): Span & { exact: boolean } {
  const span = stringSpan(doc, r.path, r.value, r.start, r.end);
  const whole = doc.spanOf(r.path);
  if (span.offset !== whole.offset || span.length !== whole.length || r.end - r.start === r.value.length) return { ...span, exact: true };
  const token = `$${r.name}`;
  const found = occurrencesOf(doc, whole, r.value, token);
  const nth = lastAtMost(found.inValue.length, (i) => found.inValue[i], r.start);
  if (nth >= 0 && found.inValue[nth] === r.start && nth < found.inText.length) return { offset: found.inText[nth], length: token.length, exact: true };
  return { ...span, exact: false };
}

/**
 * Where `token` stands whole in a string's decoded value and in its text (both in order), once per
 * document, string and name: a block with thousands of reads is searched once, not once a read.
 */
function occurrencesOf(doc: Document, whole: Span, value: string, token: string): { inValue: number[]; inText: number[] } {
  const byString = occurrencesByDoc(doc);
  const key = `${whole.offset}\u0000${token}`;
  let found = byString.get(key);
  if (!found) {
    const inValue: number[] = [];
    for (let i = value.indexOf(token); i >= 0; i = value.indexOf(token, i + 1)) if (isWhole(value, i, token.length)) inValue.push(i);
    const inText: number[] = [];
    const text = doc.text;
    const end = whole.offset + whole.length;
    for (let i = text.indexOf(token, whole.offset); i >= 0 && i + token.length <= end; i = text.indexOf(token, i + 1)) if (isWhole(text, i, token.length)) inText.push(i);
    byString.set(key, (found = { inValue, inText }));
  }
  return found;
}

const occurrencesByDoc = perObject((_doc: Document) => new Map<string, { inValue: number[]; inText: number[] }>());

/** `$name` at `i` is the whole name: no name character follows it, and it is not `$$name`. */
function isWhole(text: string, i: number, length: number): boolean {
  const next = text.codePointAt(i + length);
  return text[i - 1] !== '$' && (next === undefined || !WORD.test(String.fromCodePoint(next)));
}

/** Whether the string at a place parses in the language that reads it (then lint's reads are all of its variables). */
function parsesThere(kind: 'path' | 'template' | 'jsonata', value: string): boolean {
  if (hasPlaceholder(value)) return false;
  if (kind === 'jsonata') return isJsonataExpression(value) && !analyzeJsonataString(value).error;
  if (kind === 'template' && startsLikeIntrinsicCall(value)) return parseIntrinsic(value).call !== undefined;
  const info = parseJsonPath(value);
  return info !== undefined && !info.error;
}

/** The name characters around `offset` in text[from, to), whole code points: [start, end). */
function wordAround(text: string, offset: number, from: number, to: number): { start: number; end: number } {
  let start = offset;
  for (;;) {
    if (start <= from) break;
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start - 2 >= from ? 2 : 1;
    if (!WORD.test(String.fromCodePoint(text.codePointAt(start - width)!))) break;
    start -= width;
  }
  let end = offset;
  while (end < to) {
    const cp = text.codePointAt(end)!;
    if (!WORD.test(String.fromCodePoint(cp))) break;
    end += cp > 0xffff ? 2 : 1;
  }
  return { start, end };
}

/**
 * The `$name` under the cursor: lint's read there (lang/variables.ts), or, while the string does
 * not parse in its language (a half-typed expression, path or call), the word around the cursor,
 * inside a string that one of ASL's languages reads there (lang/field-values.ts: a JSONata string,
 * a path or a payload template's `.$` member; not a Comment, a plain template member or a Pass
 * state's static Result), not `$states`, `$$` or `$.x`.
 */
function variableAt(analysis: Analysis, offset: number): VariableAt | undefined {
  const { doc, model } = analysis;
  if (!model) return undefined;
  const token = tokenAt(doc, offset);
  if (!token || token.part !== 'value' || token.node.type !== 'string') return undefined;
  const place = valueAt(model, token.path);
  if (!place || (place.value.kind === 'path' && place.value.path === 'result')) return undefined;
  const value = String(token.node.value);
  if (place.value.kind === 'jsonata' && !value.startsWith('{%')) return undefined;
  for (const r of variableUse(model).readsByState.get(place.state) ?? []) {
    if (!samePath(r.path, token.path)) continue;
    const { exact, ...span } = readSpan(doc, r);
    // Only a span that is this read's `$name` (not a whole value that could not be followed).
    if (exact && offset >= span.offset && offset <= span.offset + span.length) return { name: r.name, span, state: place.state };
  }
  // A string that parses has all its reads above: a `$name` it binds itself (`$v := ...`, a
  // parameter) or holds in a literal (`'Hi $name'`) is none.
  if (parsesThere(place.value.kind, value)) return undefined;
  const text = doc.text;
  const { start: s, end: e } = wordAround(text, offset, token.span.offset, token.span.offset + token.span.length);
  if (text[s - 1] !== '$' || text[s - 2] === '$' || e === s) return undefined;
  const name = text.slice(s, e);
  if (name === 'states' || /^\d/.test(name)) return undefined;
  return { name, span: { offset: s - 1, length: e - s + 1 }, state: place.state };
}

/** The scopes whose variables a state of `from` sees: it and the enclosing ones, up to a Distributed Map's child workflow. */
function visibleScopes(from: Scope): Set<Scope> {
  const scopes = new Set<Scope>();
  for (let scope: Scope | undefined = from; scope; scope = scope.parent) {
    scopes.add(scope);
    if (scope.kind === 'itemProcessor' && scope.owner && isDistributed(scope.owner)) break;
  }
  return scopes;
}

/** The Assign keys (lint's writes) of valid variable names a state can see; of `name` only, when given. */
export function writesVisibleFrom(model: StateMachine, state: State, name?: string): VariableWrite[] {
  const scopes = visibleScopes(state.scope);
  return variableUse(model).writes.filter((w) => (name === undefined ? variableNameProblem(w.name) === undefined : w.name === name) && scopes.has(w.state.scope));
}

/** The kind of value an Assign member gives its variable, as the state's language reads it. */
function valueKind(w: VariableWrite, value: Json | undefined): string {
  if (w.site.language === 'JSONPath' && String(w.path[w.path.length - 1]).endsWith('.$')) return 'a JSONPath or intrinsic function result';
  if (w.site.language === 'JSONata' && isJsonataExpression(value)) return 'a JSONata expression result';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function assignedValue(w: VariableWrite): Json | undefined {
  return w.site.obj[String(w.path[w.path.length - 1])];
}

export function variableHover(analysis: Analysis, position: Position): Hover | null {
  const v = variableAt(analysis, analysis.doc.offsetAt(position));
  if (!v) return null;
  const found = writesVisibleFrom(analysis.model!, v.state, v.name);
  const lines = [`**$${v.name}**: variable`];
  if (found.length === 0) lines.push(`Not assigned in any state \`${v.state.name}\` can see (Assign in this scope or an enclosing one).`);
  for (const a of found) {
    const line = analysis.doc.positionAt(analysis.doc.spanOf(a.path, 'key').offset).line + 1;
    lines.push(`- assigned in \`${a.state.name}\` (line ${line}): ${valueKind(a, assignedValue(a))}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: analysis.doc.rangeOf(v.span.offset, v.span.length) };
}

export function variableDefinition(analysis: Analysis, position: Position): Location[] | null {
  const v = variableAt(analysis, analysis.doc.offsetAt(position));
  if (!v) return null;
  return writesVisibleFrom(analysis.model!, v.state, v.name).map((a) => {
    const span = analysis.doc.spanOf(a.path, 'key');
    return { uri: analysis.uri, range: analysis.doc.rangeOf(span.offset, span.length) };
  });
}

/**
 * Every read of the variable under the cursor (lint's reads: JSONata expressions, paths, template
 * `.$` members, intrinsic arguments; not the same characters in a Comment or a literal), in text
 * order, with the one under the cursor even while its expression does not parse; and the Assign
 * keys when asked. The same variable: a read that sees one of the Assign keys the cursor's state
 * sees (sibling Parallel branches or Map processors may each have their own `$x`); reads that see
 * none of that name go with one another.
 */
export function variableReferences(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] | null {
  const v = variableAt(analysis, analysis.doc.offsetAt(position));
  if (!v) return null;
  const { doc } = analysis;
  const model = analysis.model!;
  const use = variableUse(model);
  const named = use.writes.filter((w) => w.name === v.name);
  // The writes of this name per scope, once; whether a scope's reads are this variable, once per
  // scope, by walking its enclosing scopes (no list of what it sees): linear in reads and writes.
  const byScope = new Map<Scope, VariableWrite[]>();
  for (const w of named) {
    const list = byScope.get(w.state.scope);
    if (list) list.push(w);
    else byScope.set(w.state.scope, [w]);
  }
  /** The scopes holding Assign keys of this name that the cursor's state sees. */
  const mineScopes = new Set([...visibleScopes(v.state.scope)].filter((scope) => byScope.has(scope)));
  const mine = named.filter((w) => mineScopes.has(w.state.scope));
  const sameByScope = new Map<Scope, boolean>();
  /** A read sees one of the cursor's Assign keys of this name; or, when it sees none of this name, the cursor sees none either. */
  const same = (state: State): boolean => {
    let answer = sameByScope.get(state.scope);
    if (answer === undefined) {
      let seesAny = false;
      answer = false;
      for (const scope of visibleScopes(state.scope)) {
        if (!byScope.has(scope)) continue;
        seesAny = true;
        if (mineScopes.has(scope)) {
          answer = true;
          break;
        }
      }
      if (!seesAny) answer = mineScopes.size === 0;
      sameByScope.set(state.scope, answer);
    }
    return answer;
  };
  const spans: Span[] = [];
  for (const r of use.reads) {
    if (r.name !== v.name || !same(r.state)) continue;
    const { offset, length } = readSpan(doc, r);
    spans.push({ offset, length });
  }
  if (!spans.some((s) => s.offset === v.span.offset)) spans.push(v.span);
  spans.sort((a, b) => a.offset - b.offset);
  const out: Location[] = spans.map((s) => ({ uri: analysis.uri, range: doc.rangeOf(s.offset, s.length) }));
  if (includeDeclaration) {
    for (const a of mine) {
      const span = doc.spanOf(a.path, 'key');
      out.push({ uri: analysis.uri, range: doc.rangeOf(span.offset, span.length) });
    }
  }
  return out;
}
