/**
 * CPU profile of our lint() on a generated definition, taken in-process with the inspector
 * (only the measured calls are sampled, not start-up or warm-up), summarised as the functions
 * with the most self time and the most total time. The raw profile is written to
 * bench/out/lint-<states>[-warnings].cpuprofile (open it in Chrome DevTools > Performance, or
 * VS Code) for a flame chart.
 *
 *   node bench/profile.mjs [--states 2000] [--warnings] [--calls 20] [--validate]
 *   node bench/profile.mjs --corpus [--calls 10]    (one call = one pass over the real-world corpus)
 */
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDefinition } from './generate.mjs';
import { SCALING } from './lib/ours.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..');

export async function profileLint({ states = 2000, warnings = false, calls = 20, fn = 'lint', intervalUs = 100, corpus = false } = {}) {
  const entry = join(repoRoot, 'dist', 'src', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/src/index.js not found: run `npm run build` first.');
  const api = await import(pathToFileURL(entry).href);
  let target;
  if (corpus) {
    // One "call" = one pass over the whole corpus (the typical-definition budget).
    const { locateCorpus, loadCorpus } = await import('./lib/corpus.mjs');
    const where = locateCorpus(repoRoot);
    if (!where.found) throw new Error(where.hint);
    const files = loadCorpus(where.dir);
    target =
      fn === 'validate'
        ? () => {
            for (const f of files) if (f.format === 'json') api.validate(f.text);
          }
        : () => {
            for (const f of files) api.lint(f.text, { fileName: f.rel });
          };
    states = files.length;
  } else {
    const { text } = generateDefinition(states, { warnings });
    // As the benchmark does: a generated definition is read whatever its size (20,000 states are
    // over the default input cap). validate() has no such option: past the cap it answers at once.
    target = fn === 'validate' ? () => api.validate(text) : () => api.lint(text, SCALING);
  }
  for (let i = 0; i < 3; i++) target(); // warm-up: JIT, lazy module state

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) target();
  const wallMs = performance.now() - t0;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();

  const outDir = join(here, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, corpus ? `${fn}-corpus.cpuprofile` : `${fn}-${states}${warnings ? '-warnings' : ''}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { ...summarizeProfile(profile, calls), wallMsPerCall: wallMs / calls, file, states, warnings, calls, fn, corpus };
}

/** Self and total time per function (ms per call), from a V8 CPU profile. */
export function summarizeProfile(profile, calls) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const keyOf = (n) => {
    const cf = n.callFrame;
    const url = cf.url ? relative(repoRoot, fileURLToPath(cf.url.startsWith('file:') ? cf.url : pathToFileURL(cf.url).href)) : '';
    return `${cf.functionName || '(anonymous)'} ${url ? `${url}:${cf.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const total = new Map();
  let allUs = 0;
  for (const [id, us] of selfUs) {
    const stack = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur));
    // Stopping the profiler (inspector dispatch) is sampled too; it is not ours.
    if (stack.some((n) => n.callFrame.url.startsWith('node:inspector') || n.callFrame.functionName === 'dispatch')) continue;
    allUs += us;
    const k = keyOf(stack[0]);
    self.set(k, (self.get(k) ?? 0) + us);
    // Total: every distinct function on the stack, once (recursion is not counted twice).
    const seen = new Set();
    for (const n of stack) {
      const key = keyOf(n);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const top = (m, k) =>
    [...m.entries()]
      .filter(([name]) => m === self || !/^\((root|program|idle|garbage collector)\)|bench\//.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, us]) => ({ fn: name, msPerCall: us / 1000 / calls, share: allUs ? us / allUs : 0 }));
  return { sampledMsPerCall: allUs / 1000 / calls, self: top(self, 25), total: top(total, 40) };
}

function printProfile(p) {
  const fmt = (r) => `${r.msPerCall.toFixed(2).padStart(9)} ms ${(100 * r.share).toFixed(1).padStart(5)}%  ${r.fn}`;
  const what = p.corpus ? `a pass over the corpus (${p.states} definitions)` : `${p.states.toLocaleString('en-US')} states${p.warnings ? ' with warnings' : ''}`;
  console.log(`${p.fn}() on ${what}: ${p.wallMsPerCall.toFixed(1)} ms per ${p.corpus ? 'pass' : 'call'} (${p.calls} profiled)`);
  console.log('\nSelf time (where the CPU is), per call:');
  for (const r of p.self) console.log(fmt(r));
  console.log('\nTotal time (function and what it calls), per call:');
  for (const r of p.total) console.log(fmt(r));
  console.log(`\nProfile: ${relative(process.cwd(), p.file)} (open in Chrome DevTools > Performance or VS Code)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : def;
  };
  const p = await profileLint({
    states: arg('states', 2000),
    warnings: process.argv.includes('--warnings'),
    calls: arg('calls', 20),
    fn: process.argv.includes('--validate') ? 'validate' : 'lint',
    corpus: process.argv.includes('--corpus'),
  });
  printProfile(p);
}
