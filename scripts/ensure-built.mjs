#!/usr/bin/env node
/**
 * `npm test`'s pretest: the tests run the built CLI, LSP server and library (dist/). When dist/ is
 * missing or older than a source, schema or build script, this builds (once) and says why;
 * otherwise (as in CI, right after `npm run build`) it does nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The last file the build writes (scripts/warm-code-cache.mjs, the build's last step). The code
// caches themselves live in the user's cache folder, not in dist/.
const stamp = join(root, 'dist', '.build-stamp');
const products = [stamp, join(root, 'dist', 'index.cjs'), join(root, 'dist', 'src', 'index.js'), join(root, 'schemas', 'asl.validators.cjs')];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|mjs|json)$/.test(e.name) && !e.name.endsWith('.d.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const missing = products.find((p) => !existsSync(p));
const built = missing ? 0 : Math.min(...products.map((p) => statSync(p).mtimeMs));
const sources = Math.max(...['src', 'rules', 'schemas', 'scripts'].map((d) => newest(join(root, d))), statSync(join(root, 'package.json')).mtimeMs);
if (!missing && built >= sources) process.exit(0);
console.log(`asl-lint: ${missing ? `${missing.slice(root.length)} is missing` : 'dist/ is older than the sources'}: running npm run build`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
