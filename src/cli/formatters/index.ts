/**
 * The formatter registry. Adding a formatter (sarif, github, junit ...) is one module in this
 * folder exporting a Formatter as default, plus one line here; --format, its validation and
 * --help pick the name up from this table. Modules load on demand: a run pays only for the
 * formatter it uses.
 */
import type { Formatter } from './types.js';

export type { Formatter, FileResult } from './types.js';

type Loader = () => Promise<{ default: Formatter }>;

const registry: Record<string, Loader> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
};

/** Registered names, the default first. */
export const formatterNames: readonly string[] = Object.keys(registry);
export const defaultFormatter = 'stylish';

export function hasFormatter(name: string): boolean {
  return Object.hasOwn(registry, name);
}

export async function loadFormatter(name: string): Promise<Formatter> {
  const load = registry[name];
  if (!load || !Object.hasOwn(registry, name)) throw new Error(`unknown formatter '${name}'`);
  return (await load()).default;
}
