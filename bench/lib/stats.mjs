/** Small statistics and timing helpers shared by the benchmark's parts. */

/** The q-quantile (0..1) of numbers, by linear interpolation; NaN for none. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);
export const sum = (values) => values.reduce((a, b) => a + b, 0);
export const mean = (values) => (values.length ? sum(values) / values.length : NaN);

/** A summary of samples in ms, rounded for the JSON report. */
export function summarize(values) {
  return {
    median: round(median(values)),
    p95: round(p95(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    mean: round(mean(values)),
    n: values.length,
  };
}

/** Rounds ms values to 4 significant decimals below 1, 3 above (enough for µs-level medians). */
export function round(x, digits) {
  if (!Number.isFinite(x)) return x;
  const d = digits ?? (Math.abs(x) < 1 ? 4 : 3);
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/**
 * Times several functions in rounds (one block of each per round, in turn), so slow drift of the
 * machine (other processes, thermal) hits all of them alike and their ratios stay honest.
 * Warm-up rounds run first and are discarded. Rounds continue until `budgetMs` of measured time
 * has passed, within [minRounds, maxRounds].
 *
 * With `blockMs`, each sample is the mean of a block of back-to-back calls of one function lasting
 * at least that long (the block size is fixed per function from its warm-up time). A function
 * then pays for its own garbage collection, amortized: with single calls, a young-generation
 * collection (several ms on a large document) lands on whichever call happens to cross the
 * threshold, and interleaved functions can phase-lock so that one of them gets every collection
 * and another none, which moves medians by 30% or more from run to run.
 *
 * @param {Record<string, () => unknown>} fns
 * @returns {Record<string, number[]>} the samples (ms per call) of each function
 */
export function timeRounds(fns, { warmup = 2, minRounds = 5, maxRounds = 200, budgetMs = 500, blockMs = 0 } = {}) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const blocks = Object.fromEntries(names.map((n) => [n, 1]));
  let sink = 0;
  for (let w = 0; w < warmup; w++) {
    for (const n of names) {
      const t0 = performance.now();
      sink ^= touch(fns[n]());
      if (blockMs > 0) blocks[n] = Math.min(200, Math.max(1, Math.ceil(blockMs / Math.max(performance.now() - t0, 0.001))));
    }
  }
  const start = performance.now();
  for (let r = 0; r < maxRounds; r++) {
    for (const n of names) {
      const k = blocks[n];
      const t0 = performance.now();
      for (let i = 0; i < k; i++) sink ^= touch(fns[n]());
      samples[n].push((performance.now() - t0) / k);
    }
    if (r + 1 >= minRounds && performance.now() - start >= budgetMs) break;
  }
  globalThis.__benchSink = sink; // keeps results alive, so no call can be optimised away
  return samples;
}

/** A cheap use of a result (so the engine cannot drop the call as dead code). */
export function touch(out) {
  if (out === null || out === undefined) return 0;
  if (typeof out === 'object') return (out.diagnostics?.length ?? 1) | 0;
  return 1;
}

/** "1,234" */
export const int = (n) => Math.round(n).toLocaleString('en-US');
