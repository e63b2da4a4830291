/** Where payload templates live in each state (JSONPath): the fields whose `.$` keys are evaluated. */
import type { Json, State } from './model.js';
import { isObject } from './model.js';
import type { Path } from '../types.js';

export interface TemplateField {
  /** Path of the field (e.g. [..., 'Parameters'] or [..., 'ItemReader', 'Parameters']). */
  path: Path;
  value: Json;
}

/** The JSONPath payload templates of a state: Parameters, ResultSelector, ItemSelector, ... */
export function payloadTemplates(state: State): TemplateField[] {
  const o = state.obj;
  const out: TemplateField[] = [];
  const add = (path: Path, value: Json | undefined) => {
    if (value !== undefined) out.push({ path, value });
  };
  for (const f of ['Parameters', 'ResultSelector', 'ItemSelector']) add([...state.path, f], o[f]);
  if (isObject(o.ItemReader)) add([...state.path, 'ItemReader', 'Parameters'], o.ItemReader.Parameters);
  if (isObject(o.ResultWriter)) add([...state.path, 'ResultWriter', 'Parameters'], o.ResultWriter.Parameters);
  if (isObject(o.ItemBatcher)) add([...state.path, 'ItemBatcher', 'BatchInput'], o.ItemBatcher.BatchInput);
  return out;
}

/** Visits every object member of a JSON value, depth first, with its path. */
export function walkMembers(value: Json, path: Path, visit: (key: string, v: Json, memberPath: Path) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkMembers(v, [...path, i], visit));
  } else if (isObject(value)) {
    for (const k of Object.keys(value)) {
      const p = [...path, k];
      visit(k, value[k], p);
      walkMembers(value[k], p, visit);
    }
  }
}
