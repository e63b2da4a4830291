/**
 * Runs one peer in its own process (started by run.mjs with fork), so that a peer's memory, JIT
 * state and garbage never distort our numbers, and so that a call that runs away can be stopped
 * by killing the process (a synchronous call cannot be interrupted from inside).
 *
 * Protocol (IPC messages):
 *   in:  {repoRoot, peer, tasks, capMs, budgetMs, corpusBudgetMs, sampleSize, maxPasses}
 *   out: {type: 'loaded', version, loadMs, setupMs}
 *        {type: 'task', id}            a task starts
 *        {type: 'beat'}                a timed call is about to start (the parent's watchdog)
 *        {type: 'result', id, data}
 *        {type: 'error', id, message}
 */
import { readFileSync } from 'node:fs';
import { loadPeer } from './lib/peers.mjs';

process.once('message', async (job) => {
  try {
    await run(job);
  } catch (err) {
    send({ type: 'error', id: undefined, message: err?.stack ?? String(err) });
  }
  process.disconnect?.();
});

function send(msg) {
  process.send?.(msg);
}

async function run(job) {
  const { version, loadMs, setupMs, peer } = await loadPeer(job.peer, job.repoRoot);
  send({ type: 'loaded', version, loadMs, setupMs });
  const call = peer.async
    ? async (text, format) => {
        const t0 = performance.now();
        const v = await peer.check(text, format);
        return [performance.now() - t0, v];
      }
    : (text, format) => {
        const t0 = performance.now();
        const v = peer.check(text, format);
        return [performance.now() - t0, v];
      };
  const timed = async (text, format) => {
    send({ type: 'beat' });
    try {
      return await call(text, format);
    } catch (err) {
      // A peer that throws on a definition has rejected it (and says so badly): count it as a flag.
      return [NaN, { flagged: true, errors: 1, first: `threw: ${String(err?.message ?? err).slice(0, 200)}` }];
    }
  };
  /** Time per call at earlier sizes, per series, for the extrapolation that skips hopeless sizes. */
  const history = {};

  for (const task of job.tasks) {
    send({ type: 'task', id: task.id });
    try {
      if (task.kind === 'corpus') send({ type: 'result', id: task.id, data: await corpus(task, job, timed) });
      else if (task.kind === 'generated') send({ type: 'result', id: task.id, data: await generated(task, job, timed, history) });
      else if (task.kind === 'verdicts') send({ type: 'result', id: task.id, data: await verdicts(task, timed) });
    } catch (err) {
      send({ type: 'error', id: task.id, message: err?.stack ?? String(err) });
    }
  }
}

async function corpus(task, job, timed) {
  const files = task.files.map((f) => ({ ...f, text: readFileSync(f.path, 'utf8') }));
  // Warm-up, and an estimate of a call's cost to decide between full passes and a sample.
  const k = Math.min(8, files.length);
  const warm = Array.from({ length: k }, (_, i) => files[Math.floor((i * files.length) / k)]);
  for (const f of warm) await timed(f.text, f.format); // JIT and caches
  let warmMs = 0;
  for (const f of warm) warmMs += (await timed(f.text, f.format))[0] || 0;
  const estPass = (warmMs / Math.max(1, warm.length)) * files.length;
  // Within twice the budget, one full pass is still worth it: the flags then come from every file.
  const full = estPass <= 2 * job.corpusBudgetMs;
  const passes = full ? Math.max(1, Math.min(job.maxPasses, Math.floor(job.corpusBudgetMs / Math.max(estPass, 1e-3)))) : 1;
  let chosen = files;
  if (!full) {
    // Evenly spaced over the sorted list: every repository and size range gets its share.
    const k = Math.min(job.sampleSize, files.length);
    chosen = Array.from({ length: k }, (_, i) => files[Math.floor((i * files.length) / k)]);
  }
  const times = chosen.map(() => []);
  const verdicts = {};
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < chosen.length; i++) {
      const [ms, v] = await timed(chosen[i].text, chosen[i].format);
      if (Number.isFinite(ms)) times[i].push(ms);
      if (p === 0) verdicts[chosen[i].sha] = v;
    }
  }
  return {
    mode: full ? 'full' : 'sample',
    passes,
    files: chosen.length,
    perFile: chosen.map((f, i) => ({ rel: f.rel, sha: f.sha, ms: times[i].length ? times[i].slice().sort((a, b) => a - b)[Math.floor((times[i].length - 1) / 2)] : NaN })),
    verdicts,
  };
}

async function generated(task, job, timed, history) {
  const text = readFileSync(task.file, 'utf8');
  const past = (history[task.series] ??= []);
  const est = estimate(past, task.size);
  if (est !== undefined && est > job.capMs) {
    return { skipped: 'estimate', estMs: est, basis: past.map((p) => p.size) };
  }
  // A smaller definition of the same kind warms the JIT first, where a warm-up at this size would cost too much.
  // Its time after the warm-up is the same-process reference for a per-state comparison.
  let warmSamples;
  let jsonParse;
  if (task.warmFile) {
    const warmText = readFileSync(task.warmFile, 'utf8');
    for (let i = 0; i < 3; i++) await timed(warmText, 'json');
    warmSamples = [];
    for (let i = 0; i < 5; i++) warmSamples.push((await timed(warmText, 'json'))[0]);
    // JSON.parse of both texts in this process: what the memory system alone makes a bigger
    // definition cost per state, for a per-state comparison that only counts the linter's own growth.
    jsonParse = { warm: medianOf(timeParse(warmText, 9)), big: medianOf(timeParse(text, 5)) };
  }
  const samples = [];
  const [first, verdict] = await timed(text, 'json');
  // A call of a second or more is its own warm-up (the smaller sizes warmed the JIT already).
  const slow = first >= 1000;
  const warmupMs = slow ? undefined : first;
  if (slow) samples.push(first);
  const minCalls = slow ? 1 : 3;
  const maxCalls = slow ? 3 : 30;
  let spent = slow ? first : 0;
  while (samples.length < maxCalls) {
    if (samples.length >= minCalls && spent + (samples.at(-1) ?? first) > job.budgetMs) break;
    const [ms] = await timed(text, 'json');
    samples.push(ms);
    spent += ms;
  }
  const sorted = samples.slice().sort((a, b) => a - b);
  past.push({ size: task.size, ms: sorted[Math.floor((sorted.length - 1) / 2)] });
  return { samples, warmupMs, verdict, warmSamples, jsonParse };
}

function timeParse(text, n) {
  const out = [];
  for (let i = 0; i < n + 1; i++) {
    const t0 = performance.now();
    JSON.parse(text);
    if (i > 0) out.push(performance.now() - t0);
  }
  return out;
}

function medianOf(xs) {
  const sorted = xs.slice().sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * The least a call at `size` should take, from earlier sizes: a line through the last two points
 * (cost = a + b * states). A peer whose cost grows at least linearly takes longer still, so for
 * those, skipping on this estimate never skips a size that would have fit the cap.
 */
function estimate(past, size) {
  if (past.length < 2) return undefined;
  const last = past.at(-1);
  const prev = past.at(-2);
  const slope = (last.ms - prev.ms) / (last.size - prev.size);
  return Math.max(last.ms, last.ms + slope * (size - last.size));
}

async function verdicts(task, timed) {
  const out = {};
  for (const f of task.files) {
    const text = readFileSync(f.path, 'utf8');
    out[f.sha] = (await timed(text, f.format))[1];
  }
  return { verdicts: out };
}
