/**
 * --fix and -o must never harm a file (issue 9 §2), in process through main(io) (the binary for
 * a run as another user): planted links,
 * symlinked folders and files, hard links, read-only files, owners and set-id bits, BOMs,
 * non-UTF-8 bytes, YAML aliases, several files where a later one fails, and what the run says.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-support.js';
import { main } from '../src/cli/main.js';
import { planFix, writeFix } from '../src/cli/safe-write.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);
const IS_ROOT = process.getuid?.() === 0;

beforeAll(() => {
  expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
});

/** In process, through main(io) (test/cli-support.ts). */
async function run(args: string[], cwd: string) {
  const r = await cli(args, { cwd });
  // The count of files checked (tested in cli-trust.test.ts) is left out of what these tests compare.
  return { ...r, stderr: withoutCount(r.stderr) };
}

function withoutCount(stderr: string): string {
  return stderr.replace(/^asl-lint: checked [^\n]*\n/m, '');
}

/** A definition with one suggestion (a misspelt Next) and nothing else to say once fixed. */
const MISSPELT = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Bx"}, "B": {"Type": "Succeed"}}}\n';
const FIXED = MISSPELT.replace('"Bx"', '"B"');
const SUGGEST = ['--fix', '--fix-type', 'suggestion'];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'asl-fixsafe-'));
}

describe('what --fix applies', () => {
  it('never renames "id" to "id.$" where "id.$" exists: the file stays as it is', async () => {
    const dir = tmp();
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "$.x", "id.$": "$.y"}, "End": true}}}\n';
    writeFileSync(join(dir, 'a.asl.json'), text);
    const r = await run([...SUGGEST, '-f', 'json', 'a.asl.json'], dir);
    // The two keys collide once '.$' is stripped (template-key-collision: the ASL spec refuses it); no fix makes it worse.
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }[])[0].diagnostics.map((d) => d.rule).sort()).toEqual(['no-dollar', 'template-key-collision']);
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(text);
    expect(r.stderr).toBe('fixed 0 problems in 0 files\n');
  });

  it('applies no suggestion without --fix-type suggestion, and says what it left', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), MISSPELT);
    const r = await run(['--fix', 'a.asl.json'], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(MISSPELT);
    expect(r.stderr).toBe('fixed 0 problems in 0 files; 1 other problem has a suggestion, an edit that changes what the workflow does (--fix-type suggestion applies it)\n');
  });

  it('says "fixed N problems in M files" on stderr; the JSON report on stdout stays parseable', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), MISSPELT);
    writeFileSync(join(dir, 'b.asl.json'), '{"StartAt": "Strt", "States": {"Start": {"Type": "Pass", "Next": "Ed"}, "End": {"Type": "Succeed"}}}\n');
    const r = await run([...SUGGEST, '-f', 'json', '.'], dir);
    expect(r.stderr).toBe('fixed 3 problems in 2 files\n');
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(2);
    expect(r.code).toBe(0);
  });

  it('refuses an unknown --fix-type, and --fix-type without --fix', async () => {
    const dir = tmp();
    expect(await run(['--fix', '--fix-type', 'layout', 'a.asl.json'], dir)).toMatchObject({
      code: 2,
      stderr: "asl-lint: invalid value for --fix-type: 'layout' (expected fix, suggestion, or both separated by a comma)\n",
    });
    expect(await run(['--fix-type', 'suggestion', 'a.asl.json'], dir)).toMatchObject({
      code: 2,
      stderr: 'asl-lint: --fix-type chooses what --fix or --fix-dry-run applies; give one of them as well\n',
    });
  });

  it('YAML: an alias or an anchored map is never edited (the other state keeps its Parameters)', async () => {
    const dir = tmp();
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters: &p\n      id: $.x\n    Next: B\n  B:\n    Type: Pass\n    Parameters: *p\n    End: true\n';
    writeFileSync(join(dir, 'a.asl.yaml'), yaml);
    const r = await run([...SUGGEST, 'a.asl.yaml'], dir);
    expect(readFileSync(join(dir, 'a.asl.yaml'), 'utf8')).toBe(yaml);
    expect(r.stderr).toBe('fixed 0 problems in 0 files\n');
  });
});

describe('where --fix writes', () => {
  it('never writes through a link planted at the old temporary name (.<name>.asl-lint-<pid>.tmp)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), MISSPELT);
    writeFileSync(join(dir, 'victim.txt'), 'precious\n');
    // In this process, so the pid the old code used is known.
    symlinkSync(join(dir, 'victim.txt'), join(dir, `.a.asl.json.asl-lint-${process.pid}.tmp`));
    const out = await main({ argv: [...SUGGEST, 'a.asl.json'], cwd: dir, env: {}, stdin: () => [] as never, stdoutIsTTY: false });
    expect(out.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['.a.asl.json.asl-lint-' + process.pid + '.tmp', 'a.asl.json', 'victim.txt']);
  });

  it('never follows a folder symlink out of the folder named; nothing is written when one file is refused', async () => {
    const outside = tmp();
    writeFileSync(join(outside, 'o.asl.json'), MISSPELT);
    const dir = tmp();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.asl.json'), MISSPELT);
    symlinkSync(outside, join(dir, 'src', 'vendor'));
    const r = await run([...SUGGEST, 'src'], dir);
    // The folder walk does not follow the link out of 'src' (it says so in a note); nothing outside is read or written.
    expect(r.code).toBe(0);
    expect(readFileSync(join(outside, 'o.asl.json'), 'utf8')).toBe(MISSPELT);
    expect(readFileSync(join(dir, 'src', 'a.asl.json'), 'utf8')).toBe(FIXED);
  });

  it('writes through a symlinked file to the real file; the link stays a link', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'real.json'), MISSPELT);
    symlinkSync('real.json', join(dir, 'link.asl.json'));
    expect((await run([...SUGGEST, 'link.asl.json'], dir)).code).toBe(0);
    expect(lstatSync(join(dir, 'link.asl.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe(FIXED);
    // The link and its file both named: one file, fixed once.
    writeFileSync(join(dir, 'real.json'), MISSPELT);
    const both = await run([...SUGGEST, 'link.asl.json', 'real.json'], dir);
    expect([both.code, both.stderr]).toEqual([0, 'fixed 1 problem in 1 file\n']);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe(FIXED);
  });

  it('keeps hard links: every name sees the fix', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), MISSPELT);
    linkSync(join(dir, 'a.asl.json'), join(dir, 'b.json'));
    const ino = statSync(join(dir, 'a.asl.json')).ino;
    expect((await run([...SUGGEST, 'a.asl.json'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'a.asl.json'))).toMatchObject({ ino, nlink: 2 });
  });

  it('refuses a read-only file (as root too), and then changes no other file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), MISSPELT);
    writeFileSync(join(dir, 'b.asl.json'), MISSPELT);
    chmodSync(join(dir, 'b.asl.json'), 0o444);
    const r = await run([...SUGGEST, 'a.asl.json', 'b.asl.json'], dir);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: "asl-lint: cannot fix 'b.asl.json': it is read-only (asl-lint does not override file permissions); no file was changed\n" });
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(MISSPELT);
    expect(readFileSync(join(dir, 'b.asl.json'), 'utf8')).toBe(MISSPELT);
    // Nothing to fix in a read-only file: no complaint.
    writeFileSync(join(dir, 'c.asl.json'), FIXED);
    chmodSync(join(dir, 'c.asl.json'), 0o444);
    expect((await run([...SUGGEST, 'c.asl.json'], dir)).code).toBe(0);
  });

  it.skipIf(!IS_ROOT)('as root: keeps the owner, group and permission bits, drops set-id bits', async () => {
    const dir = tmp();
    const f = join(dir, 'a.asl.json');
    writeFileSync(f, MISSPELT);
    chownSync(f, 1234, 2345);
    chmodSync(f, 0o6750);
    expect((await run([...SUGGEST, 'a.asl.json'], dir)).code).toBe(0);
    const st = statSync(f);
    expect([st.uid, st.gid, (st.mode & 0o7777).toString(8)]).toEqual([1234, 2345, '750']);
    expect(readFileSync(f, 'utf8')).toBe(FIXED);
  });

  it.skipIf(!IS_ROOT)('as another user: a file it may not write is refused before any file is written; one it may write keeps its owner', async () => {
    const dir = tmp();
    chmodSync(dir, 0o777);
    writeFileSync(join(dir, 'a.asl.json'), MISSPELT);
    writeFileSync(join(dir, 'b.asl.json'), MISSPELT);
    chmodSync(join(dir, 'a.asl.json'), 0o666);
    chmodSync(join(dir, 'b.asl.json'), 0o644);
    const asNobody = (args: string[]) => spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, BIN, ...args], { cwd: dir, encoding: 'utf8' });
    const r = asNobody([...SUGGEST, 'a.asl.json', 'b.asl.json']);
    expect([r.status, r.stderr]).toEqual([2, "asl-lint: cannot fix 'b.asl.json': permission denied; no file was changed\n"]);
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(MISSPELT);
    // Root's file, writable by all: the temporary file could not be given root as owner, so the file is rewritten in place.
    expect(asNobody([...SUGGEST, 'a.asl.json']).status).toBe(0);
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'a.asl.json'))).toMatchObject({ uid: 0, gid: 0 });
    expect(readdirSync(dir).sort()).toEqual(['a.asl.json', 'b.asl.json']);
  });

  it('keeps a UTF-8 BOM and every byte outside the edit', async () => {
    const dir = tmp();
    const text = '\ufeff{"Comment": "café ✓", "StartAt": "A",\r\n "States": {"A": {"Type": "Pass", "Next": "Bx"},   "B": {"Type": "Succeed"}}}';
    writeFileSync(join(dir, 'a.asl.json'), text);
    expect((await run([...SUGGEST, 'a.asl.json'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'a.asl.json')).equals(Buffer.from(text.replace('"Bx"', '"B"'), 'utf8'))).toBe(true);
  });

  it('refuses to fix a file that is not UTF-8 (Latin-1 bytes would become U+FFFD), and changes nothing', async () => {
    const dir = tmp();
    const bytes = Buffer.concat([Buffer.from('{"Comment": "caf'), Buffer.from([0xe9]), Buffer.from(MISSPELT.slice(1).replace(/^/, '", '))]);
    writeFileSync(join(dir, 'a.asl.json'), bytes);
    const r = await run([...SUGGEST, 'a.asl.json'], dir);
    expect(r).toMatchObject({ code: 2, stderr: "asl-lint: cannot fix 'a.asl.json': it is not valid UTF-8 (its other bytes could not be kept as they are); no file was changed\n" });
    expect(readFileSync(join(dir, 'a.asl.json')).equals(bytes)).toBe(true);
    // --fix-dry-run shows the diff and says --fix would refuse it.
    expect((await run(['--fix-dry-run', '--fix-type', 'suggestion', 'a.asl.json'], dir)).stderr).toBe(
      "would fix 1 problem in 1 file\n--fix would stop: cannot fix 'a.asl.json': it is not valid UTF-8 (its other bytes could not be kept as they are)\n",
    );
    // Linting it is still fine.
    expect((await run(['a.asl.json'], dir)).code).toBe(1);
  });

  it('keeps an edit made to the file after it was read (the write is refused)', async () => {
    const dir = tmp();
    const f = join(dir, 'a.asl.json');
    writeFileSync(f, MISSPELT);
    const plan = planFix(f, 'a.asl.json', MISSPELT, FIXED, 1, false, [dir]);
    writeFileSync(f, MISSPELT + ' ');
    expect(() => writeFix(plan, 0)).toThrow("cannot write the fixes to 'a.asl.json': it changed while asl-lint ran; it was left as it was");
    expect(readFileSync(f, 'utf8')).toBe(MISSPELT + ' ');
    expect(readdirSync(dir)).toEqual(['a.asl.json']);
    // Replaced by a rename since (same bytes, another file): refused too.
    const plan2 = planFix(f, 'a.asl.json', MISSPELT + ' ', FIXED, 1, false, [dir]);
    writeFileSync(join(dir, 'new'), MISSPELT + ' ');
    spawnSync('mv', [join(dir, 'new'), f]);
    expect(() => writeFix(plan2, 0)).toThrow(/it changed while asl-lint ran/);
  });
});

describe('-o never writes through a link nor through a folder link out of the working directory (the GitHub Action writes asl-lint.sarif in the checkout)', () => {
  it('refuses a planted symlink and a hard link; writes a plain file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), FIXED);
    writeFileSync(join(dir, 'victim'), 'precious\n');
    symlinkSync(join(dir, 'victim'), join(dir, 'asl-lint.sarif'));
    expect(await run(['-f', 'sarif', '-o', 'asl-lint.sarif', 'a.asl.json'], dir)).toMatchObject({
      code: 2,
      stderr: "asl-lint: cannot write 'asl-lint.sarif': it is a symbolic link (asl-lint does not write a report through a link)\n",
    });
    linkSync(join(dir, 'victim'), join(dir, 'hard.sarif'));
    expect(await run(['-f', 'sarif', '-o', 'hard.sarif', 'a.asl.json'], dir)).toMatchObject({
      code: 2,
      stderr: "asl-lint: cannot write 'hard.sarif': it has 2 hard links (asl-lint does not write a report through a link)\n",
    });
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('precious\n');
    // With --fix: the report cannot be written, so no file is fixed either.
    writeFileSync(join(dir, 'b.asl.json'), MISSPELT);
    expect((await run([...SUGGEST, '-o', 'asl-lint.sarif', 'b.asl.json'], dir)).code).toBe(2);
    expect(readFileSync(join(dir, 'b.asl.json'), 'utf8')).toBe(MISSPELT);
    writeFileSync(join(dir, 'old.sarif'), 'x'.repeat(100_000));
    expect((await run(['-f', 'sarif', '-o', 'old.sarif', 'a.asl.json'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'old.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('refuses a folder of the path that is a symbolic link out of the working directory (out -> /elsewhere, -o out/report.sarif); creates nothing there', async () => {
    const dir = tmp();
    const elsewhere = realpathSync(tmp());
    writeFileSync(join(dir, 'a.asl.json'), FIXED);
    symlinkSync(elsewhere, join(dir, 'out'));
    const refused = `cannot write 'out/report.sarif': 'out' is a symbolic link to '${elsewhere}', outside the working directory (asl-lint does not follow a link out of it to write a report)`;
    expect(await run(['-f', 'sarif', '-o', 'out/report.sarif', 'a.asl.json'], dir)).toEqual({ code: 2, stdout: '', stderr: `asl-lint: ${refused}\n` });
    // Deeper: no folder is created through the link either.
    expect(await run(['-f', 'sarif', '-o', 'out/sub/report.sarif', 'a.asl.json'], dir)).toMatchObject({
      code: 2,
      stderr: `asl-lint: ${refused.replace("'out/report.sarif'", "'out/sub/report.sarif'")}\n`,
    });
    // The same folder named by an absolute path inside the working directory: refused the same way.
    expect((await run(['-f', 'sarif', '-o', join(dir, 'out', 'r.sarif'), 'a.asl.json'], dir)).stderr).toBe(`asl-lint: ${refused.replace("'out/report.sarif'", `'${join(dir, 'out', 'r.sarif')}'`)}\n`);
    // A chain of links inside the checkout that ends outside it: refused at the first link.
    symlinkSync('out', join(dir, 'via'));
    expect((await run(['-f', 'sarif', '-o', 'via/report.sarif', 'a.asl.json'], dir)).stderr).toBe(
      `asl-lint: cannot write 'via/report.sarif': 'via' is a symbolic link to '${elsewhere}', outside the working directory (asl-lint does not follow a link out of it to write a report)\n`,
    );
    // A link to nowhere.
    symlinkSync(join(dir, 'missing'), join(dir, 'gone'));
    expect(await run(['-f', 'sarif', '-o', 'gone/report.sarif', 'a.asl.json'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: "asl-lint: cannot write 'gone/report.sarif': 'gone' is a symbolic link that leads nowhere (asl-lint does not create a report's folders through a link)\n",
    });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    // The graph command's -o is held to the same rules.
    expect(await run(['graph', 'a.asl.json', '-f', 'mermaid', '-o', 'out/g.mmd'], dir)).toMatchObject({ code: 2, stderr: `asl-lint: ${refused.replace("'out/report.sarif'", "'out/g.mmd'")}\n` });
    symlinkSync(join(dir, 'a.asl.json'), join(dir, 'g.mmd'));
    expect(await run(['graph', 'a.asl.json', '-f', 'mermaid', '-o', 'g.mmd'], dir)).toMatchObject({
      code: 2,
      stderr: "asl-lint: cannot write 'g.mmd': it is a symbolic link (asl-lint does not write a report through a link)\n",
    });
    expect(readFileSync(join(dir, 'a.asl.json'), 'utf8')).toBe(FIXED);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('follows a folder link that stays inside the working directory, and the folders of a path the user named outside it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.asl.json'), FIXED);
    mkdirSync(join(dir, 'build'));
    symlinkSync('build', join(dir, 'reports'));
    expect(await run(['-f', 'sarif', '-o', 'reports/new/report.sarif', 'a.asl.json'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'build', 'new', 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(lstatSync(join(dir, 'reports')).isSymbolicLink()).toBe(true);
    // Outside the working directory (../ or absolute), the path is the user's choice: its links are followed.
    const work = join(dir, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'a.asl.json'), FIXED);
    expect(await run(['-f', 'sarif', '-o', '../reports/up.sarif', 'a.asl.json'], work)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'build', 'up.sarif'))).toBe(true);
    const elsewhere = tmp();
    symlinkSync(elsewhere, join(dir, 'abs'));
    expect((await run(['-f', 'sarif', '-o', join(dir, 'abs', 'r.sarif'), 'a.asl.json'], work)).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual(['r.sarif']);
  });
});
