/** `asl-lint run` and `asl-lint test`, in process through main(io) (test/cli-support.ts). */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, bin, cli } from './cli-support.js';

const ROOT = new URL('..', import.meta.url).pathname;
const FIX = join(ROOT, 'test/fixtures/run');

/** In process, through main(io) (test/cli-support.ts). */
function run(args: string[], cwd = FIX) {
  return cli(args, { cwd });
}

describe('asl-lint run', () => {
  it('the binary runs it as in process: same output, exit 0 on SUCCEEDED, 1 on FAILED', async () => {
    expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
    const ok = ['run', 'order.asl.json', '--input', '{"quantity":2}', '--mocks', 'mocks.json'];
    expect(bin(ok, { cwd: FIX })).toEqual(await run(ok));
    expect(bin(['run', 'order.asl.json', '--input', '{"quantity":0}'], { cwd: FIX }).code).toBe(1);
  });

  it('prints the execution state by state and exits 0 on SUCCEEDED', async () => {
    const r = await run(['run', 'order.asl.json', '--input', '{"quantity":2}', '--mocks', 'mocks.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '+0.000s Validate Choice  in: {"quantity":2}',
        '          out: {"quantity":2}',
        '+0.000s Charge Task  in: {"quantity":2}',
        '          out: {"quantity":2,"charge":{"chargeId":"ch_7"}}',
        '+0.000s Done Succeed  in: {"quantity":2,"charge":{"chargeId":"ch_7"}}',
        '          out: {"quantity":2,"charge":{"chargeId":"ch_7"}}',
        'SUCCEEDED after 3 states, 11 events; output: {"quantity":2,"charge":{"chargeId":"ch_7"}}',
        '',
      ].join('\n'),
    );
  });
  it('exits 1 on FAILED; --format json gives the events', async () => {
    const r = await run(['run', 'order.asl.json', '--input', '{"quantity":0}', '-f', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect([j.status, j.error, j.events.length, j.events[4].type]).toEqual(['FAILED', 'OrderRejected', 5, 'ExecutionFailed']);
  });
  it('--input @file and --trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-run-'));
    writeFileSync(join(dir, 'in.json'), '{"quantity":0}');
    const r = await run(['run', join(FIX, 'order.asl.json'), '--input', '@in.json', '--trace'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('#2 +0.000s ChoiceStateEntered {"name":"Validate","input":"{\\"quantity\\":0}","inputDetails":{"truncated":false}}');
    expect(r.stdout.split('\n').slice(2, 4)).toEqual(['   input                {"quantity":0}', '   afterInputPath       {"quantity":0}']);
    const t = await run(['run', 'order.asl.json', '--input', '{"quantity":1}', '--mocks', 'mocks.json', '--trace']);
    expect(t.stdout).toContain('   afterResultSelector  {"chargeId":"ch_7"}\n   afterResultPath      {"quantity":1,"charge":{"chargeId":"ch_7"}}\n');
  });
  it('bad input: one line and exit 2', async () => {
    expect(await run(['run', 'order.asl.json', '--input', '{'])).toMatchObject({ code: 2, stdout: '' });
    expect((await run(['run', 'order.asl.json', '--input', '{"quantity":1}'])).stderr).toBe(
      `asl-lint: no mock for the Task state 'Charge': give one in mocks (e.g. {"Charge": {"0": {"Return": {}}}})\n`,
    );
    expect((await run(['run', 'order.asl.json', '--bogus'])).stderr).toMatch(/^asl-lint: Unknown option '--bogus'/);
    expect((await run(['run', 'nope.json'])).stderr).toBe("asl-lint: cannot read 'nope.json': no such file or directory\n");
    const dir = mkdtempSync(join(tmpdir(), 'asl-run-'));
    writeFileSync(join(dir, 'bad.asl.json'), '{"StartAt":"X","States":{"A":{"Type":"Pass","End":true}}}');
    const bad = await run(['run', 'bad.asl.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('MISSING_TRANSITION_TARGET');
  });
});

describe('asl-lint test', () => {
  it('runs test files and mock configs, with a coverage summary', async () => {
    const r = await run(['test']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\(\d+\.\d ms\)/g, '(t)')).toBe(
      [
        'MockConfigFile.json › order',
        '  ✓ HappyPath FAILED States.Runtime (t)',
        '  ✓ ChargeFails FAILED States.Runtime (t)',
        'order.asl-test.yaml › order',
        '  ✓ charges a valid order SUCCEEDED (t)',
        '  ✓ retries when throttled SUCCEEDED (t)',
        '  ✓ a declined card rejects the order FAILED OrderRejected (t)',
        '  ✓ rejects an empty order FAILED OrderRejected (t)',
        '',
        '6 passed, 6 total',
        'Coverage: states 4/4 (100%), Choice rules 2/2 (100%), Retry/Catch 2/2 (100%)',
        '',
      ].join('\n'),
    );
  });
  it('a failed expectation: exit 1, named; junit and json reporters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-'));
    writeFileSync(
      join(dir, 'x.asl-test.json'),
      JSON.stringify({ machine: join(FIX, 'order.asl.json'), tests: [{ name: 'wrong', input: { quantity: 0 }, expect: { status: 'SUCCEEDED', states: ['Validate'] } }] }),
    );
    const r = await run(['test'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('      status: expected SUCCEEDED, got FAILED (OrderRejected: The order was rejected)\n      states: expected ["Validate"], got ["Validate","Rejected"]');
    const j = await run(['test', '-f', 'junit'], dir);
    expect(j.stdout).toContain('<failure message="status: expected SUCCEEDED, got FAILED (OrderRejected: The order was rejected)">');
    expect(JSON.parse((await run(['test', '-f', 'json'], dir)).stdout)).toMatchObject({ passed: 0, failed: 1 });
  });
  it('unknown keys, states and mock names are named (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-'));
    const write = (o: object) => writeFileSync(join(dir, 'x.asl-test.json'), JSON.stringify({ machine: join(FIX, 'order.asl.json'), ...o }));
    write({ tests: [{ inptu: {} }] });
    expect((await run(['test'], dir)).stderr).toMatch(/tests\[0\]: unknown key 'inptu'/);
    write({ tests: [{ input: {}, mocks: { Nope: { 0: { Return: 1 } } } }] });
    expect((await run(['test'], dir)).stderr).toMatch(/mocks name the state 'Nope', which is not in the definition/);
    write({ tests: [{ expect: { stat: 'X' } }] });
    expect((await run(['test'], dir)).stderr).toMatch(/expect: unknown key 'stat'/);
    expect((await run(['test', join(dir, 'none')])).code).toBe(2);
  });
});
