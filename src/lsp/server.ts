/**
 * The language server's transport: LSP messages in, feature functions called, results out.
 * Everything that knows ASL is in the feature modules; this file only keeps the open documents,
 * their settings and analyses, debounces diagnostics, and makes sure every request answers.
 *
 * Only the newest version of a document matters: a request that arrives behind newer edits of its
 * document (transport.ts notes versions as they arrive) is answered ContentModified without being
 * computed, a cancelled one RequestCancelled, and diagnostics are published only for the newest
 * version, and only while the client keeps reading (the newest held ones follow when it does).
 */
import {
  CancellationToken,
  CodeActionKind,
  LSPErrorCodes,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type DocumentHighlightParams,
  type DocumentSymbolParams,
  type DocumentFormattingParams,
  type DocumentRangeFormattingParams,
  type DocumentLinkParams,
  type FoldingRangeParams,
  type HoverParams,
  type InitializeParams,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTextDocument, type Analysis } from './analysis.js';
import { codeActions, FIX_ALL_KIND } from './codeActions.js';
import { completion, TRIGGER_CHARACTERS } from './completion.js';
import { diagnostics } from './diagnostics.js';
import { hover } from './hover.js';
import { definition, documentHighlights, references } from './navigation.js';
import { prepareRename, rename, RenameRefused } from './rename.js';
import { CONFIG_FILE_GLOB, forgetProjectConfigs, withProjectConfig, type ProjectSettings } from './projectConfig.js';
import { defaultSettings, normalizeSettings, SETTINGS_SECTION, type Settings } from './settings.js';
import { documentSymbols } from './symbols.js';
import { createServerConnection, createTraffic, type Traffic } from './transport.js';
import { foldingRanges } from './folding.js';
import { formatDocument } from './formatting.js';
import { documentLinks } from './links.js';
import { variableDefinition, variableHover, variableReferences } from './variables.js';
import { checkGraphParams, graph, GraphRequestError, GRAPH_METHOD } from './graph.js';

export interface ServerOptions {
  /** Milliseconds between the last change and the diagnostics. */
  debounceMs?: number;
  version?: string;
  /** What the transport learns (versions on arrival, output backlog); given with `connection`. */
  traffic?: Traffic;
  /** Milliseconds to wait for workspace/configuration before using the defaults. */
  configurationTimeoutMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 20;
const DEFAULT_CONFIGURATION_TIMEOUT_MS = 2000;
/** Distinct configuration-file warnings remembered (each shown once). */
const MAX_WARNED = 100;

class Stale extends Error {}

export function startServer(connection?: Connection, options: ServerOptions = {}): Connection {
  let traffic: Traffic = options.traffic ?? createTraffic();
  if (!connection) ({ connection, traffic } = createServerConnection());
  const conn: Connection = connection;
  return serve(conn, traffic, options);
}

function serve(connection: Connection, traffic: Traffic, options: ServerOptions): Connection {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; settings: Settings; analysis: Analysis | undefined }>();
  const justOpened = new Set<string>();
  const settingsByUri = new Map<string, Settings>();
  const pendingSettings = new Map<string, Promise<Settings>>();
  const effectiveSettings = new Map<string, Settings>();
  const warned = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const lastRun = new Map<string, number>();
  const published = new Set<string>();
  /** Documents whose diagnostics wait for the client to read its output. */
  const held = new Set<string>();
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let configurationTimeoutMs = options.configurationTimeoutMs ?? DEFAULT_CONFIGURATION_TIMEOUT_MS;
  let pullConfiguration = false;
  let watchFiles = false;
  let snippetSupport = false;
  /** initializationOptions can decline these where the editor has its own (VS Code's JSON language). */
  let offerFormatting = true;
  let offerFolding = true;
  let globalSettings: Settings = defaultSettings;

  const log = (what: string, err: unknown) => connection.console.error(`asl-lint: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

  /** Runs a handler; a bug in a feature answers the request with the fallback instead of an error. */
  function guard<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof RenameRefused) throw new ResponseError(ErrorCodes.InvalidRequest, err.message);
      log(what, err);
      return fallback;
    }
  }

  /** Problems in the editor's settings already shown since they last changed (each once, not once per document). */
  const settingsWarned = new Set<string>();

  /** Reads the `aslLint` section; what is wrong in it (an unknown rule...) is shown as a warning, once. */
  function readSettings(raw: unknown): Settings {
    const settings = normalizeSettings(raw);
    for (const problem of settings.problems ?? []) {
      if (settingsWarned.has(problem)) continue;
      if (settingsWarned.size >= MAX_WARNED) settingsWarned.clear();
      settingsWarned.add(problem);
      connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `asl-lint: ${problem}` }).catch(() => undefined);
    }
    return settings;
  }

  /** The editor's settings merged over the project's configuration file, once per document. */
  async function settingsFor(uri: string): Promise<Settings> {
    const known = effectiveSettings.get(uri);
    if (known) return known;
    const editor = await editorSettingsFor(uri);
    const again = effectiveSettings.get(uri);
    if (again) return again;
    const project = guard('configuration file', { settings: editor } as ProjectSettings, () => withProjectConfig(uri, editor));
    if (project.error && !warned.has(project.error)) {
      if (warned.size >= MAX_WARNED) warned.clear();
      warned.add(project.error);
      // A notification: showMessageRequest with no actions would hold some clients in a modal prompt.
      connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `asl-lint: ${project.error}` }).catch(() => undefined);
    }
    if (documents.get(uri)) effectiveSettings.set(uri, project.settings); // kept only for open documents
    return project.settings;
  }

  async function editorSettingsFor(uri: string): Promise<Settings> {
    if (!pullConfiguration) return globalSettings;
    const known = settingsByUri.get(uri);
    if (known) return known;
    let pending = pendingSettings.get(uri);
    if (!pending) {
      // A client that never answers must not block the document: after a while the defaults
      // are used, and a late answer still applies (the document is linted again).
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const answer = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(readSettings, (err: unknown) => {
        log('workspace/configuration', err);
        return globalSettings;
      });
      const timeout = new Promise<Settings>((resolve) => {
        timer = setTimeout(() => {
          timedOut = true;
          connection.console.warn(`asl-lint: no answer to workspace/configuration within ${configurationTimeoutMs} ms; using the defaults`);
          resolve(globalSettings);
        }, configurationTimeoutMs);
      });
      const keep = (s: Settings) => {
        if (pendingSettings.get(uri) === pending && documents.get(uri)) settingsByUri.set(uri, s);
      };
      pending = Promise.race([answer, timeout]).then((s) => {
        clearTimeout(timer);
        keep(s);
        if (pendingSettings.get(uri) === pending && !timedOut) pendingSettings.delete(uri);
        return s;
      });
      const mine = pending;
      void answer.then((s) => {
        if (!timedOut || pendingSettings.get(uri) !== mine) return;
        pendingSettings.delete(uri);
        if (!documents.get(uri)) return;
        settingsByUri.set(uri, s);
        effectiveSettings.delete(uri);
        schedule(uri, 0);
      });
      pendingSettings.set(uri, pending);
    }
    return pending;
  }

  /** True when newer edits of the document have arrived and wait to be applied. */
  function stale(uri: string): boolean {
    const doc = documents.get(uri);
    const newest = traffic.received.get(uri);
    return doc !== undefined && newest !== undefined && newest > doc.version;
  }

  /**
   * The analysis of a document's current version (computed at most once per version and
   * settings); undefined for a document that is not open (nothing is kept for it). Throws Stale
   * when newer text is on its way, or the request was cancelled: nothing is computed for them.
   */
  async function analysisOf(uri: string, token: CancellationToken = CancellationToken.None): Promise<Analysis | undefined> {
    if (!documents.get(uri)) return undefined;
    if (token.isCancellationRequested || stale(uri)) throw new Stale();
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc) return undefined;
    if (token.isCancellationRequested || stale(uri)) throw new Stale();
    const hit = cache.get(uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return hit.analysis;
    const analysis = guard('analysis', undefined, () => analyzeTextDocument(doc, settings, hit?.analysis));
    cache.set(uri, { version: doc.version, settings, analysis });
    return analysis;
  }

  async function publish(uri: string): Promise<void> {
    if (stale(uri)) return; // the newer version's own change schedules its diagnostics
    if (traffic.backlog() > 0) {
      // The client has not read what was sent: hold, and send the newest when it has.
      held.add(uri);
      return;
    }
    held.delete(uri);
    let analysis: Analysis | undefined;
    try {
      analysis = await analysisOf(uri);
    } catch (err) {
      if (err instanceof Stale) return;
      throw err;
    }
    const doc = documents.get(uri);
    if (!doc) return;
    if (!analysis) {
      if (published.delete(uri)) await connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (analysis.version !== doc.version) return; // a newer version is on its way
    published.add(uri);
    await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: guard('diagnostics', [], () => diagnostics(analysis)) });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lastRun.set(uri, performance.now());
        publish(uri).catch((err) => log('publishDiagnostics', err));
      }, delay),
    );
  }

  /**
   * Debounce with a leading edge: an edit after a quiet moment is linted at once (the next turn
   * of the event loop, which still gathers the changes already received); edits in a burst wait
   * until the burst pauses for debounceMs.
   */
  function scheduleEdit(uri: string): void {
    const quiet = !timers.has(uri) && performance.now() - (lastRun.get(uri) ?? -Infinity) >= debounceMs;
    schedule(uri, quiet ? 0 : debounceMs);
  }

  traffic.onDrain(() => {
    for (const uri of held) schedule(uri, 0);
    held.clear();
  });

  function relintAll(): void {
    cache.clear();
    effectiveSettings.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = !!caps.workspace?.configuration;
    watchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    snippetSupport = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    if (init && typeof init === 'object') {
      if (init[SETTINGS_SECTION]) globalSettings = readSettings(init[SETTINGS_SECTION]);
      if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
      if (typeof init.configurationTimeoutMs === 'number' && init.configurationTimeoutMs >= 0) configurationTimeoutMs = init.configurationTimeoutMs;
      if (init.formatting === false) offerFormatting = false;
      if (init.folding === false) offerFolding = false;
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'ASL states' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentFormattingProvider: offerFormatting,
        documentRangeFormattingProvider: offerFormatting,
        foldingRangeProvider: offerFolding,
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'asl-lint', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (watchFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const raw = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    settingsWarned.clear();
    if (raw !== undefined) globalSettings = readSettings(raw);
    settingsByUri.clear();
    pendingSettings.clear();
    relintAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    forgetProjectConfigs();
    warned.clear();
    relintAll();
  });

  // TextDocuments fires onDidChangeContent on open too: lint a new document at once, edits debounced.
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => (justOpened.delete(e.document.uri) ? schedule(e.document.uri, 0) : scheduleEdit(e.document.uri)));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    for (const m of [cache, settingsByUri, pendingSettings, effectiveSettings, lastRun]) m.delete(uri);
    justOpened.delete(uri);
    held.delete(uri);
    if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  });

  /**
   * Wires a request to a feature over the document's analysis. A request behind newer edits is
   * answered ContentModified (the client asks again about the text it now has), a cancelled one
   * RequestCancelled, both without computing anything.
   */
  function feature<P extends { textDocument: { uri: string } }, R>(what: string, fallback: R, fn: (a: Analysis, params: P) => R) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        const analysis = await analysisOf(params.textDocument.uri, token);
        if (!analysis) return fallback;
        return guard(what, fallback, () => fn(analysis, params));
      } catch (err) {
        if (err instanceof Stale) {
          if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
          throw new ResponseError(LSPErrorCodes.ContentModified, 'the document has changed');
        }
        if (err instanceof ResponseError) throw err;
        log(what, err);
        return fallback;
      }
    };
  }

  connection.onHover(feature('hover', null, (a, p: HoverParams) => variableHover(a, p.position) ?? hover(a, p.position)));
  connection.onCompletion(feature('completion', { isIncomplete: false, items: [] }, (a, p: CompletionParams) => completion(a, p.position, { snippets: snippetSupport })));
  connection.onDefinition(feature('definition', null, (a, p: DefinitionParams) => variableDefinition(a, p.position) ?? definition(a, p.position)));
  connection.onReferences(
    feature('references', [], (a, p: ReferenceParams) => variableReferences(a, p.position, p.context.includeDeclaration) ?? references(a, p.position, p.context.includeDeclaration)),
  );
  connection.onDocumentHighlight(feature('documentHighlight', [], (a, p: DocumentHighlightParams) => documentHighlights(a, p.position)));
  connection.onPrepareRename(feature('prepareRename', null, (a, p: PrepareRenameParams) => prepareRename(a, p.position)));
  connection.onRenameRequest(feature('rename', null, (a, p: RenameParams) => rename(a, p.position, p.newName)));
  connection.onDocumentSymbol(feature('documentSymbol', [], (a, _p: DocumentSymbolParams) => documentSymbols(a)));
  connection.onDocumentFormatting(feature('formatting', [], (a, p: DocumentFormattingParams) => formatDocument(a, p.options)));
  connection.onDocumentRangeFormatting(feature('rangeFormatting', [], (a, p: DocumentRangeFormattingParams) => formatDocument(a, p.options, p.range)));
  connection.onFoldingRanges(feature('foldingRange', [], (a, _p: FoldingRangeParams) => foldingRanges(a)));
  connection.onDocumentLinks(feature('documentLink', [], (a, _p: DocumentLinkParams) => documentLinks(a)));
  connection.onCodeAction(feature('codeAction', [], (a, p: CodeActionParams) => codeActions(a, p.range, p.context.only)));
  // The custom request aslLint/graph (src/lsp/graph.ts): a document that is not open or not ASL answers null.
  connection.onRequest(GRAPH_METHOD, async (params: unknown) => {
    try {
      const { uri, format } = checkGraphParams(params);
      const analysis = await analysisOf(uri);
      // A template's analysis has no model (its diagnostics come from lintFile): null, as before.
      return analysis && !analysis.template ? await graph(analysis, format) : null;
    } catch (err) {
      if (err instanceof GraphRequestError) throw new ResponseError(err.code, err.message);
      log(GRAPH_METHOD, err);
      throw new ResponseError(ErrorCodes.InternalError, `${GRAPH_METHOD} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
