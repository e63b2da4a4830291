/**
 * The HTML of the graph view (a webview): no VS Code API here, so tests can read it as it is.
 * Offline and under a strict Content-Security-Policy: nothing remote, no inline script or style
 * without the page's nonce, no eval. The SVG comes from the language server (aslLint/graph):
 * each state is a `<g data-asl-graph="node" data-state="<name>">`; a click on one asks the
 * extension to show that state's line.
 */

export interface GraphHtmlOptions {
  /** A fresh random nonce per page. */
  nonce: string;
  /** webview.cspSource (images of the extension itself; none are used today). */
  cspSource: string;
  /** The first SVG, inlined so the page shows the graph at once; later ones arrive by message. */
  svg?: string;
  /** Shown instead of a graph (not an ASL document, a syntax error...). */
  message?: string;
  title: string;
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function graphHtml(o: GraphHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.nonce, o.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title)}</title>
<style nonce="${o.nonce}">
  body { margin: 0; padding: 8px; background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
  #status { font-size: 12px; opacity: 0.8; margin-bottom: 6px; }
  #graph svg { max-width: none; height: auto; background: #ffffff; border-radius: 4px; }
  #graph [data-asl-graph] { cursor: pointer; }
  #graph [data-asl-graph]:hover > path, #graph [data-asl-graph]:hover > polygon, #graph [data-asl-graph]:hover > ellipse { stroke-width: 3; }
</style>
</head>
<body data-asl-graph-view>
<div id="status">${escapeHtml(o.message ?? '')}</div>
<div id="graph">${o.svg === undefined ? '' : inlineSvg(o.svg)}</div>
<script nonce="${o.nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const graph = document.getElementById('graph');
  const status = document.getElementById('status');
  graph.addEventListener('click', function (event) {
    const node = event.target instanceof Element ? event.target.closest('[data-asl-graph]') : null;
    if (node) vscode.postMessage({ type: 'reveal', id: node.id, state: node.getAttribute('data-state') });
  });
  window.addEventListener('message', function (event) {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'graph') {
      graph.innerHTML = m.svg;
      status.textContent = m.message || '';
    } else if (m.type === 'message') {
      status.textContent = m.message;
    }
  });
})();
</script>
</body>
</html>
`;
}

/** The SVG element alone: Graphviz's XML declaration and DOCTYPE have no place inside HTML. */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return start > 0 ? svg.slice(start) : svg;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** What the status line says about a graph: its states and problems. */
export function statusLine(result: { nodes: { severity?: string }[]; problems: number }): string {
  const errors = result.nodes.filter((n) => n.severity === 'ERROR').length;
  const warnings = result.nodes.filter((n) => n.severity === 'WARNING').length;
  const parts = [`${result.nodes.length} state${result.nodes.length === 1 ? '' : 's'}`];
  if (errors) parts.push(`${errors} with errors`);
  if (warnings) parts.push(`${warnings} with warnings`);
  if (result.problems === 0) parts.push('no problems');
  return parts.join(' · ') + ' — click a state to go to it';
}
