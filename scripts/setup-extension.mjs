#!/usr/bin/env node
/**
 * `npm run setup:extension`: installs vscode-extension/'s own dependencies (npm ci there: vsce,
 * esbuild, the VS Code API types), which packaging the extension and its tests need, when they are
 * not installed yet (--force: always). Says what it does. The root `npm ci` never does this, and
 * neither does `npm test` (the extension's tests are skipped, saying so, until this has run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ext = fileURLToPath(new URL('../vscode-extension/', import.meta.url));
const force = process.argv.includes('--force');
if (!existsSync(`${ext}package.json`)) process.exit(0);
if (!force && existsSync(`${ext}node_modules/.bin/vsce`)) {
  console.log("asl-lint: vscode-extension/'s dependencies are installed (--force to reinstall)");
  process.exit(0);
}
console.log("asl-lint: installing vscode-extension/'s dependencies (npm ci in vscode-extension/)");
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ext, stdio: 'inherit' });
process.exit(r.status ?? 1);
