/**
 * Configuration files: asl-lint.config.json, .asl-lint.json or package.json's "asl-lint" key,
 * found from the linted file's folder upward (the nearest one applies, as with most linters'
 * "root" configs). Validated against schemas/asl-lint.config.schema.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { closest } from '../lang/suggest.js';
import { globTooComplex } from '../glob-limit.js';
import { FileReadError, MAX_CONFIG_FILE_BYTES, readRegularFile } from '../read-file.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lazyPackage } from '../lazy.js';
import type { RULE_SETTING_WORDS, RuleSetting } from '../engine/rule.js';
import type { StateMachineType } from '../types.js';
import { rulesMeta } from '../api.js';
import { packageRoot } from '../paths.js';
import type { LintFileOptions } from '../lint-file.js';

interface ConfigFile {
  type?: StateMachineType;
  rules?: Record<string, (typeof RULE_SETTING_WORDS)[number]>;
  ignore?: string[];
  substitutions?: Record<string, string | number | boolean>;
  overrides?: { files: string[]; type?: StateMachineType; rules?: Record<string, (typeof RULE_SETTING_WORDS)[number]> }[];
}

export interface LoadedConfig {
  /** The file it came from (undefined: defaults). */
  path?: string;
  config: ConfigFile;
}

/** What applies to one file. */
export interface EffectiveConfig {
  configPath?: string;
  ignored: boolean;
  type?: StateMachineType;
  rules: Record<string, RuleSetting>;
  substitutions: Map<string, string>;
}

export class ConfigError extends Error {}

const NAMES = ['asl-lint.config.json', '.asl-lint.json', 'package.json'];
// Loaded only when a configuration exists: a run without one does not pay for them.
const loadAjvModule = lazyPackage<typeof import('ajv')>('ajv');
const loadAjv = (): typeof import('ajv').Ajv => loadAjvModule().Ajv;
const loadPicomatch = lazyPackage<typeof import('picomatch')>('picomatch');

let validator: ((v: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };

function validateConfig(value: unknown, file: string): ConfigFile {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'asl-lint.config.schema.json'), 'utf8'));
    const Ajv = loadAjv();
    validator = new Ajv({ allErrors: false, strict: false }).compile(schema) as typeof validator;
  }
  if (!validator(value)) {
    const e = validator.errors?.[0];
    const where = e?.instancePath ? e.instancePath.replace(/^\//, '').replace(/\//g, '.') : '(top level)';
    const extra = e?.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : e?.params?.allowedValues ? ` (${(e.params.allowedValues as string[]).join(', ')})` : '';
    throw new ConfigError(`${file}: invalid configuration at ${where}: ${e?.message ?? 'invalid'}${extra}`);
  }
  const cfg = value as ConfigFile;
  for (const rules of [cfg.rules, ...(cfg.overrides ?? []).map((o) => o.rules)]) {
    for (const k of Object.keys(rules ?? {})) {
      const problem = unknownRuleMessage(k);
      if (problem) throw new ConfigError(`${file}: ${problem}`);
    }
  }
  for (const globs of [cfg.ignore ?? [], ...(cfg.overrides ?? []).map((o) => o.files)]) {
    for (const g of globs) {
      const problem = globTooComplex(g);
      if (problem) throw new ConfigError(`${file}: ${problem}`);
    }
  }
  return cfg;
}

let knownRules: Map<string, readonly string[]> | undefined;

/** Rule ids and AWS codes a configuration, a directive or --rule may name, each with the rule ids it names. */
function ruleNames(): ReadonlyMap<string, readonly string[]> {
  if (!knownRules) {
    knownRules = new Map();
    for (const m of Object.values(rulesMeta)) {
      knownRules.set(m.id, [m.id]);
      knownRules.set(m.code, [...(knownRules.get(m.code) ?? []), m.id]);
    }
  }
  return knownRules;
}

/**
 * Rule settings keyed by rule id, as settings are read (a configuration and its overrides, --rule,
 * the editor's settings), so that merging them is by rule: an AWS code stands for each rule that
 * reports under it; within one object a rule's id beats its code (as lint() reads its `rules`).
 * Unknown names are left out (each reader refuses or reports them: unknownRuleMessage).
 */
export function byRuleId(rules: Readonly<Record<string, RuleSetting>> | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!rules) return out;
  const known = ruleNames();
  const entries = Object.entries(rules);
  for (const [name, setting] of entries) if (!rulesMeta[name]) for (const id of known.get(name) ?? []) out[id] = setting;
  for (const [name, setting] of entries) if (rulesMeta[name]) out[name] = setting;
  return out;
}

/** Undefined for a known rule; else "unknown rule 'x' (did you mean 'y'?) ..." */
export function unknownRuleMessage(name: string): string | undefined {
  const known = ruleNames();
  if (known.has(name)) return undefined;
  const near = closest(name, known.keys()) ?? [...known.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  return `unknown rule '${name}'${near ? ` (did you mean '${near}'?)` : ''}: use a rule id such as 'state-unreachable' or an AWS code such as 'NO_DOLLAR' (the list: rules/README.md)`;
}

/** Reads one config file (asl-lint.config.json, .asl-lint.json or package.json). */
export function readConfigFile(path: string): LoadedConfig | undefined {
  let text: string;
  try {
    // Only a regular file of at most 1 MiB: a FIFO named package.json must not hang the run.
    text = readRegularFile(path, MAX_CONFIG_FILE_BYTES, 'configuration file');
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the configuration file (${err instanceof FileReadError ? err.message : ((err as NodeJS.ErrnoException).code ?? (err as Error).message)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`${path}: the configuration is not valid JSON (${(err as Error).message})`);
  }
  if (path.endsWith('package.json')) {
    const v = (value as Record<string, unknown> | null)?.['asl-lint'];
    if (v === undefined) return undefined;
    value = v;
  }
  return { path: resolve(path), config: validateConfig(value, path) };
}

const cache = new Map<string, LoadedConfig>();

/** The nearest configuration above a file (cached per folder). */
export function findConfig(filePath: string): LoadedConfig {
  let dir = dirname(resolve(filePath));
  const visited: string[] = [];
  let found: LoadedConfig | undefined;
  for (;;) {
    const hit = cache.get(dir);
    if (hit) {
      found = hit;
      break;
    }
    visited.push(dir);
    for (const name of NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) {
        found = readConfigFile(p);
        if (found) break;
      }
    }
    if (found) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const result = found ?? { config: {} };
  for (const d of visited) cache.set(d, result);
  return result;
}

export function clearConfigCache(): void {
  cache.clear();
}

/** The settings for one file: ignore globs, type and rules with overrides, substitutions. */
export function effectiveConfig(filePath: string, loaded: LoadedConfig): EffectiveConfig {
  const cfg = loaded.config;
  if (!cfg.rules && !cfg.overrides && !cfg.ignore && !cfg.type && !cfg.substitutions) {
    return { configPath: loaded.path, ignored: false, type: undefined, rules: {}, substitutions: new Map() };
  }
  const picomatch = loadPicomatch();
  const base = loaded.path ? dirname(loaded.path) : process.cwd();
  const rel = relative(base, resolve(filePath)).split(sep).join('/');
  const match = (globs: string[]) => picomatch(globs, { dot: true })(rel);
  const rules = byRuleId(cfg.rules);
  let type = cfg.type;
  for (const o of cfg.overrides ?? []) {
    if (!match(o.files)) continue;
    if (o.type) type = o.type;
    Object.assign(rules, byRuleId(o.rules));
  }
  const substitutions = new Map(Object.entries(cfg.substitutions ?? {}).map(([k, v]) => [k, String(v)]));
  return { configPath: loaded.path, ignored: cfg.ignore ? match(cfg.ignore) : false, type, rules, substitutions };
}

/** What an adapter sets on top of the configuration: the CLI's flags, the editor's settings. */
export interface AdapterSettings {
  /** By rule id or AWS code; wins over the configuration's setting of the same rules (--rule, the editor's rules). */
  rules?: Record<string, RuleSetting>;
  /** The type of a machine whose template declares none; wins over the configuration's `type`. */
  type?: StateMachineType;
  /** Every machine is checked as this type, whatever its template says (--type). */
  forceType?: StateMachineType;
  /** Placeholder values; win over the configuration's (--substitutions-file, then --substitute). */
  substitutions?: Iterable<readonly [string, string]>;
}

/** The options lintSource() takes for one file, from its configuration and the adapter's settings. */
export interface ConfiguredLint {
  options: Pick<LintFileOptions, 'type' | 'forceType' | 'rules' | 'substitutions'>;
  /** The configuration's `ignore` globs match the file. */
  ignored: boolean;
  /** The configuration file that applies (undefined: none). */
  configPath?: string;
}

/**
 * The one translation from a loaded configuration (type, rules, overrides, substitutions,
 * ignore) to lint options for one file; the CLI and the editor both call it, so they lint with
 * the same settings. Substitutions are given only when there are some (an empty map would still
 * accept unquoted placeholders).
 */
export function optionsFromConfig(loaded: LoadedConfig, filePath: string, adapter: AdapterSettings = {}): ConfiguredLint {
  const eff = effectiveConfig(filePath, loaded);
  const substitutions = new Map([...eff.substitutions, ...(adapter.substitutions ?? [])]);
  const options: ConfiguredLint['options'] = {
    type: adapter.type ?? eff.type,
    // Both keyed by rule id: a flag or an editor setting wins over the configuration for its rules.
    rules: { ...eff.rules, ...byRuleId(adapter.rules) },
    substitutions: substitutions.size > 0 ? substitutions : undefined,
  };
  if (adapter.forceType) options.forceType = adapter.forceType;
  return { options, ignored: eff.ignored, configPath: eff.configPath };
}
