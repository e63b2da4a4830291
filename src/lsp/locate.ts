/**
 * From a path into the document to the model: which scope and state it lies in, and the rest of
 * the path inside that state. Follows the same nesting the model builds (States, Branches[i],
 * ItemProcessor / Iterator), so it costs the path's length, not the number of states.
 */
import type { Scope, State, StateMachine } from '../model/model.js';
import type { Path, QueryLanguage } from '../types.js';
import { nestedKind, type ObjectKind } from './fields.js';
import { fieldValueAt, type FieldValue } from '../lang/field-values.js';
import { isStateType, STATE_TYPES } from '../lang/state-fields.js';

/** Where a document path lies in the model. */
export interface ModelLocation {
  /** The innermost scope the path is in. */
  scope: Scope;
  /** The innermost state the path is in (undefined at a scope's own level: StartAt, States...). */
  state: State | undefined;
  /** The path relative to `state` (or to `scope` when there is no state). */
  rest: Path;
}

export function locate(model: StateMachine | undefined, path: Path): ModelLocation | undefined {
  let scope = model?.rootScope;
  if (!scope) return undefined;
  let state: State | undefined;
  let i = 0;
  for (;;) {
    // At a scope: States.<name> enters a state.
    if (path[i] === 'States' && typeof path[i + 1] === 'string' && scope.byName.has(path[i + 1] as string)) {
      state = scope.byName.get(path[i + 1] as string)!;
      i += 2;
    } else {
      return { scope, state: undefined, rest: path.slice(i) };
    }
    // At a state: Branches[i] or ItemProcessor/Iterator enters a nested scope.
    let child: Scope | undefined;
    if (state.type === 'Parallel' && path[i] === 'Branches' && typeof path[i + 1] === 'number') {
      child = state.children.find((c) => c.path[c.path.length - 1] === path[i + 1]);
      if (child) i += 2;
    } else if (state.type === 'Map' && (path[i] === 'ItemProcessor' || path[i] === 'Iterator')) {
      child = state.children.find((c) => c.path[c.path.length - 1] === path[i]);
      if (child) i += 1;
    }
    if (!child) return { scope, state, rest: path.slice(i) };
    scope = child;
    state = undefined;
  }
}

/** A place in a state and what the value there holds (lang/field-values.ts), when one of ASL's languages reads it. */
export interface ValueLocation {
  state: State;
  rest: Path;
  value: FieldValue;
}

/**
 * What the value at a document path holds, asked of lang/field-values.ts (the facts the rules
 * check with), not read off the key's spelling; undefined outside a state or where no language
 * reads the value. In a state whose Type is not one (yet: being typed), what it holds in the first
 * type that reads it, as key completion then offers every type's fields.
 */
export function valueAt(model: StateMachine | undefined, path: Path): ValueLocation | undefined {
  const found = locate(model, path);
  const state = found?.state;
  if (!state) return undefined;
  let value: FieldValue | undefined;
  if (state.type !== undefined && isStateType(state.type)) value = fieldValueAt(state.type, state.queryLanguage, found.rest);
  else for (const type of STATE_TYPES) if ((value = fieldValueAt(type, state.queryLanguage, found.rest))) break;
  return value && { state, rest: found.rest, value };
}

export function samePath(a: Path, b: Path): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What kind of object an object path names, and the state and query language around it. */
export interface ObjectSite {
  kind: ObjectKind;
  scope: Scope;
  state: State | undefined;
  queryLanguage: QueryLanguage;
}

export function objectAt(model: StateMachine | undefined, objectPath: Path): ObjectSite | undefined {
  const found = locate(model, objectPath);
  if (!found || !model) return undefined;
  const { scope, state, rest } = found;
  if (!state) {
    const kind: ObjectKind = scope.kind === 'root' ? 'root' : scope.kind === 'branch' ? 'branch' : 'processor';
    if (rest.length === 0) return { kind, scope, state, queryLanguage: model.queryLanguage };
    if (kind === 'processor' && rest.length === 1 && rest[0] === 'ProcessorConfig') return { kind: 'processorConfig', scope, state, queryLanguage: model.queryLanguage };
    return undefined;
  }
  if (rest.length === 0) return { kind: 'state', scope, state, queryLanguage: state.queryLanguage };
  const nested = nestedKind(state.type, rest);
  return nested ? { kind: nested, scope, state, queryLanguage: state.queryLanguage } : undefined;
}
