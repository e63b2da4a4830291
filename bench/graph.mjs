#!/usr/bin/env node
/**
 * npm run bench:graph [-- --quick]
 *
 * The graph of a generated definition (bench/generate.mjs) through the BUILT library (dist/,
 * `npm run build` first): the graph from lint()'s model and diagnostics, its Mermaid and DOT text,
 * and its SVG laid out by Graphviz (@viz-js/viz, WebAssembly), at 200 and 2,000 states, valid and
 * with a warning on most states. Budgets (issue 13), at 2,000 states: Mermaid or DOT text under
 * 50 ms (graph + text, lint excluded), SVG under 1 s (graph + layout + SVG, the renderer loaded
 * once per process beforehand; its load is reported apart). Medians; every number to
 * bench/out/graph.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDefinition } from './generate.mjs';
import { median } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'src');
const QUICK = process.argv.includes('--quick');
const { lint } = await import(join(dist, 'index.js'));
const { buildGraph } = await import(join(dist, 'graph', 'graph.js'));
const { toMermaid } = await import(join(dist, 'graph', 'mermaid.js'));
const { toDot } = await import(join(dist, 'graph', 'dot.js'));
const { loadRenderer, renderSvg } = await import(join(dist, 'graph', 'svg.js'));

const BUDGET = { text: 50, svg: 1000 };
let t = performance.now();
const viz = await loadRenderer();
const rendererLoadMs = performance.now() - t;

function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** CPU time of this process (user + system), in ms: on a shared, loaded machine wall time is mostly waiting. */
function cpu(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    fn();
    const u = process.cpuUsage(c);
    out.push((u.user + u.system) / 1000);
  }
  return out;
}

const rows = [];
for (const states of [200, 2000]) {
  for (const warnings of [false, true]) {
    const { text } = generateDefinition(states, { warnings });
    const r = lint(text);
    const model = r.analysis.model;
    const graphOf = () => buildGraph(model, { problems: r.diagnostics });
    const g = graphOf();
    const textRuns = QUICK ? 10 : 30;
    const svgRuns = QUICK ? 2 : states >= 2000 ? 5 : 10;
    time(() => toMermaid(graphOf()), 3); // warm-up
    const row = {
      states,
      warnings,
      highlighted: g.nodes.filter((n) => n.severity).length,
      edges: g.edges.length,
      graphMs: median(time(graphOf, textRuns)),
      mermaidMs: median(time(() => toMermaid(graphOf()), textRuns)),
      dotMs: median(time(() => toDot(graphOf()), textRuns)),
      svgMs: median(time(() => renderSvg(viz, graphOf()), svgRuns)),
      svgCpuMs: median(cpu(() => renderSvg(viz, graphOf()), svgRuns)),
      svgBytes: renderSvg(viz, g).length,
    };
    rows.push(row);
    process.stderr.write('.');
  }
}
process.stderr.write('\n');

const f = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
console.log(`Graph rendering (median ms; Graphviz renderer loaded once: ${f(rendererLoadMs)} ms)`);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.availableParallelism()} CPUs`,
);
console.log('states  warnings  highlighted  edges   graph  mermaid     dot      svg  svg cpu  svg KB');
for (const r of rows) {
  console.log(
    `${String(r.states).padStart(6)}  ${String(r.warnings).padEnd(8)}  ${String(r.highlighted).padStart(11)}  ${String(r.edges).padStart(5)}  ${f(r.graphMs).padStart(6)}  ${f(r.mermaidMs).padStart(7)}  ${f(r.dotMs).padStart(6)}  ${f(r.svgMs).padStart(7)}  ${f(r.svgCpuMs).padStart(7)}  ${String(Math.round(r.svgBytes / 1024)).padStart(6)}`,
  );
}
const big = rows.filter((r) => r.states === 2000);
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
const textWorst = Math.max(...big.map((r) => Math.max(r.mermaidMs, r.dotMs)));
const svgWorst = Math.max(...big.map((r) => r.svgMs));
const svgCpuWorst = Math.max(...big.map((r) => r.svgCpuMs));
console.log(
  `Budget at 2,000 states: Mermaid/DOT text ${f(textWorst)} ms (< ${BUDGET.text} ms: ${verdict(textWorst < BUDGET.text)}); SVG ${f(svgWorst)} ms wall, ${f(svgCpuWorst)} ms CPU (< ${BUDGET.svg} ms: ${verdict(svgWorst < BUDGET.svg)} by wall time, ${verdict(svgCpuWorst < BUDGET.svg)} by CPU time)`,
);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'graph.json'), JSON.stringify({ rendererLoadMs, loadavg: os.loadavg(), rows, budget: BUDGET }, null, 2) + '\n');
