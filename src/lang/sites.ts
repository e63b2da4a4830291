/**
 * Where ASL's small languages live in a definition: every JSONPath path field, every payload
 * template, every `{% %}` JSONata string, every Assign, with what each place accepts. Collected
 * once per model (cached) and shared by the JSONPath, intrinsic, JSONata and variable rules, so
 * the definition is walked once whatever the number of rules.
 *
 * Only fields that the state's type accepts are collected: a field that does not belong to the
 * state is the schema's finding, and checking its content too would report the same mistake twice.
 */
import type { Path } from '../types.js';
import { isObject, type Json, type JsonObject, type State, type StateMachine } from '../model/model.js';
import { isJsonataExpression } from './jsonata.js';

/** What a path field accepts. */
export type PathFieldKind =
  /** InputPath, OutputPath: any JSONPath (Jayway), context object and variables included. */
  | 'path'
  /** ResultPath (state and catcher): a Reference Path into the input; not `$$`, not a variable. */
  | 'result'
  /** ItemsPath: a Reference Path, context object and variables allowed. */
  | 'items'
  /** Map's number fields (MaxConcurrencyPath, ...): a Reference Path, not the context object. */
  | 'number'
  /** TimeoutSecondsPath, HeartbeatSecondsPath, SecondsPath, TimestampPath. */
  | 'seconds'
  /** Choice `Variable` and the `...Path` comparison operators. */
  | 'choice'
  /** Fail ErrorPath/CausePath: a Reference Path or an intrinsic function returning a string. */
  | 'fail';

export interface PathSite {
  state: State;
  /** Path of the string value. */
  path: Path;
  /** The field's name (for messages). */
  field: string;
  value: Json;
  kind: PathFieldKind;
}

export interface TemplateSite {
  state: State;
  /** Path of the template field (AWS reports `.$` problems here). */
  path: Path;
  field: string;
  value: Json;
  /** Assign templates bind variables; their keys are variable names. */
  assign: boolean;
}

export interface JsonataSite {
  state: State;
  /** Path of the `{% %}` string. */
  path: Path;
  value: string;
  /** `$states.result` exists here (top-level Output/Assign of Task, Map, Parallel). */
  result: boolean;
  /** `$states.errorOutput` exists here (a catcher's Output/Assign). */
  errorOutput: boolean;
}

export type AssignWhere = 'state' | 'choice' | 'catch';

export interface AssignSite {
  state: State;
  path: Path;
  obj: JsonObject;
  where: AssignWhere;
  /** Index of the choice rule or catcher. */
  index?: number;
  language: State['queryLanguage'];
}

export interface Sites {
  paths: PathSite[];
  templates: TemplateSite[];
  jsonata: JsonataSite[];
  /** `.$` keys inside JSONata fields (not evaluated there). */
  jsonataDollarKeys: { state: State; path: Path; key: string }[];
  assigns: AssignSite[];
  byState: Map<State, { paths: PathSite[]; templates: TemplateSite[]; jsonata: JsonataSite[]; assigns: AssignSite[] }>;
}

const cache = new WeakMap<StateMachine, Sites>();

export function sitesOf(model: StateMachine): Sites {
  let s = cache.get(model);
  if (!s) {
    s = collect(model);
    cache.set(model, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------

const RESULT_TYPES = new Set(['Task', 'Parallel', 'Map']);
const INPUT_OUTPUT_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map']);
const RESULT_PATH_TYPES = new Set(['Pass', 'Task', 'Parallel', 'Map']);
const PARAMETERS_TYPES = new Set(['Pass', 'Task', 'Parallel', 'Map']);
const ASSIGN_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Parallel', 'Map']);

const CHOICE_PATH_OPERATORS = [
  'StringEqualsPath', 'StringLessThanPath', 'StringGreaterThanPath', 'StringLessThanEqualsPath', 'StringGreaterThanEqualsPath',
  'NumericEqualsPath', 'NumericLessThanPath', 'NumericGreaterThanPath', 'NumericLessThanEqualsPath', 'NumericGreaterThanEqualsPath',
  'BooleanEqualsPath',
  'TimestampEqualsPath', 'TimestampLessThanPath', 'TimestampGreaterThanPath', 'TimestampLessThanEqualsPath', 'TimestampGreaterThanEqualsPath',
];

/**
 * ASL fields AWS does not read as JSONata in a JSONata state (measured by floci against
 * validate-state-machine-definition): their `{% %}` text stays text. Nested states are walked as
 * states of their own.
 */
const NOT_JSONATA = new Set(['Comment', 'Next', 'Default', 'Resource', 'ErrorEquals', 'Retry', 'Credentials', 'ItemProcessor', 'Iterator', 'Branches', 'CSVHeaders', 'Type', 'QueryLanguage', 'End']);
/**
 * The fields of each JSONata state type that hold JSONata (a field the type does not accept is the
 * schema's finding; its content is not read).
 */
const JSONATA_FIELDS: Record<string, Set<string>> = {
  Pass: new Set(['Output', 'Assign']),
  Task: new Set(['Arguments', 'Output', 'Assign', 'TimeoutSeconds', 'HeartbeatSeconds', 'Catch']),
  Choice: new Set(['Choices', 'Output', 'Assign']),
  Wait: new Set(['Seconds', 'Timestamp', 'Output', 'Assign']),
  Succeed: new Set(['Output']),
  Fail: new Set(['Error', 'Cause']),
  Parallel: new Set(['Arguments', 'Output', 'Assign', 'Catch']),
  Map: new Set(['Items', 'ItemSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'MaxConcurrency', 'ToleratedFailureCount', 'ToleratedFailurePercentage', 'Output', 'Assign', 'Catch']),
};
/** Fields whose value is a user payload: every string inside, at any depth, is read as JSONata. */
const JSONATA_PAYLOADS = new Set(['Output', 'Assign', 'Arguments', 'ItemSelector', 'BatchInput']);

function collect(model: StateMachine): Sites {
  const sites: Sites = { paths: [], templates: [], jsonata: [], jsonataDollarKeys: [], assigns: [], byState: new Map() };
  for (const state of model.states) {
    if (!state.isObject || !state.type) continue;
    const own = { paths: [] as PathSite[], templates: [] as TemplateSite[], jsonata: [] as JsonataSite[], assigns: [] as AssignSite[] };
    sites.byState.set(state, own);
    collectAssigns(state, own.assigns);
    if (state.queryLanguage === 'JSONPath') collectJsonPath(state, own.paths, own.templates);
    else collectJsonata(state, own.jsonata, sites.jsonataDollarKeys);
    sites.paths.push(...own.paths);
    sites.templates.push(...own.templates);
    sites.jsonata.push(...own.jsonata);
    sites.assigns.push(...own.assigns);
  }
  return sites;
}

function collectAssigns(state: State, out: AssignSite[]): void {
  const o = state.obj;
  const t = state.type!;
  const language = state.queryLanguage;
  if (ASSIGN_TYPES.has(t) && isObject(o.Assign)) out.push({ state, path: [...state.path, 'Assign'], obj: o.Assign, where: 'state', language });
  if (t === 'Choice' && Array.isArray(o.Choices)) {
    o.Choices.forEach((rule, i) => {
      if (isObject(rule) && isObject(rule.Assign)) out.push({ state, path: [...state.path, 'Choices', i, 'Assign'], obj: rule.Assign, where: 'choice', index: i, language });
    });
  }
  if (RESULT_TYPES.has(t) && Array.isArray(o.Catch)) {
    o.Catch.forEach((c, i) => {
      if (isObject(c) && isObject(c.Assign)) out.push({ state, path: [...state.path, 'Catch', i, 'Assign'], obj: c.Assign, where: 'catch', index: i, language });
    });
  }
}

function collectJsonPath(state: State, paths: PathSite[], templates: TemplateSite[]): void {
  const o = state.obj;
  const t = state.type!;
  const p = state.path;
  const path = (field: string, kind: PathFieldKind, value: Json | undefined, at: Path = [...p, field]) => {
    if (value !== undefined) paths.push({ state, path: at, field, value, kind });
  };
  const template = (field: string, value: Json | undefined, at: Path, assign = false) => {
    if (value !== undefined) templates.push({ state, path: at, field, value, assign });
  };

  if (INPUT_OUTPUT_TYPES.has(t)) {
    path('InputPath', 'path', o.InputPath);
    path('OutputPath', 'path', o.OutputPath);
  }
  if (RESULT_PATH_TYPES.has(t)) path('ResultPath', 'result', o.ResultPath);
  if (PARAMETERS_TYPES.has(t)) template('Parameters', o.Parameters, [...p, 'Parameters']);
  if (RESULT_TYPES.has(t)) template('ResultSelector', o.ResultSelector, [...p, 'ResultSelector']);
  if (ASSIGN_TYPES.has(t)) template('Assign', o.Assign, [...p, 'Assign'], true);

  switch (t) {
    case 'Task':
      path('TimeoutSecondsPath', 'seconds', o.TimeoutSecondsPath);
      path('HeartbeatSecondsPath', 'seconds', o.HeartbeatSecondsPath);
      template('Credentials', o.Credentials, [...p, 'Credentials']);
      break;
    case 'Wait':
      path('SecondsPath', 'seconds', o.SecondsPath);
      path('TimestampPath', 'seconds', o.TimestampPath);
      break;
    case 'Fail':
      path('ErrorPath', 'fail', o.ErrorPath);
      path('CausePath', 'fail', o.CausePath);
      break;
    case 'Map': {
      path('ItemsPath', 'items', o.ItemsPath);
      path('MaxConcurrencyPath', 'number', o.MaxConcurrencyPath);
      path('ToleratedFailureCountPath', 'number', o.ToleratedFailureCountPath);
      path('ToleratedFailurePercentagePath', 'number', o.ToleratedFailurePercentagePath);
      template('ItemSelector', o.ItemSelector, [...p, 'ItemSelector']);
      if (isObject(o.ItemReader)) {
        template('Parameters', o.ItemReader.Parameters, [...p, 'ItemReader', 'Parameters']);
        if (isObject(o.ItemReader.ReaderConfig)) {
          path('MaxItemsPath', 'number', o.ItemReader.ReaderConfig.MaxItemsPath, [...p, 'ItemReader', 'ReaderConfig', 'MaxItemsPath']);
        }
      }
      if (isObject(o.ResultWriter)) template('Parameters', o.ResultWriter.Parameters, [...p, 'ResultWriter', 'Parameters']);
      if (isObject(o.ItemBatcher)) {
        template('BatchInput', o.ItemBatcher.BatchInput, [...p, 'ItemBatcher', 'BatchInput']);
        path('MaxItemsPerBatchPath', 'number', o.ItemBatcher.MaxItemsPerBatchPath, [...p, 'ItemBatcher', 'MaxItemsPerBatchPath']);
        path('MaxInputBytesPerBatchPath', 'number', o.ItemBatcher.MaxInputBytesPerBatchPath, [...p, 'ItemBatcher', 'MaxInputBytesPerBatchPath']);
      }
      break;
    }
    case 'Choice':
      if (Array.isArray(o.Choices)) {
        o.Choices.forEach((rule, i) => {
          collectChoiceRule(state, rule, [...p, 'Choices', i], paths);
          if (isObject(rule)) template('Assign', rule.Assign, [...p, 'Choices', i, 'Assign'], true);
        });
      }
      break;
  }
  if (RESULT_TYPES.has(t) && Array.isArray(o.Catch)) {
    o.Catch.forEach((c, i) => {
      if (!isObject(c)) return;
      path('ResultPath', 'result', c.ResultPath, [...p, 'Catch', i, 'ResultPath']);
      template('Assign', c.Assign, [...p, 'Catch', i, 'Assign'], true);
    });
  }
}

function collectChoiceRule(state: State, rule: Json, at: Path, out: PathSite[]): void {
  if (!isObject(rule)) return;
  if (rule.Variable !== undefined) out.push({ state, path: [...at, 'Variable'], field: 'Variable', value: rule.Variable, kind: 'choice' });
  for (const op of CHOICE_PATH_OPERATORS) {
    if (rule[op] !== undefined) out.push({ state, path: [...at, op], field: op, value: rule[op], kind: 'choice' });
  }
  if (Array.isArray(rule.And)) rule.And.forEach((r, i) => collectChoiceRule(state, r, [...at, 'And', i], out));
  if (Array.isArray(rule.Or)) rule.Or.forEach((r, i) => collectChoiceRule(state, r, [...at, 'Or', i], out));
  if (rule.Not !== undefined) collectChoiceRule(state, rule.Not, [...at, 'Not'], out);
}

/** Walks a JSONata state the way AWS reads it (see NOT_JSONATA, JSONATA_PAYLOADS). */
function collectJsonata(state: State, out: JsonataSite[], dollarKeys: Sites['jsonataDollarKeys']): void {
  const hasResult = RESULT_TYPES.has(state.type!);
  const visit = (value: Json, at: Path, inPayload: boolean, ctx: { result: boolean; errorOutput: boolean }, depth: number): void => {
    if (depth > 200) return;
    if (typeof value === 'string') {
      if (isJsonataExpression(value)) out.push({ state, path: at, value, ...ctx });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...at, i], inPayload, ctx, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    for (const key of Object.keys(value)) {
      if (inPayload) {
        if (key.endsWith('.$')) dollarKeys.push({ state, path: [...at, key], key });
        visit(value[key], [...at, key], true, ctx, depth + 1);
      }
    }
  };
  const o = state.obj;
  const allowed = JSONATA_FIELDS[state.type!];
  if (!allowed) return;
  for (const key of Object.keys(o)) {
    if (NOT_JSONATA.has(key) || !allowed.has(key)) continue;
    const at = [...state.path, key];
    const v = o[key];
    if (key === 'Catch' && Array.isArray(v)) {
      v.forEach((c, i) => {
        if (!isObject(c)) return;
        for (const ck of Object.keys(c)) {
          if (NOT_JSONATA.has(ck)) continue;
          const inCatchData = ck === 'Output' || ck === 'Assign';
          visitField(c[ck], [...at, i, ck], JSONATA_PAYLOADS.has(ck), { result: false, errorOutput: inCatchData });
        }
      });
      continue;
    }
    if (key === 'Choices' && Array.isArray(v)) {
      v.forEach((rule, i) => {
        if (!isObject(rule)) return;
        for (const rk of Object.keys(rule)) {
          if (NOT_JSONATA.has(rk)) continue;
          visitField(rule[rk], [...at, i, rk], JSONATA_PAYLOADS.has(rk), { result: false, errorOutput: false });
        }
      });
      continue;
    }
    const result = hasResult && (key === 'Output' || key === 'Assign');
    visitField(v, at, JSONATA_PAYLOADS.has(key), { result, errorOutput: false });
  }

  function visitField(value: Json, at: Path, payload: boolean, ctx: { result: boolean; errorOutput: boolean }): void {
    if (payload) {
      visit(value, at, true, ctx, 0);
      return;
    }
    // An ASL structure (ItemReader, ItemBatcher, ResultWriter, ProcessorConfig ...): its strings
    // are read as JSONata, except the fields AWS leaves alone; payloads inside are walked whole.
    const walkAsl = (v: Json, p: Path, depth: number): void => {
      if (depth > 50) return;
      if (typeof v === 'string') {
        if (isJsonataExpression(v)) out.push({ state, path: p, value: v, ...ctx });
      } else if (Array.isArray(v)) {
        v.forEach((x, i) => walkAsl(x, [...p, i], depth + 1));
      } else if (isObject(v)) {
        for (const k of Object.keys(v)) {
          if (NOT_JSONATA.has(k)) continue;
          if (JSONATA_PAYLOADS.has(k)) visit(v[k], [...p, k], true, ctx, 0);
          else walkAsl(v[k], [...p, k], depth + 1);
        }
      }
    };
    walkAsl(value, at, 0);
  }
}

/** Does the value contain a `.$` key anywhere (objects and arrays)? Used by payload rules. */
export function walkTemplate(value: Json, at: Path, visit: (key: string, v: Json, memberPath: Path) => void, depth = 0): void {
  if (depth > 200) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkTemplate(v, [...at, i], visit, depth + 1));
  } else if (isObject(value)) {
    for (const k of Object.keys(value)) {
      const p = [...at, k];
      visit(k, value[k], p);
      walkTemplate(value[k], p, visit, depth + 1);
    }
  }
}
