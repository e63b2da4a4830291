/**
 * The VS Code graph view, short of a real VS Code (the end-to-end test drives one): the manifest
 * contributes the command, the webview's HTML is offline under a strict Content-Security-Policy,
 * tags every state for the end-to-end test and the click handler, and the extension wires the
 * command, the view type and the request by the names the other side expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { buildGraph } from '../src/graph/graph.js';
import { toSvg } from '../src/graph/svg.js';
import { contentSecurityPolicy, graphHtml, statusLine } from '../vscode-extension/src/graphHtml.js';
import { ROOT } from './lsp-helpers.js';

const EXT = join(ROOT, 'vscode-extension');
const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
const panelSource = readFileSync(join(EXT, 'src', 'graphPanel.ts'), 'utf8');

describe('manifest', () => {
  it('contributes "ASL: Show Graph" and an editor title button on ASL documents', () => {
    expect(manifest.contributes.commands).toContainEqual({ command: 'asl-lint.showGraph', title: 'Show Graph', category: 'ASL' });
    expect(manifest.contributes.menus['editor/title']).toEqual([
      { command: 'asl-lint.showGraph', when: 'resourceFilename =~ /\\.asl\\.(json|ya?ml)$/ || editorLangId == asl || editorLangId == asl-yaml', group: 'navigation' },
    ]);
  });

  it('the extension registers that command, the view type and the request', () => {
    expect(panelSource).toContain("export const SHOW_GRAPH_COMMAND = 'asl-lint.showGraph';");
    expect(panelSource).toContain("export const GRAPH_VIEW_TYPE = 'aslLint.graph';");
    expect(panelSource).toContain("c.sendRequest<GraphResult | null>('aslLint/graph', { uri: uri.toString(), format: 'svg' })");
    expect(panelSource).toContain('vscode.ViewColumn.Beside');
    expect(panelSource).toContain("postMessage({ type: 'graph', svg: inlineSvg(r.svg ?? ''), message: statusLine(r) })");
    expect(readFileSync(join(EXT, 'src', 'extension.ts'), 'utf8')).toContain('registerGraphView(context, () => client);');
  });
});

describe('webview HTML', () => {
  const text = readFileSync(join(ROOT, 'test/fixtures/graph/machine.asl.json'), 'utf8');
  const r = lint(text);
  const graph = buildGraph(r.analysis.model!, { problems: r.diagnostics });

  it('a strict Content-Security-Policy: nothing by default, script and style only with the nonce', () => {
    expect(contentSecurityPolicy('N0nce', 'vscode-resource:')).toBe("default-src 'none'; img-src vscode-resource: data:; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'");
  });

  it('every state is a tagged node; every script and style carries the nonce; nothing remote', async () => {
    const svg = await toSvg(graph);
    const html = graphHtml({ nonce: 'abc123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', svg, message: 'hello', title: 'machine.asl.json' });
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;">`,
    );
    expect([...html.matchAll(/data-state="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(['A', 'B', 'Big', 'Check', 'Done', 'Failed', 'Fan']);
    expect([...html.matchAll(/data-asl-graph="node"/g)].length).toBe(7);
    // The SVG element alone inside the page: no XML declaration or second DOCTYPE.
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(html).toContain('<div id="graph"><svg ');
    expect(html).not.toContain('<?xml');
    expect(html.match(/<!DOCTYPE/g)).toEqual(['<!DOCTYPE']);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script nonce="abc123">']);
    expect([...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0])).toEqual(['<style nonce="abc123">']);
    // No remote resource, no inline handlers, no inline style attributes (the CSP would block them).
    expect(html).not.toMatch(/\s(src|href)="https?:/);
    expect(html).not.toMatch(/\son[a-z]+="/);
    expect(html).not.toMatch(/\sstyle="/);
    // The click handler posts the node's id and state; the update handler swaps the SVG.
    expect(html).toContain("vscode.postMessage({ type: 'reveal', id: node.id, state: node.getAttribute('data-state') })");
    expect(html).toContain("if (m.type === 'graph') {\n      graph.innerHTML = m.svg;");
  });

  it('a message instead of a graph is escaped', () => {
    const html = graphHtml({ nonce: 'n', cspSource: 'x', message: 'not <ASL> & "that"', title: 't' });
    expect(html).toContain('<div id="status">not &lt;ASL&gt; &amp; &quot;that&quot;</div>\n<div id="graph"></div>');
  });

  it('status line', () => {
    expect(statusLine({ nodes: [{ severity: 'ERROR' }, {}, { severity: 'WARNING' }, { severity: 'ERROR' }], problems: 3 })).toBe(
      '4 states · 2 with errors · 1 with warnings — click a state to go to it',
    );
    expect(statusLine({ nodes: [{}], problems: 0 })).toBe('1 state · no problems — click a state to go to it');
  });
});
