/**
 * The project's configuration file (asl-lint.config.json, .asl-lint.json or package.json's
 * "asl-lint" key, the nearest above the document), as the CLI reads it, so the editor shows
 * what CI will report. The editor's own settings come on top, as the CLI's flags do.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, clearConfigCache, findConfig, optionsFromConfig } from '../config/config.js';
import type { Settings } from './settings.js';
import { forgetTemplates } from './viaTemplate.js';

export interface ProjectSettings {
  settings: Settings;
  /** The configuration file, when one applies. */
  configPath?: string;
  /** Why the configuration file could not be used. */
  error?: string;
}

export function withProjectConfig(uri: string, editor: Settings): ProjectSettings {
  if (!uri.startsWith('file:')) return { settings: editor };
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { settings: editor };
  }
  const root = repositoryOf(dirname(path));
  const withRoot = root === undefined ? editor : { ...editor, root };
  try {
    const loaded = findConfig(path);
    if (!loaded.path) return { settings: withRoot };
    // The editor's settings on top, as the CLI's flags: one translation for both (optionsFromConfig).
    const { options, ignored, configPath } = optionsFromConfig(loaded, path, { rules: editor.rules, type: editor.type });
    return { settings: { ...withRoot, ignored, lint: options }, configPath };
  } catch (err) {
    if (err instanceof ConfigError) return { settings: withRoot, error: err.message };
    throw err;
  }
}

/** Repository roots by folder (undefined: none above), until forgetProjectConfigs(). */
const repositories = new Map<string, string | undefined>();

/**
 * The repository a folder is in (the nearest folder above holding `.git`): CI runs `asl-lint .`
 * at its top, so a template may name files anywhere in it (lintSource's `root`).
 */
function repositoryOf(dir: string): string | undefined {
  const visited: string[] = [];
  let found: string | undefined;
  for (;;) {
    if (repositories.has(dir)) {
      found = repositories.get(dir);
      break;
    }
    visited.push(dir);
    if (existsSync(join(dir, '.git'))) {
      found = dir;
      break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of visited) repositories.set(d, found);
  return found;
}

/** Configuration files changed on disk: read them again. */
export function forgetProjectConfigs(): void {
  clearConfigCache();
  repositories.clear();
  forgetTemplates();
}

// Templates too: a new or changed one can name the open definitions (viaTemplate.ts).
export const CONFIG_FILE_GLOB = '**/{asl-lint.config.json,.asl-lint.json,package.json,template.{yaml,yml,json},*.template.{yaml,yml,json},serverless.{yml,yaml},*.tf}';
