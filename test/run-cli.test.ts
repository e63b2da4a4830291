/** `asl-lint run` and `asl-lint test`, end to end through the built binary (npm run build first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/asl-lint.cjs');
const FIX = join(ROOT, 'test/fixtures/run');

function run(args: string[], cwd = FIX) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('asl-lint run', () => {
  it('prints the execution state by state and exits 0 on SUCCEEDED', () => {
    const r = run(['run', 'order.asl.json', '--input', '{"quantity":2}', '--mocks', 'mocks.json']);
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
  it('exits 1 on FAILED; --format json gives the events', () => {
    const r = run(['run', 'order.asl.json', '--input', '{"quantity":0}', '-f', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect([j.status, j.error, j.events.length, j.events[4].type]).toEqual(['FAILED', 'OrderRejected', 5, 'ExecutionFailed']);
  });
  it('--input @file and --trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-run-'));
    writeFileSync(join(dir, 'in.json'), '{"quantity":0}');
    const r = run(['run', join(FIX, 'order.asl.json'), '--input', '@in.json', '--trace'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('#2 +0.000s ChoiceStateEntered {"name":"Validate","input":"{\\"quantity\\":0}","inputDetails":{"truncated":false}}');
    expect(r.stdout.split('\n').slice(2, 4)).toEqual(['   input                {"quantity":0}', '   afterInputPath       {"quantity":0}']);
    const t = run(['run', 'order.asl.json', '--input', '{"quantity":1}', '--mocks', 'mocks.json', '--trace']);
    expect(t.stdout).toContain('   afterResultSelector  {"chargeId":"ch_7"}\n   afterResultPath      {"quantity":1,"charge":{"chargeId":"ch_7"}}\n');
  });
  it('bad input: one line and exit 2', () => {
    expect(run(['run', 'order.asl.json', '--input', '{'])).toMatchObject({ code: 2, stdout: '' });
    expect(run(['run', 'order.asl.json', '--input', '{"quantity":1}']).stderr).toBe(`asl-lint: no mock for the Task state 'Charge': give one in mocks (e.g. {"Charge": {"0": {"Return": {}}}})\n`);
    expect(run(['run', 'order.asl.json', '--bogus']).stderr).toMatch(/^asl-lint: Unknown option '--bogus'/);
    expect(run(['run', 'nope.json']).stderr).toBe("asl-lint: cannot read 'nope.json': no such file or directory\n");
    const dir = mkdtempSync(join(tmpdir(), 'asl-run-'));
    writeFileSync(join(dir, 'bad.asl.json'), '{"StartAt":"X","States":{"A":{"Type":"Pass","End":true}}}');
    const bad = run(['run', 'bad.asl.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('MISSING_TRANSITION_TARGET');
  });
});

describe('asl-lint test', () => {
  it('runs test files and mock configs, with a coverage summary', () => {
    const r = run(['test']);
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
  it('a failed expectation: exit 1, named; junit and json reporters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-'));
    writeFileSync(join(dir, 'x.asl-test.json'), JSON.stringify({ machine: join(FIX, 'order.asl.json'), tests: [{ name: 'wrong', input: { quantity: 0 }, expect: { status: 'SUCCEEDED', states: ['Validate'] } }] }));
    const r = run(['test'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('      status: expected SUCCEEDED, got FAILED (OrderRejected: The order was rejected)\n      states: expected ["Validate"], got ["Validate","Rejected"]');
    const j = run(['test', '-f', 'junit'], dir);
    expect(j.stdout).toContain('<failure message="status: expected SUCCEEDED, got FAILED (OrderRejected: The order was rejected)">');
    expect(JSON.parse(run(['test', '-f', 'json'], dir).stdout)).toMatchObject({ passed: 0, failed: 1 });
  });
  it('unknown keys, states and mock names are named (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-test-'));
    const write = (o: object) => writeFileSync(join(dir, 'x.asl-test.json'), JSON.stringify({ machine: join(FIX, 'order.asl.json'), ...o }));
    write({ tests: [{ inptu: {} }] });
    expect(run(['test'], dir).stderr).toMatch(/tests\[0\]: unknown key 'inptu'/);
    write({ tests: [{ input: {}, mocks: { Nope: { 0: { Return: 1 } } } }] });
    expect(run(['test'], dir).stderr).toMatch(/mocks name the state 'Nope', which is not in the definition/);
    write({ tests: [{ expect: { stat: 'X' } }] });
    expect(run(['test'], dir).stderr).toMatch(/expect: unknown key 'stat'/);
    expect(run(['test', join(dir, 'none')]).code).toBe(2);
  });
});
