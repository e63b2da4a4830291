/**
 * Runs a peer's tasks in a child process (bench/peer-worker.mjs) with a watchdog: a call that
 * takes longer than the cap gets the process killed, the task is recorded as stopped, larger
 * sizes of the same series are skipped, and a fresh process carries on with the rest.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * @param {object} job {repoRoot, peer, tasks, capMs, budgetMs, corpusBudgetMs, sampleSize, maxPasses}
 * @returns {Promise<{loaded?: object, results: Record<string, any>, errors: string[]}>}
 */
export async function runPeer(job, benchDir, { onProgress } = {}) {
  const results = {};
  const errors = [];
  let loaded;
  let pending = [...job.tasks];
  while (pending.length) {
    const { done, stoppedTask } = await runOnce({ ...job, tasks: pending }, benchDir, results, errors, (l) => (loaded ??= l), onProgress);
    if (!stoppedTask) {
      pending = pending.filter((t) => !(t.id in results));
      if (!done || pending.length) {
        // The process ended without finishing: record what is left as failed, do not loop.
        for (const t of pending) results[t.id] ??= { skipped: 'error', message: errors.at(-1) ?? 'worker exited early' };
      }
      break;
    }
    results[stoppedTask.id] = { skipped: 'timeout', capMs: job.capMs };
    // Larger sizes of the same series would take longer still.
    for (const t of pending) {
      if (t.id in results) continue;
      if (t.kind === 'generated' && t.series === stoppedTask.series && t.size > stoppedTask.size) {
        results[t.id] = { skipped: 'after-timeout', at: stoppedTask.size, capMs: job.capMs };
      }
    }
    pending = pending.filter((t) => !(t.id in results));
  }
  return { loaded, results, errors };
}

function runOnce(job, benchDir, results, errors, setLoaded, onProgress) {
  return new Promise((resolve) => {
    const child = fork(join(benchDir, 'peer-worker.mjs'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    let current;
    let timer;
    let stoppedTask;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const arm = (ms) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stoppedTask = current;
        child.kill('SIGKILL');
      }, ms);
    };
    // Loading a peer may take a few seconds on a busy machine; calls get the cap.
    arm(60_000);
    child.on('message', (msg) => {
      if (msg.type === 'loaded') setLoaded({ version: msg.version, loadMs: msg.loadMs, setupMs: msg.setupMs });
      else if (msg.type === 'task') {
        current = job.tasks.find((t) => t.id === msg.id);
        onProgress?.(current);
      } else if (msg.type === 'beat') arm(job.capMs);
      else if (msg.type === 'result') {
        results[msg.id] = msg.data;
        arm(60_000);
      } else if (msg.type === 'error') errors.push(`${msg.id ?? ''} ${msg.message}`.trim());
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!stoppedTask && code !== 0 && signal) errors.push(`worker ${signal}: ${stderr.trim().slice(-500)}`);
      else if (!stoppedTask && code !== 0) errors.push(`worker exit ${code}: ${stderr.trim().slice(-500)}`);
      resolve({ done: code === 0 && !stoppedTask, stoppedTask });
    });
    child.send(job);
  });
}
