/**
 * Loading on first use: the packages a lint may never need (jsonata, yaml, jsonc-parser, ajv,
 * Graphviz...) cost more to load than a whole lint of a JSON definition takes, so each is loaded
 * when first needed, through `lazyPackage()`.
 *
 * A bundler cannot follow Node's `createRequire(import.meta.url)(id)`. A bundle that carries the
 * packages itself (the VS Code extension's language server, vscode-extension/esbuild.mjs) gives
 * this module a loader per package from its entry (`registerBundledPackages()`, loaders written as
 * plain `require('id')` calls, which the bundler follows); everything else (the ES modules in
 * dist/, the CLI and library bundles, whose dependencies stay in node_modules) uses Node's require.
 * No source is rewritten for either.
 */
import { createRequire } from 'node:module';

/** Every package loaded on first use; a bundle that carries its packages registers each of these. */
export const LAZY_PACKAGES = [
  'jsonata',
  'yaml',
  'jsonc-parser',
  'jsonpath-plus',
  'picocolors',
  'picomatch',
  'ajv',
  'ajv/dist/standalone/index.js',
  'ajv/dist/compile/codegen/code.js',
  '@viz-js/viz',
] as const;
export type LazyPackage = (typeof LAZY_PACKAGES)[number];

const nodeRequire = createRequire(import.meta.url);
let bundled: Readonly<Record<LazyPackage, () => unknown>> | undefined;

/** Called by a bundle's entry, before anything is loaded: a loader for every lazily loaded package. */
export function registerBundledPackages(loaders: Readonly<Record<LazyPackage, () => unknown>>): void {
  bundled = loaders;
}

/** `load()`, run once on the first call; later calls return its result. */
export function lazy<T>(load: () => T): () => T {
  let loaded = false;
  let value: T | undefined;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}

/** A package (its CommonJS build, synchronously), loaded on the first call. */
export function lazyPackage<T>(id: LazyPackage): () => T {
  return lazy(() => (bundled ? bundled[id]() : nodeRequire(id)) as T);
}
