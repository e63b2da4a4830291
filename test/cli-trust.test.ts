/**
 * Issue 9 §1 (CI must never pass silently), the file-reading and template bounds of §3, and
 * issue 10's template items: through the real binary, as CI runs it; the hostile inputs as
 * bounded tests on generated text (they assert termination and counts, never time).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, cli } from './cli-support.js';
import { lint } from '../src/index.js';
import { lintFile } from '../src/lint-file.js';
import { extractTerraform } from '../src/parse/templates/index.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['asl-lint']);

beforeAll(() => {
  expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * In process, through main(io) (test/cli-support.ts); as another user (`uid`), the real binary in
 * a child process of that user.
 */
async function run(args: string[], cwd: string, opts: { uid?: number; input?: string } = {}): Promise<Run> {
  if (opts.uid === undefined) return cli(args, { cwd, input: opts.input });
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 60_000, input: opts.input ?? '', uid: opts.uid, gid: opts.uid });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type JsonFile = { filePath: string; result: string; diagnostics: { code: string; severity: string; location: string | null; line: number; column: number; message: string; rule: string }[] };
async function json(args: string[], cwd: string): Promise<Run & { files: JsonFile[] }> {
  const r = await run(['-f', 'json', ...args], cwd);
  return { ...r, files: r.stdout ? (JSON.parse(r.stdout) as JsonFile[]) : [] };
}
const rows = (files: JsonFile[]) => files.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.location}`)]);

/** A fresh project folder with these files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'asl-trust-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** One-line exit-2 contract. */
function expectFatal(r: Run, message: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  if (typeof message === 'string') expect(r.stderr).toBe(`asl-lint: ${message}\n`);
  else expect(r.stderr).toMatch(message);
}

const CLEAN = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}\n';
const BROKEN = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}}}\n';
/** A synchronous integration: fine for STANDARD, refused for EXPRESS. */
const SYNC = { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', End: true } } };
const SYNC_YAML = ['        StartAt: A', '        States:', '          A:', '            Type: Task', "            Resource: 'arn:aws:states:::ecs:runTask.sync'", '            End: true'].join('\n');

describe('issue 9 §1: globs and folder walks lint every state machine, and say how many', () => {
  const files = {
    'machines/order.json': BROKEN,
    'machines/sub/payment.yaml': 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n',
    'machines/settings.json': '{"region": "eu-west-1"}\n',
    'machines/notes.txt': 'not a candidate',
  };

  it("a glob over plainly named definitions ('machines/**/*.json') lints them; non-definitions are skipped and counted", async () => {
    const dir = project(files);
    const r = await json(['machines/**/*.json'], dir);
    expect(r.code).toBe(1);
    expect(rows(r.files)).toEqual([['machines/order.json', ['1:18 ERROR MISSING_END_STATE null', '1:59 ERROR MISSING_TRANSITION_TARGET /States/A/Next']]]);
    expect(r.stderr).toBe('asl-lint: checked 1 file (1 state machine); skipped 1 found file holding no state machine\n');
  });

  it('a folder walk reads .json/.yaml files by content too', async () => {
    const dir = project(files);
    const r = await json(['machines'], dir);
    expect(r.code).toBe(1);
    expect(r.files.map((f) => `${f.filePath} ${f.result}`)).toEqual(['machines/order.json FAIL', 'machines/sub/payment.yaml OK']);
    expect(r.stderr).toBe('asl-lint: checked 2 files (2 state machines); skipped 1 found file holding no state machine\n');
  });

  it('a broken file that speaks of States is linted (reported), not skipped', async () => {
    // "States" as a word in a broken unrelated file is not enough: it must be written as a key.
    const dir = project({ 'm/broken.json': '{"StartAt": "A", "States": {,}}', 'm/prose.yaml': 'text: [the United States\n' });
    const r = await json(['m'], dir);
    expect(r.code).toBe(1);
    expect(r.files.map((f) => `${f.filePath} ${f.diagnostics[0].code}`)).toEqual(['m/broken.json INVALID_JSON_DESCRIPTION']);
    expect(r.stderr).toBe('asl-lint: checked 1 file (1 state machine); skipped 1 found file holding no state machine\n');
  });

  it('a folder or glob where nothing is a state machine is exit 2, not a silent pass', async () => {
    const dir = project({ 'cfg/a.json': '{"a": 1}', 'cfg/b.yaml': 'b: 2\n' });
    expectFatal(await run(['cfg'], dir), "no state machine found in 'cfg' (2 files looked at, none a definition or a template with one)");
    expectFatal(await run(['cfg/*.json'], dir), "no state machine found in 'cfg/*.json' (1 file looked at, none a definition or a template with one)");
  });

  it('the count goes to stderr; stdout stays the report (json parses as is)', async () => {
    const dir = project({ 'a.asl.json': CLEAN });
    const r = await run(['-f', 'json', 'a.asl.json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe('asl-lint: checked 1 file (1 state machine)\n');
  });
});

describe('issue 9 §1: directives', () => {
  const yaml = (line5: string) => ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    Parameters:', line5, '    Next: Gone', ''].join('\n');

  it('# asl-lint-disable-line silences its own line only (it was read as a file-wide disable)', async () => {
    const r = lint(yaml('      x: $.x  # asl-lint-disable-line NO_DOLLAR'), { format: 'yaml' });
    expect(r.diagnostics.map((d) => `${d.code} ${d.location}`)).toEqual(['MISSING_END_STATE undefined', 'MISSING_TRANSITION_TARGET /States/A/Next']);
    // Without a rule list: everything on that line, nothing elsewhere.
    const all = lint(yaml('      x: $.x  # asl-lint-disable-line'), { format: 'yaml' });
    expect(all.diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
  });

  it('the Comment-field forms: asl-lint-disable-line and asl-lint-disable-next-line', async () => {
    const text = [
      '{"StartAt": "A", "States": {"A": {"Type": "Pass",',
      '  "Comment": "asl-lint-disable-next-line NO_DOLLAR -- the API wants the literal",',
      '  "Parameters": {"x": "$.x"},',
      '  "Next": "Gone"}}}',
    ].join('\n');
    expect(lint(text).diagnostics.map((d) => `${d.code} ${d.location}`)).toEqual(['MISSING_END_STATE undefined', 'MISSING_TRANSITION_TARGET /States/A/Next']);
    const same = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Comment": "asl-lint-disable-line NO_DOLLAR", "Parameters": {"x": "$.x"},\n "Next": "Gone"}}}';
    expect(lint(same).diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
  });

  it('an unknown directive or rule name is an error that disables nothing', async () => {
    const r = lint(yaml('      x: $.x  # asl-lint-disable-nextline NO_DOLLAR'), { format: 'yaml' });
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.character}`)).toEqual([
      'ERROR MISSING_END_STATE 1:0',
      'WARNING NO_DOLLAR 5:6',
      'ERROR LINT_INVALID_DIRECTIVE 5:14',
      'ERROR MISSING_TRANSITION_TARGET 6:10',
    ]);
    expect(r.diagnostics[2].message).toBe(
      "Unknown directive 'asl-lint-disable-nextline' (did you mean 'asl-lint-disable-next-line'?): asl-lint knows asl-lint-disable, asl-lint-disable-line and asl-lint-disable-next-line. It disables nothing.",
    );
    const typo = lint('# asl-lint-disable NO_DOLAR\n' + yaml('      x: $.x'), { format: 'yaml' });
    expect(typo.diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(['LINT_INVALID_DIRECTIVE 0', 'MISSING_END_STATE 2', 'NO_DOLLAR 6', 'MISSING_TRANSITION_TARGET 7']);
    expect(typo.diagnostics[0].message).toMatch(/^Unknown rule 'NO_DOLAR' in asl-lint-disable/);
    const inComment = lint('{"Comment": "asl-lint-disable NO_DOLLAR because", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
    expect(inComment.diagnostics.map((d) => `${d.code} ${d.location}`)).toEqual(['LINT_INVALID_DIRECTIVE /Comment']);
    // A sentence after the list (past punctuation) or a reason after ' -- ' is not a rule name.
    for (const c of ['asl-lint-disable NO_DOLLAR. The API wants the literal', 'asl-lint-disable NO_DOLLAR -- the API wants it']) {
      expect(lint(`{"Comment": ${JSON.stringify(c)}, "StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "End": true}}}`).diagnostics).toEqual([]);
    }
  });

  it('through the CLI: exit 1 for a mistyped directive', async () => {
    const dir = project({ 'a.asl.yaml': 'StartAt: A # asl-lint-enable\nStates:\n  A:\n    Type: Succeed\n' });
    const r = await json(['a.asl.yaml'], dir);
    expect(r.code).toBe(1);
    expect(rows(r.files)).toEqual([['a.asl.yaml', ['1:12 ERROR LINT_INVALID_DIRECTIVE /']]]);
  });

  it('12,000 disable-next-line directives: each silences its own line (linear: it was 74 s)', async () => {
    const n = 12_000;
    let y = 'StartAt: S0\nStates:\n';
    for (let i = 0; i < n; i++) y += `  S${i}:\n    Type: Pass\n    Parameters:\n      # asl-lint-disable-next-line NO_DOLLAR\n      x: $.x\n    ${i + 1 < n ? `Next: S${i + 1}` : 'End: true'}\n`;
    // 1.4 MB of YAML: over AWS's size limit, which is beside the point here.
    expect(lint(y, { format: 'yaml', reportUnusedDirectives: true, rules: { 'definition-too-large': 'off' } }).diagnostics).toEqual([]);
  }, 60_000);

  it('unknown --rule ids are refused like unknown config rules, with a suggestion', async () => {
    const dir = project({ 'a.asl.json': CLEAN });
    expectFatal(
      await run(['--rule', 'NO_DOLAR=off', 'a.asl.json'], dir),
      "invalid value for --rule: unknown rule 'NO_DOLAR' (did you mean 'NO_DOLLAR'?): use a rule id such as 'state-unreachable' or an AWS code such as 'NO_DOLLAR' (the list: rules/README.md)",
    );
  });
});

describe('issue 9 §1: the machine type a template declares', () => {
  it('SAM Type, CloudFormation StateMachineType, Serverless type, Terraform type: each machine as its own type; --type overrides', async () => {
    const sam = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fast:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Type: EXPRESS',
      '      Definition:',
      SYNC_YAML,
      '  Slow:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Definition:',
      SYNC_YAML,
      '',
    ].join('\n');
    const cfn = JSON.stringify({ Resources: { Fast: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineType: 'EXPRESS', DefinitionString: JSON.stringify(SYNC) } } } });
    const sls = ['service: s', 'stepFunctions:', '  stateMachines:', '    fast:', '      type: express', '      definition:', SYNC_YAML, ''].join('\n');
    const tf = ['resource "aws_sfn_state_machine" "fast" {', '  type = "EXPRESS"', '  definition = <<EOF', JSON.stringify(SYNC), 'EOF', '}', ''].join('\n');
    const dir = project({ 'template.yaml': sam, 'cfn.template': cfn, 'serverless.yml': sls, 'main.tf': tf });
    const r = await json(['template.yaml', 'cfn.template', 'serverless.yml', 'main.tf'], dir);
    expect(r.code).toBe(1);
    // Only the machines declared EXPRESS get the .sync error; Slow (no declaration) is STANDARD.
    expect(r.files.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location}`)])).toEqual([
      ['template.yaml', ['ERROR SCHEMA_VALIDATION_FAILED Fast: /States/A/Resource']],
      ['cfn.template', ['ERROR SCHEMA_VALIDATION_FAILED Fast: /States/A/Resource']],
      ['serverless.yml', ['ERROR SCHEMA_VALIDATION_FAILED fast: /States/A/Resource']],
      ['main.tf', ['ERROR SCHEMA_VALIDATION_FAILED fast: /States/A/Resource']],
    ]);
    // --type STANDARD overrides every declaration.
    expect((await run(['--type', 'STANDARD', 'template.yaml', 'cfn.template', 'serverless.yml', 'main.tf'], dir)).code).toBe(0);
    // And the template's declaration wins over the configuration's default.
    writeFileSync(join(dir, 'asl-lint.config.json'), '{"type": "EXPRESS"}');
    writeFileSync(join(dir, 'std.yaml'), sam.replace('Type: EXPRESS', 'Type: STANDARD'));
    const cfg = await json(['template.yaml', 'std.yaml'], dir);
    expect(cfg.files.map((f) => [f.filePath, f.diagnostics.map((d) => d.location!.split(':')[0])])).toEqual([
      ['template.yaml', ['Fast', 'Slow']],
      ['std.yaml', ['Slow']],
    ]);
  });
});

describe('issue 9 §1: templates named on the command line', () => {
  it('a template.yaml, serverless.yml or .tf with no state machine passes with a note (the pre-commit hook names them)', async () => {
    const dir = project({
      'template.yaml':
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n",
      'serverless.yml': 'service: api\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: h.hello\n',
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n',
    });
    const r = await run(['template.yaml', 'serverless.yml', 'main.tf'], dir);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'asl-lint: note: template.yaml: no state machine in this template: nothing to check',
        'asl-lint: note: serverless.yml: no state machine in this template: nothing to check',
        'asl-lint: note: main.tf: no aws_sfn_state_machine resource in this template: nothing to check',
        'asl-lint: checked 3 files (0 state machines)',
        '',
      ].join('\n'),
    });
  });

  it('a state machine resource without Properties is a machine that cannot be checked, not "no state machine"', async () => {
    const [r] = lintFile('Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n', 'template.yaml');
    expect([r.notes, r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location} ${d.message}`)]).toEqual([undefined, ['WARNING LINT_NOT_CHECKABLE M: / M: not checked: no Properties.']]);
  });

  it('JSON or YAML by content for every template extension: a YAML *.template, a JSON template.yaml', async () => {
    const yamlTpl = [
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A:',
      '            Type: Pass',
      '            Next: Gone',
      '',
    ].join('\n');
    const jsonTpl = JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Gone' } } } } } } });
    const dir = project({ 'stack.template': yamlTpl, 'template.yaml': jsonTpl });
    const r = await json(['stack.template', 'template.yaml'], dir);
    expect(rows(r.files)).toEqual([
      ['stack.template', ['7:9 ERROR MISSING_END_STATE M: /', '10:19 ERROR MISSING_TRANSITION_TARGET M: /States/A/Next']],
      ['template.yaml', ['1:104 ERROR MISSING_END_STATE M: /', '1:140 ERROR MISSING_TRANSITION_TARGET M: /States/A/Next']],
    ]);
  });

  it('Serverless resources.Resources with AWS::StepFunctions::StateMachine are read as CloudFormation (not the whole file as one definition)', async () => {
    const sls = [
      'service: s',
      'provider:',
      '  name: aws',
      'resources:',
      '  Resources:',
      '    Flow:',
      '      Type: AWS::StepFunctions::StateMachine',
      '      Properties:',
      '        Definition:',
      '          StartAt: A',
      '          States:',
      '            A:',
      '              Type: Pass',
      '              Next: Gone',
      '',
    ].join('\n');
    const dir = project({ 'serverless.yml': sls });
    const r = await json(['serverless.yml'], dir);
    expect(rows(r.files)).toEqual([['serverless.yml', ['11:11 ERROR MISSING_END_STATE Flow: /', '14:21 ERROR MISSING_TRANSITION_TARGET Flow: /States/A/Next']]]);
  });
});

describe('issue 9 §1: what a folder walk skips', () => {
  it(".aws-sam, .terraform, node_modules, .git and .gitignore'd paths are skipped; .gitignore of the repository above applies too", async () => {
    const dir = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.generated.asl.json\n',
      'app/src/flow.asl.json': CLEAN,
      'app/src/x.generated.asl.json': BROKEN,
      'app/build/copy.asl.json': BROKEN,
      'app/.aws-sam/build/template.yaml': 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition: {StartAt: A, States: {A: {Type: Pass, Next: Gone}}}\n',
      'app/.terraform/modules/m/main.tf': 'resource "aws_sfn_state_machine" "m" {\n  definition = <<EOF\n' + BROKEN + 'EOF\n}\n',
      'app/node_modules/p/x.asl.json': BROKEN,
      'app/sub/.gitignore': 'local.asl.json\n',
      'app/sub/local.asl.json': BROKEN,
      'app/sub/kept.asl.json': CLEAN,
    });
    const r = await json(['app'], dir);
    expect(r.code).toBe(0);
    expect(r.files.map((f) => f.filePath)).toEqual(['app/sub/kept.asl.json', 'app/src/flow.asl.json'].sort());
    // A folder named on the command line is walked even when ignored (its own contents still follow the rules).
    const named = await json(['app/build'], dir);
    expect(named.files.map((f) => f.filePath)).toEqual(['app/build/copy.asl.json']);
  });

  it('cdk.out: linted when it holds the only copy of a machine, skipped where the same machine was linted from another file', async () => {
    const def = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Gone' } } };
    const cdkTemplate = (defs: Record<string, object>) =>
      JSON.stringify({ Resources: Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: JSON.stringify(d) } }])) });
    const only = { StartAt: 'B', States: { B: { Type: 'Pass', Next: 'Nowhere' } } };
    const dir = project({
      'lib/flow.asl.json': JSON.stringify(def),
      'cdk.out/App.template.json': cdkTemplate({ FromFile: def, FromCode: only }),
      'cdk.out/asset.1234/flow.asl.json': JSON.stringify(def),
      'cdk.out/manifest.json': '{"version": "36.0.0"}',
    });
    const r = await json(['.'], dir);
    expect(r.code).toBe(1);
    expect(rows(r.files)).toEqual([
      ['lib/flow.asl.json', ['1:16 ERROR MISSING_END_STATE null', '1:52 ERROR MISSING_TRANSITION_TARGET /States/A/Next']],
      // FromFile is the same machine as lib/flow.asl.json: not reported twice.
      ['cdk.out/App.template.json', ['1:290 ERROR MISSING_END_STATE FromCode: /', '1:336 ERROR MISSING_TRANSITION_TARGET FromCode: /States/B/Next']],
    ]);
    expect(r.stderr).toBe('asl-lint: checked 2 files (2 state machines)\n');
  });

  it('a directory symlink out of the root is not followed; a symlink loop ends', async () => {
    const outside = project({ 'evil.asl.json': BROKEN });
    const dir = project({ 'repo/ok.asl.json': CLEAN, 'repo/sub/keep.asl.json': CLEAN });
    symlinkSync(outside, join(dir, 'repo', 'vendor'));
    symlinkSync('..', join(dir, 'repo', 'sub', 'loop')); // back to repo/: inside, entered once
    symlinkSync('/', join(dir, 'repo', 'root'));
    symlinkSync('/dev/zero', join(dir, 'repo', 'zero.asl.json'));
    const r = await json(['repo'], dir);
    expect(r.code).toBe(0);
    expect(r.files.map((f) => f.filePath)).toEqual(['repo/ok.asl.json', 'repo/sub/keep.asl.json']);
    // Said, not silent: a link out of the root may be a definition the user expected checked.
    expect(r.stderr).toBe(
      [
        "asl-lint: note: repo/root: skipped: a symbolic link out of 'repo' (to /)",
        `asl-lint: note: repo/vendor: skipped: a symbolic link out of 'repo' (to ${realpathSync(outside)})`,
        "asl-lint: note: repo/zero.asl.json: skipped: a symbolic link out of 'repo' (to /dev/zero)",
        'asl-lint: checked 2 files (2 state machines)',
        '',
      ].join('\n'),
    );
  });

  it('an unreadable folder is "permission denied", not "no files found" (run as an unprivileged user: root reads everything)', async () => {
    const dir = project({ 'ok/a.asl.json': CLEAN, 'locked/b.asl.json': CLEAN });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'locked'), 0o000);
    const asRoot = process.getuid?.() === 0;
    const r = await run(['.'], dir, asRoot ? { uid: 65534 } : {});
    chmodSync(join(dir, 'locked'), 0o755);
    expectFatal(r, "cannot read directory 'locked': permission denied");
  });
});

describe('issue 9 §3: special files and size limits', () => {
  it('a symlinked x.asl.json -> /dev/zero, a FIFO named package.json, a config that is /dev/zero: refused in one line', async () => {
    const dir = project({ 'sub/a.asl.json': CLEAN });
    symlinkSync('/dev/zero', join(dir, 'x.asl.json'));
    expectFatal(await run(['x.asl.json'], dir), "cannot read 'x.asl.json': not a regular file (a character device); only regular files are read");
    expectFatal(
      await run(['--config', '/dev/zero', 'sub/a.asl.json'], dir),
      /^asl-lint: \/dev\/zero: cannot read the configuration file \(not a regular file \(a character device\); only regular files are read\)\n$/,
    );
    execFileSync('mkfifo', [join(dir, 'sub', 'package.json')]);
    expectFatal(await run(['sub/a.asl.json'], dir), /^asl-lint: .*sub\/package\.json: cannot read the configuration file \(not a regular file \(a FIFO\); only regular files are read\)\n$/);
  });

  it('DefinitionUri: /dev/zero and Terraform file("/dev/zero"): outside the project, refused; allowed, still not a regular file', async () => {
    const sam = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: /dev/zero\n';
    const tf = 'resource "aws_sfn_state_machine" "m" {\n  definition = file("/dev/zero")\n}\n';
    const dir = project({ 'template.yaml': sam, 'main.tf': tf });
    const r = await json(['template.yaml', 'main.tf'], dir);
    expect(r.code).toBe(1);
    expect(r.files.map((f) => f.diagnostics.map((d) => d.message))).toEqual([
      [`M: DefinitionUri names '/dev/zero', which cannot be read (it is outside the project folder ${dir}; pass --allow-outside-references to read it).`],
      [`m: definition names '/dev/zero', which cannot be read (it is outside the project folder ${dir}; pass --allow-outside-references to read it).`],
    ]);
    const allowed = await json(['--allow-outside-references', 'template.yaml', 'main.tf'], dir);
    expect(allowed.files.map((f) => f.diagnostics.map((d) => d.message))).toEqual([
      ["M: DefinitionUri names '/dev/zero', which cannot be read (not a regular file (a character device); only regular files are read)."],
      ["m: definition names '/dev/zero', which cannot be read (not a regular file (a character device); only regular files are read)."],
    ]);
  });

  it("DefinitionUri '../' out of the project is refused unless --allow-outside-references", async () => {
    const top = project({
      'shared/flow.asl.json': BROKEN,
      'proj/template.yaml': 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../shared/flow.asl.json\n',
    });
    const proj = join(top, 'proj');
    const r = await json(['template.yaml'], proj);
    expect(r.files[0].diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['LINT_NOT_CHECKABLE ERROR']);
    expect(r.files[0].diagnostics[0].message).toContain('outside the project folder');
    const ok = await json(['--allow-outside-references', 'template.yaml'], proj);
    expect(rows(ok.files)).toEqual([
      ['template.yaml', []],
      [join(top, 'shared/flow.asl.json'), ['1:18 ERROR MISSING_END_STATE null', '1:59 ERROR MISSING_TRANSITION_TARGET /States/A/Next']],
    ]);
  });

  it('size caps: a definition over 10 MiB, a template over --max-template-size, standard input over the cap', async () => {
    const dir = project({ 'big.asl.json': '{"Comment": "' + 'x'.repeat(10 * 1_048_576) + '"}', 'template.yaml': 'Resources: {}\n' + '#'.repeat(3000) + '\n' });
    expectFatal(await run(['big.asl.json'], dir), "cannot read 'big.asl.json': the file is larger than the limit of 10 MiB (10485775 bytes)");
    expectFatal(await run(['--max-template-size', '2KiB', 'template.yaml'], dir), "cannot read 'template.yaml': the file is larger than the limit of 2 KiB (3015 bytes)");
    expectFatal(await run(['--max-template-size', '1KiB', '-'], dir, { input: ' '.repeat(2000) }), 'standard input is larger than the limit of 1 KiB');
    expectFatal(await run(['--max-template-size', 'lots', '-'], dir), "invalid value for --max-template-size: 'lots' (expected a size such as 10MiB, 512KiB or 2000000 (bytes), at most 1GiB)");
  });

  it('a walk skips (with a note) a found file over the limit or not a regular file, unless it is named *.asl.*', async () => {
    const dir = project({ 'm/a.asl.json': CLEAN, 'm/data.json': '[' + '1,'.repeat(2000) + '1]' });
    execFileSync('mkfifo', [join(dir, 'm', 'pipe.json')]);
    const r = await run(['--max-template-size', '1KiB', 'm'], dir);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'asl-lint: note: m/data.json: skipped: the file is larger than the limit of 1 KiB (4003 bytes)',
        'asl-lint: note: m/pipe.json: skipped: not a regular file (a FIFO); only regular files are read',
        'asl-lint: checked 1 file (1 state machine); skipped 2 found files over a size limit or not regular',
        '',
      ].join('\n'),
    });
    // A FIFO named *.asl.json is a definition by name: refused, not skipped.
    execFileSync('mkfifo', [join(dir, 'm', 'pipe.asl.json')]);
    expectFatal(await run(['m'], dir), "cannot read 'm/pipe.asl.json': not a regular file (a FIFO); only regular files are read");
  });

  it('a template over 1 MB holding one small definition: no DEFINITION_TOO_LARGE (the limit is per definition)', async () => {
    const text = JSON.stringify({
      Metadata: { pad: 'x'.repeat(1_200_000) },
      Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Succeed' } } } } } },
    });
    expect(lintFile(text, 'template.json')[0].diagnostics).toEqual([]);
    // A definition object that is itself too large is still reported, at the size CloudFormation sends.
    const huge = JSON.stringify({
      Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { Comment: 'y'.repeat(1_100_000), StartAt: 'A', States: { A: { Type: 'Succeed' } } } } } },
    });
    expect(lintFile(huge, 'template.json')[0].diagnostics.map((d) => d.code)).toEqual(['DEFINITION_TOO_LARGE']);
  });

  it('a glob that would backtrack (*a*a*a*a*a*b), in a config ignore or on the command line, is refused, naming the limit', async () => {
    const dir = project({ 'a.asl.json': CLEAN, 'asl-lint.config.json': '{"ignore": ["*a*a*a*a*a*b"]}' });
    expectFatal(await run(['*a*a*a*a*b'], dir), "the glob '*a*a*a*a*b' has 5 '*' in one path segment; at most 3 are allowed (each one multiplies the matching time)");
    expectFatal(
      await run(['.'], dir),
      /^asl-lint: .*asl-lint\.config\.json: the glob '\*a\*a\*a\*a\*a\*b' has 6 '\*' in one path segment; at most 3 are allowed \(each one multiplies the matching time\)\n$/,
    );
  });
});

describe('issue 9 §3: template extraction is linear (bounded tests on generated text)', () => {
  it('Terraform: 200 KB of blank lines in a block, 28,000 unclosed blocks (1.1 MB), a 200,000-line <<- heredoc', async () => {
    const blank = 'resource "aws_sfn_state_machine" "m" {\n' + '\n'.repeat(200_000) + '  name = "x"\n}\n';
    expect(extractTerraform(blank).definitions.map((d) => d.notCheckable)).toEqual(['no definition attribute']);
    const unclosed = 'resource "aws_sfn_state_machine" "m" {\n'.repeat(28_000);
    expect(extractTerraform(unclosed).definitions).toHaveLength(28_000);
    // 200,000 indented lines (the common indentation was a Math.min(...lines) spread: a stack overflow).
    const lines = ['    {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Result": [', ...Array.from({ length: 200_000 }, () => '      1,'), '      1]}}}'].join('\n');
    const hd = 'resource "aws_sfn_state_machine" "m" {\n  definition = <<-EOF\n' + lines + '\n  EOF\n}\n';
    const [r] = lintFile(hd, 'main.tf');
    expect([r.definitions, r.diagnostics]).toEqual([1, []]);
  }, 60_000);

  it('20,000 definitions in one template: each linted once, positions from one line index', async () => {
    const res: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) res[`M${i}`] = { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Gone' } } } } };
    // One resource a line: 20,000 lines, 2.8 MB, under lint()'s 4 MiB JSON limit (pretty-printed it was 4.5 MB).
    const text =
      '{"Resources": {\n' +
      Object.entries(res)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(',\n') +
      '\n}}\n';
    expect(text.length).toBeLessThan(4 * 1_048_576);
    const [r] = lintFile(text, 'template.json');
    expect(r.definitions).toBe(20_000);
    expect(r.diagnostics.filter((d) => d.code === 'MISSING_TRANSITION_TARGET')).toHaveLength(20_000);
    expect(r.diagnostics.at(-1)!.location).toBe('M19999: /States/A/Next');
  }, 120_000);
});

describe('issue 10: definitions deployed through a template', () => {
  it('a DefinitionUri file is read as CloudFormation reads it (JSON or YAML: trailing commas, last duplicate wins), with a note; standalone it keeps the API strictness', async () => {
    const def = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "Type": "Succeed"},\n  },\n}\n';
    const dir = project({ 'flow.json': def, 'template.yaml': 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.json\n' });
    const r = await json(['template.yaml'], dir);
    expect(r.code).toBe(0);
    expect(rows(r.files)).toEqual([
      ['template.yaml', []],
      ['flow.json', ['4:27 WARNING SCHEMA_VALIDATION_FAILED /States/A']],
    ]);
    expect(r.files[1].diagnostics[0].message).toBe(
      "Duplicate key 'Type': the object already has a field of that name, and only the last one would be kept. CloudFormation keeps the last one when it deploys this file.",
    );
    expect(r.stderr).toBe(
      "asl-lint: note: flow.json: read as M's DefinitionUri is deployed: CloudFormation reads the file as JSON or YAML (trailing commas accepted, the last of duplicate keys wins), not with the API's strict JSON\nasl-lint: checked 2 files (1 state machine)\n",
    );
    const alone = await json(['flow.json'], dir);
    expect(alone.code).toBe(1);
    expect(alone.files[0].diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
  });

  it("CDK's DefinitionBody.fromFile: the S3 asset staged in cdk.out is read as the handler reads it; a copy linted elsewhere is not linted again", async () => {
    const key = 'a'.repeat(64) + '.json';
    const asset = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone",},},}';
    const template = JSON.stringify({
      Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionS3Location: { Bucket: { 'Fn::Sub': 'cdk-assets-${AWS::AccountId}' }, Key: key } } } },
    });
    const dir = project({ [`cdk.out/asset.${key}`]: asset, 'cdk.out/App.template.json': template });
    const r = await json(['cdk.out/App.template.json'], dir);
    expect(rows(r.files)).toEqual([
      ['cdk.out/App.template.json', []],
      [`cdk.out/asset.${key}`, ['1:18 ERROR MISSING_END_STATE null', '1:59 ERROR MISSING_TRANSITION_TARGET /States/A/Next']],
    ]);
    expect(r.stderr).toContain(`asl-lint: note: cdk.out/asset.${key}: read as Flow's DefinitionS3Location is deployed`);
    // Deployed from elsewhere (no staged asset): not checkable, as before.
    const away = project({ 'App.template.json': template });
    expect(rows((await json(['App.template.json'], away)).files)).toEqual([['App.template.json', ['1:79 WARNING LINT_NOT_CHECKABLE Flow: /']]]);
    // The project's own copy of the file is linted; the walk does not lint cdk.out's again.
    writeFileSync(join(dir, 'flow.json'), asset.replace(/,\}/g, '}'));
    const both = await json(['.'], dir);
    expect(both.files.map((f) => f.filePath)).toEqual(['flow.json', 'cdk.out/App.template.json']);
  });

  it('DefinitionSubstitutions fill ${placeholders}, quoted or not, in DefinitionString and DefinitionUri files', async () => {
    const uri = '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}, "End": true}}}';
    const tpl = JSON.stringify({
      Resources: {
        ByString: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: uri, DefinitionSubstitutions: { Delay: 5 } } },
        ByUri: { Type: 'AWS::Serverless::StateMachine', Properties: { DefinitionUri: 'wait.asl.json', DefinitionSubstitutions: { Delay: 7 } } },
      },
    });
    const dir = project({ 'template.json': tpl, 'wait.asl.json': uri });
    const r = await json(['template.json'], dir);
    expect(r.code).toBe(0);
    expect(rows(r.files)).toEqual([
      ['template.json', []],
      ['wait.asl.json', []],
    ]);
  });

  it('a misspelt rule in a configuration file gets a did-you-mean', async () => {
    const dir = project({ 'a.asl.json': CLEAN, 'asl-lint.config.json': '{"rules": {"state-unreachble": "off"}}' });
    expectFatal(await run(['a.asl.json'], dir), /^asl-lint: .*asl-lint\.config\.json: unknown rule 'state-unreachble' \(did you mean 'state-unreachable'\?\): use a rule id/);
  });
});
