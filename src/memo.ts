/**
 * The caches of the hot paths, behind two helpers, so that no module hand-writes one:
 *
 * - `memo(compute, limit)`: a size-bounded memo of a function of one key (a parsed JSONPath, a
 *   JSONata analysis, a classified Task resource). The cache belongs to the function: one memo,
 *   one key space. Two kinds of key can never share a cache and answer each other (which
 *   happened when one map served both whole `{% ... %}` strings and the expressions inside
 *   them); a second kind of key is a second memo. When full, the oldest entry goes.
 * - `perObject(compute)`: a value computed once per object (a model, a scope, a document, a state)
 *   and forgotten with it (a WeakMap).
 *
 * Results are shared between callers: they must not modify them.
 */

/** A memo of `compute`, holding at most `limit` results (the oldest goes first). */
export function memo<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K): V => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= limit) cache.delete(cache.keys().next().value as K);
    cache.set(key, value);
    return value;
  };
}

/** `compute(owner)`, computed once per owner object and kept as long as the owner lives. */
export function perObject<K extends object, V>(compute: (owner: K) => V): (owner: K) => V {
  const cache = new WeakMap<K, V>();
  return (owner: K): V => {
    let value = cache.get(owner);
    if (value === undefined) {
      value = compute(owner);
      cache.set(owner, value);
    }
    return value;
  };
}
