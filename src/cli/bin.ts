#!/usr/bin/env node
/**
 * The `asl-lint` program. Only process wiring lives here: the safety nets that turn any
 * failure into one line on stderr and exit code 2 (a CI log must never show a stack trace), and
 * quiet handling of a closed stdout (`asl-lint dir | head`).
 *
 * It is bundled to dist/asl-lint-main.cjs (CommonJS, so it can run from a V8 code cache) and
 * started by the `asl-lint` bin, dist/asl-lint.cjs (src/cli/launch.ts); run from dist/src it
 * works the same, without the cache.
 */
import { EXIT_FATAL } from './errors.js';
import { describeFailure, main } from './main.js';

// Node 22+: the bin (src/cli/launch.ts) has turned Node.js's compile cache on, in the user's cache
// folder, for the program and the modules it loads later (YAML, JSONata ...); see src/code-cache.ts.

function fatal(err: unknown): void {
  try {
    process.stderr.write(`asl-lint: ${describeFailure(err)}\n`);
  } finally {
    process.exit(EXIT_FATAL);
  }
}

process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

let stdoutClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // The reader went away (`asl-lint dir | head`): nothing more is printed, but the run goes on to
  // its verdict, which is the exit code.
  if (err.code === 'EPIPE') stdoutClosed = true;
  else fatal(err);
});

/** The report as it is produced; a slow reader slows the run down instead of filling memory. */
function write(text: string): Promise<void> | undefined {
  if (stdoutClosed || process.stdout.write(text)) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    process.stdout.on('drain', done).on('error', done).on('close', done);
  });
}
process.stderr.on('error', () => {
  // Nowhere left to report to.
});

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: () => process.stdin,
  stdoutIsTTY: process.stdout.isTTY === true,
  write,
}).then((outcome) => {
  // exitCode, not exit(): a large report drains to a pipe before the process ends.
  process.exitCode = outcome.exitCode;
  if (outcome.stdout && !stdoutClosed) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
}, fatal);
