/**
 * The command `asl-lint.showGraph` ("ASL: Show Graph"): a webview panel (viewType aslLint.graph)
 * beside the editor showing the state machine of the active ASL document, from the language
 * server's aslLint/graph request. It follows edits (debounced) and the active editor, marks the
 * states that have diagnostics, and a click on a state shows that state's line.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { graphHtml, inlineSvg, statusLine } from './graphHtml';

export const SHOW_GRAPH_COMMAND = 'asl-lint.showGraph';
export const GRAPH_VIEW_TYPE = 'aslLint.graph';
const UPDATE_DELAY_MS = 300;

interface GraphResult {
  uri: string;
  version: number;
  svg?: string;
  nodes: { id: string; name: string; range: vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: string }[];
  problems: number;
}

export function registerGraphView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  let panel: vscode.WebviewPanel | undefined;
  let documentUri: vscode.Uri | undefined;
  let last: GraphResult | undefined;
  let timer: NodeJS.Timeout | undefined;
  let sequence = 0;

  async function fetchGraph(uri: vscode.Uri): Promise<GraphResult | string> {
    const c = client();
    if (!c) return 'The asl-lint language server is not running.';
    try {
      const r = await c.sendRequest<GraphResult | null>('aslLint/graph', { uri: uri.toString(), format: 'svg' });
      return r ?? 'This document is not an Amazon States Language definition.';
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  async function update(first: boolean): Promise<void> {
    if (!panel || !documentUri) return;
    const mine = ++sequence;
    const r = await fetchGraph(documentUri);
    if (!panel || mine !== sequence) return; // a newer update is on its way
    const name = documentUri.path.split('/').pop() ?? 'graph';
    panel.title = `Graph: ${name}`;
    if (typeof r === 'string') {
      if (first) panel.webview.html = graphHtml({ nonce: nonce(), cspSource: panel.webview.cspSource, message: r, title: name });
      else void panel.webview.postMessage({ type: 'message', message: r });
      return;
    }
    last = r;
    if (first) panel.webview.html = graphHtml({ nonce: nonce(), cspSource: panel.webview.cspSource, svg: r.svg, message: statusLine(r), title: name });
    else void panel.webview.postMessage({ type: 'graph', svg: inlineSvg(r.svg ?? ''), message: statusLine(r) });
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void update(false), UPDATE_DELAY_MS);
  }

  async function reveal(message: { id?: unknown; state?: unknown }): Promise<void> {
    if (!documentUri || !last) return;
    const node = last.nodes.find((n) => n.id === message.id) ?? last.nodes.find((n) => n.name === message.state);
    if (!node) return;
    const { start, end } = node.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === documentUri!.toString());
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(documentUri));
    await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_GRAPH_COMMAND, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor && panel) {
        panel.reveal(undefined, false);
        return;
      }
      if (!editor) {
        void vscode.window.showInformationMessage('asl-lint: open a state machine definition first, then run "ASL: Show Graph".');
        return;
      }
      documentUri = editor.document.uri;
      if (panel) {
        panel.reveal(vscode.ViewColumn.Beside, true);
      } else {
        panel = vscode.window.createWebviewPanel(
          GRAPH_VIEW_TYPE,
          'Graph',
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
        );
        panel.onDidDispose(() => {
          panel = undefined;
          last = undefined;
          clearTimeout(timer);
        });
        panel.webview.onDidReceiveMessage((m: { type?: string; id?: unknown; state?: unknown }) => {
          if (m?.type === 'reveal') void reveal(m);
        });
      }
      await update(true);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (panel && documentUri && e.document.uri.toString() === documentUri.toString()) schedule();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Follow the editor to another definition; a non-ASL editor (output, settings) keeps the graph.
      if (!panel || !editor || editor.document.uri.toString() === documentUri?.toString()) return;
      if (!['asl', 'asl-yaml'].includes(editor.document.languageId)) return;
      documentUri = editor.document.uri;
      schedule();
    }),
  );
}

function nonce(): string {
  return randomBytes(16).toString('base64');
}
