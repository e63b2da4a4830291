/**
 * The shared corpus (real-world/: definitions that all deploy on AWS): where it is, and its files.
 * The one place that locates it, for the benchmark and the tests (test/support.ts):
 * ../shared/corpus next to the repository, or the folder ASL_LINT_CORPUS names; the benchmark's
 * definitions folder can also be named alone with ASL_BENCH_CORPUS.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The shared corpus folder (holding real-world/, real-world-unparseable/ ...) for a checkout at repoRoot. */
export function corpusRoot(repoRoot) {
  return resolve(process.env.ASL_LINT_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus'));
}

/** @returns {{dir: string, found: boolean, hint: string}} */
export function locateCorpus(repoRoot) {
  const fromEnv = process.env.ASL_BENCH_CORPUS;
  const dir = resolve(fromEnv ?? join(corpusRoot(repoRoot), 'real-world'));
  const found = existsSync(dir) && statSync(dir).isDirectory();
  const hint = found
    ? ''
    : `Real-world corpus not found at ${dir}. It is expected as ../shared/corpus/real-world next to the repository ` +
      '(or set ASL_LINT_CORPUS=/path/to/corpus or ASL_BENCH_CORPUS=/path/to/definitions). The corpus workloads are skipped.';
  return { dir, found, hint };
}

/**
 * Every definition file under dir, sorted by relative path.
 * @returns {{rel: string, path: string, format: 'json'|'yaml', text: string, bytes: number, sha: string}[]}
 */
export function loadCorpus(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(json|ya?ml)$/i.test(name)) {
        const text = readFileSync(p, 'utf8');
        out.push({
          rel: relative(dir, p),
          path: p,
          format: /\.ya?ml$/i.test(name) ? 'yaml' : 'json',
          text,
          bytes: Buffer.byteLength(text),
          sha: createHash('sha256').update(text).digest('hex').slice(0, 32),
        });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
