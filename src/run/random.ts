/** Seeded randomness: runs are deterministic by default (the same seed, the same UUIDs). */

export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** A version 4 UUID. */
  uuid(): string;
}

/** mulberry32: small, fast, good enough for test data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  return {
    next,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
}

/** Java's java.util.Random, for States.MathRandom with a seed (AWS runs Java). */
export function javaRandomInt(seed: number, bound: number): number {
  let s = (BigInt(seed) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  const nextBits = (bits: number): number => {
    s = (s * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    // (int)(seed >>> (48 - bits)): non-negative for the 31 bits nextInt asks for.
    return Number(s >> BigInt(48 - bits));
  };
  if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(nextBits(31))) >> 31n);
  let bits: number;
  let val: number;
  do {
    bits = nextBits(31);
    val = bits % bound;
  } while (bits - val + (bound - 1) < 0 || bits - val + (bound - 1) > 2147483647);
  return val;
}
