/**
 * jsonc-parser ships a UMD build (main) and an ESM build whose imports lack file extensions,
 * which Node's ESM loader refuses. Loading it through `require` takes the UMD build in both
 * Node and vitest.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Jsonc = typeof import('jsonc-parser');
let lib: Jsonc | undefined;
/**
 * Loaded on first use: a valid JSON definition needs no position tree, and loading jsonc-parser
 * costs about a quarter of the CLI's cold start.
 */
export const jsonc: Jsonc = new Proxy({} as Jsonc, {
  get: (_target, key) => (lib ??= require('jsonc-parser') as Jsonc)[key as keyof Jsonc],
});
