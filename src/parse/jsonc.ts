/**
 * jsonc-parser ships a UMD build (main) and an ESM build whose imports lack file extensions,
 * which Node's ESM loader refuses. Loading it through `require` takes the UMD build in both
 * Node and vitest.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const jsonc: typeof import('jsonc-parser') = require('jsonc-parser');
