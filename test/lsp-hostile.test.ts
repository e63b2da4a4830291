/**
 * The language server against clients that misbehave, through a real JSON-RPC client over stdio:
 * one that stops reading, one that sends a frame without Content-Length, one that never answers
 * workspace/configuration, one that asks about documents it never opened, and one that edits a
 * large document a thousand times a second while asking for hovers. Each is bounded: the server
 * answers, holds or exits with a line on stderr; it never grows without limit or goes deaf.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationRequest, HoverRequest, DocumentSymbolRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { stringify } from 'yaml';
import { generateDefinition } from '../bench/generate.mjs';
import { ensureBuilt, LspClient, posOf } from './lsp-helpers.js';

beforeAll(() => ensureBuilt());

const clients: LspClient[] = [];
function client(options: ConstructorParameters<typeof LspClient>[0] = {}): LspClient {
  const c = new LspClient(options);
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});

/** A definition with `n` unreachable states: n diagnostics, each published message ~n * 300 bytes. */
function unreachable(n: number, tag = ''): string {
  const states: Record<string, unknown> = { Start: { Type: 'Succeed' } };
  for (let i = 0; i < n; i++) states[`Orphan${i}${tag}`] = { Type: 'Pass', End: true };
  return JSON.stringify({ Comment: tag, StartAt: 'Start', States: states }, null, 1);
}

const settle = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: number }) => ({ ok: false as const, code: error.code }),
  );

describe('a client that stops reading its input', () => {
  it('gets only the newest diagnostics per document once it reads again, not every stale one', async () => {
    const c = client({ initializationOptions: { debounceMs: 0 } });
    await c.initialize();
    const uri = 'file:///slow/reader.asl.json';
    await c.open(uri, unreachable(400, 'v1'));
    await c.current(uri);
    c.proc.stdout!.pause();
    const edits = 40;
    for (let i = 2; i <= edits + 1; i++) {
      await c.change(uri, [{ text: unreachable(400, `v${i}`) }]);
      // Each edit is linted and published on its own (debounce 0).
      await new Promise((r) => setTimeout(r, 15));
    }
    const before = c.published(uri).length;
    c.proc.stdout!.resume();
    const last = await c.current(uri);
    expect(last).toHaveLength(400);
    expect(last[0].message).toContain(`Orphan0v${edits + 1}`);
    // Without holding, each of the 40 versions arrives (about 5 MB the server kept for a client
    // that was not reading); held, at most the couple already in the pipe, then the newest.
    const received = c.published(uri).slice(before);
    expect(received.length).toBeLessThanOrEqual(4);
    expect(received.at(-1)!.version).toBe(edits + 1);
    expect(await c.shutdown()).toBe(0);
  }, 60_000);

  it('exits with a line on stderr when its unread output passes 64 MiB (requests keep coming)', async () => {
    const c = client();
    await c.initialize();
    const uri = 'file:///slow/symbols.asl.json';
    await c.open(uri, unreachable(2000));
    await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    c.proc.stdout!.pause();
    // Each answer is ~400 KB; 400 of them would be 160 MB kept for a client that never reads.
    const answers: Promise<unknown>[] = [];
    for (let i = 0; i < 400 && c.proc.exitCode === null; i++) {
      answers.push(settle(c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })));
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(await c.exited).toBe(1);
    expect(c.stderr).toContain('asl-lint-lsp: the editor has not read the last 64 MiB the server wrote; exiting\n');
  }, 60_000);
});

describe('framing', () => {
  it('a frame without Content-Length: the server says why on stderr and exits, instead of going deaf', async () => {
    const c = client();
    await c.initialize();
    c.proc.stdin!.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}');
    expect(await c.exited).toBe(1);
    expect(c.stderr).toContain('asl-lint-lsp: a message from the editor has no valid Content-Length header (it cannot be read, nor skipped); exiting\n');
  }, 30_000);

  it('a header that never ends: refused past 8 KiB (the reader would rescan all it holds at every chunk)', async () => {
    const c = client();
    await c.initialize();
    c.proc.stdin!.on('error', () => undefined);
    const chunk = 'X-Padding: ' + 'x'.repeat(64 * 1024);
    for (let i = 0; i < 16 && c.proc.exitCode === null; i++) c.proc.stdin!.write(chunk);
    expect(await c.exited).toBe(1);
    expect(c.stderr).toContain('asl-lint-lsp: a message header from the editor is longer than 8 KiB; exiting\n');
  }, 30_000);

  it('a Content-Length over 128 MiB is refused before any of the body is kept', async () => {
    const c = client();
    await c.initialize();
    c.proc.stdin!.write('Content-Length: 200000000\r\n\r\n{"jsonrpc":"2.0",');
    expect(await c.exited).toBe(1);
    expect(c.stderr).toContain('asl-lint-lsp: a message from the editor is larger than 128 MiB (Content-Length: 200000000); exiting\n');
  }, 30_000);

  it('headers as the specification allows them (Content-Type too, any case, split across chunks) are read', async () => {
    const c = client();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'raw-1', method: 'shutdown' });
    const frame = `content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:${Buffer.byteLength(body)}\r\n\r\n${body}`;
    await c.initialize();
    for (const ch of frame) c.proc.stdin!.write(ch);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.proc.exitCode).toBe(null);
    expect(c.stderr).toBe('');
    expect(await c.shutdown()).toBe(0);
  }, 30_000);

  it('a body that is not JSON (the frame is intact) is logged, and the server keeps answering', async () => {
    const c = client();
    c.proc.stdin!.write('Content-Length: 5\r\n\r\nnope!');
    const init = await c.initialize();
    expect(init.serverInfo?.name).toBe('asl-lint');
    expect(c.stderr).toMatch(/asl-lint-lsp: a message from the editor was not read: /);
    expect(await c.shutdown()).toBe(0);
  }, 30_000);
});

describe('workspace/configuration', () => {
  it('a client that never answers: the defaults are used after the timeout; a late answer still applies', async () => {
    const c = client({ settings: {}, initializationOptions: { configurationTimeoutMs: 300 } });
    let answer: (v: unknown[]) => void = () => undefined;
    let asked = 0;
    c.conn.onRequest(ConfigurationRequest.type, () => {
      asked++;
      return new Promise<unknown[]>((resolve) => (answer = resolve));
    });
    await c.initialize();
    const uri = 'file:///config/never.asl.json';
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "End": true}}}';
    await c.open(uri, text);
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '"Type"', 2) });
    expect((hover?.contents as MarkupContent).value).toMatch(/Type/);
    expect((await c.current(uri)).map((d) => d.code)).toEqual(['NO_DOLLAR']);
    expect(asked).toBe(1);
    // The answer comes at last: the document is linted again with it.
    answer([{ rules: { NO_DOLLAR: 'off' } }]);
    await c.waitDiagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(await c.shutdown()).toBe(0);
  }, 30_000);

  it('nothing is asked or kept for documents that were never opened', async () => {
    const c = client({ settings: {} });
    await c.initialize();
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: `file:///never/opened-${i}.asl.json` }, position: { line: 0, character: 1 } })),
    );
    expect(answers.every((a) => a === null)).toBe(true);
    expect(c.configurationRequests).toBe(0);
    // An opened document still gets its settings.
    await c.open('file:///never/open.asl.json', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
    await c.current('file:///never/open.asl.json');
    expect(c.configurationRequests).toBe(1);
    expect(await c.shutdown()).toBe(0);
  }, 30_000);
});

describe('a flood of edits on a large YAML document', () => {
  const definition = generateDefinition(2000, { seed: 9 }).definition;
  const text = `# v1\n${stringify(definition)}`;
  const at = posOf(text, 'StartAt:', 2);

  it('requests behind newer edits are answered ContentModified at once; the newest version is answered and linted', async () => {
    const c = client({ initializationOptions: { debounceMs: 20 } });
    await c.initialize();
    const uri = 'file:///flood/big.asl.yaml';
    await c.open(uri, text);
    await c.current(uri, 60_000);
    const edits = 500;
    const hovers: Promise<{ ok: boolean; code?: number; value?: unknown }>[] = [];
    for (let i = 2; i <= edits + 1; i++) {
      // Replace the first line (# v1 -> # vN): the positions below it stay put.
      void c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: String(i - 1).length + 3 } }, text: `# v${i}` }]);
      hovers.push(settle(c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at })));
    }
    const last = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at })) as Hover | null;
    expect((last?.contents as MarkupContent).value).toMatch(/StartAt/);
    const settled = await Promise.all(hovers);
    // Every request answered: a hover, or ContentModified (-32801) for one behind newer edits.
    expect(settled.every((h) => h.ok || h.code === -32801)).toBe(true);
    // Without the check every one of the 500 is computed on a fresh analysis (tens of seconds).
    expect(settled.filter((h) => !h.ok).length).toBeGreaterThan(edits / 2);
    const diags = await c.waitDiagnostics(uri, (p) => p.version === edits + 1, 60_000);
    expect(diags.diagnostics).toEqual([]);
    expect(await c.shutdown()).toBe(0);
  }, 120_000);

  it('$/cancelRequest: a cancelled request is answered RequestCancelled without being computed', async () => {
    const c = client();
    await c.initialize();
    const uri = 'file:///flood/cancel.asl.yaml';
    await c.open(uri, text);
    await c.current(uri, 60_000);
    // An edit (its analysis is what the hover would wait for), the hover, and its cancellation.
    void c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: '# v2' }]);
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    const source = new CancellationTokenSource();
    const hover = settle(c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at }, source.token));
    source.cancel();
    expect(await hover).toEqual({ ok: false, code: -32800 });
    const after = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at })) as Hover | null;
    expect((after?.contents as MarkupContent).value).toMatch(/StartAt/);
    expect(await c.shutdown()).toBe(0);
  }, 60_000);
});

describe('the other transports go through the same bounds', () => {
  it('--node-ipc (VS Code): initialize, diagnostics, hover, shutdown', async () => {
    const { spawn } = await import('node:child_process');
    const {
      createProtocolConnection,
      IPCMessageReader,
      IPCMessageWriter,
      InitializeRequest,
      InitializedNotification,
      DidOpenTextDocumentNotification,
      PublishDiagnosticsNotification,
      ShutdownRequest,
      ExitNotification,
    } = await import('vscode-languageserver-protocol/node');
    const { SERVER } = await import('./lsp-helpers.js');
    const proc = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
      const published = new Promise<{ uri: string; diagnostics: { code?: unknown }[] }>((resolve) => conn.onNotification(PublishDiagnosticsNotification.type, resolve));
      conn.listen();
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      expect(init.serverInfo?.name).toBe('asl-lint');
      await conn.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///ipc/a.asl.json';
      const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}';
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asl', version: 1, text } });
      expect((await published).diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
      const hover = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '"Type"', 2) })) as Hover | null;
      expect((hover?.contents as MarkupContent).value).toMatch(/Type/);
      await conn.sendRequest(ShutdownRequest.type);
      const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
      await conn.sendNotification(ExitNotification.type);
      expect(await exited).toBe(0);
      conn.dispose();
    } finally {
      if (proc.exitCode === null) proc.kill();
    }
  }, 30_000);
});

describe('--socket', () => {
  it('connects to the port, answers over it, and the frame guard applies there too', async () => {
    const net = await import('node:net');
    const { spawn } = await import('node:child_process');
    const { createProtocolConnection, SocketMessageReader, SocketMessageWriter, InitializeRequest, ShutdownRequest, ExitNotification } = await import('vscode-languageserver-protocol/node');
    const { SERVER } = await import('./lsp-helpers.js');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const accepted = new Promise<import('node:net').Socket>((resolve) => server.once('connection', resolve));
    const run = (): { proc: ReturnType<typeof spawn>; stderr: () => string; exited: Promise<number | null> } => {
      const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proc.stderr!.on('data', (d) => (stderr += String(d)));
      return { proc, stderr: () => stderr, exited: new Promise((resolve) => proc.on('exit', resolve)) };
    };
    const first = run();
    try {
      const sock = await accepted;
      const conn = createProtocolConnection(new SocketMessageReader(sock), new SocketMessageWriter(sock));
      conn.listen();
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      expect(init.serverInfo?.name).toBe('asl-lint');
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      expect(await first.exited).toBe(0);
      conn.dispose();
      // A second server, sent a frame without Content-Length.
      const second = run();
      const sock2 = await new Promise<import('node:net').Socket>((resolve) => server.once('connection', resolve));
      sock2.on('error', () => undefined);
      sock2.write('X-Nothing: 1\r\n\r\n{}');
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toContain('has no valid Content-Length header');
    } finally {
      if (first.proc.exitCode === null) first.proc.kill();
      server.close();
    }
  }, 30_000);
});
