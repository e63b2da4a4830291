/**
 * Where ASL's small languages live in a definition: every JSONPath path field, every payload
 * template, every `{% %}` JSONata string, every Assign, with what each place accepts. Collected
 * once per model (cached) and shared by the JSONPath, intrinsic, JSONata and variable rules, so
 * the definition is walked once whatever the number of rules.
 *
 * Only fields that the state's type accepts are collected: a field that does not belong to the
 * state is the schema's finding, and checking its content too would report the same mistake twice.
 * Which fields are which is lang/state-fields.ts's (one table, checked against the schema).
 */
import type { Path } from '../types.js';
import { extend, isObject, join, type Json, type JsonObject, type State, type StateMachine } from '../model/model.js';
import { isJsonataExpression } from './jsonata.js';
import {
  ASSIGN_TYPES,
  CATCHER_PATH_FIELDS,
  CHOICE_PATH_OPERATORS,
  FIELDS_BY_TYPE,
  isStateType,
  JSONATA_FIELDS,
  JSONATA_PAYLOADS,
  NOT_JSONATA,
  RESULT_TYPES,
  type PathFieldKind,
} from './state-fields.js';
import { perObject } from '../memo.js';
import { valueAt } from '../value-at.js';

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

const RESULT = new Set<string>(RESULT_TYPES);
const ASSIGN = new Set<string>(ASSIGN_TYPES);

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
  if (ASSIGN.has(t) && isObject(o.Assign)) out.push({ state, path: extend(state.path, 'Assign'), obj: o.Assign, where: 'state', language });
  const choices = o.Choices;
  if (t === 'Choice' && Array.isArray(choices)) {
    for (let i = 0; i < choices.length; i++) {
      const rule = choices[i];
      if (isObject(rule) && isObject(rule.Assign)) out.push({ state, path: extend(state.path, 'Choices', i, 'Assign'), obj: rule.Assign, where: 'choice', index: i, language });
    }
  }
  const catchers = o.Catch;
  if (RESULT.has(t) && Array.isArray(catchers)) {
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

function collectJsonPath(state: State, paths: PathSite[], templates: TemplateSite[]): void {
  const o = state.obj;
  const t = state.type!;
  const p = state.path;
  if (!isStateType(t)) return;
  const fields = FIELDS_BY_TYPE[t];
  for (const f of fields.paths) {
    const value = valueAt<Json>(o, f.at);
    if (value !== undefined) paths.push({ state, path: join(p, f.at), field: f.at[f.at.length - 1], value, kind: f.kind });
  }
  for (const f of fields.templates) {
    const value = valueAt<Json>(o, f.at);
    if (value !== undefined) templates.push({ state, path: join(p, f.at), field: f.at[f.at.length - 1], value, assign: f.assign });
  }

  switch (t) {
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
  if (RESULT.has(t) && Array.isArray(catchers)) {
    for (let i = 0; i < catchers.length; i++) {
      const c = catchers[i];
      if (!isObject(c)) continue;
      for (const { field, kind } of CATCHER_PATH_FIELDS) {
        if (c[field] !== undefined) paths.push({ state, path: extend(p, 'Catch', i, field), field, value: c[field], kind });
      }
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
  const hasResult = RESULT.has(state.type!);
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
  const type = state.type!;
  if (!isStateType(type)) return;
  const allowed = JSONATA_FIELDS[type];
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
