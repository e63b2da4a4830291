/**
 * Running the CLI in tests, two ways (not a test file itself: no .test suffix):
 * - `cli()`: in process, through `main(io)` with an injected io (argv, cwd, env, stdin, TTY):
 *   the many option and format cases, fast, with no process started;
 * - `bin()`: the real binary package.json names, in a child process: what only a process shows
 *   (the bin's start, exit codes as the shell sees them, pipes, the safety nets of src/cli/bin.ts).
 * Both answer { code, stdout, stderr }, so one assertion reads the same for either.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../src/cli/main.js';

export const ROOT = join(import.meta.dirname, '..');
/** The bin package.json names (the bundled CLI), as users run it. */
export const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The working directory (default: the repository). */
  cwd?: string;
  /** Standard input. */
  input?: string | Buffer;
  /** Added to a clean environment (no colour settings inherited from the test runner). */
  env?: Record<string, string>;
}

/** A clean environment: no colour settings inherited from the test runner. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.FORCE_COLOR;
  delete e.NO_COLOR;
  delete e.NODE_EXTRA_CA_CERTS;
  return { ...e, ...extra };
}

/**
 * The CLI in process: `main(io)` with the io given here. The working directory is io.cwd only
 * (the test process's own stays where it is), and standard input is read only if '-' is given.
 */
export async function cli(args: string[], opts: RunOptions & { tty?: boolean } = {}): Promise<Run> {
  const outcome = await main({
    argv: args,
    cwd: opts.cwd ?? ROOT,
    env: cleanEnv(opts.env),
    stdin: () => {
      const input = opts.input ?? '';
      return (async function* () {
        if (input.length) yield input;
      })();
    },
    stdoutIsTTY: opts.tty ?? false,
  });
  return { code: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
}

/** The real binary in a child process. `nodeArgs` go to node before the bin (e.g. a preloaded script). */
export function bin(args: string[], opts: RunOptions & { nodeArgs?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: cleanEnv(opts.env),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Newest modification time of the TypeScript sources the binary is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (name.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** For a beforeAll of the files that run the binary: `npm test` builds first; a direct `vitest run` must not test a stale or missing build. */
export function ensureBuilt(): void {
  const stale = !existsSync(BIN) || statSync(BIN).mtimeMs < Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'rules')));
  if (stale) {
    try {
      execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; the check below is what matters.
    }
  }
  expect(existsSync(BIN)).toBe(true);
}

/** The one-line contract for exit code 2: `asl-lint: <message>` and no stack trace. */
export function expectFatal(r: Run, message: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.split('\n')).toHaveLength(2);
  if (typeof message === 'string') expect(r.stderr).toBe(`asl-lint: ${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
