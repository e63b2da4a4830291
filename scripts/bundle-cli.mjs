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
import { cjsBundle } from './esbuild-cjs.mjs';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { bundledPackages, writeNotices } from './notices.mjs';

const dist = (name) => new URL(`../dist/${name}`, import.meta.url).pathname;
const common = cjsBundle;
const main = await build({ ...common, metafile: true, entryPoints: [new URL('../src/cli/bin.ts', import.meta.url).pathname], outfile: dist('asl-lint-main.cjs') });
// The licences of what the bundle contains (THIRD_PARTY_NOTICES.md).
writeNotices(bundledPackages(main.metafile));
await build({ ...common, entryPoints: [new URL('../src/cli/launch.ts', import.meta.url).pathname], outfile: dist('asl-lint.cjs') });
chmodSync(dist('asl-lint.cjs'), 0o755);
// Code run from a V8 code cache goes through vm.Script, where Node 20 has no dynamic import():
// the bundle must have none (esbuild turns literal imports of bundled modules into require).
for (const name of ['asl-lint.cjs', 'asl-lint-main.cjs']) {
  if (/\bimport\s*\(/.test(readFileSync(dist(name), 'utf8'))) {
    console.error(`asl-lint: ${name} contains a dynamic import(), which fails when run from the code cache (src/code-cache.ts)`);
    process.exit(1);
  }
}
rmSync(dist('asl-lint.mjs'), { force: true }); // the bin of earlier builds
console.log(`asl-lint: wrote ${dist('asl-lint.cjs')} and ${dist('asl-lint-main.cjs')}`);
