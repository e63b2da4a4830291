/**
 * The caches of the hot paths, behind two helpers, so that no module hand-writes one:
 *
 * - `memo(compute, limit)`: a size-bounded memo of a function of one key (a parsed JSONPath, a
 *   JSONata analysis, a classified Task resource). The cache belongs to the function: one memo,
 *   one key space. Two kinds of key can never share a cache and answer each other (which
 *   happened when one map served both whole `{% ... %}` strings and the expressions inside
 *   them); a second kind of key is a second memo. When full, the oldest entry goes.
 * - `perObject(compute)`: a value computed once per object the library made (a model, a scope, a
 *   document, a state) and forgotten with it: kept on the object itself, under a symbol.
 * - `perCallerObject(compute)`: the same for an object a caller handed in (mocked responses),
 *   which is never written to: a WeakMap.
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

/**
 * `compute(owner)`, computed once per owner and kept on the owner, under a symbol of this cache's
 * own, not enumerable: invisible to JSON, Object.keys, for...in, spreads and Object.assign.
 *
 * Not a WeakMap: V8's young-generation collector (the scavenger, which runs every few MB of
 * allocation) treats the values of a long-lived WeakMap as alive until the next full collection.
 * A value computed from a model (its sites, its reachable states) refers back into the model, so
 * every lint()'s model, document and parsed JSON survived the scavenges after it returned, were
 * copied and promoted, and waited for a full collection: lint() of 2,000 states spent 3-7 ms of
 * its 13-17 ms in the collector (GC events over 200 calls; 0.2-0.6 ms with the values on their
 * owners). test/gc-retention.test.ts keeps it so.
 *
 * For the library's own objects only (they are written to); an owner that cannot be extended (a
 * frozen one) falls back to a WeakMap. Call it once, at module level (a test checks): each call
 * makes a new symbol, so a perObject made per call would add a property to every owner each time.
 */
export function perObject<K extends object, V>(compute: (owner: K) => V): (owner: K) => V {
  const key = Symbol(`perObject ${compute.name}`);
  let frozen: WeakMap<K, V> | undefined;
  return (owner: K): V => {
    let value = (owner as Record<symbol, V | undefined>)[key];
    if (value !== undefined) return value;
    if (frozen) {
      value = frozen.get(owner);
      if (value !== undefined) return value;
    }
    value = compute(owner);
    if (Object.isExtensible(owner)) Object.defineProperty(owner, key, { value, enumerable: false });
    else (frozen ??= new WeakMap()).set(owner, value);
    return value;
  };
}

/**
 * `compute(owner)`, computed once per owner object a caller handed in, and kept as long as the
 * owner lives, without writing to it (a WeakMap: see perObject for what that costs in V8, which
 * matters little for the few, long-lived objects callers hand in).
 */
export function perCallerObject<K extends object, V>(compute: (owner: K) => V): (owner: K) => V {
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
