/**
 * jsonc-parser ships a UMD build (main) and an ESM build whose imports lack file extensions,
 * which Node's ESM loader refuses. Loading it through `require` takes the UMD build in both
 * Node and vitest.
 */
import { lazyPackage } from '../lazy.js';

type Jsonc = typeof import('jsonc-parser');
const load = lazyPackage<Jsonc>('jsonc-parser');
/**
 * Loaded on first use: a valid JSON definition needs no position tree, and loading jsonc-parser
 * costs about a quarter of the CLI's cold start.
 */
export const jsonc: Jsonc = new Proxy({} as Jsonc, {
  get: (_target, key) => load()[key as keyof Jsonc],
});
