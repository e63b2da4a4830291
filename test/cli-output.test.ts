/**
 * What the CLI prints for people: names and paths from the linted files never reach the terminal
 * as control characters (a state name holding ESC [ ... would rewrite the log), in every human
 * format and in the one-line failure messages. In process through main(io); the real binary for
 * a closed pipe and a memory limit.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-support.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);

let tmp: string;
beforeAll(() => {
  if (!existsSync(BIN)) execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  tmp = mkdtempSync(join(tmpdir(), 'asl-lint-output-'));
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** In process, through main(io) (test/cli-support.ts). */
async function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = await cli(args, { cwd: opts.cwd ?? tmp, input: opts.input, env: { NO_COLOR: '1', ...opts.env } });
  // The count of files checked (tested in cli-trust.test.ts) is left out of what these tests compare.
  return { ...r, stderr: withoutCount(r.stderr) };
}

function withoutCount(stderr: string): string {
  return stderr.replace(/^asl-lint: checked [^\n]*\n/m, '');
}

/** Every C0 control but LF, DEL, the C1 controls, the bidi controls: none may be printed raw. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = ['\u001b[2J\u001b[H', '\u001b]0;pwned\u0007', '\u009b31m', '\u202eevil', '\r\u001b[1A', '\u0000\u0008\t\u007f'];

describe('control characters in human output', () => {
  // A state named with terminal escapes, unreachable (its name is in the message) and pointing at a
  // missing state named with escapes too (in the message of another rule).
  const names = HOSTILE.map((h, i) => `S${i}${h}`);
  const states: Record<string, unknown> = { Start: { Type: 'Succeed' } };
  for (const n of names) states[n] = { Type: 'Pass', Next: `${n}\u001b[0m-missing` };
  const text = JSON.stringify({ StartAt: 'Start', States: states });

  it.each(['stylish', 'github', 'junit'])('%s escapes them; json keeps the exact names', async (format) => {
    writeFileSync(join(tmp, 'evil.asl.json'), text);
    const r = await run(['--format', format, 'evil.asl.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    // Shown as visible escapes, so the reader can still tell the names apart.
    expect(r.stdout).toContain('S0\\x1b[2J\\x1b[H');
    expect(r.stdout).toContain('S3\\u202eevil');
    expect(r.stdout).toContain('S2\\x9b31m');
    const json = JSON.parse((await run(['--format', 'json', 'evil.asl.json'])).stdout) as { diagnostics: { message: string }[] }[];
    expect(json[0].diagnostics.some((d) => d.message.includes(names[0]))).toBe(true);
  });

  it('stylish: a path with control characters is escaped too', async () => {
    const dir = join(tmp, 'dir\u001b[31m');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x\u202e.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
    const r = await run([dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('dir\\x1b[31m/x\\u202e.asl.json');
  });

  it('the one-line failure messages escape the paths they name', async () => {
    const r = await run(['missing\u001bc\u202e.asl.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("asl-lint: cannot read 'missing\\x1bc\\u202e.asl.json': no such file or directory\n");
    const g = await run(['nothing-\u0007*.json']);
    expect(g.code).toBe(2);
    expect(g.stderr).not.toMatch(RAW_CONTROL);
    expect(g.stderr.split('\n')).toHaveLength(2);
  });
});

describe('the report is streamed, not kept', () => {
  it('a run over many large files keeps none of their texts: it fits in a heap smaller than their total size', async () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir, { recursive: true });
    // 600 clean files of 150 KB (90 MB of text) and a last one with an error; 48 MB of heap.
    const big = JSON.stringify({ Comment: 'x'.repeat(150_000), StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    for (let i = 0; i < 600; i++) writeFileSync(join(dir, `m${String(i).padStart(4, '0')}.asl.json`), big);
    writeFileSync(join(dir, 'z-last.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
    for (const format of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const r = spawnSync(process.execPath, ['--max-old-space-size=48', BIN, '--format', format, dir], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
      expect(withoutCount(r.stderr), format).toBe('');
      expect(r.status, format).toBe(1);
      if (format === 'json') {
        const files = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
        expect(files).toHaveLength(601);
        expect(files.at(-1)).toMatchObject({ filePath: 'many/z-last.asl.json', errorCount: 2 });
      }
    }
  }, 180_000);

  it('a reader that goes away mid-report does not change the exit code', async () => {
    const dir = join(tmp, 'pipe');
    mkdirSync(dir, { recursive: true });
    // Many files with problems, the first ones only warnings... and an error near the end.
    const warn = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "End": true}}}';
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `w${String(i).padStart(3, '0')}.asl.json`), warn);
    writeFileSync(join(dir, 'z-error.asl.json'), '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}');
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, dir], { cwd: tmp, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // Like `| head -1`: read the first chunk, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(withoutCount(stderr)).toBe('');
    expect(code).toBe(1);
  }, 60_000);
});
