/**
 * State names as symbols: the key under States is the definition; StartAt, Next, Default,
 * Choices[].Next and Catch[].Next of the same scope are the references. Scope-aware: a name in a
 * Parallel branch or Map processor is a different symbol from the same name elsewhere.
 */
import type { Edge, Scope, State, StateMachine } from '../model/model.js';
import type { Document } from '../parse/document.js';
import type { Path, Span } from '../types.js';
import type { Analysis } from './analysis.js';
import { tokenAt } from './cursor.js';
import { locate, samePath } from './locate.js';

export interface StateSymbol {
  scope: Scope;
  name: string;
  /** The state, when one of that name exists in the scope. */
  state: State | undefined;
  /** The token under the cursor. */
  span: Span;
  /** The cursor is on the definition (the key under States). */
  isDefinition: boolean;
}

export interface Occurrence {
  span: Span;
  /** 'definition' for the key, else the field that refers to it. */
  kind: 'definition' | 'StartAt' | Edge['field'];
  path: Path;
}

/** The state name under the cursor, if any. */
export function stateSymbolAt(analysis: Analysis, offset: number): StateSymbol | undefined {
  const { model, doc } = analysis;
  if (!model) return undefined;
  const token = tokenAt(doc, offset);
  if (!token) return undefined;
  const path = token.path;
  if (token.part === 'key') {
    // [...scope.path, 'States', name]
    if (path.length < 2 || path[path.length - 2] !== 'States') return undefined;
    const name = String(path[path.length - 1]);
    const found = locate(model, path);
    if (!found?.state || found.rest.length !== 0 || found.state.name !== name) return undefined;
    return { scope: found.scope, name, state: found.state, span: token.span, isDefinition: true };
  }
  if (token.node.type !== 'string') return undefined;
  const name = String(token.node.value);
  const last = path[path.length - 1];
  if (last === 'StartAt') {
    const found = locate(model, path.slice(0, -1));
    if (!found || found.state || found.rest.length !== 0) return undefined;
    return { scope: found.scope, name, state: found.scope.byName.get(name), span: token.span, isDefinition: false };
  }
  if (last === 'Next' || last === 'Default') {
    const edge = edgeAt(model, path);
    if (!edge) return undefined;
    const scope = edge.from.scope;
    return { scope, name, state: scope.byName.get(name), span: token.span, isDefinition: false };
  }
  return undefined;
}

/** The transition whose target sits at this path. */
function edgeAt(model: StateMachine, path: Path): Edge | undefined {
  const found = locate(model, path);
  if (!found?.state) return undefined;
  for (const e of found.state.edges) if (samePath(e.path, path)) return e;
  return undefined;
}

/** Every occurrence of a state name in its scope: the definition first, then references in document order. */
export function occurrences(doc: Document, scope: Scope, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  const state = scope.byName.get(name);
  if (state) out.push({ kind: 'definition', path: state.path, span: doc.spanOf(state.path, 'key') });
  const refs: Occurrence[] = [];
  if (scope.startAt === name) {
    const p = [...scope.path, 'StartAt'];
    refs.push({ kind: 'StartAt', path: p, span: doc.spanOf(p) });
  }
  for (const s of scope.states) {
    for (const e of s.edges) {
      if (e.target === name) refs.push({ kind: e.field, path: e.path, span: doc.spanOf(e.path) });
    }
  }
  refs.sort((a, b) => a.span.offset - b.span.offset);
  return [...out, ...refs];
}

/** The transitions into a state: StartAt and the edges of its scope that name it. */
export function incoming(state: State): { startAt: boolean; edges: Edge[] } {
  const edges: Edge[] = [];
  for (const s of state.scope.states) {
    for (const e of s.edges) if (e.target === state.name) edges.push(e);
  }
  return { startAt: state.scope.startAt === state.name, edges };
}
