/**
 * Templates through lintFile(): mutated definitions wrapped in CloudFormation (Definition,
 * DefinitionString, Fn::Sub, Fn::Join), SAM (DefinitionUri, short-form tags, block scalars),
 * Serverless and Terraform (heredoc, templatefile()), sometimes with the template's text mutated.
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

describe('fuzz: templates (CloudFormation, SAM, Serverless, Terraform)', () => {
  it(`${Math.ceil(ITERATIONS / 3)} iterations (seed ${SEED + 1}): nothing throws, every answer keeps the invariants`, () => {
    const { failures, checked, built } = run('template', Math.ceil(ITERATIONS / 3), SEED + 1);
    expect(report(failures)).toEqual([]);
    // The run's share of the iterations was checked (the kind filter did not leave it empty), and
    // nearly every iteration gave an input (with the default seed, all of them do).
    expect(checked).toBeGreaterThan(0);
    expect(built).toBeGreaterThanOrEqual(Math.floor(0.9 * Math.ceil(ITERATIONS / 3)));
  }, 600_000);
});
