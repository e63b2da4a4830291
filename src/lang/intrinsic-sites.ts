/**
 * The intrinsic function calls of a definition, parsed once per model: `.$` values of JSONPath
 * payload templates and Fail ErrorPath/CausePath. Shared by the intrinsic rules.
 */
import type { Path } from '../types.js';
import type { State, StateMachine } from '../model/model.js';
import { sitesOf, templateMembers } from './sites.js';
import { startsLikeIntrinsicCall, parseIntrinsic, type IntrinsicParse } from './intrinsics.js';
import { hasPlaceholder } from '../parse/placeholder.js';
import { formatLocation } from '../model/location.js';
import { perObject } from '../memo.js';

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

export const intrinsicSites: (model: StateMachine) => IntrinsicSite[] = perObject(collectIntrinsicSites);

function collectIntrinsicSites(model: StateMachine): IntrinsicSite[] {
  const out: IntrinsicSite[] = [];
  const sites = sitesOf(model);
  const isCall = (value: string) => !hasPlaceholder(value as unknown) && startsLikeIntrinsicCall(value);
  // Most `.$` values are paths: a site's location is only formatted for the calls.
  let locations: Map<object, string> | undefined;
  for (const m of templateMembers(model).dollar) {
    if (typeof m.value !== 'string' || !isCall(m.value)) continue;
    locations ??= new Map();
    let location = locations.get(m.site);
    if (location === undefined) locations.set(m.site, (location = formatLocation(m.site.path)));
    out.push({ state: m.site.state, path: m.path, value: m.value, field: m.key, location, stringResult: false, parsed: parseIntrinsic(m.value) });
  }
  for (const p of sites.paths) {
    if (p.kind === 'fail' && typeof p.value === 'string' && isCall(p.value)) {
      out.push({ state: p.state, path: p.path, value: p.value, field: p.field, location: formatLocation(p.path), stringResult: true, parsed: parseIntrinsic(p.value) });
    }
  }
  return out;
}
