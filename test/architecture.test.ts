/**
 * The layer rules of docs/architecture.md, checked over the import graph of src/ and rules/
 * (static imports, re-exports, `import type` and dynamic `import()`, read by TypeScript's own
 * pre-processor): no file-level import cycle, and no import from a lower layer to a higher one.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Lowest first. A file may import files of its own layer or of lower ones. Matched by prefix,
 * the longest prefix wins (so `src/fix/edits.ts` sits below the engine and `src/fix/` above it).
 */
export const LAYERS: readonly { name: string; prefixes: string[] }[] = [
  {
    name: 'base',
    prefixes: [
      'src/types.ts',
      'src/paths.ts',
      'src/read-file.ts',
      'src/glob-limit.ts',
      'src/code-cache.ts',
      'src/links.ts',
      'src/memo.ts',
      'src/lazy.ts',
      'src/package-info.ts',
      'src/value-at.ts',
      'src/sorted.ts',
    ],
  },
  { name: 'parse', prefixes: ['src/parse/'] },
  { name: 'model', prefixes: ['src/model/'] },
  { name: 'lang', prefixes: ['src/lang/'] },
  { name: 'schema', prefixes: ['src/schema/', 'src/fix/edits.ts'] },
  { name: 'engine', prefixes: ['src/engine/'] },
  { name: 'rules', prefixes: ['rules/'] },
  { name: 'api', prefixes: ['src/api.ts', 'src/lint-file.ts', 'src/config/', 'src/fix/', 'src/docs.ts'] },
  { name: 'run and graph', prefixes: ['src/run/', 'src/graph/'] },
  { name: 'cli and lsp', prefixes: ['src/cli/', 'src/lsp/'] },
  { name: 'entry', prefixes: ['src/index.ts'] },
];

/**
 * Imports that break the rules today, each to be removed (issue 11). The test fails when one is
 * added and when one listed here no longer exists, so the list can only shrink.
 */
const KNOWN_VIOLATIONS: readonly string[] = [];
const KNOWN_CYCLES: readonly string[] = [];

/**
 * The rule catalogue (rules/index.ts) is bound once, at the public API (src/api.ts); everything
 * else gets rules and their metadata from there (the engine is handed them).
 */
const CATALOGUE_BINDERS: readonly string[] = ['src/api.ts'];
const KNOWN_CATALOGUE_IMPORTERS: readonly string[] = [];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(ROOT, dirname(from), spec);
  for (const c of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(c) && statSync(c).isFile()) return relative(ROOT, c);
  }
  return undefined;
}

export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sources('src'), ...sources('rules')].sort()) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const to = new Set<string>();
    for (const ref of info.importedFiles) {
      const target = resolveImport(file, ref.fileName);
      if (target) to.add(target);
    }
    graph.set(file, [...to].sort());
  }
  return graph;
}

export function layerOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((l, i) => {
    for (const p of l.prefixes) if ((file === p || (p.endsWith('/') && file.startsWith(p))) && p.length > bestLength) [best, bestLength] = [i, p.length];
  });
  return best;
}

/** Strongly connected components of more than one file (Tarjan), each sorted, as "a <-> b <-> c". */
export function cycles(graph: Map<string, string[]>): string[] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort().join(' <-> '));
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out.sort();
}

describe('architecture: the import graph keeps the documented layers', () => {
  const graph = importGraph();

  it('reads the graph (a sanity check: the test sees the imports it judges)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/index.ts')!.length).toBeGreaterThan(3);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a <-> b']);
  });

  it('documents the layers as LAYERS states them (docs/architecture.md, "Layers")', () => {
    const md = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const section = md.slice(md.indexOf('## Layers'), md.indexOf('\n## ', md.indexOf('## Layers') + 1));
    const rows = [...section.matchAll(/^\| ([a-z ]+) \| (`.*`) \|$/gm)].map((m) => ({ name: m[1], prefixes: [...m[2].matchAll(/`([^`]+)`/g)].map((p) => p[1]) }));
    expect(rows).toEqual(LAYERS);
  });

  it('puts every source file in a layer', () => {
    expect([...graph.keys()].filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    const found: string[] = [];
    for (const [from, tos] of graph) {
      for (const to of tos) {
        if (layerOf(to) > layerOf(from)) found.push(`${from} (${LAYERS[layerOf(from)].name}) -> ${to} (${LAYERS[layerOf(to)].name})`);
      }
    }
    expect(found.filter((v) => !KNOWN_VIOLATIONS.includes(v))).toEqual([]);
    expect(KNOWN_VIOLATIONS.filter((v) => !found.includes(v))).toEqual([]);
  });

  it('binds the rule catalogue in one place', () => {
    const found = [...graph].filter(([from, tos]) => tos.includes('rules/index.ts') && !CATALOGUE_BINDERS.includes(from)).map(([from]) => from);
    expect(found.filter((f) => !KNOWN_CATALOGUE_IMPORTERS.includes(f))).toEqual([]);
    expect(KNOWN_CATALOGUE_IMPORTERS.filter((f) => !found.includes(f))).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const found = cycles(graph);
    expect(found.filter((c) => !KNOWN_CYCLES.includes(c))).toEqual([]);
    expect(KNOWN_CYCLES.filter((c) => !found.includes(c))).toEqual([]);
  });
});
