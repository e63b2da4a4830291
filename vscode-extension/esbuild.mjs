#!/usr/bin/env node
/**
 * Builds the extension for packaging:
 *   out/extension.js          the client (CommonJS, `vscode` external)
 *   server/lsp/server.mjs     the whole asl-lint language server, bundled from ../src/lsp/bin.ts
 *                             through server-entry.mjs, which first hands src/lazy.ts the
 *                             packages it loads on first use (bundled-packages.mjs)
 *   server/package.json       the asl-lint version the server reports
 *   schemas/                  the schemas the engine reads at run time: asl.schema.json,
 *                             asl-lint.config.schema.json, and the generated ajv validators
 *                             (asl.validators.cjs) bundled with their ajv runtime. The engine
 *                             finds them as the package does (src/paths.ts): walking up from the
 *                             running file to the first folder with both schemas/ and
 *                             package.json, here the extension's root (server/ has no schemas/).
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');

for (const dir of ['out', 'server', 'schemas']) rmSync(join(here, dir), { recursive: true, force: true });

await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'out', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
});

await build({
  // src/lsp/bin.ts, after handing src/lazy.ts the packages it loads on first use (bundled here).
  entryPoints: [join(here, 'server-entry.mjs')],
  outfile: join(here, 'server', 'lsp', 'server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  minify: true,
  // jsonc-parser's `main` is a UMD build whose inner require() calls a bundler cannot follow;
  // its `module` build is plain ESM.
  mainFields: ['module', 'main'],
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins, and
  // read __filename/__dirname (Graphviz's Emscripten loader in @viz-js/viz, for the graph view).
  banner: {
    js: "import { createRequire as __aslLintCreateRequire } from 'node:module'; import { fileURLToPath as __aslLintFileURLToPath } from 'node:url'; import { dirname as __aslLintDirname } from 'node:path'; const require = __aslLintCreateRequire(import.meta.url); const __filename = __aslLintFileURLToPath(import.meta.url); const __dirname = __aslLintDirname(__filename);",
  },
  logLevel: 'error',
});

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
writeFileSync(join(here, 'server', 'package.json'), JSON.stringify({ name: 'asl-lint', version: pkg.version, private: true }, null, 2) + '\n');

mkdirSync(join(here, 'schemas'), { recursive: true });
for (const f of ['asl.schema.json', 'asl-lint.config.schema.json']) {
  if (existsSync(join(repo, 'schemas', f))) copyFileSync(join(repo, 'schemas', f), join(here, 'schemas', f));
}
if (existsSync(join(repo, 'schemas', 'asl.validators.cjs'))) {
  await build({
    entryPoints: [join(repo, 'schemas', 'asl.validators.cjs')],
    outfile: join(here, 'schemas', 'asl.validators.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'error',
  });
}
console.log('asl-lint extension: built out/extension.js, server/lsp/server.mjs, schemas/');
