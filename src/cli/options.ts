/**
 * The command line, parsed with node:util parseArgs and checked: every unknown option and bad
 * value is a UsageError that names what is accepted.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Severity, StateMachineType } from '../types.js';
import { closest } from '../lang/suggest.js';
import { RULE_SETTING_WORDS } from '../engine/rule.js';

type SettingWord = (typeof RULE_SETTING_WORDS)[number];
import { UsageError, firstLine } from './errors.js';
import { DEFAULT_MAX_TEMPLATE_BYTES } from '../read-file.js';
import { defaultFormatter, formatterNames, hasFormatter } from './formatters/index.js';

export interface CliOptions {
  /** Files, directories, globs, or '-' for standard input, in the order given. */
  patterns: string[];
  format: string;
  severity: Severity;
  /** Undefined: from the configuration, else STANDARD. */
  type: StateMachineType | undefined;
  /** --rule id=off|warn|error, over the configuration's rules. */
  rules: Record<string, SettingWord>;
  /** --config FILE: use this configuration instead of searching for one. */
  config: string | undefined;
  /** --no-config: use no configuration file. */
  noConfig: boolean;
  /** --print-config FILE: print the configuration that applies to FILE and exit. */
  printConfig: string | undefined;
  /** --substitute KEY=VALUE, in order. */
  substitutions: [string, string][];
  /** --substitutions-file FILE (a JSON object of names to values). */
  substitutionsFile: string | undefined;
  fix: boolean;
  fixDryRun: boolean;
  /** --fix-type: the kinds of fix --fix and --fix-dry-run apply (default: only 'fix', those that keep the meaning). */
  fixTypes: ('fix' | 'suggestion')[];
  reportUnusedDirectives: boolean;
  /** Undefined: no limit. */
  maxWarnings: number | undefined;
  quiet: boolean;
  outputFile: string | undefined;
  /** From --color / --no-color, the last one given; undefined: decide from the environment. */
  color: boolean | undefined;
  stdinFilename: string | undefined;
  /** --max-template-size: the largest file read that is not a named *.asl.* definition. */
  maxTemplateBytes: number;
  /** --allow-outside-references: DefinitionUri/file() may name files outside the project folder. */
  allowOutsideReferences: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'list-rules'; format: 'json' | 'text' } | { kind: 'lint'; options: CliOptions };

const spec = {
  format: { type: 'string', short: 'f' },
  severity: { type: 'string' },
  type: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'print-config': { type: 'string' },
  substitute: { type: 'string', multiple: true, short: 's' },
  'substitutions-file': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-type': { type: 'string', multiple: true },
  'report-unused-disable-directives': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  'max-template-size': { type: 'string' },
  'allow-outside-references': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof spec;

/** What each value-taking option accepts, for error messages. */
const accepted: Partial<Record<OptionName, () => string>> = {
  format: () => formatterNames.join(', '),
  severity: () => 'ERROR or WARNING',
  type: () => 'STANDARD or EXPRESS',
  'max-warnings': () => 'a whole number of warnings, 0 or more (-1 for no limit)',
  'output-file': () => 'a file path',
  'fix-type': () => 'fix, suggestion, or both separated by a comma',
  'stdin-filename': () => 'a file name such as machine.asl.yaml',
  rule: () => `RULE=${RULE_SETTING_WORDS.join('|')}, where RULE is a rule id (state-unreachable) or an AWS code (NO_DOLLAR)`,
  config: () => 'a configuration file such as asl-lint.config.json',
  'print-config': () => 'the file whose configuration to print',
  substitute: () => 'NAME=VALUE (fills ${NAME} placeholders)',
  'substitutions-file': () => 'a JSON file of {"NAME": "value"} substitutions',
  'max-template-size': () => 'a size such as 10MiB, 512KiB or 2000000 (bytes), at most 1GiB',
};

const HELP_HINT = "run 'asl-lint --help' for usage";

export function parseCommandLine(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (values['list-rules']) {
    const f = values.format?.toLowerCase();
    if (f !== undefined && f !== 'json' && f !== 'stylish') throw new UsageError(`--list-rules prints text, or JSON with --format json (not '${values.format}')`);
    if (positionals.length) throw new UsageError('--list-rules lists the rules and lints nothing: give no files');
    return { kind: 'list-rules', format: f === 'json' ? 'json' : 'text' };
  }

  let color: boolean | undefined;
  for (const t of tokens) {
    if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color')) color = t.name === 'color';
  }

  const format = oneOf('format', values.format ?? defaultFormatter, formatterNames, (s) => s.toLowerCase());
  if (!hasFormatter(format)) throw new UsageError(`invalid value for --format: '${values.format}' (expected ${accepted.format!()})`);

  const options: CliOptions = {
    patterns: positionals,
    format,
    severity: oneOf('severity', values.severity ?? 'WARNING', ['ERROR', 'WARNING'] as const, (s) => s.toUpperCase()),
    type: values.type === undefined ? undefined : oneOf('type', values.type, ['STANDARD', 'EXPRESS'] as const, (s) => s.toUpperCase()),
    rules: parseRules(values.rule ?? []),
    config: nonEmpty('config', values.config),
    noConfig: values['no-config'] ?? false,
    printConfig: nonEmpty('print-config', values['print-config']),
    substitutions: (values.substitute ?? []).map(parseSubstitution),
    substitutionsFile: nonEmpty('substitutions-file', values['substitutions-file']),
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    fixTypes: parseFixTypes(values['fix-type']),
    reportUnusedDirectives: values['report-unused-disable-directives'] ?? false,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    outputFile: nonEmpty('output-file', values['output-file']),
    color,
    stdinFilename: nonEmpty('stdin-filename', values['stdin-filename']),
    maxTemplateBytes: parseSize(values['max-template-size']),
    allowOutsideReferences: values['allow-outside-references'] ?? false,
  };

  if (options.printConfig !== undefined) {
    if (options.patterns.length) throw new UsageError('--print-config takes one file and no other files to lint');
    return { kind: 'lint', options };
  }
  if (options.config !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (options.patterns.length === 0) {
    throw new UsageError(`no files given: name files, directories or globs to lint, or '-' to read standard input (${HELP_HINT})`);
  }
  const stdinCount = options.patterns.filter((p) => p === '-').length;
  if (stdinCount > 1) throw new UsageError("'-' (standard input) can be given only once");
  if (options.stdinFilename !== undefined && stdinCount === 0) {
    throw new UsageError("--stdin-filename names the text read from standard input; give '-' as well");
  }
  if (values['fix-type'] !== undefined && !options.fix && !options.fixDryRun) throw new UsageError('--fix-type chooses what --fix or --fix-dry-run applies; give one of them as well');
  if (options.fix && options.patterns.includes('-')) {
    throw new UsageError("--fix cannot write back to standard input; use --fix-dry-run to see the fixes for '-'");
  }
  return { kind: 'lint', options };
}

function parseRules(raw: string[]): Record<string, SettingWord> {
  const out: Record<string, SettingWord> = {};
  for (const r of raw) {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=(.*)$/.exec(r.trim());
    const setting = m ? RULE_SETTING_WORDS.find((w) => w === m[2].toLowerCase()) : undefined;
    if (!m || !setting) throw new UsageError(`invalid value for --rule: '${r}' (expected ${accepted.rule!()})`);
    out[m[1]] = setting;
  }
  return out;
}

function parseSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_TEMPLATE_BYTES;
  const m = /^(\d+)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(raw.trim());
  const unit = (m?.[2] ?? 'b').toLowerCase()[0];
  const n = m ? Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1_048_576 : unit === 'g' ? 1_073_741_824 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 1_073_741_824) throw new UsageError(`invalid value for --max-template-size: '${raw}' (expected ${accepted['max-template-size']!()})`);
  return n;
}

function parseSubstitution(raw: string): [string, string] {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`invalid value for --substitute: '${raw}' (expected ${accepted.substitute!()})`);
  return [raw.slice(0, eq), raw.slice(eq + 1)];
}

function oneOf<T extends string>(name: OptionName, raw: string, allowed: readonly T[], normalize: (s: string) => string): T {
  const v = normalize(raw);
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new UsageError(`invalid value for --${name}: '${raw}' (expected ${accepted[name]!()})`);
  return found;
}

function nonEmpty(name: OptionName, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '') throw new UsageError(`--${name} needs a value: ${accepted[name]!()}`);
  return raw;
}

function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (s === '-1') return undefined;
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) {
    throw new UsageError(`invalid value for --max-warnings: '${raw}' (expected ${accepted['max-warnings']!()})`);
  }
  return Number(s);
}

/** parseArgs' messages span lines and suggest things; say it in one line, with the fix. */
function describeParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const hint = suggestOption(quoted);
    return `unknown option '${quoted}'${hint ? ` (did you mean '${hint}'?)` : ''}; ${HELP_HINT}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--([a-z-]+)/.exec(message)?.[1] as OptionName | undefined;
    if (long && long in spec) {
      if (spec[long].type === 'boolean') return `--${long} takes no value`;
      return `--${long} needs a value: ${accepted[long]?.() ?? 'a value'}`;
    }
  }
  return `${firstLine(message)}; ${HELP_HINT}`;
}

/** The closest known option to a mistyped one (a transposition or a missing letter). */
function suggestOption(given: string): string | undefined {
  const name = given.replace(/^-+/, '').split('=')[0];
  const best = name ? closest(name, Object.keys(spec)) : undefined;
  return best === undefined ? undefined : `--${best}`;
}

/** --fix-type fix,suggestion (repeatable, comma-separated): which kinds of fix to apply. */
function parseFixTypes(given: string[] | undefined): ('fix' | 'suggestion')[] {
  if (given === undefined) return ['fix'];
  const out = new Set<'fix' | 'suggestion'>();
  for (const item of given.flatMap((g) => g.split(','))) {
    const t = item.trim().toLowerCase();
    if (t !== 'fix' && t !== 'suggestion') throw new UsageError(`invalid value for --fix-type: '${item}' (expected ${accepted['fix-type']!()})`);
    out.add(t);
  }
  return [...out];
}
