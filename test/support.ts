/** Helpers shared by test files (not a test file itself: no .test suffix). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough to spread mutations; the same seed replays the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every .json/.yaml/.yml file below a folder, sorted. */
export function definitionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...definitionFiles(p));
    else if (/\.(json|ya?ml)$/i.test(name)) out.push(p);
  }
  return out.sort();
}
