/**
 * No dead exports: knip (knip.json: the package's entry points, the tests, scripts and benchmarks
 * as entries; src/ and rules/ as the project) reports every export and exported type that no
 * other file imports. Something only its own file uses is not exported; something nothing uses
 * is deleted. A public API name (exported from src/index.ts) counts as used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const KNIP = join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js');

interface KnipIssue {
  file: string;
  [kind: string]: unknown;
}

/** `file: name (kind)` for every unused export knip finds in `cwd`. */
function unusedExports(cwd: string): string[] {
  if (!existsSync(KNIP)) throw new Error(`${KNIP} is missing: run \`npm ci\` (knip is a devDependency)`);
  const out = execFileSync(process.execPath, [KNIP, '--exports', '--no-config-hints', '--no-exit-code', '--reporter', 'json'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { issues } = JSON.parse(out) as { issues: KnipIssue[] };
  const found: string[] = [];
  for (const issue of issues) {
    for (const [kind, list] of Object.entries(issue)) {
      if (!Array.isArray(list)) continue;
      for (const item of list as { name: string }[]) found.push(`${issue.file}: ${item.name} (${kind})`);
    }
  }
  return found.sort();
}

describe('hygiene', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'asl-lint-knip-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('no file exports what no other file imports (knip --exports)', () => {
    expect(unusedExports(ROOT)).toEqual([]);
  }, 120_000);

  it('the check finds a dead export, a dead type and an export only its own file uses', () => {
    writeFileSync(join(fixture, 'package.json'), JSON.stringify({ name: 'fixture', private: true, type: 'module' }));
    writeFileSync(join(fixture, 'knip.json'), JSON.stringify({ entry: ['index.ts'], project: ['**/*.ts'] }));
    writeFileSync(join(fixture, 'index.ts'), "import { used } from './lib.js';\nconsole.log(used);\n");
    writeFileSync(
      join(fixture, 'lib.ts'),
      [
        'export const used = 1;',
        'export const dead = 2;',
        'export type Dead = { a: number };',
        'export function onlyHere(): number { return used; }',
        'const local = onlyHere();',
        'console.log(local);',
        '',
      ].join('\n'),
    );
    expect(unusedExports(fixture)).toEqual(['lib.ts: Dead (types)', 'lib.ts: dead (exports)', 'lib.ts: onlyHere (exports)']);
  }, 120_000);
});
