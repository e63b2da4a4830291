/**
 * The state machine model: scopes (top level, each Parallel branch, each Map processor), states
 * with their fields, the effective query language of every state, and the transition graph.
 * Built once per document from the plain value; rules read it and never walk the raw JSON for
 * structure.
 */
import type { Document } from '../parse/document.js';
import type { Path, QueryLanguage } from '../types.js';
import { isPlaceholder } from '../lang/placeholder.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export type ScopeKind = 'root' | 'branch' | 'itemProcessor' | 'iterator';

export interface Scope {
  kind: ScopeKind;
  /** Path of the object that holds StartAt and States. */
  path: Path;
  /** The object itself, when it is one. */
  obj: JsonObject | undefined;
  parent: Scope | undefined;
  /** The Parallel or Map state that owns this scope (undefined for the root). */
  owner: State | undefined;
  /** 0 for the root, 1 for a branch of a top-level Parallel, ... */
  depth: number;
  startAt: Json | undefined;
  /** The states of this scope in document order. */
  states: State[];
  byName: Map<string, State>;
}

export interface State {
  name: string;
  /** Path of the state's value: [...scope.path, 'States', name]. */
  path: Path;
  value: Json;
  /** The state object (an empty object when the value is not an object). */
  obj: JsonObject;
  isObject: boolean;
  /** The Type, when it is a string. */
  type: string | undefined;
  scope: Scope;
  queryLanguage: QueryLanguage;
  /** Scopes nested in this state (Parallel branches, Map processor). */
  children: Scope[];
  /** End: true, Succeed or Fail. */
  isTerminal: boolean;
}

export type EdgeField = 'Next' | 'Default' | 'Choices' | 'Catch';

export interface Edge {
  from: State;
  target: string;
  /** Path of the field holding the target name (e.g. [..., 'Choices', 0, 'Next']). */
  path: Path;
  field: EdgeField;
}

export interface StateMachine {
  doc: Document;
  /** The root object, when the document's value is one. */
  root: JsonObject | undefined;
  queryLanguage: QueryLanguage;
  rootScope: Scope | undefined;
  /** All scopes, parents before children. */
  scopes: Scope[];
  /** All states of every scope, in document order within each scope, parents before children. */
  states: State[];
  edges: Edge[];
  /** Outgoing edges per state. */
  edgesFrom: Map<State, Edge[]>;
  /** Deepest scope nesting (0 = no Parallel/Map). */
  maxDepth: number;
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Beyond this nesting of Parallel/Map scopes the model stops descending (TOO_DEEPLY_NESTED). */
export const MAX_SCOPE_DEPTH = 50;

export function buildModel(doc: Document): StateMachine {
  const root = isObject(doc.value) ? (doc.value as JsonObject) : undefined;
  const queryLanguage = languageOf(root?.QueryLanguage) ?? 'JSONPath';
  const sm: StateMachine = {
    doc,
    root,
    queryLanguage,
    rootScope: undefined,
    scopes: [],
    states: [],
    edges: [],
    edgesFrom: new Map(),
    maxDepth: 0,
  };
  if (!root) return sm;
  sm.rootScope = addScope(sm, 'root', [], root, undefined, undefined, 0);
  return sm;
}

/** AWS treats any present QueryLanguage other than JSONPath as JSONata for its other checks. */
function languageOf(v: Json | undefined): QueryLanguage | undefined {
  if (v === undefined) return undefined;
  return v === 'JSONPath' ? 'JSONPath' : 'JSONata';
}

function addScope(sm: StateMachine, kind: ScopeKind, path: Path, value: Json, parent: Scope | undefined, owner: State | undefined, depth: number): Scope {
  const obj = isObject(value) ? value : undefined;
  const scope: Scope = { kind, path, obj, parent, owner, depth, startAt: obj?.StartAt, states: [], byName: new Map() };
  sm.scopes.push(scope);
  if (depth > sm.maxDepth) sm.maxDepth = depth;
  const statesValue = obj?.States;
  if (!isObject(statesValue)) return scope;
  for (const name of Object.keys(statesValue)) {
    const value = statesValue[name];
    const stateObj = isObject(value) ? value : {};
    const type = typeof stateObj.Type === 'string' ? stateObj.Type : undefined;
    const state: State = {
      name,
      path: [...path, 'States', name],
      value,
      obj: stateObj,
      isObject: isObject(value),
      type,
      scope,
      queryLanguage: languageOf(stateObj.QueryLanguage) ?? sm.queryLanguage,
      children: [],
      // A placeholder ("End": "${IsLast}") may well be true: never a false MISSING_END_STATE.
      isTerminal: stateObj.End === true || isPlaceholder(stateObj.End) || type === 'Succeed' || type === 'Fail',
    };
    scope.states.push(state);
    scope.byName.set(name, state);
    sm.states.push(state);
    collectEdges(sm, state);
  }
  if (depth >= MAX_SCOPE_DEPTH) return scope;
  for (const state of scope.states) {
    const o = state.obj;
    if (state.type === 'Parallel' && Array.isArray(o.Branches)) {
      o.Branches.forEach((b, i) => {
        state.children.push(addScope(sm, 'branch', [...state.path, 'Branches', i], b, scope, state, depth + 1));
      });
    } else if (state.type === 'Map') {
      const key = o.ItemProcessor !== undefined ? 'ItemProcessor' : o.Iterator !== undefined ? 'Iterator' : undefined;
      if (key) {
        state.children.push(addScope(sm, key === 'ItemProcessor' ? 'itemProcessor' : 'iterator', [...state.path, key], o[key], scope, state, depth + 1));
      }
    }
  }
  return scope;
}

function collectEdges(sm: StateMachine, state: State): void {
  const edges: Edge[] = [];
  const o = state.obj;
  const add = (target: Json | undefined, path: Path, field: EdgeField) => {
    if (typeof target === 'string') edges.push({ from: state, target, path, field });
  };
  // Choice states have no state-level Next (the schema says so); other states no Default.
  if (state.type !== 'Choice') add(o.Next, [...state.path, 'Next'], 'Next');
  if (state.type === 'Choice') {
    if (Array.isArray(o.Choices)) {
      o.Choices.forEach((rule, i) => {
        if (isObject(rule)) add(rule.Next, [...state.path, 'Choices', i, 'Next'], 'Choices');
      });
    }
    add(o.Default, [...state.path, 'Default'], 'Default');
  }
  if (Array.isArray(o.Catch) && (state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map')) {
    o.Catch.forEach((c, i) => {
      if (isObject(c)) add(c.Next, [...state.path, 'Catch', i, 'Next'], 'Catch');
    });
  }
  sm.edges.push(...edges);
  sm.edgesFrom.set(state, edges);
}

/** States of a scope reachable from its StartAt through edges that stay in the scope. */
const reachableCache = new WeakMap<Scope, Set<State>>();

export function reachableStates(sm: StateMachine, scope: Scope): Set<State> {
  const cached = reachableCache.get(scope);
  if (cached) return cached;
  const seen = new Set<State>();
  reachableCache.set(scope, seen);
  const start = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
  if (!start) return seen;
  const queue: State[] = [start];
  seen.add(start);
  while (queue.length) {
    const s = queue.pop()!;
    for (const e of sm.edgesFrom.get(s) ?? []) {
      const t = scope.byName.get(e.target);
      if (t && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}

/** The scope a name belongs to elsewhere in the machine (for "exists, but in another scope" hints). */
export function findStateAnywhere(sm: StateMachine, name: string): State | undefined {
  for (const scope of sm.scopes) {
    const s = scope.byName.get(name);
    if (s) return s;
  }
  return undefined;
}
