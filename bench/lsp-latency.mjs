#!/usr/bin/env node
/**
 * Diagnostics latency of the language server, measured through the real server and a real
 * JSON-RPC client over stdio, as an editor sees it: from sending textDocument/didChange (one
 * incremental edit) to receiving the textDocument/publishDiagnostics of that version. The
 * server's debounce is included. Budget (issue 4): 100 ms on a 2,000-state definition.
 *
 *   node bench/lsp-latency.mjs [--states 2000] [--edits 30] [--server dist/src/lsp/bin.js] [--json] [--check]
 *
 * Edit kinds, alternated: `valid` (a space typed between members: the definition stays valid),
 * `error` (a Next target misspelt: one diagnostic, so ranges and the position tree are needed),
 * `syntax` (a character deleted that breaks the JSON), each followed by the edit that undoes it.
 * With --json, prints one JSON object (for bench/run.mjs); --check exits 1 when a median is over
 * the budget. Needs a build (npx tsc -p tsconfig.json).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const BUDGET_MS = 100;

function parseArgs(argv) {
  const o = { states: 2000, edits: 30, server: join(root, 'dist', 'src', 'lsp', 'bin.js'), json: false, check: false, warmup: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--states') o.states = Number(argv[++i]);
    else if (a === '--edits') o.edits = Number(argv[++i]);
    else if (a === '--server') o.server = resolve(argv[++i]);
    else if (a === '--json') o.json = true;
    else if (a === '--check') o.check = true;
    else if (a === '--warmup') o.warmup = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** The definition: bench/generate.mjs's when present (the benchmark's own), else a simple chain. */
async function definitionText(states) {
  const gen = join(here, 'generate.mjs');
  if (existsSync(gen)) {
    const { generateDefinition } = await import(gen);
    return generateDefinition(states).text;
  }
  const s = {};
  for (let i = 0; i < states; i++) {
    s[`S${i}`] =
      i % 2
        ? { Type: 'Pass', Comment: `pass ${i}`, Parameters: { 'id.$': '$.id', 'n.$': 'States.MathAdd($.n, 1)' }, ResultPath: '$.p' }
        : {
            Type: 'Task',
            Comment: `task ${i}`,
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'f', 'Payload.$': '$' },
            Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
          };
    if (i < states - 1) s[`S${i}`].Next = `S${i + 1}`;
    else s[`S${i}`].End = true;
  }
  return JSON.stringify({ Comment: 'bench', StartAt: 'S0', States: s }, null, 2);
}

function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

/** Edits in pairs (break, restore), found in the middle of the text. */
function editPairs(text) {
  const mid = Math.floor(text.length / 2);
  const blank = text.indexOf(',\n', mid);
  const next = text.indexOf('"Next": "', mid);
  const brace = text.indexOf('": {', mid);
  const pairs = [];
  if (blank >= 0) {
    const at = blank + 1;
    pairs.push({ kind: 'valid', at, remove: 0, insert: ' ' }, { kind: 'valid', at, remove: 1, insert: '' });
  }
  if (next >= 0) {
    const at = next + '"Next": "'.length;
    pairs.push({ kind: 'error', at, remove: 0, insert: 'Q' }, { kind: 'error', at, remove: 1, insert: '' });
  }
  if (brace >= 0) {
    const at = brace + 3; // the '{' of a state object
    pairs.push({ kind: 'syntax', at, remove: 1, insert: '' }, { kind: 'syntax', at, remove: 0, insert: '{' });
  }
  return pairs;
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return { n: v.length, median: round(q(0.5)), p95: round(q(0.95)), max: round(v[v.length - 1]), min: round(v[0]) };
}
const round = (x) => Math.round(x * 10) / 10;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.server)) throw new Error(`${opts.server} not found: build first (npx tsc -p tsconfig.json)`);
  let text = await definitionText(opts.states);
  const proc = spawn(process.execPath, [opts.server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(p);
    }
  });
  conn.listen();
  const uri = 'file:///bench/big.asl.json';
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});

  const published = (version) => new Promise((res) => waiting.set(version, res));
  let version = 1;
  let t0 = performance.now();
  let got = published(version);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'asl', version, text } });
  await got;
  const openMs = performance.now() - t0;

  const pairs = editPairs(text);
  const groups = [];
  for (let i = 0; i < pairs.length; i += 2) groups.push(pairs.slice(i, i + 2));
  const byKind = {};
  for (let i = 0; i < opts.warmup + opts.edits; i++) {
    for (const [n, e] of groups[i % groups.length].entries()) {
      const range = { start: positionAt(text, e.at), end: positionAt(text, e.at + e.remove) };
      text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
      version++;
      got = published(version);
      t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: e.insert }] });
      const p = await got;
      const ms = performance.now() - t0;
      if (i >= opts.warmup) (byKind[e.kind] ??= []).push(ms);
      // The breaking edit of 'error' and 'syntax' must give a diagnostic, or it measured nothing.
      if (n === 0 && e.kind !== 'valid' && p.diagnostics.length === 0) throw new Error(`the ${e.kind} edit gave no diagnostic`);
    }
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();

  const result = {
    benchmark: 'lsp-diagnostics-latency',
    states: opts.states,
    bytes: text.length,
    budgetMs: BUDGET_MS,
    openMs: round(openMs),
    edits: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])),
  };
  const worstMedian = Math.max(...Object.values(result.edits).map((s) => s.median));
  result.withinBudget = worstMedian <= BUDGET_MS;
  if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    console.log(`asl-lint-lsp diagnostics latency: ${opts.states} states, ${Math.round(text.length / 1024)} KB, budget ${BUDGET_MS} ms (change -> publishDiagnostics, debounce included)`);
    console.log(`  open: ${result.openMs} ms`);
    for (const [k, s] of Object.entries(result.edits)) console.log(`  ${k.padEnd(6)} edit: median ${s.median} ms, p95 ${s.p95} ms, min ${s.min} ms, max ${s.max} ms (n=${s.n})`);
  }
  if (opts.check && !result.withinBudget) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`lsp-latency: ${err.message}`);
  process.exitCode = 2;
});
