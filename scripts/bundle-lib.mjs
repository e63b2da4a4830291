#!/usr/bin/env node
/**
 * The CommonJS entry of the package: dist/index.cjs, the public API (src/index.ts) bundled by
 * esbuild, so `require('asl-lint')` works beside `import ... from 'asl-lint'` (dist/src/index.js,
 * tsc's ES modules). Dependencies stay external (required from node_modules, as the ES build
 * imports them). Its types: dist/cjs/, the ES build's declarations as .d.cts files (TypeScript
 * refuses a CommonJS declaration that re-exports an ES module's), relative imports renamed to .cjs.
 */
import { build } from 'esbuild';
import { cjsBundle } from './esbuild-cjs.mjs';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const dist = (name) => new URL(`../dist/${name}`, import.meta.url).pathname;
await build({
  ...cjsBundle,
  entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
  outfile: dist('index.cjs'),
  packages: 'external',
});
const cjsTypes = dist('cjs');
rmSync(cjsTypes, { recursive: true, force: true });
rmSync(dist('index.d.cts'), { force: true }); // of earlier builds
let count = 0;
for (const top of ['src', 'rules']) {
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d.ts')) {
        const out = join(cjsTypes, relative(dist(''), p)).replace(/\.d\.ts$/, '.d.cts');
        mkdirSync(dirname(out), { recursive: true });
        const text = readFileSync(p, 'utf8').replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
        writeFileSync(out, text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
        count++;
      }
    }
  };
  walk(dist(top));
}
console.log(`asl-lint: wrote ${dist('index.cjs')} and ${count} declarations in ${cjsTypes}`);
