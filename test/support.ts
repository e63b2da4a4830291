/** Helpers shared by test files (not a test file itself: no .test suffix). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32, the benchmark's generator's own: the same seed replays the same run. */
export { prng } from '../bench/generate.mjs';

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
