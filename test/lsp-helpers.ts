/**
 * A real LSP client for the end-to-end tests: spawns `node <server> --stdio` and talks JSON-RPC
 * over its standard input and output, as an editor does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  LogMessageNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  MessageType,
  RegistrationRequest,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = join(ROOT, 'dist', 'src', 'lsp', 'bin.js');

/** Builds dist/ when the server is missing (a fresh clone); the tests run against the build. */
export function ensureBuilt(): void {
  if (existsSync(SERVER)) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
  if (!existsSync(SERVER)) throw new Error(`building the server failed (tsc exit ${r.status})`);
}

export interface ClientOptions {
  /** The `aslLint` section answered to workspace/configuration (undefined: the client cannot pull configuration). */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  server?: string;
  args?: string[];
  /** completionItem.snippetSupport (default true). */
  snippetSupport?: boolean;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  settings: Record<string, unknown> | undefined;
  stderr = '';
  /** window/logMessage errors: a feature that threw (answered with its fallback) logs one. */
  loggedErrors: string[] = [];
  configurationRequests = 0;
  /** window/showMessage notifications and window/showMessageRequest requests received. */
  shownMessages: { type: number; message: string }[] = [];
  messageRequests: { type: number; message: string }[] = [];
  private diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  exited: Promise<number | null>;

  constructor(private options: ClientOptions = {}) {
    this.settings = options.settings;
    this.proc = spawn(process.execPath, [options.server ?? SERVER, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map(() => this.settings ?? null);
    });
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.onNotification(ShowMessageNotification.type, (p) => {
      this.shownMessages.push(p);
    });
    this.conn.onRequest(ShowMessageRequest.type, (p) => {
      this.messageRequests.push(p);
      return null;
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      if (p.type === MessageType.Error) this.loggedErrors.push(p.message);
    });
    this.conn.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const pull = this.options.settings !== undefined;
    const result = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: pull } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: this.options.snippetSupport ?? true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
      initializationOptions: this.options.initializationOptions,
      workspaceFolders: null,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'asl'): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental (or full) changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The next diagnostics for a document matching `pred` (already received ones count too, unless `fresh`). */
  waitDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri) ?? [];
    for (let i = seen.length - 1; i >= 0; i--) if (pred(seen[i])) return Promise.resolve(seen[i]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Diagnostics published for the document's current version. */
  current(uri: string, timeoutMs = 15000): Promise<Diagnostic[]> {
    const v = this.version(uri);
    return this.waitDiagnostics(uri, (p) => p.version === v, timeoutMs).then((p) => p.diagnostics);
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}

/**
 * A published diagnostic's message as the string asl-lint sends. LSP 3.18 also allows MarkupContent,
 * which clients before 3.18 cannot show: one would be a server bug, so it fails the test here.
 */
export function messageText(d: Diagnostic): string {
  if (typeof d.message !== 'string') throw new Error(`a diagnostic message that is not a string: ${JSON.stringify(d.message)}`);
  return d.message;
}

/** Zero-based position of the n-th occurrence of `needle` in `text` (plus `delta` characters). */
export function posOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`'${needle}' not found`);
  }
  return offsetToPos(text, idx + delta);
}

export function offsetToPos(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits to a text (for checking rename and quick-fix results). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
