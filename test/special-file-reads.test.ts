/**
 * Every read of a file someone else may have planted goes through src/read-file.ts (only regular
 * files, under a cap): the editor's template search, `asl-lint run`/`test`, `asl-lint graph`
 * (issue 11 review) and the package's own package.json (src/package-info.ts). A FIFO with no writer would block a plain readFileSync for ever; here each
 * FIFO has a writer (a child process) so that the old reads would return its text and the test
 * fail, instead of hanging. Skipped only where mkfifo is unavailable.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ROOT, cli, ensureBuilt } from './cli-support.js';
import { lintViaTemplate } from '../src/lsp/viaTemplate.js';

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const MKFIFO = hasMkfifo();
const CLEAN = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const dirs: string[] = [];
const writers: ChildProcess[] = [];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'asl-fifo-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** A FIFO at `path` that a child process writes `text` into (once a reader opens it). */
function fifo(path: string, text: string): void {
  execFileSync('mkfifo', [path]);
  const writer = spawn('sh', ['-c', 'printf "%s" "$1" > "$2"', 'sh', text, path], { stdio: 'ignore' });
  writer.on('error', () => {});
  writers.push(writer);
}

afterEach(() => {
  // A writer whose FIFO was never opened waits in open(): end it (by its own pid).
  for (const w of writers.splice(0)) if (w.exitCode === null && w.signalCode === null) w.kill();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!MKFIFO)('FIFOs are refused, never read', () => {
  it('the editor: a FIFO named template.yaml beside a definition is not read (lintViaTemplate)', () => {
    const dir = project({ 'flow.asl.json': CLEAN, '.git/HEAD': '' });
    // A template that names the definition, with a substitution: read, it would give a result.
    fifo(join(dir, 'template.yaml'), 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.asl.json\n');
    expect(lintViaTemplate(join(dir, 'flow.asl.json'), CLEAN, {})).toBeUndefined();
    // A regular template with the same text is read (the FIFO is what was refused).
    const dir2 = project({
      'flow.asl.json': CLEAN,
      '.git/HEAD': '',
      'template.yaml': 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.asl.json\n',
    });
    expect(lintViaTemplate(join(dir2, 'flow.asl.json'), CLEAN, {})?.filePath).toBe(join(dir2, 'flow.asl.json'));
  });

  it("the package's own package.json (--version, SARIF, the language server): a FIFO on the way up is skipped", () => {
    ensureBuilt();
    // The built src/package-info.js and the module it reads with, in dist/src/ of a package whose
    // dist/ holds a FIFO named package.json (dist/src/package.json only says the modules' type).
    const dir = project({ 'package.json': JSON.stringify({ name: 'asl-lint', version: '1.2.3' }), 'dist/src/package.json': '{"type": "module"}' });
    for (const f of ['package-info.js', 'read-file.js']) copyFileSync(join(ROOT, 'dist', 'src', f), join(dir, 'dist', 'src', f));
    fifo(join(dir, 'dist', 'package.json'), JSON.stringify({ name: 'asl-lint', version: '6.6.6' }));
    const script = `import(${JSON.stringify(pathToFileURL(join(dir, 'dist', 'src', 'package-info.js')).href)}).then((m) => process.stdout.write(m.packageInfo().version))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
    expect([r.stdout, r.stderr]).toEqual(['1.2.3', '']);
  });

  it('asl-lint run: a FIFO definition, input or mocks file is refused in one line, exit 2', async () => {
    const dir = project({ 'ok.asl.json': CLEAN });
    fifo(join(dir, 'flow.asl.json'), CLEAN);
    expect(await cli(['run', 'flow.asl.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "asl-lint: cannot read 'flow.asl.json': not a regular file (a FIFO); only regular files are read\n",
    });
    fifo(join(dir, 'input.json'), '{}');
    expect(await cli(['run', 'ok.asl.json', '--input', '@input.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "asl-lint: cannot read 'input.json': not a regular file (a FIFO); only regular files are read\n",
    });
  });

  it('asl-lint test: a FIFO a test file names as its machine is refused in one line, exit 2', async () => {
    const dir = project({ 'flow.asl-test.json': JSON.stringify({ machine: 'pipe.asl.json', tests: [{ name: 't', expect: { status: 'SUCCEEDED' } }] }) });
    fifo(join(dir, 'pipe.asl.json'), CLEAN);
    const r = await cli(['test', 'flow.asl-test.json'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "asl-lint: cannot read 'pipe.asl.json': not a regular file (a FIFO); only regular files are read\n" });
  });

  it('asl-lint graph: a FIFO is refused as asl-lint refuses it, exit 2', async () => {
    const dir = project({});
    fifo(join(dir, 'flow.asl.json'), CLEAN);
    expect(await cli(['graph', 'flow.asl.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "asl-lint: cannot read 'flow.asl.json': not a regular file (a FIFO); only regular files are read\n",
    });
  });

  it("asl-lint graph: a FIFO a template's DefinitionUri names is not read; the machine is not drawn", async () => {
    const dir = project({
      'template.yaml': [
        'Resources:',
        '  Good:',
        '    Type: AWS::Serverless::StateMachine',
        '    Properties:',
        '      Definition: {StartAt: A, States: {A: {Type: Succeed}}}',
        '  Piped:',
        '    Type: AWS::Serverless::StateMachine',
        '    Properties:',
        '      DefinitionUri: pipe.asl.json',
        '',
      ].join('\n'),
    });
    fifo(join(dir, 'pipe.asl.json'), CLEAN);
    const r = await cli(['graph', 'template.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(r.stderr).toBe("asl-lint: template.yaml: not drawn: Piped: DefinitionUri names 'pipe.asl.json', which cannot be read (not a regular file (a FIFO); only regular files are read)\n");
  });
});
