/** src/memo.ts: the bounded memo (one cache per function, so one key space) and the per-object cache. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memo, perCallerObject, perObject } from '../src/memo.js';

describe('memo', () => {
  it('computes each key once and answers later calls from the cache', () => {
    const calls: string[] = [];
    const length = memo((s: string) => {
      calls.push(s);
      return { n: s.length };
    }, 10);
    const first = length('abc');
    expect(length('abc')).toBe(first);
    expect(length('de')).toEqual({ n: 2 });
    expect(calls).toEqual(['abc', 'de']);
  });

  it('holds at most `limit` results, dropping the oldest first', () => {
    const calls: number[] = [];
    const square = memo((n: number) => {
      calls.push(n);
      return { v: n * n };
    }, 2);
    square(1);
    square(2);
    square(3); // 1 goes
    square(2); // still cached
    square(1); // computed again, and 2 (the oldest entry now) goes
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it('gives each function its own cache: the same key never answers for another key space', () => {
    // The mistake it makes impossible: one map for whole `{% ... %}` strings and for the expressions
    // inside them answered an expression with a string's analysis.
    const asString = memo((s: string) => ({ kind: 'string', s }), 10);
    const asExpression = memo((s: string) => ({ kind: 'expression', s }), 10);
    expect(asString('{% $x %}').kind).toBe('string');
    expect(asExpression('{% $x %}').kind).toBe('expression');
    expect(asString('{% $x %}').kind).toBe('string');
  });

  it('does not keep a result that is undefined, nor one whose computation threw', () => {
    let calls = 0;
    const f = memo((s: string) => {
      calls++;
      if (s === 'bad') throw new Error('refused');
      return undefined;
    }, 10);
    f('a');
    f('a');
    expect(() => f('bad')).toThrow('refused');
    expect(() => f('bad')).toThrow('refused');
    expect(calls).toBe(4);
  });
});

describe('perObject', () => {
  it('computes once per object, separately for each object', () => {
    const seen: object[] = [];
    const keysOf = perObject((o: Record<string, unknown>) => {
      seen.push(o);
      return Object.keys(o);
    });
    const a = { x: 1 };
    const b = { y: 2 };
    const ka = keysOf(a);
    expect(keysOf(a)).toBe(ka);
    expect(keysOf(b)).toEqual(['y']);
    expect(seen).toEqual([a, b]);
  });

  it('keeps the value on the owner where nothing else sees it: keys, JSON, spreads, for...in', () => {
    const sizeOf = perObject((o: Record<string, unknown>) => ({ size: Object.keys(o).length }));
    const a: Record<string, unknown> = { x: 1, y: [2] };
    const size = sizeOf(a);
    expect(sizeOf(a)).toBe(size);
    expect(Object.keys(a)).toEqual(['x', 'y']);
    expect(JSON.stringify(a)).toBe('{"x":1,"y":[2]}');
    expect({ ...a }).toStrictEqual({ x: 1, y: [2] });
    expect(Object.assign({}, a)).toStrictEqual({ x: 1, y: [2] });
    const seen: string[] = [];
    for (const k in a) seen.push(k);
    expect(seen).toEqual(['x', 'y']);
    // One symbol per cache: two caches on one owner answer separately.
    const keysOf = perObject((o: Record<string, unknown>) => Object.keys(o));
    expect(keysOf(a)).toEqual(['x', 'y']);
    expect(sizeOf(a)).toBe(size);
    expect(Object.getOwnPropertySymbols(a)).toHaveLength(2);
  });

  it('works on an owner that cannot be extended (a frozen one), once per owner', () => {
    let calls = 0;
    const sizeOf = perObject((o: readonly number[]) => {
      calls++;
      return { size: o.length };
    });
    const frozen = Object.freeze([1, 2, 3]);
    const first = sizeOf(frozen);
    expect(sizeOf(frozen)).toBe(first);
    expect(first).toEqual({ size: 3 });
    expect(calls).toBe(1);
  });
});

describe('perCallerObject', () => {
  it('computes once per object and never writes to it', () => {
    let calls = 0;
    const keysOf = perCallerObject((o: Record<string, unknown>) => {
      calls++;
      return Object.keys(o);
    });
    const mine = { a: 1 };
    const first = keysOf(mine);
    expect(keysOf(mine)).toBe(first);
    expect(calls).toBe(1);
    expect(Reflect.ownKeys(mine)).toEqual(['a']);
  });
});

describe('caches are memo/perObject, one per key space (issue 11 review)', () => {
  it.each(['src/lsp/fields.ts', 'src/engine/directives.ts'])('%s hand-writes no cache: it uses src/memo.ts', (file) => {
    const source = readFileSync(join(import.meta.dirname, '..', file), 'utf8');
    expect(source).toMatch(/import \{[^}]*\bmemo\b[^}]*\} from '\.\.\/memo\.js'/);
    // A module-level Map or WeakMap, or a `let` holding the last result, is a hand-written cache.
    expect(source.match(/^(?:const|let) \w+(?:: [^=]+)? = new (?:Weak)?Map\b(?!\(\[|\([A-Z_]+\.map)/gm) ?? []).toEqual([]);
    expect(source.match(/^let \w*[cC]ache\b/gm) ?? []).toEqual([]);
  });
});

describe('caches across the tree (review of issue 11)', () => {
  const ROOT = join(import.meta.dirname, '..');
  const sources = [...listTs(join(ROOT, 'src')), ...listTs(join(ROOT, 'rules'))].map((file) => ({ file: relative(ROOT, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

  it('memo, perObject and perCallerObject are made once, at module level (each perObject makes its own symbol)', () => {
    const calls = sources.flatMap(({ file, text }) =>
      text
        .split('\n')
        .flatMap((line, i) =>
          /\b(?:memo|perObject|perCallerObject)\(/.test(line) && !/^\s*(?:\*|\/\/)|^export function (?:memo|perObject|perCallerObject)\b/.test(line) ? [{ file, line: i + 1, text: line }] : [],
        ),
    );
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((c) => !/^(?:export )?const \w+(?::.*?)? = (?:memo|perObject|perCallerObject)\(/.test(c.text))).toEqual([]);
  });

  it('no module-level WeakMap outside src/memo.ts, and a module-level Map that is not a constant table only for what the file system says', () => {
    const found = sources.flatMap(({ file, text }) => [...text.matchAll(/^(?:export )?(?:const|let) (\w+)(?::.*?)? = new (Weak)?Map\b/gm)].map((m) => ({ file, name: m[1], weak: m[2] === 'Weak' })));
    // Anywhere, not only at module level: a class's static field, a function's local.
    expect(sources.filter(({ file, text }) => file !== 'src/memo.ts' && /\bnew WeakMap\b/.test(text)).map((f) => f.file)).toEqual([]);
    // Constant tables are named in capitals; the rest are caches. Configuration files, template
    // listings and repository roots are kept per folder until the editor's forget...() (the CLI
    // reads them once per run): not functions of their key, so not a memo.
    expect(found.filter((f) => !f.weak && !/^[A-Z][A-Z0-9_]*$/.test(f.name)).map((f) => `${f.file}: ${f.name}`)).toEqual([
      'src/cli/main.ts: explicitConfigs',
      'src/config/config.ts: cache',
      'src/lsp/projectConfig.ts: repositories',
      'src/lsp/viaTemplate.ts: templatesIn',
    ]);
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
