/**
 * Workflow variables: `Assign` writes them, `$name` reads them (JSONPath `.$` values, intrinsic
 * arguments, path fields, JSONata expressions).
 *
 * Scope (ASL spec, "Variables"): the top-level states share one scope; each Parallel branch and
 * each Map iteration has its own, which can read the enclosing scopes (except a Distributed Map's
 * child workflows, which are separate executions and see none of the parent's variables). New
 * values take effect when the assigning state ends: every read in a state sees the values from
 * the state's entry. A state's Assign runs when it succeeds; a catcher's Assign when that catcher
 * handles an error (the state's own Assign does not run then); a choice rule's Assign when the
 * rule matches.
 */
import type { Path } from '../types.js';
import { isObject, type State, type StateMachine, type Scope, type JsonObject } from '../model/model.js';
import { sitesOf, templateMembers, type AssignSite } from './sites.js';
import { parseJsonPath } from './jsonpath.js';
import { startsLikeIntrinsicCall, parseIntrinsic, variablesIn } from './intrinsics.js';
import { analyzedJsonata } from './jsonata-sites.js';
import { hasPlaceholder } from '../parse/placeholder.js';
import { perObject } from '../memo.js';

const MAX_VARIABLE_NAME = 80;

const VARIABLE_ROOT = /^\$[\p{ID_Start}_]/u;
const VARIABLE_INSIDE = /\$[\p{ID_Start}_]/u;

/** Why a variable name is not valid, or undefined when it is. */
export function variableNameProblem(name: string): string | undefined {
  if (name === '') return 'a variable name cannot be empty';
  if (name === 'states') return "'states' is reserved (it holds $states.input, $states.result, ...)";
  if ([...name].length > MAX_VARIABLE_NAME) return `a variable name has at most ${MAX_VARIABLE_NAME} characters`;
  // UAX #31 identifiers; '_' is accepted first, as JavaScript-style identifiers do.
  if (!/^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(name)) {
    return 'a variable name starts with a letter or "_" and continues with letters, digits or "_"';
  }
  return undefined;
}

/** The variable name an Assign key binds (JSONPath states strip a trailing `.$`). */
export function assignedName(key: string, language: State['queryLanguage']): string {
  return language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
}

export interface VariableRead {
  state: State;
  name: string;
  /** Path of the string that reads it. */
  path: Path;
  value: string;
  /** Range of `$name` inside that string. */
  start: number;
  end: number;
}

export interface VariableWrite {
  state: State;
  name: string;
  site: AssignSite;
  /** Path of the Assign key. */
  path: Path;
}

export interface VariableUse {
  reads: VariableRead[];
  writes: VariableWrite[];
  readsByState: Map<State, VariableRead[]>;
  writesByState: Map<State, VariableWrite[]>;
}

export const variableUse: (model: StateMachine) => VariableUse = perObject(collectUse);

function collectUse(model: StateMachine): VariableUse {
  const sites = sitesOf(model);
  const use: VariableUse = { reads: [], writes: [], readsByState: new Map(), writesByState: new Map() };
  const read = (r: VariableRead) => {
    use.reads.push(r);
    let list = use.readsByState.get(r.state);
    if (!list) use.readsByState.set(r.state, (list = []));
    list.push(r);
  };
  const fromJsonPathString = (state: State, path: Path, value: string) => {
    if (hasPlaceholder(value as unknown)) return;
    // Only `$name...` roots and calls with a `$name` argument read variables: skip the rest cheaply.
    if (value.startsWith('$')) {
      if (!VARIABLE_ROOT.test(value)) return;
      const info = parseJsonPath(value);
      if (info?.root === 'variable' && info.variable && !info.error) read({ state, name: info.variable, path, value, start: 0, end: 1 + info.variable.length });
    } else if (VARIABLE_INSIDE.test(value) && startsLikeIntrinsicCall(value)) {
      const parsed = parseIntrinsic(value);
      if (parsed.call) for (const v of variablesIn(parsed.call)) read({ state, path, value, ...v });
    }
  };
  // ResultPath names a place to write (a variable there is an error of its own, not a read).
  for (const p of sites.paths) if (p.kind !== 'result' && typeof p.value === 'string') fromJsonPathString(p.state, p.path, p.value);
  for (const m of templateMembers(model).dollar) if (typeof m.value === 'string') fromJsonPathString(m.site.state, m.path, m.value);
  for (const { site: j, analysis: a, placeholder } of analyzedJsonata(model)) {
    if (placeholder || a.error) continue;
    for (const v of a.variables) read({ state: j.state, name: v.name, path: j.path, value: j.value, start: v.start + 2, end: v.end + 2 });
  }
  for (const site of sites.assigns) {
    for (const key of Object.keys(site.obj)) {
      const w: VariableWrite = { state: site.state, name: assignedName(key, site.language), site, path: [...site.path, key] };
      use.writes.push(w);
      let list = use.writesByState.get(site.state);
      if (!list) use.writesByState.set(site.state, (list = []));
      list.push(w);
    }
  }
  return use;
}

// ---------------------------------------------------------------------------------------------
// Definite assignment over the state graph.

export interface Unassigned {
  read: VariableRead;
  /** Assigned somewhere in the machine (then "on some path"), or nowhere at all. */
  assignedSomewhere: boolean;
  /** A Distributed Map child workflow reading a variable of its parent (a scope problem). */
  parentOfDistributed: boolean;
}

/** The innermost Distributed Map processor scope at or above `scope`. */
function enclosingDistributed(scope: Scope): Scope | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.owner && s.kind === 'itemProcessor' && isDistributed(s.owner)) return s;
  return undefined;
}

/** Is `name` assigned in `scope` or a scope nested in it? In a scope enclosing it? */
function assignedIn(writes: VariableWrite[], scope: Scope, name: string): { within: boolean; outside: boolean } {
  let within = false;
  let outside = false;
  for (const w of writes) {
    if (w.name !== name) continue;
    let inside = false;
    for (let x: Scope | undefined = w.state.scope; x; x = x.parent) if (x === scope) inside = true;
    if (inside) within = true;
    else outside = true;
  }
  return { within, outside };
}

/**
 * Reads, in a Distributed Map's child workflow, of variables assigned only outside it: the child
 * executions cannot see them.
 */
export function parentReadsInDistributed(model: StateMachine): VariableRead[] {
  const use = variableUse(model);
  const out: VariableRead[] = [];
  // Each (child workflow, name) is answered once from the writes of that name: a search of every
  // write per read was quadratic.
  let byName: Map<string, VariableWrite[]> | undefined;
  const answers = new Map<Scope, Map<string, boolean>>();
  for (const r of use.reads) {
    const d = enclosingDistributed(r.state.scope);
    if (!d) continue;
    if (!byName) {
      byName = new Map();
      for (const w of use.writes) {
        const list = byName.get(w.name);
        if (list) list.push(w);
        else byName.set(w.name, [w]);
      }
    }
    let perScope = answers.get(d);
    if (!perScope) answers.set(d, (perScope = new Map()));
    let parentOnly = perScope.get(r.name);
    if (parentOnly === undefined) {
      const a = assignedIn(byName.get(r.name) ?? [], d, r.name);
      perScope.set(r.name, (parentOnly = !a.within && a.outside));
    }
    if (parentOnly) out.push(r);
  }
  return out;
}

/**
 * Reads of variables that some path from StartAt reaches without assigning them first.
 * A forward must-analysis per scope: IN(start) = the variables definitely assigned when the
 * owning Map/Parallel state is entered (nothing for the top level and for Distributed Map child
 * workflows); IN(s) = the intersection over incoming edges of OUT(pred, edge), where an edge
 * carries the assignments that take effect when it is taken. Unreachable states are skipped
 * (reachability is another rule's finding).
 */
export function unassignedReads(model: StateMachine, vectorBytes = VECTOR_BYTES): Unassigned[] {
  const use = variableUse(model);
  if (use.reads.length === 0) return [];
  const assignedAnywhere = new Set(use.writes.map((w) => w.name));
  // Only variables both read and assigned need a bit: the others are answered without the graph.
  const readNames = new Set(use.reads.map((r) => r.name));
  const tracked = [...assignedAnywhere].filter((n) => readNames.has(n));
  // Variables as bit positions: the sets along the graph are bit vectors (intersection = AND),
  // as many variables at a time as VECTOR_BYTES allows. One pass over all of them kept a vector
  // of every variable for every state: 40,000 states each assigning one variable took 800 MB
  // (11.5 MB of definition, 3.4 GB); in passes, memory stays linear in the states.
  let states = 0;
  for (const scope of model.scopes) states += scope.states.length;
  const perPass = Math.max(1024, 32 * Math.floor(vectorBytes / (8 * Math.max(1, states))));
  const reachable = new Set<State>();
  const assignedBefore = new Set<VariableRead>();
  for (let from = 0; from === 0 || from < tracked.length; from += perPass) {
    const index = new Map<string, number>();
    for (const name of tracked.slice(from, from + perPass)) index.set(name, index.size);
    const words = Math.max(1, Math.ceil(index.size / 32));
    const entry = new Map<State, Uint32Array>();
    for (const scope of model.scopes) {
      let inherited: Uint32Array;
      if (!scope.owner) inherited = new Uint32Array(words);
      else if (!entry.has(scope.owner))
        continue; // the owner is unreachable
      else if (isDistributed(scope.owner)) inherited = new Uint32Array(words);
      else inherited = entry.get(scope.owner)!;
      solveScope(scope, inherited, entry, index, words);
    }
    if (from === 0) for (const s of entry.keys()) reachable.add(s);
    for (const r of use.reads) {
      const bit = index.get(r.name);
      if (bit === undefined) continue;
      const inSet = entry.get(r.state);
      if (inSet && inSet[bit >>> 5] & (1 << (bit & 31))) assignedBefore.add(r);
    }
  }
  const parentReads = new Set(parentReadsInDistributed(model));
  const out: Unassigned[] = [];
  for (const r of use.reads) {
    if (!reachable.has(r.state)) continue; // unreachable
    if (!assignedBefore.has(r)) out.push({ read: r, assignedSomewhere: assignedAnywhere.has(r.name), parentOfDistributed: parentReads.has(r) });
  }
  return out;
}

/**
 * Bytes of vectors one pass of unassignedReads may hold (about two per state: its value and the
 * bits its own Assign adds); at least 1,024 variables a pass. Up to about 10,000 states and
 * variables, one pass solves all of them.
 */
const VECTOR_BYTES = 64 * 1024 * 1024;

export function isDistributed(state: State): boolean {
  const proc = state.obj.ItemProcessor;
  return isObject(proc) && isObject(proc.ProcessorConfig) && proc.ProcessorConfig.Mode === 'DISTRIBUTED';
}

/** The names a state's Assign (of the given kind) writes. */
function namesOf(obj: JsonObject | undefined, language: State['queryLanguage']): string[] {
  return obj ? Object.keys(obj).map((k) => assignedName(k, language)) : [];
}

/** A scope's edges, with the names each one assigns: built once, solved once per pass. */
interface ScopeGraph {
  start: State | undefined;
  succ: Map<State, State[]>;
  incoming: Map<State, { from: State; adds: string[] }[]>;
}

const scopeGraph = perObject((scope: Scope): ScopeGraph => {
  const start = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
  const incoming = new Map<State, { from: State; adds: string[] }[]>();
  const succ = new Map<State, State[]>();
  for (const s of scope.states) {
    const o = s.obj;
    const own = isObject(o.Assign) ? namesOf(o.Assign, s.queryLanguage) : [];
    for (const e of s.edges) {
      const target = scope.byName.get(e.target);
      if (!target) continue;
      let adds: string[];
      if (e.field === 'Catch') {
        const c = Array.isArray(o.Catch) ? o.Catch[e.path[e.path.length - 2] as number] : undefined;
        adds = isObject(c) && isObject(c.Assign) ? namesOf(c.Assign, s.queryLanguage) : [];
      } else if (e.field === 'Choices') {
        const rule = Array.isArray(o.Choices) ? o.Choices[e.path[e.path.length - 2] as number] : undefined;
        // Over-approximated (the union of the state's and the rule's Assign): fewer warnings.
        adds = [...own, ...(isObject(rule) && isObject(rule.Assign) ? namesOf(rule.Assign, s.queryLanguage) : [])];
      } else {
        adds = own;
      }
      let list = incoming.get(target);
      if (!list) incoming.set(target, (list = []));
      list.push({ from: s, adds });
      let l = succ.get(s);
      if (!l) succ.set(s, (l = []));
      if (!l.includes(target)) l.push(target);
    }
  }
  return { start, succ, incoming };
});

function solveScope(scope: Scope, inherited: Uint32Array, entry: Map<State, Uint32Array>, index: Map<string, number>, words: number): void {
  const { start, succ, incoming } = scopeGraph(scope);
  if (!start) return;
  // The bits each edge assigns in this pass (edges sharing a name list share the vector).
  const none = new Uint32Array(words);
  const vectors = new Map<string[], Uint32Array>();
  const bits = (names: string[]): Uint32Array => {
    let b = vectors.get(names);
    if (b) return b;
    b = none;
    for (const n of names) {
      const i = index.get(n);
      if (i === undefined) continue;
      if (b === none) b = new Uint32Array(words);
      b[i >>> 5] |= 1 << (i & 31);
    }
    vectors.set(names, b);
    return b;
  };
  // Worklist iteration; a state not reached yet counts as "everything assigned" (top).
  const value = new Map<State, Uint32Array>();
  value.set(start, inherited.slice());
  const queue: State[] = [start];
  const queued = new Set<State>(queue);
  let head = 0;
  const next = new Uint32Array(words);
  while (head < queue.length && head < 1_000_000) {
    const s = queue[head++];
    queued.delete(s);
    for (const t of succ.get(s) ?? []) {
      let any = false;
      next.fill(0xffffffff);
      for (const { from, adds } of incoming.get(t) ?? []) {
        const v = value.get(from);
        if (!v) continue;
        any = true;
        const a = bits(adds);
        for (let w = 0; w < words; w++) next[w] &= v[w] | a[w];
      }
      if (!any) continue;
      // The start is also entered from outside the scope, with the inherited set.
      if (t === start) for (let w = 0; w < words; w++) next[w] &= inherited[w];
      const old = value.get(t);
      let changed = !old;
      if (old) for (let w = 0; w < words; w++) if (old[w] !== next[w]) changed = true;
      if (changed) {
        value.set(t, next.slice());
        if (!queued.has(t)) {
          queued.add(t);
          queue.push(t);
        }
      }
    }
  }
  for (const [s, v] of value) entry.set(s, v);
}
