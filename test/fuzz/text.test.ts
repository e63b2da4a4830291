/**
 * Text mutations through validate(), lint() and lintFile(): the definition run's iterations whose
 * serialized text is then mutated too (truncations, insertions of syntax and YAML fragments,
 * deletions, bytes, CRLF, BOM, copied ranges), in JSON and YAML, STANDARD and EXPRESS.
 * The other iterations of the same seeded run are structural.test.ts's.
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

describe('fuzz: mutated definition texts (JSON and YAML)', () => {
  it(`${ITERATIONS} iterations (seed ${SEED}): nothing throws, every answer keeps the invariants`, () => {
    const { failures, checked, built } = run('text', ITERATIONS, SEED);
    expect(report(failures)).toEqual([]);
    // The run's share of the iterations was checked (the kind filter did not leave it empty), and
    // nearly every iteration gave an input (with the default seed, all of them do).
    expect(checked).toBeGreaterThan(0);
    expect(built).toBeGreaterThanOrEqual(Math.floor(0.9 * ITERATIONS));
  }, 600_000);
});
