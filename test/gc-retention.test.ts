/**
 * What lint() builds (the parsed JSON, the model, the sites the rules share) must be garbage as
 * soon as lint() returns, for V8's young-generation collector too, not only for a full collection.
 *
 * Two things kept it alive, and made lint() of 2,000 states spend 3-7 ms of 13-17 ms collecting:
 * perObject's WeakMap (the scavenger keeps a long-lived WeakMap's values alive until the next full
 * collection) and the model's object literal with a getter (a hidden class per model, in the old
 * generation, holding the getter's closure); the editor's analysis of each version was such a
 * literal too. What a scavenge finds alive it promotes to the old
 * generation, so the old generation growing across lint() calls separated by scavenges is the
 * measure: in a child process with --expose-gc, on the build.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './cli-support.js';

const ROOT = join(import.meta.dirname, '..');

// The child process runs the build: a direct `vitest run` of this file must not measure a stale one.
beforeAll(ensureBuilt, 120_000);

const SCRIPT = `
import v8 from 'node:v8';
const api = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'index.js')).href)});
const { analyzeTextDocument } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'lsp', 'analysis.js')).href)});
const { generateDefinition } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)});
const text = generateDefinition(200).text;
const old = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size;
let version = 0;
// The editor: one analysis per version, its document and model read by the features.
const edit = () => {
  const a = analyzeTextDocument({ uri: 'untitled:flow.asl.json', languageId: 'asl', version: ++version, getText: () => text }, { rules: {} });
  return [a.doc, a.model, a.tolerant, a.lastGood];
};
const calls = { lint: () => api.lint(text), validate: () => api.validate(text), edit };
const out = {};
for (const [name, call] of Object.entries(calls)) {
  for (let i = 0; i < 5; i++) call();
  gc();
  const before = old();
  for (let i = 0; i < 10; i++) {
    call();
    gc({ type: 'minor' });
    gc({ type: 'minor' });
  }
  out[name] = { grew: old() - before, length: text.length };
}
console.log(JSON.stringify(out));
`;

describe('nothing a lint built outlives it (young-generation GC)', () => {
  it('10 calls of lint(), validate() and the editor analysis on 200 states, each followed by scavenges, leave the old generation as it was', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, { grew: number; length: number }>;
    // Retained, each call promotes what it built for the 96 KB definition: measured 1.8-3.2 MB in all.
    // Not retained: lint() 25-170 KB, validate() 150-400 KB, the editor 160-370 KB (what V8 allocates
    // straight into the old generation, and the caches).
    expect(out.lint.grew).toBeLessThan(1_000_000);
    expect(out.validate.grew).toBeLessThan(1_000_000);
    expect(out.edit.grew).toBeLessThan(1_000_000);
  });
});
