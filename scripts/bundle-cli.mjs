#!/usr/bin/env node
/**
 * Bundles the CLI for a fast cold start:
 *   dist/asl-lint-main.cjs  the whole program (src/cli/bin.ts) in one CommonJS file: resolving and
 *                           linking the ~120 modules of the tsc output costs ~100 ms at every start,
 *                           one file a fraction, and CommonJS can run from a V8 code cache;
 *   dist/asl-lint.cjs       the `asl-lint` bin (src/cli/launch.ts), a few lines that load the
 *                           program through its code cache (src/code-cache.ts).
 * Packages loaded on demand (YAML, JSONata, jsonc-parser) stay outside and load only when needed.
 * The schema and its generated validators are read from schemas/ at run time, as from dist/src.
 * scripts/warm-code-cache.mjs then writes the code caches.
 */
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

const dist = (name) => new URL(`../dist/${name}`, import.meta.url).pathname;
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // The sources are ES modules: import.meta.url is this file's URL.
  define: { 'import.meta.url': '__aslImportMetaUrl' },
  banner: { js: "const __aslImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({ ...common, entryPoints: [new URL('../src/cli/bin.ts', import.meta.url).pathname], outfile: dist('asl-lint-main.cjs') });
const { define: _define, banner: _banner, ...plain } = common; // the launcher uses __dirname only
await build({ ...plain, entryPoints: [new URL('../src/cli/launch.ts', import.meta.url).pathname], outfile: dist('asl-lint.cjs') });
chmodSync(dist('asl-lint.cjs'), 0o755);
rmSync(dist('asl-lint.mjs'), { force: true }); // the bin of earlier builds
console.log(`asl-lint: wrote ${dist('asl-lint.cjs')} and ${dist('asl-lint-main.cjs')}`);
