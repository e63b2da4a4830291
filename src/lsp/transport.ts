/**
 * The language server's connection to the editor, with the bounds a hostile or broken client
 * needs (vscode-jsonrpc has none of them):
 *
 * - Output backlog: a client that stops reading makes every message wait in the server's memory.
 *   Over stdio the server writes straight to stdout and knows the backlog exactly; diagnostics are
 *   held (only the newest per document is sent, once the client reads again) while anything is
 *   waiting, and past MAX_OUTPUT_BACKLOG bytes the server gives up: a line on stderr, exit 1.
 *   Over IPC, a socket or a pipe the writer queues messages itself: the backlog is their number.
 * - Framing: a frame without a usable Content-Length cannot be skipped (nothing says where its
 *   body ends), so the server does not go on reading garbage, deaf: it says why on stderr and
 *   exits 1. So does a Content-Length over MAX_MESSAGE_BYTES (refused before any of the body is
 *   kept) and a header over MAX_HEADER_BYTES (vscode-jsonrpc looks for the end of a header again
 *   in everything buffered at each chunk: 128 MiB without one took 288 s). A body that is not
 *   JSON is only logged.
 * - Newest version: every didOpen/didChange is noted when it arrives, before it is handled, so a
 *   request queued behind newer edits is answered ContentModified at once instead of being
 *   computed on text the client has already replaced (see server.ts).
 */
import { createConnection as createNetConnection } from 'node:net';
import { format } from 'node:util';
import {
  AbstractMessageWriter,
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  type Connection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** Bytes written and not yet taken by a client before the server gives up on it. */
const MAX_OUTPUT_BACKLOG = 64 * 1024 * 1024;
/** Messages written and not yet sent over IPC, a socket or a pipe before the server gives up on the client. */
const MAX_PENDING_MESSAGES = 10_000;
/** The largest message the server reads: a 10 MiB definition, JSON-escaped, with room to spare. */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/** The longest header of a message (LSP's are a few dozen bytes). */
const MAX_HEADER_BYTES = 8 * 1024;

/** What the server can learn about the traffic beyond the messages themselves. */
export interface Traffic {
  /** The newest version of each open document the client has sent, noted on arrival. */
  readonly received: Map<string, number>;
  /** Bytes (stdio) or messages (other transports) written and not yet taken by the client. */
  backlog(): number;
  /** Called when the output backlog is empty again. */
  onDrain(listener: () => void): void;
}

export function createTraffic(): Traffic & { drained(): void; setBacklog(fn: () => number): void } {
  const listeners: (() => void)[] = [];
  let backlog = () => 0;
  return {
    received: new Map(),
    backlog: () => backlog(),
    onDrain: (l) => void listeners.push(l),
    drained: () => listeners.forEach((l) => l()),
    setBacklog: (fn) => (backlog = fn),
  };
}

function fatal(message: string): never {
  process.stderr.write(`asl-lint-lsp: ${message}\n`);
  process.exit(1);
}

function docOf(message: Message): { uri: string; version?: number } | undefined {
  const params = (message as { params?: { textDocument?: { uri?: unknown; version?: unknown } } }).params;
  const td = params?.textDocument;
  return td && typeof td.uri === 'string' ? { uri: td.uri, version: typeof td.version === 'number' ? td.version : undefined } : undefined;
}

/** Notes the versions of the documents as their messages arrive, then passes every message on. */
class PeekingReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly traffic: Traffic,
  ) {}
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }
  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const method = (message as { method?: unknown }).method;
      if (method === 'textDocument/didOpen' || method === 'textDocument/didChange') {
        const doc = docOf(message);
        // Only open documents are noted: changes to others must not grow the map.
        if (doc?.version !== undefined && (method === 'textDocument/didOpen' || this.traffic.received.has(doc.uri))) this.traffic.received.set(doc.uri, doc.version);
      } else if (method === 'textDocument/didClose') {
        const doc = docOf(message);
        if (doc) this.traffic.received.delete(doc.uri);
      }
      callback(message);
    });
  }
  dispose(): void {
    this.inner.dispose();
  }
}

/**
 * Follows the framing of the bytes the reader gets (in step with it, on the same chunks) and
 * ends the server on a frame it could never read: O(1) work per byte, whatever arrives.
 */
class FrameGuard {
  private header = '';
  private body = 0;
  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.body > 0) {
        const n = Math.min(this.body, chunk.length - i);
        this.body -= n;
        i += n;
        continue;
      }
      const before = this.header.length;
      this.header += chunk.toString('latin1', i, Math.min(chunk.length, i + MAX_HEADER_BYTES + 4 - before));
      const end = this.header.indexOf('\r\n\r\n', Math.max(0, before - 3));
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) fatal(`a message header from the editor is longer than ${MAX_HEADER_BYTES / 1024} KiB; exiting`);
        return;
      }
      i += end + 4 - before;
      let length: string | undefined;
      for (const line of this.header.slice(0, end).split('\r\n')) length = /^\s*content-length\s*:\s*(\d+)\s*$/i.exec(line)?.[1] ?? length;
      this.header = '';
      if (length === undefined) fatal('a message from the editor has no valid Content-Length header (it cannot be read, nor skipped); exiting');
      this.body = Number(length);
      if (this.body > MAX_MESSAGE_BYTES) fatal(`a message from the editor is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB (Content-Length: ${length}); exiting`);
    }
  }
}

/** Writes each message straight to the stream (no queue of its own), so the stream's backlog is the whole backlog. */
class StreamWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(
    private readonly stream: NodeJS.WritableStream & { writableLength: number },
    private readonly traffic: ReturnType<typeof createTraffic>,
  ) {
    super();
    traffic.setBacklog(() => stream.writableLength);
    stream.on('error', (err) => this.fireError(err));
    stream.on('close', () => this.fireClose());
  }
  write(msg: Message): Promise<void> {
    const json = JSON.stringify(msg);
    const frame = `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
    return new Promise((resolve) => {
      this.stream.write(frame, 'utf8', (err) => {
        if (err) this.fireError(err, msg);
        else if (this.stream.writableLength === 0) this.traffic.drained();
        resolve();
      });
      if (this.stream.writableLength > MAX_OUTPUT_BACKLOG) {
        fatal(`the editor has not read the last ${MAX_OUTPUT_BACKLOG / 1024 / 1024} MiB the server wrote; exiting`);
      }
    });
  }
  end(): void {
    // The stream stays open until the process exits.
  }
}

/** Other transports queue inside their writer: the backlog is the number of messages not yet sent. */
class CountingWriter implements MessageWriter {
  private pending = 0;
  constructor(
    private readonly inner: MessageWriter,
    private readonly traffic: ReturnType<typeof createTraffic>,
  ) {
    traffic.setBacklog(() => this.pending);
  }
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  write(msg: Message): Promise<void> {
    if (++this.pending > MAX_PENDING_MESSAGES) fatal(`the editor has not read the last ${MAX_PENDING_MESSAGES} messages the server sent; exiting`);
    return this.inner.write(msg).finally(() => {
      if (--this.pending === 0) this.traffic.drained();
    });
  }
  end(): void {
    this.inner.end();
  }
  dispose(): void {
    this.inner.dispose();
  }
}

const FRAMING_ERROR = /^(Header must provide a Content-Length|Content-Length value must be|Message header must separate key and value)/;

/**
 * The connection for the command line the server was started with (--stdio, --node-ipc,
 * --socket=<port>, --pipe=<name>), and what it learns about the traffic.
 */
export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): { connection: Connection; traffic: Traffic } {
  const traffic = createTraffic();
  const value = (name: string): string | undefined => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
  };
  let reader!: MessageReader;
  let writer!: MessageWriter;
  let shutdown = false;
  /** A byte stream in and out (stdio, a socket, a pipe): framing guarded, exact backlog. */
  const streams = (input: NodeJS.ReadableStream, output: NodeJS.WritableStream & { writableLength: number }): void => {
    const guard = new FrameGuard();
    input.on('data', (chunk: Buffer) => guard.push(chunk));
    const end = () => process.exit(shutdown ? 0 : 1);
    input.on('end', end);
    input.on('close', end);
    reader = new PeekingReader(new StreamMessageReader(input), traffic);
    writer = new StreamWriter(output, traffic);
  };
  const socket = value('--socket');
  const pipe = value('--pipe');
  if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (socket !== undefined || pipe !== undefined) {
    // What vscode-jsonrpc's createServerSocketTransport / createServerPipeTransport do, guarded.
    const conn = socket !== undefined ? createNetConnection(Number(socket), '127.0.0.1') : createNetConnection(pipe!);
    streams(conn, conn);
  } else {
    // stdout carries the protocol: console output from anywhere goes to stderr instead.
    for (const level of ['log', 'info', 'warn', 'debug', 'trace'] as const) {
      console[level] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
    }
    streams(process.stdin, process.stdout);
  }
  if (!(reader instanceof PeekingReader)) reader = new PeekingReader(reader, traffic);
  if (!(writer instanceof StreamWriter)) writer = new CountingWriter(writer, traffic);
  reader.onError((err) => {
    const message = err instanceof Error ? err.message.split('\n', 1)[0] : String(err);
    if (FRAMING_ERROR.test(message)) fatal(`cannot read the editor's messages (${message}); exiting`);
    process.stderr.write(`asl-lint-lsp: a message from the editor was not read: ${message}\n`);
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer, {
    // A request the client cancels before the server started it is answered at once, unrun.
    connectionStrategy: {
      cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as { id?: number | string }).id ?? null, error: { code: -32800, message: 'cancelled' } }),
    },
  });
  connection.onShutdown(() => {
    shutdown = true;
  });
  return { connection, traffic };
}
