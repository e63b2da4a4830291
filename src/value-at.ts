/**
 * The value at a path inside a plain JSON value, the one helper for it (the schema stage, the
 * language sites, fixes, templates and rules all read values by path). Own members only: a key of
 * a definition is never an inherited property (`constructor`, `toString`), and a state named
 * `__proto__` (an own member, as JSON.parse makes it) is found like any other.
 */
import type { Path } from './types.js';

/**
 * The value at `path` under `root`, or undefined when a member is absent or a value on the way is
 * not an object or array. `V`, what the values inside `root` are (model's `Json` for a definition's
 * value), is the caller's to say; unknown by default.
 */
export function valueAt<V = unknown>(root: unknown, path: Path): V | undefined {
  let v: unknown = root;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, path[i])) return undefined;
    v = (v as Record<string | number, unknown>)[path[i]];
  }
  return v as V;
}
