import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/lang/suggest.js';
import { SUGGESTION_COMPARISONS } from '../rules/transition-target.js';
import { lint } from '../src/index.js';

describe('did-you-mean', () => {
  it('counts adjacent swaps as one edit', () => {
    expect(editDistance('Frist', 'First')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('with a bound, is exact up to it and says bound + 1 beyond (same as the full table)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const word = () => Array.from({ length: Math.floor(rand() * 9) }, () => 'abc'[Math.floor(rand() * 3)]).join('');
    for (let i = 0; i < 3000; i++) {
      const [a, b, max] = [word(), word(), Math.floor(rand() * 4)];
      expect([a, b, max, editDistance(a, b, max)]).toEqual([a, b, max, Math.min(editDistance(a, b), max + 1)]);
    }
  });

  it('picks what the plain table picks (the bit-vector path for names up to 31 characters)', () => {
    const reference = (word: string, candidates: string[]) => {
      const scored = candidates.filter((c) => c !== word).map((c) => (c.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word.toLowerCase(), c.toLowerCase())));
      const best = Math.min(...scored);
      const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
      return best <= limit && scored.filter((d) => d === best).length === 1 ? candidates.filter((c) => c !== word)[scored.indexOf(best)] : undefined;
    };
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const word = (n: number) => Array.from({ length: 1 + Math.floor(rand() * n) }, () => 'abAB'[Math.floor(rand() * 4)]).join('');
    for (let i = 0; i < 2000; i++) {
      const w = word(i % 2 ? 12 : 40);
      const cands = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => (rand() < 0.5 ? word(12) : w.slice(0, -1) + 'b'));
      expect([w, cands, closest(w, cands)]).toEqual([w, cands, reference(w, cands)]);
    }
  });

  it('stays linear on very long names (found by fuzzing: a 60,000-character Next took seconds)', () => {
    const long = 'x'.repeat(60_000);
    const t0 = performance.now();
    expect(closest(long, [long.slice(1) + 'y', 'x'.repeat(59_990), 'A'])).toBe(long.slice(1) + 'y');
    expect(editDistance(long, long.slice(0, 59_000) + 'y'.repeat(1000), 3)).toBe(4);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('suggests only a single close candidate', () => {
    expect(closest('Timeout', ['TimeoutSeconds', 'Type'])).toBeUndefined();
    expect(closest('Secnod', ['First', 'Second'])).toBe('Second');
    expect(closest('second', ['First', 'Second'])).toBe('Second');
    expect(closest('Bx', ['Ba', 'Bb'])).toBeUndefined();
    expect(closest('Zebra', ['First', 'Second'])).toBeUndefined();
  });
});

describe('did-you-mean on missing transition targets (issue 9: 26,000 missing names took 40 s)', () => {
  it('spends at most SUGGESTION_COMPARISONS name comparisons per document, then reports without a suggestion', () => {
    const states = 2000;
    const typos = 1500;
    const machine: Record<string, unknown> = {};
    for (let i = 0; i < states; i++) {
      // State i goes to a typo of state i+1's name (a swapped pair of letters) while there are typos.
      const next = `Stage${i + 1}`;
      machine[`Stage${i}`] = i < typos ? { Type: 'Pass', Next: `Stgae${i + 1}` } : i + 1 < states ? { Type: 'Pass', Next: next } : { Type: 'Succeed' };
    }
    const { diagnostics } = lint(JSON.stringify({ StartAt: 'Stage0', States: machine }));
    const missing = diagnostics.filter((d) => d.code === 'MISSING_TRANSITION_TARGET' && d.location?.endsWith('/Next'));
    expect(missing).toHaveLength(typos);
    const suggested = missing.filter((d) => (d.data as { suggestion?: string }).suggestion !== undefined);
    expect(suggested).toHaveLength(SUGGESTION_COMPARISONS / states);
    expect(missing[0].message).toBe("Missing 'Next' target: Stgae1 (did you mean 'Stage1'?)");
    expect(missing[typos - 1].message).toBe(`Missing 'Next' target: Stgae${typos}`);
  });
});
