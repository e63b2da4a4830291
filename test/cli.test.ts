/**
 * The CLI: the many option and format cases in process, through `main(io)` (test/cli-support.ts:
 * argv, cwd, env and stdin injected, the exit code and both streams returned), and end to end
 * through the real binary where only a process shows it: exit codes, stdout and stdin as pipes,
 * a reader closing the pipe, what the bin loads at start-up.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, bin, cleanEnv, cli, ensureBuilt, expectFatal } from './cli-support.js';

const FIX = 'test/fixtures/cli';
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** What a run that linted one definition says on stderr (standard output stays the report). */
const ONE_CHECKED = 'asl-lint: checked 1 file (1 state machine)\n';

beforeAll(ensureBuilt, 120_000);

const MISSING_C = "Missing 'Next' target: C";
const UNREACHABLE_B = 'State "B" is not reachable.';
const NO_DOLLAR_ID = "The value of 'id' looks like a JSONPath. Instead of 'id', use 'id.$' to evaluate it as a JSONPath at runtime.";

let tmp: string;
const testCwd = process.cwd();
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'asl-lint-cli-'));
  // The in-process runs get the repository as io.cwd: the CLI must not read the process's own.
  process.chdir(tmp);
});
afterAll(() => {
  process.chdir(testCwd);
  rmSync(tmp, { recursive: true, force: true });
});

describe('exit codes and stylish output', () => {
  it('a clean file: exit 0, no output at all (the binary)', () => {
    expect(bin([`${FIX}/clean.asl.json`])).toEqual({ code: 0, stdout: '', stderr: ONE_CHECKED });
  });

  it('errors: exit 1, ESLint-style rows with line:col, severity, message, code and rule, then the summary (the binary; in process the same)', async () => {
    const r = bin([`${FIX}/errors.asl.json`]);
    expect(await cli([`${FIX}/errors.asl.json`])).toEqual(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(ONE_CHECKED);
    expect(r.stdout).toBe(
      [
        '',
        `${FIX}/errors.asl.json`,
        `  4:36  error  ${MISSING_C}     MISSING_TRANSITION_TARGET (transition-target)`,
        `  5:5   error  ${UNREACHABLE_B}  MISSING_TRANSITION_TARGET (state-unreachable)`,
        '',
        '\u2716 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('an invalid JSON file: exit 1 with INVALID_JSON_DESCRIPTION at the trailing comma', async () => {
    const r = await cli([`${FIX}/trailing-comma.asl.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '',
        `${FIX}/trailing-comma.asl.json`,
        '  5:3  error  Invalid JSON: Trailing commas are not allowed in JSON (line 5, column 3)  INVALID_JSON_DESCRIPTION (json-syntax)',
        '',
        '\u2716 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('warnings are shown by default and do not fail the run', async () => {
    const r = await cli([`${FIX}/warning.asl.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(['', `${FIX}/warning.asl.json`, `  4:44  warning  ${NO_DOLLAR_ID}  NO_DOLLAR (no-dollar)`, '', '\u2716 1 problem (0 errors, 1 warning)', ''].join('\n'));
  });

  it('--max-warnings 0 with a warning: exit 1 and a note on stderr; --max-warnings 1: exit 0', async () => {
    const over = await cli(['--max-warnings', '0', `${FIX}/warning.asl.json`]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('NO_DOLLAR (no-dollar)');
    expect(over.stderr).toBe(ONE_CHECKED + 'asl-lint: 1 warning found, more than --max-warnings 0 allows\n');
    const within = await cli(['--max-warnings=1', `${FIX}/warning.asl.json`]);
    expect(within.code).toBe(0);
    expect(within.stderr).toBe(ONE_CHECKED);
  });

  it('--quiet shows errors only, but warnings still count for --max-warnings', async () => {
    const r = await cli(['--quiet', `${FIX}/mixed.asl.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '',
        `${FIX}/mixed.asl.json`,
        "  4:68  error  Missing 'Next' target: Nowhere  MISSING_TRANSITION_TARGET (transition-target)",
        `  5:5   error  ${UNREACHABLE_B}     MISSING_TRANSITION_TARGET (state-unreachable)`,
        '',
        '\u2716 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
    expect(await cli(['--quiet', `${FIX}/warning.asl.json`])).toEqual({ code: 0, stdout: '', stderr: ONE_CHECKED });
    const counted = await cli(['--quiet', '--max-warnings', '0', `${FIX}/warning.asl.json`]);
    expect(counted).toEqual({ code: 1, stdout: '', stderr: ONE_CHECKED + 'asl-lint: 1 warning found, more than --max-warnings 0 allows\n' });
  });

  it('--severity ERROR hides warnings and does not count them', async () => {
    const r = await cli(['--severity', 'ERROR', '--format', 'json', `${FIX}/mixed.asl.json`]);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout);
    expect(file.diagnostics.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toEqual(['ERROR MISSING_TRANSITION_TARGET', 'ERROR MISSING_TRANSITION_TARGET']);
    expect(file.warningCount).toBe(0);
    expect(await cli(['--severity', 'ERROR', '--max-warnings', '0', `${FIX}/warning.asl.json`])).toEqual({ code: 0, stdout: '', stderr: ONE_CHECKED });
    // And the default is WARNING:
    expect((await cli(['--severity', 'warning', `${FIX}/warning.asl.json`])).stdout).toContain('NO_DOLLAR');
  });
});

describe('json format', () => {
  it('has the exact shape, 1-based line/column and end, clean files included', async () => {
    const r = await cli(['--format', 'json', `${FIX}/mixed.asl.json`, `${FIX}/clean.asl.json`, `${FIX}/trailing-comma.asl.json`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('asl-lint: checked 3 files (3 state machines)\n');
    expect(r.stdout.endsWith(']\n')).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        filePath: `${FIX}/mixed.asl.json`,
        result: 'FAIL',
        errorCount: 2,
        warningCount: 1,
        diagnostics: [
          {
            severity: 'WARNING',
            code: 'NO_DOLLAR',
            rule: 'no-dollar',
            message: NO_DOLLAR_ID,
            location: '/States/A/Parameters',
            line: 4,
            column: 44,
            endLine: 4,
            endColumn: 48,
          },
          {
            severity: 'ERROR',
            code: 'MISSING_TRANSITION_TARGET',
            rule: 'transition-target',
            message: "Missing 'Next' target: Nowhere",
            location: '/States/A/Next',
            line: 4,
            column: 68,
            endLine: 4,
            endColumn: 77,
          },
          {
            severity: 'ERROR',
            code: 'MISSING_TRANSITION_TARGET',
            rule: 'state-unreachable',
            message: UNREACHABLE_B,
            location: '/States/B',
            line: 5,
            column: 5,
            endLine: 5,
            endColumn: 8,
          },
        ],
      },
      { filePath: `${FIX}/clean.asl.json`, result: 'OK', errorCount: 0, warningCount: 0, diagnostics: [] },
      {
        filePath: `${FIX}/trailing-comma.asl.json`,
        result: 'FAIL',
        errorCount: 1,
        warningCount: 0,
        diagnostics: [
          {
            severity: 'ERROR',
            code: 'INVALID_JSON_DESCRIPTION',
            rule: 'json-syntax',
            message: 'Invalid JSON: Trailing commas are not allowed in JSON (line 5, column 3)',
            location: null,
            line: 5,
            column: 3,
            endLine: 5,
            endColumn: 4,
          },
        ],
      },
    ]);
  });

  it('--quiet makes the counts match the listed diagnostics; a file with warnings only stays OK', async () => {
    const [file] = JSON.parse((await cli(['-f', 'json', '--quiet', `${FIX}/warning.asl.json`])).stdout);
    expect(file).toEqual({ filePath: `${FIX}/warning.asl.json`, result: 'OK', errorCount: 0, warningCount: 0, diagnostics: [] });
  });
});

describe('finding files', () => {
  let tree: string;
  beforeAll(() => {
    // node_modules and .git cannot live in the committed fixtures (.gitignore, git itself), so
    // the tree is copied and they are added here, each with a definition that would fail.
    tree = join(tmp, 'tree');
    cpSync(join(ROOT, FIX, 'tree'), tree, { recursive: true });
    const broken = '{"StartAt": "Nope", "States": {}}';
    mkdirSync(join(tree, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(tree, 'node_modules', 'pkg', 'dep.asl.json'), broken);
    mkdirSync(join(tree, 'nested', 'node_modules'), { recursive: true });
    writeFileSync(join(tree, 'nested', 'node_modules', 'deep.asl.json'), broken);
    mkdirSync(join(tree, '.git'), { recursive: true });
    writeFileSync(join(tree, '.git', 'odd.asl.json'), broken);
  });

  it('a directory: files that are state machines, nested folders included, node_modules and .git skipped, sorted; the count on stderr', async () => {
    const r = await cli(['-f', 'json', '.'], { cwd: tree });
    // not-a-definition.json is looked at and skipped (no States, no StartAt); readme.txt is not a candidate.
    expect(r.stderr).toBe('asl-lint: checked 3 files (3 state machines); skipped 1 found file holding no state machine\n');
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout) as { filePath: string; result: string }[];
    expect(files.map((f) => `${f.filePath} ${f.result}`)).toEqual(['nested/deeper/bottom.asl.yaml FAIL', 'nested/middle.asl.yml OK', 'top.asl.json OK']);
  });

  it('a directory given from outside: paths shown relative to the working directory, YAML positions', async () => {
    const r = await cli([`${FIX}/tree`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '',
        `${FIX}/tree/nested/deeper/bottom.asl.yaml`,
        "  3:25  error  Missing 'Next' target: Gone  MISSING_TRANSITION_TARGET (transition-target)",
        '  4:3   error  State "Z" is not reachable.  MISSING_TRANSITION_TARGET (state-unreachable)',
        '',
        '\u2716 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('explicitly named .json and .yml files are linted as ASL, whatever their name', async () => {
    const r = await cli(['-f', 'json', `${FIX}/explicit/definition.json`, `${FIX}/explicit/definition.yml`]);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout) as { filePath: string; diagnostics: { code: string; line: number; column: number }[] }[];
    expect(files.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)])).toEqual([
      [`${FIX}/explicit/definition.json`, ['1:59 MISSING_TRANSITION_TARGET', '1:71 MISSING_TRANSITION_TARGET']],
      [`${FIX}/explicit/definition.yml`, ['3:25 MISSING_TRANSITION_TARGET', '4:3 MISSING_TRANSITION_TARGET']],
    ]);
  });

  it('YAML diagnostics point at the YAML text', async () => {
    const r = await cli([`${FIX}/errors.asl.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '',
        `${FIX}/errors.asl.yaml`,
        `  5:11  error  ${MISSING_C}     MISSING_TRANSITION_TARGET (transition-target)`,
        `  6:3   error  ${UNREACHABLE_B}  MISSING_TRANSITION_TARGET (state-unreachable)`,
        '',
        '\u2716 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('a glob is expanded (quoted, so the shell does not), keeping .json/.yaml/.yml files', async () => {
    const r = await cli(['-f', 'json', `${FIX}/tree/**/*.y*ml`, `${FIX}/tree/*`]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual([
      `${FIX}/tree/nested/deeper/bottom.asl.yaml`,
      `${FIX}/tree/nested/middle.asl.yml`,
      `${FIX}/tree/top.asl.json`,
    ]);
  });

  it('a file named twice is linted once', async () => {
    const r = await cli(['-f', 'json', `${FIX}/clean.asl.json`, `./${FIX}/clean.asl.json`, `${FIX}/*.asl.json`]);
    const paths = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath);
    expect(paths.filter((p) => p === `${FIX}/clean.asl.json`)).toHaveLength(1);
    expect(paths).toEqual([...new Set(paths)]);
  });

  it('a UTF-8 byte-order mark is ignored', async () => {
    expect(readFileSync(join(ROOT, FIX, 'bom.asl.json'))[0]).toBe(0xef);
    expect(await cli([`${FIX}/bom.asl.json`])).toEqual({ code: 0, stdout: '', stderr: ONE_CHECKED });
  });

  it('nothing found is a usage error naming what was looked for', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'asl-empty-'));
    writeFileSync(join(empty, 'readme.txt'), 'no definitions here');
    expectFatal(await cli(['.'], { cwd: empty }), "no files that may hold state machines (.json, .yaml, .yml, .tf, .template) found in directory '.'");
    expectFatal(await cli([`${FIX}/nothing-here/*.asl.json`]), `no files match the pattern '${FIX}/nothing-here/*.asl.json'`);
    // Files were found, but none is a state machine: nothing was checked, which is not a pass.
    expectFatal(await cli([`${FIX}/tree/*.txt`]), `no state machine found in '${FIX}/tree/*.txt' (1 file looked at, none a definition or a template with one)`);
    expectFatal(await cli([]), "no files given: name files, directories or globs to lint, or '-' to read standard input (run 'asl-lint --help' for usage)");
  });
});

describe('standard input', () => {
  it("'-' reads JSON from stdin, shown as <stdin> (the binary, stdin a pipe)", () => {
    const r = bin(['-'], { input: readFileSync(join(ROOT, FIX, 'errors.asl.json')) });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['', '<stdin>', `  4:36  error  ${MISSING_C}     MISSING_TRANSITION_TARGET (transition-target)`]);
  });

  it('--stdin-filename names it and picks YAML; a BOM is stripped', async () => {
    const yaml = readFileSync(join(ROOT, FIX, 'errors.asl.yaml'));
    const r = await cli(['-f', 'json', '--stdin-filename', 'machines/order.asl.yaml', '-'], { input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), yaml]) });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout);
    expect(file.filePath).toBe('machines/order.asl.yaml');
    expect(file.diagnostics.map((d: { line: number; column: number; rule: string }) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['5:11 transition-target', '6:3 state-unreachable']);
  });

  it('stdin together with files', async () => {
    const r = await cli(['-f', 'json', `${FIX}/clean.asl.json`, '-'], { input: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual([`${FIX}/clean.asl.json`, '<stdin>']);
  });

  it('misuse of stdin options is a usage error', async () => {
    expectFatal(await cli(['-', '-']), "'-' (standard input) can be given only once");
    expectFatal(await cli(['--stdin-filename', 'x.asl.yaml', `${FIX}/clean.asl.json`]), "--stdin-filename names the text read from standard input; give '-' as well");
  });
});

describe('failures: exit 2, one line on stderr, never a stack trace', () => {
  it('a missing file (the binary; in process the same)', async () => {
    expectFatal(bin([`${FIX}/clean.asl.json`, 'no/such/machine.asl.json']), "cannot read 'no/such/machine.asl.json': no such file or directory");
    expectFatal(await cli([`${FIX}/clean.asl.json`, 'no/such/machine.asl.json']), "cannot read 'no/such/machine.asl.json': no such file or directory");
  });

  it.runIf(process.platform === 'linux')('a file that cannot be read (an I/O error, which holds even for root)', async () => {
    expectFatal(await cli(['/proc/self/mem']), "cannot read '/proc/self/mem': input/output error");
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)('a file without read permission', async () => {
    const p = join(tmp, 'secret.asl.json');
    writeFileSync(p, '{}', { mode: 0o000 });
    expectFatal(await cli([p]), `cannot read '${p}': permission denied`);
  });

  it('an unknown option, with a suggestion', async () => {
    expectFatal(await cli(['--max-warning', '0', `${FIX}/clean.asl.json`]), "unknown option '--max-warning' (did you mean '--max-warnings'?); run 'asl-lint --help' for usage");
    expectFatal(await cli(['--frobnicate', `${FIX}/clean.asl.json`]), "unknown option '--frobnicate'; run 'asl-lint --help' for usage");
    expectFatal(await cli(['-x', `${FIX}/clean.asl.json`]), "unknown option '-x'; run 'asl-lint --help' for usage");
  });

  it('bad values name the valid ones', async () => {
    expectFatal(await cli(['--format', 'xml', `${FIX}/clean.asl.json`]), /^asl-lint: invalid value for --format: 'xml' \(expected stylish, json(, [a-z]+)*\)\n$/);
    expectFatal(await cli(['--severity', 'INFO', `${FIX}/clean.asl.json`]), "invalid value for --severity: 'INFO' (expected ERROR or WARNING)");
    expectFatal(await cli(['--type', 'BATCH', `${FIX}/clean.asl.json`]), "invalid value for --type: 'BATCH' (expected STANDARD or EXPRESS)");
    expectFatal(await cli(['--max-warnings', 'many', `${FIX}/clean.asl.json`]), "invalid value for --max-warnings: 'many' (expected a whole number of warnings, 0 or more (-1 for no limit))");
    expectFatal(await cli([`${FIX}/clean.asl.json`, '--format']), /^asl-lint: --format needs a value: stylish, json/);
    expectFatal(await cli(['--quiet=yes', `${FIX}/clean.asl.json`]), '--quiet takes no value');
  });

  it('a reader that closes the pipe early ends the run quietly, with the verdict as exit code', async () => {
    // Enough unreachable states for a report far larger than a pipe's buffer.
    const states: Record<string, unknown> = { A: { Type: 'Succeed' } };
    for (let i = 0; i < 3000; i++) states[`S${i}`] = { Type: 'Succeed' };
    const big = join(tmp, 'big.asl.json');
    writeFileSync(big, JSON.stringify({ StartAt: 'A', States: states }, null, 1));
    const child = spawn(process.execPath, [BIN, big], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe(ONE_CHECKED);
    expect(code).toBe(1);
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  const file = `${FIX}/errors.asl.json`;

  it('none when stdout is not a terminal (the binary, stdout a pipe)', () => {
    expect(bin([file]).stdout).not.toContain(ESC);
  });

  it('on a terminal, unless TERM is dumb (in process: stdoutIsTTY)', async () => {
    expect((await cli([file], { tty: true })).stdout).toContain(`${ESC}31merror`);
    expect((await cli([file], { tty: true, env: { TERM: 'dumb' } })).stdout).not.toContain(ESC);
    expect((await cli([file], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });

  it('FORCE_COLOR and --color force it; NO_COLOR and --no-color win over FORCE_COLOR; the last flag wins', async () => {
    expect((await cli([file], { env: { FORCE_COLOR: '1' } })).stdout).toContain(`${ESC}31merror`);
    expect((await cli(['--color', file])).stdout).toContain(`${ESC}31merror`);
    expect((await cli([file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['--no-color', file], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['--no-color', '--color', file])).stdout).toContain(ESC);
    expect((await cli(['--color', '--no-color', file])).stdout).not.toContain(ESC);
  });

  it('coloured output is the plain output plus escapes', async () => {
    const plain = (await cli([file])).stdout;
    const coloured = (await cli(['--color', file])).stdout;
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders), nothing on stdout, same exit code', async () => {
    const out = join(tmp, 'reports', 'nested', 'lint.json');
    const r = await cli(['-f', 'json', '-o', out, `${FIX}/errors.asl.json`], { env: { FORCE_COLOR: '1' } });
    expect(r).toEqual({ code: 1, stdout: '', stderr: ONE_CHECKED });
    expect(readFileSync(out, 'utf8')).toBe((await cli(['-f', 'json', `${FIX}/errors.asl.json`])).stdout);
  });

  it('a stylish report in a file has no colour escapes even with FORCE_COLOR', async () => {
    const out = join(tmp, 'lint.txt');
    await cli(['--output-file', out, `${FIX}/errors.asl.json`], { env: { FORCE_COLOR: '1' } });
    expect(readFileSync(out, 'utf8')).toBe((await cli([`${FIX}/errors.asl.json`])).stdout);
  });

  it('a file that cannot be written is exit 2', async () => {
    expectFatal(await cli(['-o', `${FIX}/clean.asl.json/report.txt`, `${FIX}/clean.asl.json`]), `cannot write '${FIX}/clean.asl.json/report.txt': a part of the path is not a directory`);
  });
});

describe('--version and --help', () => {
  it("--version prints the version of package.json, which SARIF's tool.driver.version says too (the binary; in process the same)", async () => {
    expect(bin(['--version'])).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
    expect((await cli(['-v'])).stdout).toBe(`${PKG.version}\n`);
    // One reader (src/package-info.ts) for both: from the bundle in dist/ and from the sources.
    const driver = (r: { stdout: string }) => JSON.parse(r.stdout).runs[0].tool.driver;
    expect(driver(bin(['-f', 'sarif', `${FIX}/clean.asl.json`])).version).toBe(PKG.version);
    expect(driver(await cli(['-f', 'sarif', `${FIX}/clean.asl.json`])).version).toBe(PKG.version);
  });

  it('--help describes usage, every option and the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: asl-lint [options] <file|dir|glob|->...');
    for (const flag of ['--format', '--severity', '--type', '--max-warnings', '--quiet', '--output-file', '--stdin-filename', '--color', '--no-color', '--help', '--version']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toMatch(/^ {2}2 {2}usage error, nothing to lint, unreadable or oversized file, or internal failure$/m);
    expect((await cli(['-h'])).stdout).toBe(r.stdout);
  });
});

describe('--type', () => {
  it('is passed to the linter (accepted in any case): a .sync integration is fine for STANDARD, an error for EXPRESS', async () => {
    const file = `${FIX}/sync-task.asl.json`;
    expect(await cli([file])).toEqual({ code: 0, stdout: '', stderr: ONE_CHECKED });
    expect(await cli(['--type', 'STANDARD', file])).toEqual({ code: 0, stdout: '', stderr: ONE_CHECKED });
    const r = await cli(['--type', 'express', '-f', 'json', file]);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout);
    expect(result.diagnostics.map((d: { line: number; column: number; code: string; rule: string }) => `${d.line}:${d.column} ${d.code} ${d.rule}`)).toEqual([
      '4:42 SCHEMA_VALIDATION_FAILED express-integration',
    ]);
  });
});

describe('formats beyond stylish and json', () => {
  it('every registered formatter is reachable through --format', async () => {
    const sarif = await cli(['-f', 'sarif', `${FIX}/errors.asl.json`]);
    expect(sarif.code).toBe(1);
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
    const github = await cli(['-f', 'github', `${FIX}/errors.asl.json`]);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=test\/fixtures\/cli\/errors\.asl\.json,line=4,col=36,/);
    const junit = await cli(['-f', 'junit', `${FIX}/errors.asl.json`]);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/^<\?xml /);
  });
});

describe("the working directory is the one the run is given (main(io): io.cwd), never the process's own", () => {
  it("SARIF's %SRCROOT% is io.cwd, so its relative artifact URIs resolve (it was process.cwd())", async () => {
    const r = await cli(['-f', 'sarif', 'errors.asl.json'], { cwd: join(ROOT, FIX) });
    expect(process.cwd()).not.toBe(join(ROOT, FIX));
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${join(ROOT, FIX)}/`);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'errors.asl.json', uriBaseId: '%SRCROOT%' });
  });
});

describe('main(io) run again in one process', () => {
  it('reads the configuration files as they are at each run, found or named with --config (they were cached across runs)', async () => {
    const dir = mkdtempSync(join(tmp, 'config-'));
    writeFileSync(join(dir, 'a.asl.json'), readFileSync(join(ROOT, FIX, 'warning.asl.json')));
    const found = () => cli(['-f', 'json', 'a.asl.json'], { cwd: dir });
    const named = () => cli(['-f', 'json', '--config', 'named.json', 'a.asl.json'], { cwd: dir });
    const codes = (r: { stdout: string }) => (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
    writeFileSync(join(dir, 'named.json'), '{}');
    expect(codes(await found())).toEqual(['NO_DOLLAR']);
    expect(codes(await named())).toEqual(['NO_DOLLAR']);
    writeFileSync(join(dir, 'asl-lint.config.json'), '{"rules": {"no-dollar": "off"}}');
    writeFileSync(join(dir, 'named.json'), '{"rules": {"no-dollar": "off"}}');
    expect(codes(await found())).toEqual([]);
    expect(codes(await named())).toEqual([]);
  });
});

describe('start-up loads only what the input needs', () => {
  // Which npm packages a run loaded (through require), reported by a preloaded script.
  function loaded(args: string[]): string[] {
    const r = bin(args, { nodeArgs: ['-r', join(ROOT, FIX, 'report-loaded-packages.cjs')] });
    const line = r.stderr.split('\n').find((l) => l.startsWith('loaded: '));
    expect(line).toBeDefined();
    return line!.slice('loaded: '.length).split(' ').filter(Boolean);
  }

  it('a clean JSON file: no YAML parser, no position tree, no glob library', async () => {
    const pkgs = loaded([`${FIX}/clean.asl.json`]);
    expect(pkgs).not.toContain('yaml');
    expect(pkgs).not.toContain('jsonc-parser');
    expect(pkgs).not.toContain('picomatch');
  });

  it('each is loaded when needed: yaml for YAML (ignore and picomatch, for walks and globs, are in the bundle)', async () => {
    expect(loaded([`${FIX}/errors.asl.yaml`])).toContain('yaml');
    expect(loaded([`${FIX}/tree`])).toContain('yaml');
  });

  it('--version loads no package at all', async () => {
    expect(loaded(['--version'])).toEqual([]);
  });
});
