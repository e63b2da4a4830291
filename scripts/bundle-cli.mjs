#!/usr/bin/env node
/**
 * Bundles the CLI into one file (dist/asl-lint.mjs), the `asl-lint` bin. Resolving and linking
 * the ~120 modules of the tsc output costs ~100 ms at every start; one file costs a fraction.
 * Modules imported on demand (YAML, formatters, templates) stay lazily evaluated in the bundle.
 * The schema and its generated validators are read from schemas/ at run time, as from dist/src.
 */
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const outfile = new URL('../dist/asl-lint.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../src/cli/bin.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS packages (ajv, jsonc-parser) call require().
  banner: { js: "import { createRequire as __aslCreateRequire } from 'node:module'; const require = __aslCreateRequire(import.meta.url);" },
});
chmodSync(outfile, 0o755);
console.log(`asl-lint: wrote ${outfile}`);
