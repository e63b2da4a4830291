/**
 * A property of --fix (issue 9 "must show"): for any input, the fixed text parses, keeps every
 * byte outside the edits, writes no key twice, and never has an error the input did not have.
 *
 * Inputs: the real-world corpus (and the fixtures) as written, and the same definitions mutated
 * so that they have something to fix — a '.$' suffix dropped (sometimes beside the key that keeps
 * it), a state name misspelt, a ...Path field turned into its literal twin, states sharing one
 * Parameters object (YAML writes it as an anchor and aliases), non-ASCII text, CRLF line ends, a
 * BOM — as JSON and as YAML. The seeded PRNG replays a run: FIX_PROPERTY_SEED, FIX_PROPERTY_RUNS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import { lint, parse } from '../src/index.js';
import { fixText } from '../src/fix/fix.js';
import type { Diagnostic, TextEdit } from '../src/types.js';
import { HAS_CORPUS, REAL_WORLD, definitionFiles, prng } from './support.js';

const RUNS = Number(process.env.FIX_PROPERTY_RUNS ?? 120);
const SEED = Number(process.env.FIX_PROPERTY_SEED ?? 90210);
const FIXTURES = join(import.meta.dirname, 'fixtures');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

interface Rand {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

function rand(seed: number): Rand {
  const next = prng(seed);
  const r: Rand = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
  return r;
}

/** Every object below `v` (depth-first), with its parent chain kept short. */
function objects(v: unknown, out: Obj[] = [], depth = 0): Obj[] {
  if (depth > 60) return out;
  if (Array.isArray(v)) for (const x of v) objects(x, out, depth + 1);
  else if (isObj(v)) {
    out.push(v);
    for (const x of Object.values(v)) objects(x, out, depth + 1);
  }
  return out;
}

/** Renames key `from` to `to` in place, keeping the member order. */
function renameKey(o: Obj, from: string, to: string): void {
  const entries = Object.entries(o).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, v] of entries) o[k] = v;
}

function misspell(r: Rand, s: string): string {
  if (s.length < 3) return s + 'x';
  const i = 1 + r.int(s.length - 2);
  return r.chance(0.5) ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i) + s.slice(i + 1);
}

/** Mutations that give --fix something to do (or to refuse). */
function mutate(root: Obj, r: Rand): string[] {
  const labels: string[] = [];
  const objs = objects(root);
  const states = objs.filter((o) => typeof o.Type === 'string');
  for (let n = 1 + r.int(4); n > 0; n--) {
    switch (r.int(6)) {
      case 0: {
        // Drop a '.$' suffix; sometimes keep the evaluated key beside it (a rename would write it twice).
        const o = r.pick(objs.filter((x) => Object.keys(x).some((k) => k.endsWith('.$') && typeof x[k] === 'string')).concat([{}]));
        const k = Object.keys(o).find((x) => x.endsWith('.$'));
        if (!k || Object.prototype.hasOwnProperty.call(o, k.slice(0, -2))) break;
        if (r.chance(0.3)) o[k.slice(0, -2)] = o[k];
        else renameKey(o, k, k.slice(0, -2));
        labels.push(`drop .$ of ${k}`);
        break;
      }
      case 1: {
        const s = states.length ? r.pick(states) : undefined;
        if (s && typeof s.Next === 'string') {
          s.Next = misspell(r, s.Next);
          labels.push(`misspell Next ${s.Next}`);
        } else if (typeof root.StartAt === 'string') {
          root.StartAt = misspell(r, root.StartAt);
          labels.push('misspell StartAt');
        }
        break;
      }
      case 2: {
        // A ...Path field as its literal twin (NO_PATH); sometimes beside the Path field.
        const s = states.find((x) => ['ErrorPath', 'CausePath', 'SecondsPath', 'TimestampPath', 'ItemsPath'].some((f) => typeof x[f] === 'string'));
        const target = s ?? (states.length ? r.pick(states) : undefined);
        if (!target) break;
        if (s) {
          const f = ['ErrorPath', 'CausePath', 'SecondsPath', 'TimestampPath'].find((x) => typeof s[x] === 'string');
          if (f) {
            if (r.chance(0.3)) s[f.slice(0, -4)] = s[f];
            else renameKey(s, f, f.slice(0, -4));
            labels.push(`literal twin of ${f}`);
          }
        } else if (target.Type === 'Fail') {
          target.Error = '$.error';
          labels.push('Fail Error $.error');
        }
        break;
      }
      case 3: {
        // Two states share one Parameters object: YAML writes an anchor and an alias.
        const withParams = states.filter((x) => isObj(x.Parameters));
        const other = states.filter((x) => x.Type === 'Pass' && x.Parameters === undefined);
        if (withParams.length && other.length) {
          const p = r.pick(withParams).Parameters as Obj;
          p.plain = '$.shared';
          r.pick(other).Parameters = p;
          labels.push('shared Parameters');
        }
        break;
      }
      case 4: {
        root.Comment = `${typeof root.Comment === 'string' ? root.Comment : ''} café ✓ \u2028 😀`;
        labels.push('non-ASCII comment');
        break;
      }
      default: {
        const o = r.pick(objs);
        o[`k${r.int(9)}`] = r.pick(['$.a', '$$.Execution.Id', 'States.UUID()', '$.a[', '$v', 'plain']);
        labels.push('new member');
      }
    }
  }
  return labels;
}

/** The replaced slice of an edit is one token: a JSON string, or a one-line YAML scalar. */
function isTokenEdit(text: string, e: TextEdit, format: 'json' | 'yaml'): boolean {
  const old = text.slice(e.offset, e.offset + e.length);
  if (format === 'json') return /^"(?:[^"\\]|\\.)*"$/s.test(old) && /^"(?:[^"\\]|\\.)*"$/s.test(e.newText);
  return old.length > 0 && !/[\r\n]/.test(old) && !/[\r\n]/.test(e.newText);
}

function errorsByCode(ds: Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (d.severity === 'ERROR') m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

/** Checks the property for one text; returns what broke it. */
function check(text: string, format: 'json' | 'yaml'): string[] {
  const problems: string[] = [];
  const fileName = format === 'json' ? 'p.asl.json' : 'p.asl.yaml';
  const lintText = (t: string) => lint(t, { fileName }).diagnostics;
  const before = lintText(text);
  const r = fixText(text, lintText, ['fix', 'suggestion']);
  const beforeDoc = parse(text, format);
  const afterDoc = parse(r.output, format);
  if (beforeDoc.parsed && !afterDoc.parsed) problems.push(`no longer parses: ${afterDoc.syntaxErrors[0]?.message}`);
  if (afterDoc.duplicateKeys.length > beforeDoc.duplicateKeys.length) problems.push(`a key written twice: ${afterDoc.duplicateKeys.map((d) => d.key).join()}`);
  // Replaying the edits pass by pass gives the output exactly: nothing else changed.
  let t = text;
  for (const pass of r.passes) {
    let out = '';
    let last = 0;
    for (const e of pass) {
      if (e.offset < last) problems.push('edits overlap');
      if (!isTokenEdit(t, e, format)) problems.push(`an edit is not one token: ${JSON.stringify(t.slice(e.offset, e.offset + e.length))} -> ${JSON.stringify(e.newText)}`);
      out += t.slice(last, e.offset) + e.newText;
      last = e.offset + e.length;
    }
    t = out + t.slice(last);
  }
  if (t !== r.output) problems.push('the output is not the input with the edits applied');
  const was = errorsByCode(before);
  for (const [code, n] of errorsByCode(r.remaining)) if (n > (was.get(code) ?? 0)) problems.push(`new error ${code} (${was.get(code) ?? 0} -> ${n})`);
  if (r.passes.length !== (r.fixed ? r.passes.length : 0)) problems.push('passes without fixes');
  return problems;
}

function bases(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of [...(HAS_CORPUS ? definitionFiles(REAL_WORLD) : []), ...definitionFiles(FIXTURES)]) {
    const text = readFileSync(f, 'utf8');
    if (/"States"|^States:/m.test(text) && text.length < 200_000) out.push({ name: f, text });
  }
  return out;
}

describe('--fix property: parses, keeps every byte outside the edits, adds no error', () => {
  const all = bases();

  it('holds on the corpus as written (JSON and YAML files)', () => {
    // Without the shared corpus (a clone alone), the fixtures are the bases.
    expect(all.length).toBeGreaterThan(HAS_CORPUS ? 100 : 10);
    const failures: string[] = [];
    for (const b of all) {
      const format = /\.ya?ml$/i.test(b.name) ? 'yaml' : 'json';
      for (const p of check(b.text, format)) failures.push(`${b.name}: ${p}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it(`holds on ${RUNS} mutated definitions (seed ${SEED})`, () => {
    const r = rand(SEED);
    const failures: string[] = [];
    let fixedSomething = 0;
    let refusedSomething = 0;
    for (let i = 0; i < RUNS; i++) {
      const b = r.pick(all);
      let value: unknown;
      try {
        value = /\.ya?ml$/i.test(b.name) ? undefined : JSON.parse(b.text.replace(/^\ufeff/, ''));
      } catch {
        continue;
      }
      if (!isObj(value) || !isObj(value.States)) continue;
      const labels = mutate(value, r);
      const asYaml = r.chance(0.4);
      let text = asYaml ? yamlStringify(value, { aliasDuplicateObjects: true }) : JSON.stringify(value, null, r.pick([0, 2, 4]));
      if (r.chance(0.2)) text = text.replace(/\n/g, '\r\n');
      if (!asYaml && r.chance(0.1)) text = '\ufeff' + text;
      const problems = check(text, asYaml ? 'yaml' : 'json');
      for (const p of problems) failures.push(`run ${i} (${b.name}; ${labels.join(', ')}; ${asYaml ? 'yaml' : 'json'}): ${p}`);
      const fx = fixText(text, (t) => lint(t, { fileName: asYaml ? 'p.asl.yaml' : 'p.asl.json' }).diagnostics, ['fix', 'suggestion']);
      if (fx.fixed) fixedSomething++;
      if (fx.refused) refusedSomething++;
    }
    expect(failures).toEqual([]);
    // The mutations do give --fix work: a property over inputs with nothing to fix proves nothing.
    expect(fixedSomething).toBeGreaterThan(RUNS / 4);
    void refusedSomething;
  }, 600_000);
});
