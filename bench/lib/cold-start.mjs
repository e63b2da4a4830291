/** Wall time of a fresh process, from spawn to exit: what a pre-commit hook or a CI step pays. */
import { spawnSync } from 'node:child_process';
import { median, summarize } from './stats.mjs';

/**
 * @param {string[]} args arguments after the node executable
 * @returns {{samples: number[], summary: object, exitCodes: number[], failure?: string}}
 */
export function coldStart(args, { runs, warmup = 2, cwd, env = {} }) {
  const samples = [];
  const exitCodes = [];
  let failure;
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: withEnv({ ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, env), timeout: 60_000 });
    const ms = performance.now() - t0;
    if (r.error || r.status === null) {
      failure = r.error ? String(r.error.message) : `killed by ${r.signal}`;
      break;
    }
    if (i >= warmup) {
      samples.push(ms);
      exitCodes.push(r.status);
    }
    // 2 = usage error or crash, for us and for the peers' CLIs alike.
    if (r.status !== 0 && r.status !== 1 && !failure) failure = `exit ${r.status}: ${String(r.stderr).trim().split('\n').slice(0, 3).join(' | ')}`;
  }
  return { samples, summary: samples.length ? summarize(samples) : undefined, median: samples.length ? median(samples) : NaN, exitCodes: [...new Set(exitCodes)], failure };
}

/** The environment with overrides applied; an override of `undefined` removes the variable. */
function withEnv(base, overrides) {
  const out = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * Several commands, spawned in turn (A, B, C, A, B, C, ...), so that a machine getting busier or
 * calmer during the measurement shifts all of them alike and their differences stay meaningful.
 * @param {Record<string, string[] | {args: string[], env?: Record<string, string | undefined>}>} commands
 *   name -> arguments after the node executable (and environment overrides)
 */
export function coldStartInterleaved(commands, { runs, warmup = 2, cwd }) {
  const names = Object.keys(commands);
  const acc = Object.fromEntries(names.map((n) => [n, { samples: [], exitCodes: new Set(), failure: undefined }]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const n of names) {
      const a = acc[n];
      if (a.failure && !a.samples.length) continue;
      const c = commands[n];
      const one = Array.isArray(c) ? coldStart(c, { runs: 1, warmup: 0, cwd }) : coldStart(c.args, { runs: 1, warmup: 0, cwd, env: c.env });
      if (one.failure) a.failure ??= one.failure;
      if (i >= warmup && one.samples.length) {
        a.samples.push(one.samples[0]);
        for (const c of one.exitCodes) a.exitCodes.add(c);
      }
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const a = acc[n];
      return [
        n,
        { samples: a.samples, summary: a.samples.length ? summarize(a.samples) : undefined, median: a.samples.length ? median(a.samples) : NaN, exitCodes: [...a.exitCodes], failure: a.failure },
      ];
    }),
  );
}
