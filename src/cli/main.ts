/**
 * One run of the CLI: command line -> inputs -> lint() (the public API; the CLI never parses or
 * checks anything itself) -> filtered results -> a formatter -> stdout or a file -> exit code.
 * Every failure ends here as one line on stderr and exit code 2.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../types.js';
import { colorsFor, shouldColor } from './colors.js';
import { EXIT_FATAL, EXIT_LINT, EXIT_OK, RunError, UsageError, describeSystemError, firstLine } from './errors.js';
import { displayPath, isTemplateCandidate, readInputFile, readStdin, resolveInputs, type Input } from './files.js';
import type { LintFileOptions, FileLintResult } from '../lint-file.js';
import type { LoadedConfig } from '../config/config.js';
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
    // A command of its own (src/cli/graph.ts), with its own options.
    if (io.argv[0] === 'graph') return await (await import('./graph.js')).runGraph(io.argv.slice(1), io);
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
  const configs = await import('../config/config.js');
  if (options.printConfig !== undefined) {
    const file = resolve(io.cwd, options.printConfig);
    const loaded = loadConfig(options, io, configs, file);
    const eff = configs.effectiveConfig(file, loaded);
    const shown = { configFile: eff.configPath ?? null, ignored: eff.ignored, type: options.type ?? eff.type ?? 'STANDARD', rules: { ...eff.rules, ...options.rules }, substitutions: Object.fromEntries([...eff.substitutions, ...options.substitutions]) };
    return { exitCode: EXIT_OK, stdout: JSON.stringify(shown, null, 2) + '\n', stderr: '' };
  }
  const inputs = await resolveInputs(options.patterns, io.cwd, options.stdinFilename);
  // The formatter and the linter load while nothing else is happening anyway.
  const [formatter, { lintFile }, { fixText }] = await Promise.all([loadFormatter(options.format), import('../lint-file.js'), import('../fix/fix.js')]);
  const fileSubs = options.substitutionsFile ? readSubstitutionsFile(resolve(io.cwd, options.substitutionsFile), options.substitutionsFile) : [];

  const linted: { display: string; fr: FileLintResult; viaTemplate: boolean }[] = [];
  const diffs: string[] = [];
  for (const input of inputs) {
    const source = input.kind === 'stdin' ? await readStdin(io.stdin()) : readInputFile(input);
    const path = input.kind === 'stdin' ? resolve(io.cwd, input.fileName ?? 'stdin.asl.json') : input.path;
    const eff = configs.effectiveConfig(path, loadConfig(options, io, configs, path));
    if (eff.ignored && (input.kind === 'stdin' || input.discovered)) continue;
    const subsGiven = eff.substitutions.size > 0 || fileSubs.length > 0 || options.substitutions.length > 0;
    const lintOptions: LintFileOptions = {
      type: options.type ?? eff.type,
      rules: { ...eff.rules, ...options.rules },
      substitutions: subsGiven ? new Map([...eff.substitutions, ...fileSubs, ...options.substitutions]) : undefined,
      reportUnusedDirectives: options.reportUnusedDirectives,
      mode: input.kind === 'file' && input.discovered && isTemplateCandidate(input.path) ? 'template' : 'auto',
    };
    let fileResults: FileLintResult[];
    try {
      let text = source;
      if (options.fix || options.fixDryRun) {
        const fixed = fixText(source, (t) => lintFile(t, path, lintOptions)[0]?.diagnostics ?? []);
        if (fixed.output !== source) {
          if (options.fixDryRun) diffs.push(await unifiedDiff(input.display, source, fixed.output));
          else writeAtomically(path, input.display, fixed.output);
          text = options.fix ? fixed.output : source;
        }
      }
      fileResults = lintFile(text, path, lintOptions);
    } catch (err) {
      if (err instanceof RunError) throw err;
      throw new RunError(`internal error while linting '${input.display}': ${firstLine(err instanceof Error ? err.message : String(err))}`);
    }
    for (const fr of fileResults) {
      const own = fr.filePath === path;
      linted.push({ display: own ? input.display : displayPath(fr.filePath, io.cwd), fr, viaTemplate: !own });
    }
  }

  // A definition file a template names is linted with the template's substitutions; its
  // stand-alone run (it was also found in a directory) would report their placeholders.
  const viaTemplate = new Set(linted.filter((l) => l.viaTemplate).map((l) => l.fr.filePath));
  const shownPaths = new Set<string>();
  const results: FileResult[] = [];
  let warningsFound = 0;
  for (const l of linted) {
    if (viaTemplate.has(l.fr.filePath) && !l.viaTemplate) continue;
    if (shownPaths.has(l.fr.filePath)) continue;
    shownPaths.add(l.fr.filePath);
    const result = toFileResult(l.display, l.fr.text, l.fr.diagnostics, options);
    warningsFound += result.warningsFound;
    results.push(result.file);
  }

  const toFile = options.outputFile !== undefined;
  const colors = colorsFor(shouldColor({ flag: options.color, toFile, env: io.env, isTTY: io.stdoutIsTTY }));
  const output = formatter.format(results, { colors, cwd: io.cwd });
  let stdout = diffs.join('') + output;
  if (options.outputFile !== undefined) {
    writeOutputFile(resolve(io.cwd, options.outputFile), options.outputFile, output);
    stdout = diffs.join('');
  }

  const hasErrors = results.some((r) => r.result === 'FAIL');
  if (options.maxWarnings !== undefined && warningsFound > options.maxWarnings) {
    const stderr = `asl-lint: ${warningsFound} warning${warningsFound === 1 ? '' : 's'} found, more than --max-warnings ${options.maxWarnings} allows\n`;
    return { exitCode: EXIT_LINT, stdout, stderr };
  }
  return { exitCode: hasErrors ? EXIT_LINT : EXIT_OK, stdout, stderr: '' };
}

type ConfigModule = typeof import('../config/config.js');
const explicitConfigs = new Map<string, LoadedConfig>();

/** --no-config, --config FILE, or the nearest configuration above the file. */
function loadConfig(options: CliOptions, io: Io, configs: ConfigModule, file: string): LoadedConfig {
  try {
    if (options.noConfig) return { config: {} };
    if (options.config !== undefined) {
      const p = resolve(io.cwd, options.config);
      let loaded = explicitConfigs.get(p);
      if (!loaded) {
        loaded = configs.readConfigFile(p) ?? { path: p, config: {} };
        explicitConfigs.set(p, loaded);
      }
      return loaded;
    }
    return configs.findConfig(file);
  } catch (err) {
    if (err instanceof configs.ConfigError) throw new RunError(err.message);
    throw err;
  }
}

function readSubstitutionsFile(path: string, shown: string): [string, string][] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new RunError(`cannot read substitutions from '${shown}': ${err instanceof SyntaxError ? 'not valid JSON' : describeSystemError(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new RunError(`'${shown}' must hold a JSON object of names to values`);
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new RunError(`'${shown}': the value of '${k}' must be a string, number or boolean`);
    out.push([k, String(v)]);
  }
  return out;
}

async function unifiedDiff(display: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const p = display.replace(/^\/+/, '');
  return createTwoFilesPatch(`a/${p}`, `b/${p}`, before, after, undefined, undefined, { context: 3 });
}

/** Write beside the file, then rename over it: a reader never sees half a file; the mode is kept. */
function writeAtomically(path: string, shown: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.asl-lint-${process.pid}.tmp`);
  try {
    const mode = statSync(path).mode;
    writeFileSync(tmp, text);
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind
    }
    throw new RunError(`cannot write the fixes to '${shown}': ${describeSystemError(err)}`);
  }
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
