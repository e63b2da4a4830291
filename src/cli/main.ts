/**
 * One run of the CLI: command line -> inputs -> lint() (the public API; the CLI never parses or
 * checks anything itself) -> filtered results -> a formatter -> stdout or a file -> exit code.
 * Every failure ends here as one line on stderr and exit code 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../types.js';
import { colorsFor, shouldColor } from './colors.js';
import { EXIT_FATAL, EXIT_LINT, EXIT_OK, RunError, UsageError, describeSystemError, firstLine } from './errors.js';
import { readInputFile, readStdin, resolveInputs, type Input } from './files.js';
import { loadFormatter, type FileResult } from './formatters/index.js';
import { helpText, versionText } from './help.js';
import { parseCommandLine, type CliOptions } from './options.js';

/** The process, as far as the CLI reads it (tests and embedders can pass their own). */
export interface Io {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called only when '-' is given: merely touching process.stdin opens it. */
  stdin: () => AsyncIterable<Buffer | string>;
  stdoutIsTTY: boolean;
}

/**
 * What the run says and how it ends. Returned rather than written, so the caller knows the exit
 * code before writing (a reader closing the pipe mid-report must not change it).
 */
export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function main(io: Io): Promise<Outcome> {
  try {
    const command = parseCommandLine(io.argv);
    if (command.kind === 'help') return { exitCode: EXIT_OK, stdout: helpText(), stderr: '' };
    if (command.kind === 'version') return { exitCode: EXIT_OK, stdout: versionText(), stderr: '' };
    return await run(command.options, io);
  } catch (err) {
    return { exitCode: EXIT_FATAL, stdout: '', stderr: `asl-lint: ${describeFailure(err)}\n` };
  }
}

export function describeFailure(err: unknown): string {
  if (err instanceof UsageError || err instanceof RunError) return err.message;
  return `internal error: ${firstLine(err instanceof Error ? err.message : String(err))}`;
}

async function run(options: CliOptions, io: Io): Promise<Outcome> {
  const inputs = await resolveInputs(options.patterns, io.cwd, options.stdinFilename);
  // The formatter and the linter load while nothing else is happening anyway.
  const [formatter, { lint }] = await Promise.all([loadFormatter(options.format), import('../index.js')]);

  const results: FileResult[] = [];
  let warningsFound = 0;
  for (const input of inputs) {
    const source = input.kind === 'stdin' ? await readStdin(io.stdin()) : readInputFile(input);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = lint(source, { fileName: fileNameOf(input), type: options.type }).diagnostics;
    } catch (err) {
      throw new RunError(`internal error while linting '${input.display}': ${firstLine(err instanceof Error ? err.message : String(err))}`);
    }
    const result = toFileResult(input.display, source, diagnostics, options);
    warningsFound += result.warningsFound;
    results.push(result.file);
  }

  const toFile = options.outputFile !== undefined;
  const colors = colorsFor(shouldColor({ flag: options.color, toFile, env: io.env, isTTY: io.stdoutIsTTY }));
  const output = formatter.format(results, { colors, cwd: io.cwd });
  let stdout = output;
  if (options.outputFile !== undefined) {
    writeOutputFile(resolve(io.cwd, options.outputFile), options.outputFile, output);
    stdout = '';
  }

  const hasErrors = results.some((r) => r.result === 'FAIL');
  if (options.maxWarnings !== undefined && warningsFound > options.maxWarnings) {
    const stderr = `asl-lint: ${warningsFound} warning${warningsFound === 1 ? '' : 's'} found, more than --max-warnings ${options.maxWarnings} allows\n`;
    return { exitCode: EXIT_LINT, stdout, stderr };
  }
  return { exitCode: hasErrors ? EXIT_LINT : EXIT_OK, stdout, stderr: '' };
}

function fileNameOf(input: Input): string | undefined {
  return input.kind === 'stdin' ? input.fileName : input.path;
}

/**
 * --severity ERROR: warnings are not wanted at all (not shown, not counted), as in AWS's API.
 * --quiet: warnings are not shown but still count for --max-warnings, as in ESLint.
 */
function toFileResult(display: string, source: string, all: Diagnostic[], options: CliOptions): { file: FileResult; warningsFound: number } {
  const wanted = options.severity === 'ERROR' ? all.filter(isError) : all;
  const shown = options.quiet ? wanted.filter(isError) : wanted;
  const errorCount = shown.filter(isError).length;
  return {
    file: {
      filePath: display,
      source,
      result: all.some(isError) ? 'FAIL' : 'OK',
      errorCount,
      warningCount: shown.length - errorCount,
      diagnostics: shown,
    },
    warningsFound: wanted.length - wanted.filter(isError).length,
  };
}

function isError(d: Diagnostic): boolean {
  return d.severity === 'ERROR';
}

function writeOutputFile(path: string, shown: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (err) {
    // mkdir -p says EEXIST when a file stands where a folder of the path should be.
    const why = (err as NodeJS.ErrnoException).code === 'EEXIST' ? 'a part of the path is not a directory' : describeSystemError(err);
    throw new RunError(`cannot write '${shown}': ${why}`);
  }
}
