/**
 * The server's settings (section `aslLint` of workspace/configuration): rule severities and the
 * state machine type. Whatever the client sends is normalised here; a wrong value is ignored
 * rather than failing a whole document, and said in `problems` (the server shows them once).
 */
import { byRuleId, unknownRuleMessage, type ConfiguredLint } from '../config/config.js';
import { readRuleSetting, RULE_SETTING_WORDS, type RuleSetting } from '../engine/rule.js';
import type { StateMachineType } from '../types.js';

export interface Settings {
  /** By rule id (an AWS code the client gave stands for each of its rules): "off" | "warn" | "error". */
  rules: Record<string, RuleSetting>;
  /** What was wrong in the client's settings and left out (an unknown rule, a setting that is no setting word), one line each. */
  problems?: string[];
  /** Undefined: the project's configuration file decides, else STANDARD. */
  type?: StateMachineType;
  /** The project's configuration file ignores the document (as the CLI would). */
  ignored?: boolean;
  /**
   * What lintSource() is given: the project's configuration file with these settings on top
   * (optionsFromConfig, as the CLI with its flags). Undefined: no configuration file was read
   * (a document that is not a file); the editor's settings alone apply.
   */
  lint?: ConfiguredLint['options'];
  /**
   * Where the files a template names must be (lintSource's `root`): the repository the document
   * is in, as `asl-lint .` run at its top allows; undefined: the template's own folder.
   */
  root?: string;
}

export const SETTINGS_SECTION = 'aslLint';

export const defaultSettings: Settings = { rules: {} };

/** Reads the `aslLint` section as any client may send it. */
export function normalizeSettings(raw: unknown): Settings {
  if (raw === null || typeof raw !== 'object') return defaultSettings;
  const o = raw as Record<string, unknown>;
  const given: Record<string, RuleSetting> = {};
  const problems: string[] = [];
  if (o.rules && typeof o.rules === 'object' && !Array.isArray(o.rules)) {
    for (const [name, v] of Object.entries(o.rules as Record<string, unknown>)) {
      // The same message as the CLI and the configuration file give for an unknown rule.
      const unknown = unknownRuleMessage(name);
      const setting = readRuleSetting(v);
      if (unknown) problems.push(`${SETTINGS_SECTION}.rules: ${unknown}`);
      else if (!setting) problems.push(`${SETTINGS_SECTION}.rules.${name}: ${JSON.stringify(v) ?? String(v)} is not a rule setting (expected ${RULE_SETTING_WORDS.join(', ')}); ignored`);
      else given[name] = setting;
    }
  }
  const t = typeof o.type === 'string' ? o.type.toUpperCase() : undefined;
  const type = t === 'EXPRESS' || t === 'STANDARD' ? t : undefined;
  const settings: Settings = { rules: byRuleId(given), type };
  if (problems.length) settings.problems = problems;
  return settings;
}
