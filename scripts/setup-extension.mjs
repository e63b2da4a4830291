#!/usr/bin/env node
/**
 * `npm run setup:extension`, and the root `npm ci`/`npm install` (the prepare step) in a checkout:
 * installs vscode-extension/'s own dependencies (npm ci there: vsce, esbuild, the VS Code API
 * types), which the extension's tests need, when they are not installed yet. Says what it does.
 * Does nothing outside a checkout (no vscode-extension/ folder) or with ASL_LINT_SKIP_EXTENSION=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ext = fileURLToPath(new URL('../vscode-extension/', import.meta.url));
const force = process.argv.includes('--force');
if (!existsSync(`${ext}package.json`) || process.env.ASL_LINT_SKIP_EXTENSION === '1') process.exit(0);
if (!force && existsSync(`${ext}node_modules/.bin/vsce`)) process.exit(0);
console.log("asl-lint: installing vscode-extension/'s dependencies (npm ci in vscode-extension/; ASL_LINT_SKIP_EXTENSION=1 skips this)");
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ext, stdio: 'inherit' });
process.exit(r.status ?? 1);
