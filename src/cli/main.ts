/**
 * One run of the CLI: command line -> inputs -> lint() (the public API; the CLI never parses or
 * checks anything itself) -> filtered results -> a formatter -> stdout or a file -> exit code.
 * Every failure ends here as one line on stderr and exit code 2.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../types.js';
import { colorsFor, shouldColor } from './colors.js';
import { EXIT_FATAL, EXIT_LINT, EXIT_OK, RunError, UsageError, describeSystemError, firstLine } from './errors.js';
import { displayPath, isAslFile, projectRoot, readOrSkip, readStdin, resolveInputs, type Input } from './files.js';
import { FileReadError, MAX_CONFIG_FILE_BYTES, MAX_DEFINITION_FILE_BYTES, readRegularFile } from '../read-file.js';
import type { LintFileOptions, SourceLintResult } from '../lint-file.js';
import type { AdapterSettings, LoadedConfig } from '../config/config.js';
import { loadFormatter, type FileResult } from './formatters/index.js';
import { helpText, versionText } from './help.js';
import { parseCommandLine, type CliOptions } from './options.js';
import { checkPlans, fixRoots, planFix, writeFix, writeOutputFile, type FixPlan } from './safe-write.js';
import { printable } from './printable.js';
import type { Io, Outcome } from './io.js';

export type { Io, Outcome } from './io.js';

export async function main(io: Io): Promise<Outcome> {
  try {
    // Subcommands that run definitions offline (src/cli/run-command.ts, src/run/).
    if (io.argv[0] === 'run' || io.argv[0] === 'test') return await (await import('./run-command.js')).runSubcommand(io);
    // A command of its own (src/cli/graph.ts), with its own options.
    if (io.argv[0] === 'graph') return await (await import('./graph.js')).runGraph(io.argv.slice(1), io);
    const command = parseCommandLine(io.argv);
    if (command.kind === 'help') return { exitCode: EXIT_OK, stdout: helpText(), stderr: '' };
    if (command.kind === 'version') return { exitCode: EXIT_OK, stdout: versionText(), stderr: '' };
    if (command.kind === 'list-rules') {
      const [{ rulesMeta }, { listRules }] = await Promise.all([import('../api.js'), import('./list-rules.js')]);
      return { exitCode: EXIT_OK, stdout: listRules(Object.values(rulesMeta), command.format), stderr: '' };
    }
    return await run(command.options, io);
  } catch (err) {
    return { exitCode: EXIT_FATAL, stdout: '', stderr: `asl-lint: ${describeFailure(err)}\n` };
  }
}

/** One line for stderr; paths and names in it are the user's data: control characters escaped. */
export function describeFailure(err: unknown): string {
  if (err instanceof UsageError || err instanceof RunError) return printable(err.message);
  return printable(`internal error: ${firstLine(err instanceof Error ? err.message : String(err))}`);
}

async function run(options: CliOptions, io: Io): Promise<Outcome> {
  const configs = await import('../config/config.js');
  // Each run reads the configuration files as they are now: main() may run again in one process
  // (tests, embedders), and a file written since the last run must count.
  configs.clearConfigCache();
  explicitConfigs.clear();
  // The flags on top of the configuration (optionsFromConfig): what lintSource() is given for each file.
  const flagsFor = (): AdapterSettings => {
    const fileSubs = options.substitutionsFile ? readSubstitutionsFile(resolve(io.cwd, options.substitutionsFile), options.substitutionsFile) : [];
    return { rules: options.rules, forceType: options.type, substitutions: [...fileSubs, ...options.substitutions] };
  };
  // Before --print-config too: settings are read by rule id, and an unknown name would vanish from it.
  for (const id of Object.keys(options.rules)) {
    const problem = configs.unknownRuleMessage(id);
    if (problem) throw new UsageError(`invalid value for --rule: ${problem}`);
  }
  if (options.printConfig !== undefined) {
    const file = resolve(io.cwd, options.printConfig);
    const loaded = loadConfig(options, io, configs, file);
    const { options: applied, ignored, configPath } = configs.optionsFromConfig(loaded, file, flagsFor());
    const shown = {
      configFile: configPath ?? null,
      ignored,
      type: applied.forceType ?? applied.type ?? 'STANDARD',
      rules: applied.rules,
      substitutions: Object.fromEntries(applied.substitutions ?? []),
    };
    return { exitCode: EXIT_OK, stdout: JSON.stringify(shown, null, 2) + '\n', stderr: '' };
  }
  const notes: string[] = [];
  const inputs = await resolveInputs(options.patterns, io.cwd, options.stdinFilename, notes);
  // The formatter and the linter load while nothing else is happening anyway.
  const [formatter, { lintSource }, { fixText }, { rulesMeta }] = await Promise.all([loadFormatter(options.format), import('../lint-file.js'), import('../fix/fix.js'), import('../api.js')]);
  const flags = flagsFor();
  // CDK's cdk.out copies come last; a machine already linted from another file is not linted again.
  const anyCdkOut = inputs.some((i) => i.kind === 'file' && i.cdkOut);
  const seenDefinitions = new Set<string>();

  const toFile = options.outputFile !== undefined;
  const colors = colorsFor(shouldColor({ flag: options.color, toFile, env: io.env, isTTY: io.stdoutIsTTY }));
  const report = formatter.stream({ colors, cwd: io.cwd, rulesMeta });
  // The report is printed as files are linted, except into a file (written whole at the end) or
  // after --fix-dry-run's diffs.
  const live = !toFile && !options.fixDryRun ? io.write : undefined;
  let output = '';
  const emit = async (text: string): Promise<void> => {
    if (!text) return;
    if (live) await live(text);
    else output += text;
  };

  const diffs: string[] = [];
  const perArg = new Map<number, { checked: number; ignored: number; looked: number }>();
  const count = { skipped: 0, skippedUnread: 0, ignored: 0, files: 0, machines: 0 };
  // --fix plans every file before writing any: a later file that ends the run (exit 2) leaves all unchanged.
  const plans: FixPlan[] = [];
  const fixRun = { fixed: 0, files: 0, notApplied: 0, refused: 0, wouldRefuse: [] as string[] };
  const roots = options.fix || options.fixDryRun ? fixRoots(options.patterns, io.cwd) : [];
  const plannedFiles = new Set<string>();

  /** Lints one input: its own result, and those of the definition files a template names. */
  const lintInput = async (input: Input): Promise<Linted[]> => {
    const tally = perArg.get(input.arg) ?? { checked: 0, ignored: 0, looked: 0 };
    perArg.set(input.arg, tally);
    tally.looked++;
    let path = input.kind === 'stdin' ? resolve(io.cwd, input.fileName ?? 'stdin.asl.json') : input.path;
    const configured = configs.optionsFromConfig(loadConfig(options, io, configs, path), path, flags);
    if (configured.ignored && (input.kind === 'stdin' || input.discovered)) {
      tally.ignored++;
      count.ignored++;
      return [];
    }
    // A named *.asl.* file is a definition: 10 MiB (10x AWS's limit); anything else may be a template.
    const cap = input.kind === 'file' && isAslFile(input.path) ? MAX_DEFINITION_FILE_BYTES : options.maxTemplateBytes;
    const read = input.kind === 'stdin' ? await readStdin(io.stdin(), cap) : readOrSkip(input, cap, input.discovered && !isAslFile(input.path));
    if (typeof read !== 'string') {
      notes.push(`asl-lint: note: ${printable(input.display)}: skipped: ${read.skipped}`);
      count.skippedUnread++;
      return [];
    }
    const source = read;
    // Without --stdin-filename, YAML on standard input is recognised by its first key (JSON starts with '{').
    if (input.kind === 'stdin' && input.fileName === undefined && stdinLooksLikeYaml(source)) path = resolve(io.cwd, 'stdin.asl.yaml');
    const lintOptions: LintFileOptions = {
      ...configured.options,
      reportUnusedDirectives: options.reportUnusedDirectives,
      mode: input.kind === 'file' && input.discovered ? 'discover' : 'auto',
      root: projectRoot(path, io.cwd),
      allowOutsideRoot: options.allowOutsideReferences,
      fingerprint: anyCdkOut,
      skipDefinitions: input.kind === 'file' && input.cdkOut ? seenDefinitions : undefined,
    };
    let fileResults: SourceLintResult[];
    try {
      let text = source;
      if (options.fix || options.fixDryRun) {
        const fixed = fixText(source, (t) => lintSource(t, path, lintOptions)[0]?.diagnostics ?? [], options.fixTypes);
        fixRun.notApplied += fixed.notApplied;
        fixRun.refused += fixed.refused;
        if (fixed.output !== source) {
          // Planned (checked) for --fix, and for --fix-dry-run to say now what --fix would refuse.
          let plan: FixPlan | undefined;
          if (input.kind === 'file') {
            try {
              plan = planFix(path, input.display, source, fixed.output, fixed.fixed, input.discovered, roots);
            } catch (err) {
              if (!(err instanceof RunError) || options.fix) throw err;
              fixRun.wouldRefuse.push(err.message.replace(/; no file was changed$/, ''));
            }
          }
          // The same file under a second name (a link, a second argument): fixed and counted once.
          const id = plan ? `${plan.stat.dev}:${plan.stat.ino}` : undefined;
          if (id === undefined || !plannedFiles.has(id)) {
            if (id !== undefined) plannedFiles.add(id);
            fixRun.fixed += fixed.fixed;
            fixRun.files++;
            if (options.fixDryRun) diffs.push(await unifiedDiff(input.display, source, fixed.output));
            else if (plan) plans.push(plan);
          }
          text = options.fix ? fixed.output : source;
        }
      }
      fileResults = lintSource(text, path, lintOptions);
    } catch (err) {
      if (err instanceof RunError) throw err;
      throw new RunError(`internal error while linting '${input.display}': ${firstLine(err instanceof Error ? err.message : String(err))}`);
    }
    if (fileResults.length === 0) {
      count.skipped++;
      return [];
    }
    tally.checked++;
    return fileResults.map((fr) => {
      const own = fr.filePath === path;
      const display = own ? input.display : displayPath(fr.filePath, io.cwd);
      for (const n of fr.notes ?? []) notes.push(`asl-lint: note: ${printable(display)}: ${n}`);
      if (!(input.kind === 'file' && input.cdkOut)) for (const p of fr.fingerprints ?? []) seenDefinitions.add(p);
      return { display, fr, viaTemplate: !own };
    });
  };

  // A definition file a template names is linted with the template's substitutions; its
  // stand-alone run (it was also found in a directory) would report their placeholders. So the
  // inputs that may be templates (any file not named *.asl.*, and standard input) are linted
  // first, and their results kept (without their text) until their turn; every other file is
  // linted, reported and forgotten in its turn. cdk.out copies wait for their turn (they come
  // last): a machine linted from any other file is not linted again from them.
  const mayBeTemplate = (input: Input) => input.kind === 'stdin' || (!isAslFile(input.path) && !input.cdkOut);
  const ahead = new Map<Input, Linted[]>();
  const viaTemplate = new Set<string>();
  for (const input of inputs) {
    if (!mayBeTemplate(input)) continue;
    const linted = await lintInput(input);
    for (const l of linted) {
      if (l.viaTemplate) viaTemplate.add(l.fr.filePath);
      l.fr = { ...l.fr, text: '', analysis: undefined };
    }
    ahead.set(input, linted);
  }

  const shownPaths = new Set<string>();
  let warningsFound = 0;
  let hasErrors = false;
  for (const input of inputs) {
    const linted = ahead.get(input) ?? (await lintInput(input));
    ahead.delete(input);
    for (const l of linted) {
      if (l.viaTemplate) viaTemplate.add(l.fr.filePath);
      else if (viaTemplate.has(l.fr.filePath)) continue;
      if (shownPaths.has(l.fr.filePath)) continue;
      shownPaths.add(l.fr.filePath);
      count.files++;
      count.machines += l.fr.definitions;
      const result = toFileResult(l.display, l.fr.text, l.fr.diagnostics, options);
      warningsFound += result.warningsFound;
      if (result.file.result === 'FAIL') hasErrors = true;
      await emit(report.file(result.file));
    }
  }
  // A folder or glob whose files all hold no state machine checked nothing: not a pass.
  for (const [arg, t] of perArg) {
    const pattern = options.patterns[arg];
    if (t.checked === 0 && t.ignored === 0 && inputs.some((i) => i.arg === arg && i.kind === 'file' && i.discovered)) {
      throw new UsageError(`no state machine found in '${pattern}' (${t.looked} file${t.looked === 1 ? '' : 's'} looked at, none a definition or a template with one)`);
    }
  }
  await emit(report.end());

  let stdout = diffs.join('') + output;
  if (options.outputFile !== undefined) {
    writeOutputFile(resolve(io.cwd, options.outputFile), options.outputFile, output, io.cwd);
    stdout = diffs.join('');
  }
  // The fixes last: a run that ends with exit 2 (a file that cannot be fixed, a report that cannot be written) changed no file.
  if (plans.length) {
    checkPlans(plans);
    plans.forEach((plan, i) => writeFix(plan, i));
  }

  // What was checked, on stderr: standard output stays the report alone (json, sarif...).
  let summary = `asl-lint: checked ${plural(count.files, 'file')} (${plural(count.machines, 'state machine')})`;
  if (count.skipped) summary += `; skipped ${plural(count.skipped, 'found file')} holding no state machine`;
  if (count.skippedUnread) summary += `; skipped ${plural(count.skippedUnread, 'found file')} over a size limit or not regular`;
  if (count.ignored) summary += `; ${count.ignored} ignored by the configuration`;
  // What --fix did goes to stderr too.
  const fixSummary = options.fix || options.fixDryRun ? describeFixRun(fixRun, options) : '';
  const info = [...notes, summary].join('\n') + '\n' + fixSummary;
  if (options.maxWarnings !== undefined && warningsFound > options.maxWarnings) {
    const stderr = `${info}asl-lint: ${warningsFound} warning${warningsFound === 1 ? '' : 's'} found, more than --max-warnings ${options.maxWarnings} allows\n`;
    return { exitCode: EXIT_LINT, stdout, stderr };
  }
  return { exitCode: hasErrors ? EXIT_LINT : EXIT_OK, stdout, stderr: info };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Linted {
  display: string;
  fr: SourceLintResult;
  /** A definition file a template names, linted with the template's substitutions. */
  viaTemplate: boolean;
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
    value = JSON.parse(readRegularFile(path, MAX_CONFIG_FILE_BYTES, 'substitutions file'));
  } catch (err) {
    throw new RunError(`cannot read substitutions from '${shown}': ${err instanceof SyntaxError ? 'not valid JSON' : err instanceof FileReadError ? err.message : describeSystemError(err)}`);
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

/** "fixed 3 problems in 2 files", and what was left alone and why. */
function describeFixRun(run: { fixed: number; files: number; notApplied: number; refused: number; wouldRefuse: string[] }, options: CliOptions): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  let line = `${options.fixDryRun ? 'would fix' : 'fixed'} ${n(run.fixed, 'problem')} in ${n(run.files, 'file')}`;
  const notes: string[] = [];
  if (run.notApplied) {
    const has = run.notApplied === 1 ? 'has' : 'have';
    notes.push(
      options.fixTypes.includes('suggestion')
        ? `${n(run.notApplied, 'other problem')} ${has} a fix of a kind not asked for (--fix-type fix,suggestion applies both)`
        : `${n(run.notApplied, 'other problem')} ${has} a suggestion, an edit that changes what the workflow does (--fix-type suggestion applies ${run.notApplied === 1 ? 'it' : 'them'})`,
    );
  }
  if (run.refused) notes.push(`${n(run.refused, 'fix', 'fixes')} left out because ${run.refused === 1 ? 'it' : 'they'} would add an error`);
  if (notes.length) line += `; ${notes.join('; ')}`;
  return line + '\n' + run.wouldRefuse.map((m) => `--fix would stop: ${m}\n`).join('');
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
/**
 * Standard input read without --stdin-filename is YAML when, past blank lines, comments and a
 * `---`, it starts with a mapping key (`StartAt:`, `"Comment":`); JSON starts with '{'.
 */
export function stdinLooksLikeYaml(text: string): boolean {
  let rest = text.replace(/^\ufeff/, '');
  for (;;) {
    const line = /^[ \t]*(?:#[^\n]*)?(?:\r?\n|$)|^---[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/.exec(rest);
    if (!line || line[0] === '') break;
    rest = rest.slice(line[0].length);
  }
  return /^[ \t]*(?:[A-Za-z_][\w .-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|\r?\n|$)/.test(rest);
}
