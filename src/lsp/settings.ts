/**
 * The server's settings (section `aslLint` of workspace/configuration): rule severities and the
 * state machine type. Whatever the client sends is normalised here; a wrong value is ignored
 * rather than failing a whole document.
 */
import type { ConfiguredLint } from '../config/config.js';
import type { RuleSetting } from '../engine/engine.js';
import type { StateMachineType } from '../types.js';

export interface Settings {
  /** By rule id or AWS code: "off" | "warn" | "error" (or WARNING / ERROR). */
  rules: Record<string, RuleSetting>;
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

const RULE_SETTINGS: Record<string, RuleSetting> = {
  off: 'off',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
};

/** Reads the `aslLint` section as any client may send it. */
export function normalizeSettings(raw: unknown): Settings {
  if (raw === null || typeof raw !== 'object') return defaultSettings;
  const o = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (o.rules && typeof o.rules === 'object' && !Array.isArray(o.rules)) {
    for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
      const setting = typeof v === 'string' ? RULE_SETTINGS[v.toLowerCase()] : undefined;
      if (setting) rules[id] = setting;
    }
  }
  const t = typeof o.type === 'string' ? o.type.toUpperCase() : undefined;
  const type = t === 'EXPRESS' || t === 'STANDARD' ? t : undefined;
  return { rules, type };
}
