/**
 * The packages asl-lint loads on first use (src/lazy.ts, LAZY_PACKAGES), as plain `require()`
 * calls that esbuild follows, so the language server bundle carries them. server-entry.mjs hands
 * them to src/lazy.ts before the server starts; test/lazy.test.ts checks this list against
 * LAZY_PACKAGES. Nothing here runs until a package is first needed.
 */
export const BUNDLED_PACKAGES = {
  jsonata: () => require('jsonata'),
  yaml: () => require('yaml'),
  'jsonc-parser': () => require('jsonc-parser'),
  'jsonpath-plus': () => require('jsonpath-plus'),
  picocolors: () => require('picocolors'),
  picomatch: () => require('picomatch'),
  ajv: () => require('ajv'),
  'ajv/dist/standalone/index.js': () => require('ajv/dist/standalone/index.js'),
  'ajv/dist/compile/codegen/code.js': () => require('ajv/dist/compile/codegen/code.js'),
  '@viz-js/viz': () => require('@viz-js/viz'),
};
