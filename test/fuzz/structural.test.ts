/**
 * Structural mutations through validate(), lint() and lintFile(): real-world definitions (the
 * corpus, the fixtures, every rule's examples) mutated on their parsed value (keys deleted,
 * duplicated, renamed; values replaced by other JSON types, placeholders, JSONata and intrinsic
 * fragments, deep nesting, long and odd strings; Type, QueryLanguage, Branches and ItemProcessor
 * reshaped), written as JSON or YAML, STANDARD and EXPRESS. Where the value has one meaning in
 * both, its JSON and its YAML must get the same findings.
 *
 * These are the iterations of the definition run whose text is left as written; the others are
 * text.test.ts's (same seed, same streams: the two files check what one run did before the split).
 *
 * CI runs a small, fixed number of iterations. To hunt bugs locally:
 *   FUZZ_ITERATIONS=20000 FUZZ_SEED=7 FUZZ_DUMP=/tmp/fuzz npx vitest run test/fuzz/
 * (FUZZ_DUMP writes each failing input, with what broke, to that folder; FUZZ_BUDGET_MS lowers
 * the time a call may take, to find slow paths; FUZZ_STATS=1 prints the diagnostic codes reached).
 * The invariants: test/fuzz/invariants.ts; the generators: test/fuzz/generators.ts.
 */
import { describe, expect, it } from 'vitest';
import { ITERATIONS, SEED } from './generators.js';
import { report, run } from './run.js';

describe('fuzz: mutated definitions (value mutations, JSON and YAML)', () => {
  it(`${ITERATIONS} iterations (seed ${SEED}): nothing throws, every answer keeps the invariants`, () => {
    const { failures, checked, built } = run('structural', ITERATIONS, SEED);
    expect(report(failures)).toEqual([]);
    // The run's share of the iterations was checked (the kind filter did not leave it empty), and
    // nearly every iteration gave an input (with the default seed, all of them do).
    expect(checked).toBeGreaterThan(0);
    expect(built).toBeGreaterThanOrEqual(Math.floor(0.9 * ITERATIONS));
  }, 600_000);
});
