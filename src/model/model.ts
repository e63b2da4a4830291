/**
 * The state machine model: scopes (top level, each Parallel branch, each Map processor), states
 * with their fields, the effective query language of every state, and the transition graph.
 * Built once per document from the plain value; rules read it and never walk the raw JSON for
 * structure.
 */
import type { Document } from '../parse/document.js';
import type { Path, QueryLanguage } from '../types.js';
import { isPlaceholder } from '../parse/placeholder.js';
import { perObject } from '../memo.js';
import { isResultType, isTerminalType } from './state-types.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

type ScopeKind = 'root' | 'branch' | 'itemProcessor' | 'iterator';

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
  /** Scopes nested in this state (Parallel branches, Map processor). Read-only: states without any share one empty array. */
  children: readonly Scope[];
  /** End: true, Succeed or Fail. */
  isTerminal: boolean;
  /** Outgoing transitions (Next, Choices[].Next, Default, Catch[].Next), in document order. Read-only: states without any share one empty array. */
  edges: readonly Edge[];
}

type EdgeField = 'Next' | 'Default' | 'Choices' | 'Catch';

export interface Edge {
  readonly from: State;
  readonly target: string;
  /** Path of the field holding the target name (e.g. [..., 'Choices', 0, 'Next']). */
  readonly path: Path;
  readonly field: EdgeField;
}

/**
 * An edge's path is built when asked for (a report, the editor): a machine has thousands of edges
 * and nearly all of them are fine.
 */
class TransitionEdge implements Edge {
  #path: Path | undefined;

  constructor(
    readonly from: State,
    readonly target: string,
    readonly field: EdgeField,
    /** The index of the choice rule or catcher (-1 for Next and Default). */
    private readonly index: number,
  ) {}

  get path(): Path {
    if (this.#path) return this.#path;
    const p = this.from.path;
    return (this.#path = this.field === 'Choices' ? extend(p, 'Choices', this.index, 'Next') : this.field === 'Catch' ? extend(p, 'Catch', this.index, 'Next') : extend(p, this.field));
  }
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
  /** Outgoing edges per state, as a Map (built on first use; `state.edges` is the same without it). */
  readonly edgesFrom: ReadonlyMap<State, readonly Edge[]>;
  /** Deepest scope nesting (0 = no Parallel/Map). */
  maxDepth: number;
  /**
   * A string `QueryLanguage` member inside the top-level `States` (a misplaced top-level field): it
   * is not a state, and when the root sets none it is the machine's language, so the rest of the
   * definition is checked as its author meant (one finding instead of a cascade; query-language).
   */
  misplacedQueryLanguage?: string;
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Beyond this nesting of Parallel/Map scopes the model stops descending (TOO_DEEPLY_NESTED). */
export const MAX_SCOPE_DEPTH = 50;

export function buildModel(doc: Document): StateMachine {
  const root = isObject(doc.value) ? (doc.value as JsonObject) : undefined;
  const rootStates = root?.States;
  const misplaced = isObject(rootStates) && typeof rootStates.QueryLanguage === 'string' ? rootStates.QueryLanguage : undefined;
  const sm = new Machine(doc, root, languageOf(root?.QueryLanguage ?? misplaced) ?? 'JSONPath');
  if (misplaced !== undefined) sm.misplacedQueryLanguage = misplaced;
  if (!root) return sm;
  sm.rootScope = addScope(sm, 'root', [], root, undefined, undefined, 0);
  return sm;
}

/**
 * A class, not an object literal: a literal with a getter gets a hidden class (a V8 map) of its
 * own per call, holding the getter's closure, and maps live in the old generation: every model
 * (with its document and parsed JSON) then outlived its lint() until a full collection.
 */
class Machine implements StateMachine {
  rootScope: Scope | undefined = undefined;
  scopes: Scope[] = [];
  states: State[] = [];
  edges: Edge[] = [];
  maxDepth = 0;
  // Declared, not a field: an own property only on the models that have one, as before.
  declare misplacedQueryLanguage?: string;
  #edgesFrom: Map<State, readonly Edge[]> | undefined;

  constructor(
    readonly doc: Document,
    readonly root: JsonObject | undefined,
    readonly queryLanguage: QueryLanguage,
  ) {}

  get edgesFrom(): ReadonlyMap<State, readonly Edge[]> {
    return (this.#edgesFrom ??= new Map(this.states.map((s) => [s, s.edges])));
  }
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
  for (const name in statesValue) {
    const value = statesValue[name];
    if (kind === 'root' && name === 'QueryLanguage' && typeof value === 'string') continue;
    const valueIsObject = isObject(value);
    const stateObj: JsonObject = valueIsObject ? value : {};
    const rawType = stateObj.Type;
    const type = typeof rawType === 'string' ? rawType : undefined;
    const end = stateObj.End;
    const state: State = {
      name,
      path: extend(path, 'States', name),
      value,
      obj: stateObj,
      isObject: valueIsObject,
      type,
      scope,
      queryLanguage: languageOf(stateObj.QueryLanguage) ?? sm.queryLanguage,
      children: NO_CHILDREN,
      // A placeholder ("End": "${IsLast}") may well be true: never a false MISSING_END_STATE.
      isTerminal: end === true || isTerminalType(type) || isPlaceholder(end),
      edges: NO_EDGES,
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
      const branches: Scope[] = [];
      o.Branches.forEach((b, i) => {
        branches.push(addScope(sm, 'branch', extend(state.path, 'Branches', i), b, scope, state, depth + 1));
      });
      if (branches.length) state.children = branches;
    } else if (state.type === 'Map') {
      const key = o.ItemProcessor !== undefined ? 'ItemProcessor' : o.Iterator !== undefined ? 'Iterator' : undefined;
      if (key) {
        state.children = [addScope(sm, key === 'ItemProcessor' ? 'itemProcessor' : 'iterator', extend(state.path, key), o[key], scope, state, depth + 1)];
      }
    }
  }
  return scope;
}

/**
 * Shared by every state without transitions: never mutated (collectEdges assigns a new array).
 * Not frozen: for...of over a frozen array leaves V8's fast path and allocates at every step.
 */
const NO_EDGES: readonly Edge[] = [];
/** Likewise for states with no nested scopes (all but Parallel and Map). */
const NO_CHILDREN: readonly Scope[] = [];

/** Reused by collectEdges: a state's edges are gathered here, then copied to an exact-size array. */
const scratch: Edge[] = [];

/**
 * The state's outgoing transitions. Written as plain loops with no closures: it runs for every
 * state of every document (2,000 states: ~2,300 edges).
 */
function collectEdges(sm: StateMachine, state: State): void {
  const o = state.obj;
  const type = state.type;
  if (type !== 'Choice') {
    // Choice states have no state-level Next (the schema says so); other states no Default.
    const next = o.Next;
    if (typeof next === 'string') scratch.push(new TransitionEdge(state, next, 'Next', -1));
  } else {
    const choices = o.Choices;
    if (Array.isArray(choices)) {
      for (let i = 0; i < choices.length; i++) {
        const rule = choices[i];
        if (isObject(rule) && typeof rule.Next === 'string') {
          scratch.push(new TransitionEdge(state, rule.Next, 'Choices', i));
        }
      }
    }
    const fallback = o.Default;
    if (typeof fallback === 'string') scratch.push(new TransitionEdge(state, fallback, 'Default', -1));
  }
  const catchers = o.Catch;
  if (Array.isArray(catchers) && isResultType(type)) {
    for (let i = 0; i < catchers.length; i++) {
      const c = catchers[i];
      if (isObject(c) && typeof c.Next === 'string') scratch.push(new TransitionEdge(state, c.Next, 'Catch', i));
    }
  }
  if (scratch.length === 0) return;
  // A push onto a fresh [] would reserve 17 slots; a state has one or two edges.
  state.edges = scratch.slice();
  for (let i = 0; i < scratch.length; i++) sm.edges.push(scratch[i]);
  scratch.length = 0;
}

/**
 * `[...base, a]`, `[...base, a, b]` or `[...base, a, b, c]`, in an array of exactly that size:
 * a spread or slice+push over-allocates (measured: ~230 bytes for a 6-element path, against ~90),
 * and every state, edge and site has a path.
 */
export function extend(base: Path, a: string | number, b?: string | number, c?: string | number): Path {
  const n = base.length;
  const out: (string | number)[] = new Array(n + (b === undefined ? 1 : c === undefined ? 2 : 3));
  for (let i = 0; i < n; i++) out[i] = base[i];
  out[n] = a;
  if (b !== undefined) out[n + 1] = b;
  if (c !== undefined) out[n + 2] = c;
  return out;
}

/** `[...base, ...suffix]` in an array of exactly that size. */
export function join(base: Path, suffix: Path): Path {
  const n = base.length;
  const out: (string | number)[] = new Array(n + suffix.length);
  for (let i = 0; i < n; i++) out[i] = base[i];
  for (let i = 0; i < suffix.length; i++) out[n + i] = suffix[i];
  return out;
}

/** The names a scope's own StartAt and transitions mention (AWS's "not reachable" is "named by none"). */
export const namedTargets: (scope: Scope) => Set<string> = perObject((scope: Scope) => {
  const named = new Set<string>();
  if (typeof scope.startAt === 'string') named.add(scope.startAt);
  for (const s of scope.states) for (const e of s.edges) named.add(e.target);
  return named;
});

/** States of a scope reachable from its StartAt through edges that stay in the scope. */
export const reachableStates: (scope: Scope) => Set<State> = perObject((scope: Scope) => {
  const seen = new Set<State>();
  const start = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
  if (!start) return seen;
  const queue: State[] = [start];
  seen.add(start);
  while (queue.length) {
    const s = queue.pop()!;
    for (const e of s.edges) {
      const t = scope.byName.get(e.target);
      if (t && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
});

/** The scope a name belongs to elsewhere in the machine (for "exists, but in another scope" hints). */
export function findStateAnywhere(sm: StateMachine, name: string): State | undefined {
  for (const scope of sm.scopes) {
    const s = scope.byName.get(name);
    if (s) return s;
  }
  return undefined;
}
