#!/usr/bin/env node
/**
 * The `asl-lint` executable. Only process wiring lives here: the safety nets that turn any
 * failure into one line on stderr and exit code 2 (a CI log must never show a stack trace), and
 * quiet handling of a closed stdout (`asl-lint dir | head`).
 */
import module from 'node:module';
import { EXIT_FATAL } from './errors.js';
import { describeFailure, main } from './main.js';

// Node 22+: reuse compiled code across runs (the linter is imported below, after this call).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

function fatal(err: unknown): void {
  try {
    process.stderr.write(`asl-lint: ${describeFailure(err)}\n`);
  } finally {
    process.exit(EXIT_FATAL);
  }
}

process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // The reader went away (`asl-lint dir | head`): nothing more can be said, and the verdict stands.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fatal(err);
});
process.stderr.on('error', () => {
  // Nowhere left to report to.
});

const outcome = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: () => process.stdin,
  stdoutIsTTY: process.stdout.isTTY === true,
});
// exitCode, not exit(): a large report drains to a pipe before the process ends.
process.exitCode = outcome.exitCode;
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
