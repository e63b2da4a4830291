/** Types of bench/lib/corpus.mjs (for the tests that import it; the benchmark itself runs the .mjs). */

/** The shared corpus folder (holding real-world/, real-world-unparseable/ ...) for a checkout at repoRoot. */
export function corpusRoot(repoRoot: string): string;

/** The benchmark's definitions folder, whether it exists, and what to do when it does not. */
export function locateCorpus(repoRoot: string): { dir: string; found: boolean; hint: string };

/** Every definition file under dir, sorted by relative path. */
export function loadCorpus(dir: string): { rel: string; path: string; format: 'json' | 'yaml'; text: string; bytes: number; sha: string }[];
