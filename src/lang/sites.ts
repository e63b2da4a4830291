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
import { extend, isObject, join, type Json, type JsonObject, type State, type StateMachine } from '../model/model.js';
import { isJsonataExpression } from './jsonata.js';
import { perObject } from '../memo.js';

/** What a path field accepts. */
type PathFieldKind =
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

interface TemplateSite {
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

type AssignWhere = 'state' | 'choice' | 'catch';

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
}

export const sitesOf: (model: StateMachine) => Sites = perObject(collect);

// ---------------------------------------------------------------------------------------------

const RESULT_TYPES = new Set(['Task', 'Parallel', 'Map']);
const INPUT_OUTPUT_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map']);
const RESULT_PATH_TYPES = new Set(['Pass', 'Task', 'Parallel', 'Map']);
const PARAMETERS_TYPES = new Set(['Pass', 'Task', 'Parallel', 'Map']);
const ASSIGN_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Parallel', 'Map']);

const CHOICE_PATH_OPERATORS = new Set([
  'StringEqualsPath', 'StringLessThanPath', 'StringGreaterThanPath', 'StringLessThanEqualsPath', 'StringGreaterThanEqualsPath',
  'NumericEqualsPath', 'NumericLessThanPath', 'NumericGreaterThanPath', 'NumericLessThanEqualsPath', 'NumericGreaterThanEqualsPath',
  'BooleanEqualsPath',
  'TimestampEqualsPath', 'TimestampLessThanPath', 'TimestampGreaterThanPath', 'TimestampLessThanEqualsPath', 'TimestampGreaterThanEqualsPath',
]);

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
  const sites: Sites = { paths: [], templates: [], jsonata: [], jsonataDollarKeys: [], assigns: [] };
  for (const state of model.states) {
    if (!state.isObject || !state.type) continue;
    collectAssigns(state, sites.assigns);
    if (state.queryLanguage === 'JSONPath') collectJsonPath(state, sites.paths, sites.templates);
    else collectJsonata(state, sites.jsonata, sites.jsonataDollarKeys);
  }
  return sites;
}

function collectAssigns(state: State, out: AssignSite[]): void {
  const o = state.obj;
  const t = state.type!;
  const language = state.queryLanguage;
  if (ASSIGN_TYPES.has(t) && isObject(o.Assign)) out.push({ state, path: extend(state.path, 'Assign'), obj: o.Assign, where: 'state', language });
  const choices = o.Choices;
  if (t === 'Choice' && Array.isArray(choices)) {
    for (let i = 0; i < choices.length; i++) {
      const rule = choices[i];
      if (isObject(rule) && isObject(rule.Assign)) out.push({ state, path: extend(state.path, 'Choices', i, 'Assign'), obj: rule.Assign, where: 'choice', index: i, language });
    }
  }
  const catchers = o.Catch;
  if (RESULT_TYPES.has(t) && Array.isArray(catchers)) {
    for (let i = 0; i < catchers.length; i++) {
      const c = catchers[i];
      if (isObject(c) && isObject(c.Assign)) out.push({ state, path: extend(state.path, 'Catch', i, 'Assign'), obj: c.Assign, where: 'catch', index: i, language });
    }
  }
}

/*
 * The collectors below run for every state of every document: plain functions with explicit
 * arguments, and a site's path built only for a field that is present (most are not).
 */

function addPath(out: PathSite[], state: State, field: string, kind: PathFieldKind, value: Json | undefined): void {
  if (value !== undefined) out.push({ state, path: extend(state.path, field), field, value, kind });
}

function addTemplate(out: TemplateSite[], state: State, field: string, value: Json | undefined, assign: boolean): void {
  if (value !== undefined) out.push({ state, path: extend(state.path, field), field, value, assign });
}

function collectJsonPath(state: State, paths: PathSite[], templates: TemplateSite[]): void {
  const o = state.obj;
  const t = state.type!;
  const p = state.path;

  if (INPUT_OUTPUT_TYPES.has(t)) {
    addPath(paths, state, 'InputPath', 'path', o.InputPath);
    addPath(paths, state, 'OutputPath', 'path', o.OutputPath);
  }
  if (RESULT_PATH_TYPES.has(t)) addPath(paths, state, 'ResultPath', 'result', o.ResultPath);
  if (PARAMETERS_TYPES.has(t)) addTemplate(templates, state, 'Parameters', o.Parameters, false);
  if (RESULT_TYPES.has(t)) addTemplate(templates, state, 'ResultSelector', o.ResultSelector, false);
  if (ASSIGN_TYPES.has(t)) addTemplate(templates, state, 'Assign', o.Assign, true);

  switch (t) {
    case 'Task':
      addPath(paths, state, 'TimeoutSecondsPath', 'seconds', o.TimeoutSecondsPath);
      addPath(paths, state, 'HeartbeatSecondsPath', 'seconds', o.HeartbeatSecondsPath);
      addTemplate(templates, state, 'Credentials', o.Credentials, false);
      break;
    case 'Wait':
      addPath(paths, state, 'SecondsPath', 'seconds', o.SecondsPath);
      addPath(paths, state, 'TimestampPath', 'seconds', o.TimestampPath);
      break;
    case 'Fail':
      addPath(paths, state, 'ErrorPath', 'fail', o.ErrorPath);
      addPath(paths, state, 'CausePath', 'fail', o.CausePath);
      break;
    case 'Map': {
      addPath(paths, state, 'ItemsPath', 'items', o.ItemsPath);
      addPath(paths, state, 'MaxConcurrencyPath', 'number', o.MaxConcurrencyPath);
      addPath(paths, state, 'ToleratedFailureCountPath', 'number', o.ToleratedFailureCountPath);
      addPath(paths, state, 'ToleratedFailurePercentagePath', 'number', o.ToleratedFailurePercentagePath);
      addTemplate(templates, state, 'ItemSelector', o.ItemSelector, false);
      const reader = o.ItemReader;
      if (isObject(reader)) {
        if (reader.Parameters !== undefined) templates.push({ state, path: extend(p, 'ItemReader', 'Parameters'), field: 'Parameters', value: reader.Parameters, assign: false });
        const config = reader.ReaderConfig;
        if (isObject(config) && config.MaxItemsPath !== undefined) {
          paths.push({ state, path: extend(p, 'ItemReader', 'ReaderConfig', 'MaxItemsPath'), field: 'MaxItemsPath', value: config.MaxItemsPath, kind: 'number' });
        }
      }
      const writer = o.ResultWriter;
      if (isObject(writer) && writer.Parameters !== undefined) {
        templates.push({ state, path: extend(p, 'ResultWriter', 'Parameters'), field: 'Parameters', value: writer.Parameters, assign: false });
      }
      const batcher = o.ItemBatcher;
      if (isObject(batcher)) {
        if (batcher.BatchInput !== undefined) templates.push({ state, path: extend(p, 'ItemBatcher', 'BatchInput'), field: 'BatchInput', value: batcher.BatchInput, assign: false });
        for (const field of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']) {
          if (batcher[field] !== undefined) paths.push({ state, path: extend(p, 'ItemBatcher', field), field, value: batcher[field], kind: 'number' });
        }
      }
      break;
    }
    case 'Choice': {
      const choices = o.Choices;
      if (Array.isArray(choices)) {
        for (let i = 0; i < choices.length; i++) {
          const rule = choices[i];
          if (!isObject(rule)) continue;
          collectChoiceRule(state, rule, extend(p, 'Choices', i), paths);
          if (rule.Assign !== undefined) templates.push({ state, path: extend(p, 'Choices', i, 'Assign'), field: 'Assign', value: rule.Assign, assign: true });
        }
      }
      break;
    }
  }
  const catchers = o.Catch;
  if (RESULT_TYPES.has(t) && Array.isArray(catchers)) {
    for (let i = 0; i < catchers.length; i++) {
      const c = catchers[i];
      if (!isObject(c)) continue;
      if (c.ResultPath !== undefined) paths.push({ state, path: extend(p, 'Catch', i, 'ResultPath'), field: 'ResultPath', value: c.ResultPath, kind: 'result' });
      if (c.Assign !== undefined) templates.push({ state, path: extend(p, 'Catch', i, 'Assign'), field: 'Assign', value: c.Assign, assign: true });
    }
  }
}

/** A Choice rule's Variable and `...Path` operators, through And/Or/Not; `at` is the rule's path. */
function collectChoiceRule(state: State, rule: JsonObject, at: Path, out: PathSite[]): void {
  for (const key in rule) {
    const v = rule[key];
    if (key === 'Variable' || (key.endsWith('Path') && CHOICE_PATH_OPERATORS.has(key))) {
      out.push({ state, path: extend(at, key), field: key, value: v, kind: 'choice' });
    } else if ((key === 'And' || key === 'Or') && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const r = v[i];
        if (isObject(r)) collectChoiceRule(state, r, extend(at, key, i), out);
      }
    } else if (key === 'Not' && isObject(v)) {
      collectChoiceRule(state, v, extend(at, 'Not'), out);
    }
  }
}

/** Walks a JSONata state the way AWS reads it (see NOT_JSONATA, JSONATA_PAYLOADS). */
function collectJsonata(state: State, out: JsonataSite[], dollarKeys: Sites['jsonataDollarKeys']): void {
  const hasResult = RESULT_TYPES.has(state.type!);
  /** A payload: every string at any depth is read; `.$` keys are noted. Paths are built on demand. */
  const visit = (value: Json, at: Path, _inPayload: boolean, ctx: { result: boolean; errorOutput: boolean }, _depth: number): void => {
    const stack: (string | number)[] = [];
    const here = () => join(at, stack);
    const walk = (v: Json, depth: number): void => {
      if (depth > 200) return;
      if (typeof v === 'string') {
        if (isJsonataExpression(v)) out.push({ state, path: here(), value: v, ...ctx });
        return;
      }
      if (v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          stack.push(i);
          walk(v[i], depth + 1);
          stack.pop();
        }
        return;
      }
      for (const key in v) {
        stack.push(key);
        if (key.endsWith('.$')) dollarKeys.push({ state, path: here(), key });
        walk(v[key], depth + 1);
        stack.pop();
      }
    };
    walk(value, 0);
  };
  const o = state.obj;
  // Own keys only: a Type such as "constructor" must not find Object.prototype's members.
  if (!Object.hasOwn(JSONATA_FIELDS, state.type!)) return;
  const allowed = JSONATA_FIELDS[state.type!];
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

/**
 * Visits every object member of a JSON value (objects and arrays, any depth). The member's path is
 * built only when asked for (during the visit): a template has many members and few are reported.
 */
export function walkTemplate(value: Json, at: Path, visit: (key: string, v: Json, path: () => Path) => void, maxDepth = 200): void {
  const stack: (string | number)[] = [];
  // Valid only during the visit call (the stack moves on afterwards).
  const path = () => join(at, stack);
  const walk = (v: Json, depth: number): void => {
    if (depth > maxDepth || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== null && typeof x === 'object') {
          stack.push(i);
          walk(x, depth + 1);
          stack.pop();
        }
      }
      return;
    }
    for (const k in v) {
      const x = v[k];
      stack.push(k);
      visit(k, x, path);
      if (x !== null && typeof x === 'object') walk(x, depth + 1);
      stack.pop();
    }
  };
  walk(value, 0);
}

interface TemplateMember {
  site: TemplateSite;
  key: string;
  value: Json;
  path: Path;
}

export interface TemplateMembers {
  /** Members whose key ends in `.$` (evaluated). */
  dollar: TemplateMember[];
  /** Members with a plain key and a string value starting with '$' or a letter followed by '(' (NO_DOLLAR candidates). */
  plain: TemplateMember[];
}

/** The members of every JSONPath payload template, walked once per model. */
export const templateMembers: (model: StateMachine) => TemplateMembers = perObject(collectTemplateMembers);

function collectTemplateMembers(model: StateMachine): TemplateMembers {
  const out: TemplateMembers = { dollar: [], plain: [] };
  // One shared stack and a plain recursive function (no closure per site): every member of every
  // template passes here.
  const stack: (string | number)[] = [];
  for (const site of sitesOf(model).templates) collectMembers(site, site.value, stack, 0, out);
  return out;
}

const LETTER_START = /^\s*[A-Za-z]/;

function collectMembers(site: TemplateSite, v: Json, stack: (string | number)[], depth: number, out: TemplateMembers): void {
  if (depth > 200 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === null || typeof x !== 'object') continue;
      stack.push(i);
      collectMembers(site, x, stack, depth + 1, out);
      stack.pop();
    }
    return;
  }
  for (const key in v) {
    const value = v[key];
    if (key.endsWith('.$')) {
      stack.push(key);
      out.dollar.push({ site, key, value, path: join(site.path, stack) });
      stack.pop();
    } else if (typeof value === 'string' && value.length > 0 && (value[0] === '$' || (LETTER_START.test(value) && value.includes('(')))) {
      stack.push(key);
      out.plain.push({ site, key, value, path: join(site.path, stack) });
      stack.pop();
    }
    if (value !== null && typeof value === 'object') {
      stack.push(key);
      collectMembers(site, value, stack, depth + 1, out);
      stack.pop();
    }
  }
}
