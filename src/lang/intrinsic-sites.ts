/**
 * The intrinsic function calls of a definition, parsed once per model: `.$` values of JSONPath
 * payload templates and Fail ErrorPath/CausePath. Shared by the intrinsic rules.
 */
import type { Path } from '../types.js';
import type { State, StateMachine } from '../model/model.js';
import { sitesOf, templateMembers } from './sites.js';
import { looksLikeIntrinsicCall, parseIntrinsic, type IntrinsicParse } from './intrinsics.js';
import { hasPlaceholder } from './placeholder.js';
import { formatLocation } from '../model/location.js';

export interface IntrinsicSite {
  state: State;
  /** Path of the string. */
  path: Path;
  value: string;
  /** The key (`x.$`) or field (`ErrorPath`) the value belongs to, for messages. */
  field: string;
  /** AWS location (the template field for `.$` values, the field itself for ErrorPath/CausePath). */
  location: string;
  /** Fail ErrorPath/CausePath: the result must be a string. */
  stringResult: boolean;
  parsed: IntrinsicParse;
}

const cache = new WeakMap<StateMachine, IntrinsicSite[]>();

export function intrinsicSites(model: StateMachine): IntrinsicSite[] {
  let out = cache.get(model);
  if (out) return out;
  out = [];
  const sites = sitesOf(model);
  const add = (state: State, path: Path, value: string, field: string, location: string, stringResult: boolean) => {
    if (hasPlaceholder(value as unknown) || !looksLikeIntrinsicCall(value)) return;
    out!.push({ state, path, value, field, location, stringResult, parsed: parseIntrinsic(value) });
  };
  const locations = new Map<object, string>();
  for (const m of templateMembers(model).dollar) {
    if (typeof m.value !== 'string') continue;
    let location = locations.get(m.site);
    if (location === undefined) locations.set(m.site, (location = formatLocation(m.site.path)));
    add(m.site.state, m.path, m.value, m.key, location, false);
  }
  for (const p of sites.paths) {
    if (p.kind === 'fail' && typeof p.value === 'string') add(p.state, p.path, p.value, p.field, formatLocation(p.path), true);
  }
  cache.set(model, out);
  return out;
}
