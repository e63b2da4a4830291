/**
 * asl-lint's own package.json, found once: the first package.json named `asl-lint` upwards from
 * this module. That is the package's own from src/ (tests), dist/src/ and the bundles in dist/;
 * inside the VS Code extension, `server/package.json`, which the extension's build writes with the
 * name `asl-lint` and the asl-lint version (vscode-extension/esbuild.mjs; the extension's own
 * package.json, one folder up, has another name and version). Read through read-file.ts: a FIFO or
 * device planted as a package.json on the way is skipped, never waited on.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CONFIG_FILE_BYTES, readRegularFile } from './read-file.js';

export interface PackageInfo {
  readonly version: string;
  /** `homepage`, when it is a string. */
  readonly homepage?: string;
}

let cached: PackageInfo | null | undefined;

/** asl-lint's package.json (cached), or undefined when no readable one named asl-lint is above this module. */
export function packageInfo(): PackageInfo | undefined {
  if (cached === undefined) cached = find(dirname(fileURLToPath(import.meta.url)));
  return cached ?? undefined;
}

function find(from: string): PackageInfo | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = read(join(dir, 'package.json'));
    if (pkg?.name === 'asl-lint' && typeof pkg.version === 'string' && pkg.version) {
      return { version: pkg.version, ...(typeof pkg.homepage === 'string' ? { homepage: pkg.homepage } : {}) };
    }
    if (dirname(dir) === dir) return null;
  }
}

function read(file: string): Record<string, unknown> | undefined {
  try {
    const pkg: unknown = JSON.parse(readRegularFile(file, MAX_CONFIG_FILE_BYTES, 'package.json'));
    return pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) ? (pkg as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // none here, unreadable or not JSON: one folder up
  }
}
