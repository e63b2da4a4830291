/** Helpers shared by test files (not a test file itself: no .test suffix). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusRoot } from '../bench/lib/corpus.mjs';

/**
 * The shared corpus of real definitions: ../shared/corpus beside the checkout (the team's layout),
 * or the folder ASL_LINT_CORPUS names; located by bench/lib/corpus.mjs, which the benchmark uses
 * too (the one place that knows where it is). A clone alone has none: the tests that read it are
 * skipped, and say why (`npm test` still passes).
 */
export const CORPUS: string = corpusRoot(resolve(import.meta.dirname, '..'));
/** The corpus's real definitions, every one deploys on AWS. */
export const REAL_WORLD = join(CORPUS, 'real-world');
export const HAS_CORPUS = existsSync(REAL_WORLD);
/** Appended to the names of the suites that need the corpus, so a skipped run says why. */
export const CORPUS_NOTE = HAS_CORPUS ? '' : ` (skipped: no corpus at ${CORPUS}; put the shared corpus there or set ASL_LINT_CORPUS)`;

/** mulberry32, the benchmark's generator's own: the same seed replays the same run. */
export { prng } from '../bench/generate.mjs';

/** Every .json/.yaml/.yml file below a folder, sorted. */
export function definitionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...definitionFiles(p));
    else if (/\.(json|ya?ml)$/i.test(name)) out.push(p);
  }
  return out.sort();
}
