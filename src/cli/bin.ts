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
import module from 'node:module';
import { EXIT_FATAL } from './errors.js';
import { describeFailure, main } from './main.js';

// Node 22+: a compile cache for the modules loaded from here on (YAML, JSONata ...); on Node 20
// the bin's own code cache covers the program (src/code-cache.ts).
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

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: () => process.stdin,
  stdoutIsTTY: process.stdout.isTTY === true,
}).then((outcome) => {
  // exitCode, not exit(): a large report drains to a pipe before the process ends.
  process.exitCode = outcome.exitCode;
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
}, fatal);
