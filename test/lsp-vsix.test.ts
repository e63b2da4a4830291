/**
 * The VS Code extension packages from the repository (`npm run package` in vscode-extension/), its manifest
 * declares the languages, activation and entry point, and the server bundled in the .vsix answers
 * on its own (extracted elsewhere, with no repository around it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtinModules } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { LspClient, ROOT, posOf } from './lsp-helpers.js';

const EXT = join(ROOT, 'vscode-extension');
const VSIX = join(EXT, 'asl-lint.vsix');

function npm(args: string[]): void {
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: EXT, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** The entries of a zip file (stored or deflated), read from its central directory. */
function readZip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

let entries: Map<string, Buffer>;
let unpacked: string;

/**
 * The extension's own dependencies (vsce, esbuild, the VS Code API types) are installed by the
 * root `npm ci` (its prepare step, scripts/setup-extension.mjs) or `npm run setup:extension`;
 * this test never installs anything itself. Without them it is skipped and says why.
 */
const READY = existsSync(join(EXT, 'node_modules', '.bin', 'vsce'));
if (!READY) console.warn("asl-lint tests: the .vsix tests are skipped: vscode-extension/'s dependencies are not installed (run `npm run setup:extension`)");

beforeAll(() => {
  if (!READY) return;
  rmSync(VSIX, { force: true });
  npm(['run', 'package']);
  entries = readZip(VSIX);
  unpacked = mkdtempSync(join(tmpdir(), 'asl-lint-vsix-'));
  for (const [name, data] of entries) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), data);
  }
}, 180_000);

afterAll(() => {
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

describe.skipIf(!READY)(`the .vsix${READY ? '' : " (skipped: run `npm run setup:extension` to install vscode-extension/'s dependencies)"}`, () => {
  it('its client type-checks against the VS Code API it declares', () => {
    npm(['run', 'typecheck']);
  });

  it('declares the activation, the commands, Restricted Mode support, the icon and the entry point; no language of its own', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    expect(manifest.main).toBe('./out/extension.js');
    // Definition files and templates that may hold state machines, not every JSON / YAML file.
    expect(manifest.activationEvents).toEqual([
      'onLanguage:asl',
      'onLanguage:asl-yaml',
      'workspaceContains:**/*.asl.{json,yaml,yml}',
      'workspaceContains:**/{template,*.template}.{json,yaml,yml}',
      'workspaceContains:**/serverless.{yml,yaml}',
      'workspaceContains:**/*.tf',
    ]);
    // *.asl.json stays JSON (VS Code's formatting and folding); `asl` is the AWS Toolkit's.
    expect(manifest.contributes.languages).toBeUndefined();
    expect(manifest.contributes.grammars).toBeUndefined();
    expect(manifest.contributes.commands.map((c: { command: string; category: string; title: string }) => `${c.category}: ${c.title}`)).toEqual(
      expect.arrayContaining(['ASL: Restart Language Server', 'ASL: Show Output']),
    );
    expect(manifest.capabilities.untrustedWorkspaces).toEqual({ supported: true });
    expect(manifest.icon).toBe('images/icon.png');
    const icon = entries.get('extension/images/icon.png')!;
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['aslLint.rules', 'aslLint.type', 'aslLint.awsToolkitDocuments', 'aslLint.trace.server']);
    expect(entries.get('extension.vsixmanifest')!.toString('utf8')).toContain('Id="asl-lint-vscode"');
  });

  it('holds the client, the bundled server and its schemas, and no node_modules', () => {
    for (const f of ['extension/out/extension.js', 'extension/server/lsp/server.mjs', 'extension/schemas/asl.schema.json', 'extension/readme.md', 'extension/LICENSE.txt']) {
      expect([...entries.keys()]).toContain(f);
    }
    expect([...entries.keys()].filter((n) => n.includes('node_modules'))).toEqual([]);
    // The client requires nothing but vscode at run time.
    const client = entries.get('extension/out/extension.js')!.toString('utf8');
    expect([...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:') && m !== 'vscode' && !builtinModules.includes(m))).toEqual([]);
  });

  it("its server says asl-lint's version (--version, initialize), answers initialize and lints JSON and YAML on its own", async () => {
    const server = join(unpacked, 'extension', 'server', 'lsp', 'server.mjs');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // Its version is server/package.json's (written by the build), not the extension's own, one folder
    // up: given another version here (both are 0.1.0 today), the server still says asl-lint's.
    const manifest = join(unpacked, 'extension', 'package.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: '0.0.0-extension' }));
    expect(spawnSync(process.execPath, [server, '--version'], { encoding: 'utf8', timeout: 10_000 }).stdout).toBe(`${version}\n`);
    const c = new LspClient({ server, settings: {} });
    try {
      const init = await c.initialize();
      expect(init.serverInfo).toEqual({ name: 'asl-lint', version });
      const json = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Nxt": "B", "End": true}}}';
      await c.open('file:///v/a.asl.json', json);
      const d = await c.current('file:///v/a.asl.json');
      expect(d.map((x) => [x.code, x.message, x.range])).toEqual([
        ['SCHEMA_VALIDATION_FAILED', "Field 'Nxt' is not supported (did you mean 'Next'?)", { start: posOf(json, '"Nxt"'), end: posOf(json, '"Nxt"', 5) }],
      ]);
      const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: C\n';
      await c.open('file:///v/a.asl.yaml', yaml, 'asl-yaml');
      const y = await c.current('file:///v/a.asl.yaml');
      expect(y.map((x) => [x.code, x.message, x.range])).toEqual(lint(yaml, { format: 'yaml' }).diagnostics.map((x) => [x.code, x.message, x.range]));
      expect(y.find((x) => x.code === 'MISSING_TRANSITION_TARGET')!.range).toEqual({ start: posOf(yaml, 'C\n'), end: posOf(yaml, 'C\n', 1) });
      expect(await c.shutdown()).toBe(0);
      expect(c.stderr).toBe('');
    } finally {
      c.kill();
    }
  });

  it('its server draws the graph (aslLint/graph) with the Graphviz it bundles', async () => {
    const c = new LspClient({ server: join(unpacked, 'extension', 'server', 'lsp', 'server.mjs'), settings: {} });
    try {
      await c.initialize();
      await c.open('file:///v/g.asl.json', '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}');
      await c.current('file:///v/g.asl.json');
      const r = await c.conn.sendRequest<{ svg: string; nodes: { name: string }[] }>('aslLint/graph', { uri: 'file:///v/g.asl.json' });
      expect(r.nodes.map((n) => n.name)).toEqual(['A', 'B']);
      expect(r.svg).toContain('<g id="n0" class="node state" data-asl-graph="node" data-state="A">');
      expect(r.svg).toContain('<g id="n1" class="node state" data-asl-graph="node" data-state="B">');
      expect(await c.shutdown()).toBe(0);
      expect(c.stderr).toBe('');
    } finally {
      c.kill();
    }
  });
});
