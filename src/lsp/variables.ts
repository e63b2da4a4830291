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
import { isDistributed, variableNameProblem, variableUse, type VariableWrite } from '../lang/variables.js';
import { stringSpan } from '../lang/text.js';

interface VariableAt {
  name: string;
  /** `$name` in the text. */
  span: Span;
  state: State;
}

/** A character of a variable name (UAX #31, as lang/variables.ts's variableNameProblem). */
const WORD = /\p{ID_Continue}/u;

/**
 * The `$name` under the cursor: lint's read there (lang/variables.ts), or, while the string does
 * not parse (a half-typed expression), the word around the cursor, inside a string that one of
 * ASL's languages reads there (lang/field-values.ts: a JSONata string, a path or a payload
 * template's `.$` member; not a Comment, a plain template member or a Pass state's static Result),
 * not `$states`, `$$` or `$.x`.
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
    const span = stringSpan(doc, r.path, r.value, r.start, r.end);
    if (offset >= span.offset && offset <= span.offset + span.length) return { name: r.name, span, state: place.state };
  }
  // A JSONata expression that parses has all its reads above: a `$name` it binds itself (`$v := ...`, a parameter) is none.
  if (place.value.kind === 'jsonata' && isJsonataExpression(value) && !hasPlaceholder(value) && !analyzeJsonataString(value).error) return undefined;
  const text = doc.text;
  let s = offset;
  while (s > token.span.offset && WORD.test(text[s - 1])) s--;
  let e = offset;
  while (e < token.span.offset + token.span.length && WORD.test(text[e])) e++;
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
  const scopesOf = new Map<Scope, Set<Scope>>();
  /** The Assign keys of this name a state sees. */
  const seen = (state: State): VariableWrite[] => {
    let scopes = scopesOf.get(state.scope);
    if (!scopes) scopesOf.set(state.scope, (scopes = visibleScopes(state.scope)));
    return named.filter((w) => scopes.has(w.state.scope));
  };
  const mine = new Set(seen(v.state));
  const same = (state: State) => {
    const theirs = seen(state);
    return theirs.length === 0 ? mine.size === 0 : theirs.some((w) => mine.has(w));
  };
  const spans: Span[] = [];
  for (const r of use.reads) if (r.name === v.name && same(r.state)) spans.push(stringSpan(doc, r.path, r.value, r.start, r.end));
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
