#!/usr/bin/env node
/**
 * `npm run test:vscode`: the packaged extension inside a real VS Code, driven in a real browser.
 *
 *   1. system packages (Debian): Chromium, build tools and Kerberos headers for code-server's
 *      native modules, ripgrep (code-server's own download of it goes to GitHub): installed with
 *      apt-get when missing and running as root, else a one-line message saying what to install;
 *   2. code-server and playwright-core from the npm registry, into a cache folder outside the
 *      repository (ASL_LINT_E2E_CACHE, default ~/.cache/asl-lint-e2e), once per pinned version;
 *   3. the .vsix packaged from vscode-extension/ (npm run package) and installed into a fresh
 *      code-server profile;
 *   4. code-server on 127.0.0.1 with a copy of test/vscode/workspace (opened in Restricted
 *      Mode), headless Chromium (/usr/bin/chromium, driven by playwright-core) opening it, and
 *      the checks (checks.mjs): every problem the CLI reports for the three files shows in the
 *      Problems panel on the CLI's line and column, and no other; the template's DefinitionUri is
 *      a link; a quick fix applies; hover and completion answer; the files stay JSON; the ASL
 *      commands are in the palette; the graph view opens.
 *
 * Bounded: every step has a time limit (ASL_LINT_E2E_TIMEOUT_S for the browser part, default
 * 300); a step that overruns fails with its name, never hangs. Screenshots of each step go to
 * the run folder printed at the start (kept on failure, or with ASL_LINT_E2E_KEEP=1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT = join(ROOT, 'vscode-extension');
const WORKSPACE_SRC = join(ROOT, 'test', 'vscode', 'workspace');
const CODE_SERVER_VERSION = '4.100.3'; // the last line of code-server releases that runs on Node 20
const PLAYWRIGHT_VERSION = '1.65.1';
const CHROMIUM = process.env.ASL_LINT_E2E_CHROMIUM || '/usr/bin/chromium';
const CACHE = process.env.ASL_LINT_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'asl-lint-e2e');
const TOOLS = join(CACHE, `tools-${CODE_SERVER_VERSION}-${PLAYWRIGHT_VERSION}`);
const BROWSER_BUDGET_S = Number(process.env.ASL_LINT_E2E_TIMEOUT_S || 300);
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'build-essential', 'python3', 'pkg-config', 'ripgrep'];

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const children = new Set();
let step = 'start';
let runDir;

class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

function log(message) {
  console.log(`[test:vscode ${elapsed()}] ${message}`);
}

function cleanup() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL'); // its whole process group
    } catch {
      // already gone
    }
  }
  children.clear();
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}

/** Runs a command to completion within `timeoutS`; fails with its output otherwise. */
function run(cmd, args, { cwd = ROOT, env = process.env, timeoutS = 120, what = `${cmd} ${args.join(' ')}` } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') fail(`${what}: did not finish within ${timeoutS} s`);
  if (r.error) fail(`${what}: ${r.error.message}`);
  if (r.status !== 0) fail(`${what}: exit ${r.status}\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  return r.stdout;
}

function tail(text, lines = 40) {
  return String(text ?? '').split('\n').filter((l) => !/^npm warn/.test(l)).slice(-lines).join('\n');
}

// -------------------------------------------------------------------------------------------
// 1. System packages

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

function missingSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  if (!hasCommand('make') || !hasCommand('g++')) missing.push('build-essential');
  if (!hasCommand('python3')) missing.push('python3');
  if (!hasCommand('pkg-config')) missing.push('pkg-config');
  if (!hasCommand('rg')) missing.push('ripgrep');
  return missing;
}

function ensureSystemPackages() {
  step = 'system packages';
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  if (!root || !hasCommand('apt-get')) fail(`missing system packages: ${missing.join(', ')} (on Debian/Ubuntu: sudo apt-get install ${APT_PACKAGES.join(' ')})`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env, timeoutS: 300 });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], { env, timeoutS: 900 });
  const still = missingSystemPackages();
  if (still.length) fail(`still missing after apt-get: ${still.join(', ')}`);
}

// -------------------------------------------------------------------------------------------
// 2. code-server and playwright-core, cached

/** The folder holding include/node/node.h, so that node-gyp builds without downloading headers. */
function nodeDir() {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/**
 * @vscode/ripgrep's install downloads rg from GitHub; it first looks in its download cache
 * (os.tmpdir()/vscode-ripgrep-cache-<version>/), so the cache gets Debian's rg instead.
 */
function seedRipgrep() {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  for (const version of ['1.15.11', '1.15.10', '1.15.9', '1.15.13', '1.15.14']) {
    const dir = join(tmpdir(), `vscode-ripgrep-cache-${version}`);
    mkdirSync(dir, { recursive: true });
    for (const tag of ['v13.0.0-10', 'v13.0.0-4', 'v13.0.0-13']) {
      const file = join(dir, `ripgrep-${tag}-${target}.tar.gz`);
      if (!existsSync(file)) run('tar', ['czf', file, '-C', dirname(rg), 'rg'], { what: 'packing Debian ripgrep' });
    }
  }
}

function ensureTools() {
  step = 'code-server install';
  const marker = join(TOOLS, '.installed');
  if (existsSync(marker)) return;
  log(`installing code-server ${CODE_SERVER_VERSION} and playwright-core ${PLAYWRIGHT_VERSION} into ${TOOLS}`);
  rmSync(TOOLS, { recursive: true, force: true });
  mkdirSync(TOOLS, { recursive: true });
  writeFileSync(
    join(TOOLS, 'package.json'),
    JSON.stringify({ name: 'asl-lint-e2e-tools', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_VERSION } }, null, 2),
  );
  seedRipgrep();
  const dir = nodeDir();
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_yes: 'true' };
  if (dir) env.npm_config_nodedir = dir;
  run('npm', ['install', '--no-package-lock'], { cwd: TOOLS, env, timeoutS: 1500, what: `npm install code-server@${CODE_SERVER_VERSION}` });
  if (!existsSync(join(TOOLS, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) fail('code-server installed without its VS Code modules (its postinstall did not run)');
  writeFileSync(marker, new Date().toISOString() + '\n');
}

// -------------------------------------------------------------------------------------------
// 3. The extension

function packageExtension() {
  step = 'packaging the extension';
  if (!existsSync(join(ROOT, 'schemas', 'asl.validators.cjs'))) run('npm', ['run', 'build'], { timeoutS: 300 });
  if (!existsSync(join(EXT, 'node_modules', '.bin', 'vsce'))) run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: EXT, timeoutS: 300 });
  const vsix = join(EXT, 'asl-lint.vsix');
  rmSync(vsix, { force: true });
  run('npm', ['run', 'package'], { cwd: EXT, timeoutS: 300 });
  if (!existsSync(vsix)) fail('npm run package made no asl-lint.vsix');
  return vsix;
}

/** What the CLI reports for a file: the Problems panel must show the same. */
function cliProblems(file) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'asl-lint.cjs'), '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 && r.status !== 1) fail(`asl-lint ${file}: exit ${r.status}: ${r.stderr}`);
  const results = JSON.parse(r.stdout);
  return results.filter((x) => x.filePath === file || x.filePath.endsWith('/' + file)).flatMap((x) => x.diagnostics);
}

// -------------------------------------------------------------------------------------------
// 4. code-server and the browser

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startCodeServer(bin, args, port) {
  step = 'starting code-server';
  const child = spawn(process.execPath, [bin, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`code-server exited (${child.exitCode}):\n${tail(output)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  fail(`code-server did not answer on 127.0.0.1:${port} within 90 s:\n${tail(output)}`);
}

async function main() {
  ensureSystemPackages();
  ensureTools();
  const vsix = packageExtension();
  const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
  const hasGraph = (manifest.contributes?.commands ?? []).some((c) => c.command === 'asl-lint.showGraph');
  // The graph view is part of what this test proves: its command missing is a failure, not a skip.
  if (!hasGraph) throw new Error("the extension's manifest has no asl-lint.showGraph command: the graph view cannot be checked");

  runDir = mkdtempSync(join(tmpdir(), 'asl-lint-vscode-e2e-'));
  const shots = join(runDir, 'screenshots');
  const userData = join(runDir, 'user-data');
  const extensions = join(runDir, 'extensions');
  const workspace = join(runDir, 'workspace');
  for (const d of [shots, join(userData, 'User'), extensions]) mkdirSync(d, { recursive: true });
  cpSync(WORKSPACE_SRC, workspace, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        // The workspace opens in Restricted Mode (untrusted, no prompt): the extension declares
        // untrustedWorkspaces supported, so every check runs there.
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'always',
        'security.workspace.trust.untrustedFiles': 'open',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'editor.hover.delay': 100,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'files.autoSave': 'off',
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
      },
      null,
      2,
    ),
  );
  log(`run folder (screenshots, logs): ${runDir}`);

  const bin = join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check'];
  step = 'installing the .vsix';
  run(process.execPath, [bin, ...common, '--install-extension', vsix], { timeoutS: 120, what: 'code-server --install-extension asl-lint.vsix' });
  const installed = run(process.execPath, [bin, ...common, '--list-extensions', '--show-versions'], { timeoutS: 60 });
  if (!/asl-lint\.asl-lint-vscode@/.test(installed)) fail(`the extension is not installed: ${installed}`);
  log(`installed ${installed.trim()}`);

  const port = await freePort();
  const server = await startCodeServer(bin, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-getting-started-override', workspace], port);
  log(`code-server on http://127.0.0.1:${port}`);

  const timer = setTimeout(() => {
    console.error(`test:vscode: FAILED: timed out after ${BROWSER_BUDGET_S} s in step '${step}' (screenshots in ${runDir})`);
    cleanup();
    process.exit(1);
  }, BROWSER_BUDGET_S * 1000);
  timer.unref();

  step = 'starting Chromium';
  const { chromium } = await import(join(TOOLS, 'node_modules', 'playwright-core', 'index.mjs'));
  const context = await chromium.launchPersistentContext(join(runDir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const { checks } = await import('./checks.mjs');
    await checks({ page, port, workspace, shots, hasGraph, cliProblems: (f) => cliProblems(join(workspace, f)), log, setStep: (s) => (step = s) });
  } catch (err) {
    try {
      const page = context.pages()[0];
      if (page) await page.screenshot({ path: join(shots, 'failure.png') });
    } catch {
      // the browser is gone
    }
    writeFileSync(join(runDir, 'code-server.log'), server.output());
    throw err;
  } finally {
    await context.close().catch(() => undefined);
  }
  clearTimeout(timer);
  return hasGraph;
}

main().then(
  (hasGraph) => {
    cleanup();
    log('PASSED');
    if (!process.env.ASL_LINT_E2E_KEEP && runDir) rmSync(runDir, { recursive: true, force: true });
    process.exit(0);
  },
  (err) => {
    cleanup();
    const msg = err instanceof Failure ? err.message : (err?.stack ?? String(err));
    console.error(`test:vscode: FAILED in step '${step}' after ${elapsed()}: ${msg}${runDir ? `\n  screenshots and logs: ${runDir}` : ''}`);
    process.exit(1);
  },
);
