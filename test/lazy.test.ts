/**
 * src/lazy.ts: packages loaded on first use, through Node's require or, in a bundle that carries
 * them (the VS Code extension's server), through the loaders its entry registers.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_PACKAGES, lazy, lazyPackage, registerBundledPackages, type LazyPackage } from '../src/lazy.js';
import { BUNDLED_PACKAGES } from '../vscode-extension/bundled-packages.mjs';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('lazy', () => {
  it('runs the loader on the first call only', () => {
    let runs = 0;
    const get = lazy(() => {
      runs++;
      return { loaded: true };
    });
    expect(runs).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(runs).toBe(1);
  });

  it('loads a package with Node.js require where no bundle registered one', () => {
    const picomatch = lazyPackage<(glob: string) => (path: string) => boolean>('picomatch');
    expect(picomatch()('*.json')('a.json')).toBe(true);
  });

  it('uses the loaders a bundle registers (read at the first call)', () => {
    const jsonata = lazyPackage<unknown>('jsonata');
    const fake = { bundled: 'jsonata' };
    registerBundledPackages(Object.fromEntries(LAZY_PACKAGES.map((id) => [id, () => (id === 'jsonata' ? fake : undefined)])) as Record<LazyPackage, () => unknown>);
    expect(jsonata()).toBe(fake);
  });

  it('lists every package the VS Code server bundle carries, and each one resolves', () => {
    expect(Object.keys(BUNDLED_PACKAGES).sort()).toEqual([...LAZY_PACKAGES].sort());
    const require = createRequire(join(ROOT, 'src', 'lazy.ts'));
    for (const id of LAZY_PACKAGES) expect(() => require.resolve(id), id).not.toThrow();
  });

  it('is the only way src/ and rules/ load a package with createRequire (a bundler follows no other)', () => {
    const users = [...sources('src'), ...sources('rules')].filter((f) => /\bcreateRequire\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    // code-cache.ts requires our own built files by path, never a package.
    expect(users.map((f) => relative('.', f)).sort()).toEqual(['src/code-cache.ts', 'src/lazy.ts']);
  });
});
