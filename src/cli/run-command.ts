/**
 * `asl-lint run FILE` (one execution, offline) and `asl-lint test [paths]` (test files and Step
 * Functions Local mock configs). Adapters only: the interpreter is src/run/.
 * Exit codes: 0 succeeded / all tests passed, 1 failed / a test failed, 2 bad usage or input.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { colorsFor, shouldColor } from './colors.js';
import { EXIT_FATAL, EXIT_LINT, EXIT_OK, RunError, UsageError, describeSystemError, firstLine } from './errors.js';
import { displayPath } from './files.js';
import { FileReadError, MAX_DEFINITION_FILE_BYTES, readRegularFile } from '../read-file.js';
import type { Io, Outcome } from './io.js';
import { execute, type ExecutionResult } from '../run/api.js';
import { InvalidDefinitionError, RunUsageError } from '../run/errors.js';
import { coverageTotals, loadDefinition, parseData, runTestFiles, type SuiteRun } from '../run/test-runner.js';
import { checkMockedResponses } from '../run/mocks.js';
import type { Json } from '../model/model.js';

export const RUN_HELP = `Usage: asl-lint run <file> [options]
Runs one execution offline, with AWS's run-time semantics (virtual clock, mocked Tasks).

  --input <json|@file>      the execution input (default {})
  --mocks <file>            JSON/YAML: {"StateName": {"0": {"Return": ...}, "1-2": {"Throw": {...}}}}
  --state-machine <name>    the state machine to run, when <file> is a template holding several
  --type <type>             STANDARD or EXPRESS (default STANDARD)
  --start-time <iso>        the virtual clock's start (default 2024-01-01T00:00:00.000Z)
  --seed <n>                seed of UUIDs and random numbers (default 0)
  --trace                   print every history event with its details, and each state's
                            data flow (input, afterInputPath, afterParameters, result ...)
  -f, --format <name>       stylish (default) or json (the events, GetExecutionHistory's shapes)
Exit: 0 SUCCEEDED, 1 FAILED or TIMED_OUT, 2 bad usage, invalid definition or missing mock.
`;

export const TEST_HELP = `Usage: asl-lint test [paths] [options]
Runs test files (*.asl-test.json|yaml|yml; directories are searched) and Step Functions Local
mock configs (MockConfigFile.json), offline.

  -f, --format <name>       stylish (default), json or junit
  --machine <name>=<file>   the definition of a mock config's state machine (default: <name>.asl.json beside it)
  --no-coverage             leave out the coverage summary
Exit: 0 all passed, 1 a test failed, 2 bad usage or input.
`;

function fail(message: string): never {
  throw new UsageError(message);
}

/** A definition, input, mocks or test file: a regular file of at most 10 MiB (a FIFO is refused, not waited on). */
function readText(path: string, shown: string): string {
  try {
    return readRegularFile(path, MAX_DEFINITION_FILE_BYTES);
  } catch (err) {
    throw new RunError(`cannot read '${shown}': ${err instanceof FileReadError ? err.message : describeSystemError(err)}`);
  }
}

interface Values {
  [name: string]: string | boolean | string[] | undefined;
  input?: string;
  mocks?: string;
  'state-machine'?: string;
  type?: string;
  'start-time'?: string;
  seed?: string;
  trace?: boolean;
  format?: string;
  machine?: string[];
  'no-coverage'?: boolean;
  help?: boolean;
}

function args(argv: readonly string[], options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>): { values: Values; positionals: string[] } {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    return fail(firstLine((err as Error).message).replace(/^TypeError \[\w+\]: /, ''));
  }
}

export async function runSubcommand(io: Io): Promise<Outcome> {
  try {
    return io.argv[0] === 'run' ? await runCommand(io) : await testCommand(io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof RunError || err instanceof RunUsageError) return { exitCode: EXIT_FATAL, stdout: '', stderr: `asl-lint: ${err.message}\n` };
    if (err instanceof InvalidDefinitionError) {
      const lines = err.diagnostics.map((d) => `  ${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`);
      return { exitCode: EXIT_FATAL, stdout: '', stderr: `asl-lint: the definition is invalid (AWS would refuse it):\n${lines.join('\n')}\n` };
    }
    throw err;
  }
}

function colors(io: Io, values: Record<string, unknown>) {
  const flag = values['no-color'] ? false : values.color ? true : undefined;
  return colorsFor(shouldColor({ flag, toFile: false, env: io.env, isTTY: io.stdoutIsTTY }));
}

async function runCommand(io: Io): Promise<Outcome> {
  const { values, positionals } = args(io.argv.slice(1), {
    input: { type: 'string' },
    mocks: { type: 'string' },
    'state-machine': { type: 'string' },
    type: { type: 'string' },
    'start-time': { type: 'string' },
    seed: { type: 'string' },
    trace: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
  });
  if (values.help) return { exitCode: EXIT_OK, stdout: RUN_HELP, stderr: '' };
  if (positionals.length !== 1) fail(`run takes one definition file, got ${positionals.length} (see asl-lint run --help)`);
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') fail(`--format for run must be stylish or json, got '${format}'`);
  const type = values.type ?? 'STANDARD';
  if (type !== 'STANDARD' && type !== 'EXPRESS') fail(`--type must be STANDARD or EXPRESS, got '${type}'`);
  const file = resolve(io.cwd, positionals[0]);
  const def = loadDefinition(file, values['state-machine'], (p) => readText(p, displayPath(p, io.cwd)));
  let input: Json = {};
  if (values.input !== undefined) {
    const fromFile = values.input.startsWith('@');
    const text = fromFile ? readText(resolve(io.cwd, values.input.slice(1)), values.input.slice(1)) : values.input;
    try {
      input = JSON.parse(text) as Json;
    } catch (err) {
      fail(`--input is not valid JSON${fromFile ? ` (${values.input.slice(1)})` : ''}: ${(err as Error).message}`);
    }
  }
  let mocks: Record<string, never> | undefined;
  if (values.mocks !== undefined) {
    const data = parseData(readText(resolve(io.cwd, values.mocks), values.mocks), values.mocks);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) fail(`--mocks: ${values.mocks} must map state names to mocked responses`);
    for (const [k, m] of Object.entries(data as object)) checkMockedResponses(k, m);
    mocks = data as Record<string, never>;
  }
  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!Number.isInteger(seed)) fail(`--seed must be an integer, got '${values.seed}'`);
  }
  const r = await execute(def.text, { input, mocks, type, format: def.format, startTime: values['start-time'], seed, stateMachineName: def.name, inspect: values.trace === true });
  const exitCode = r.status === 'SUCCEEDED' ? EXIT_OK : EXIT_LINT;
  if (format === 'json')
    return {
      exitCode,
      stdout: JSON.stringify({ status: r.status, output: r.output, error: r.error, cause: r.cause, events: r.events, ...(r.inspections ? { inspections: r.inspections } : {}) }, null, 2) + '\n',
      stderr: '',
    };
  return { exitCode, stdout: readable(r, values.trace === true, colors(io, values)), stderr: '' };
}

function short(text: unknown, max = 200): string {
  const s = typeof text === 'string' ? text : JSON.stringify(text);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** The history as a person reads it: state by state, input -> output. */
function readable(r: ExecutionResult, trace: boolean, c: ReturnType<typeof colorsFor>): string {
  const out: string[] = [];
  const start = Date.parse(r.startDate);
  for (const e of r.events) {
    const at = `+${((Date.parse(e.timestamp) - start) / 1000).toFixed(3)}s`;
    const details = Object.entries(e).find(([k]) => k.endsWith('EventDetails'))?.[1] as Record<string, unknown> | undefined;
    if (trace) {
      out.push(`${c.dim(`#${e.id} ${at}`)} ${e.type}${details ? ' ' + short(details, 400) : ''}`);
      // After a state's Entered event: each attempt's data-flow steps (TestState's inspectionData).
      for (const i of r.inspections ?? []) {
        if (i.enteredEventId !== e.id) continue;
        for (const [k, v] of Object.entries(i.data)) out.push(`${' '.repeat(String(e.id).length + 2)}${c.cyan(k.padEnd(20))} ${short(v, 400)}`);
      }
      continue;
    }
    if (e.type.endsWith('StateEntered')) out.push(`${c.dim(at)} ${c.bold(String(details?.name))} ${c.dim(e.type.replace('StateEntered', ''))}  in: ${short(details?.input)}`);
    else if (e.type.endsWith('StateExited')) out.push(`${' '.repeat(at.length)}   out: ${short(details?.output)}`);
    else if (/(Task|LambdaFunction|Activity)Failed$/.test(e.type)) out.push(`${' '.repeat(at.length)}   ${c.yellow(`${e.type}: ${String(details?.error)}: ${short(details?.cause)}`)}`);
  }
  const stateCount = r.statesVisited.length;
  if (r.status === 'SUCCEEDED') out.push(`${c.green('SUCCEEDED')} after ${stateCount} states, ${r.events.length} events; output: ${short(r.output, 2000)}`);
  else out.push(`${c.red(r.status)} ${r.error ?? ''}${r.cause ? `: ${r.cause}` : ''}`);
  return out.join('\n') + '\n';
}

async function testCommand(io: Io): Promise<Outcome> {
  const { values, positionals } = args(io.argv.slice(1), {
    format: { type: 'string', short: 'f' },
    machine: { type: 'string', multiple: true },
    'no-coverage': { type: 'boolean' },
  });
  if (values.help) return { exitCode: EXIT_OK, stdout: TEST_HELP, stderr: '' };
  const format = values.format ?? 'stylish';
  if (!['stylish', 'json', 'junit'].includes(format)) fail(`--format for test must be stylish, json or junit, got '${format}'`);
  const machines = new Map<string, string>();
  for (const m of values.machine ?? []) {
    const eq = m.indexOf('=');
    if (eq <= 0) fail(`--machine must be NAME=FILE, got '${m}'`);
    machines.set(m.slice(0, eq), resolve(io.cwd, m.slice(eq + 1)));
  }
  const files = await testFiles(positionals.length ? positionals : ['.'], io.cwd);
  if (files.length === 0)
    fail(`no test files found in ${positionals.length ? positionals.join(', ') : 'the current directory'} (*.asl-test.json, *.asl-test.yaml, *.asl-test.yml, MockConfigFile.json)`);
  const run = await runTestFiles(
    files,
    (p) => readText(p, displayPath(p, io.cwd)),
    machines,
    (p) => displayPath(p, io.cwd),
  );
  const failed = run.cases.filter((x) => !x.passed).length;
  const exitCode = failed ? EXIT_LINT : EXIT_OK;
  const cov = values['no-coverage'] ? undefined : coverageTotals(run);
  if (format === 'json') return { exitCode, stdout: JSON.stringify({ passed: run.cases.length - failed, failed, cases: run.cases, coverage: cov }, null, 2) + '\n', stderr: '' };
  if (format === 'junit') return { exitCode, stdout: junit(run), stderr: '' };
  return { exitCode, stdout: stylish(run, cov, colors(io, values)), stderr: '' };
}

const TEST_FILE = /(\.asl-test\.(json|ya?ml)|(^|[\\/])MockConfigFile\.json)$/i;

async function testFiles(patterns: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    const abs = resolve(cwd, p);
    let isFile = false;
    try {
      isFile = statSync(abs).isFile();
    } catch {
      fail(`no such file or directory: ${p}`);
    }
    if (isFile) {
      out.push(abs);
      continue;
    }
    const { globSync } = await import('tinyglobby');
    for (const f of globSync(['**/*.asl-test.{json,yaml,yml}', '**/MockConfigFile.json'], { cwd: abs, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort())
      if (TEST_FILE.test(f)) out.push(f);
  }
  return out;
}

function stylish(run: SuiteRun, cov: ReturnType<typeof coverageTotals> | undefined, c: ReturnType<typeof colorsFor>): string {
  const out: string[] = [];
  let last = '';
  for (const x of run.cases) {
    const head = `${x.file} › ${x.suite}`;
    if (head !== last) out.push(c.underline(head));
    last = head;
    const ms = c.dim(`(${x.ms.toFixed(1)} ms)`);
    out.push(`  ${x.passed ? c.green('✓') : c.red('✗')} ${x.name} ${c.dim(`${x.status ?? ''}${x.error ? ` ${x.error}` : ''}`)} ${ms}`);
    for (const f of x.failures) out.push(`      ${c.red(f)}`);
  }
  const failed = run.cases.filter((x) => !x.passed).length;
  out.push('');
  out.push(`${failed ? c.red(`${failed} failed`) + ', ' : ''}${c.green(`${run.cases.length - failed} passed`)}, ${run.cases.length} total`);
  if (cov) {
    const pct = ([a, b]: [number, number]) => `${a}/${b}${b ? ` (${Math.round((a / b) * 100)}%)` : ''}`;
    out.push(`Coverage: states ${pct(cov.states)}, Choice rules ${pct(cov.choiceRules)}, Retry/Catch ${pct(cov.retryCatch)}`);
    for (const m of cov.missed.slice(0, 20)) out.push(c.dim(`  not exercised: ${m}`));
    if (cov.missed.length > 20) out.push(c.dim(`  ... and ${cov.missed.length - 20} more`));
  }
  return out.join('\n') + '\n';
}

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function junit(run: SuiteRun): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  const failed = run.cases.filter((x) => !x.passed).length;
  out.push(`<testsuites name="asl-lint test" tests="${run.cases.length}" failures="${failed}" errors="0">`);
  const suites = new Map<string, typeof run.cases>();
  for (const x of run.cases) suites.set(`${x.file} › ${x.suite}`, [...(suites.get(`${x.file} › ${x.suite}`) ?? []), x]);
  for (const [name, cases] of suites) {
    out.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${cases.filter((x) => !x.passed).length}" errors="0">`);
    for (const x of cases) {
      const open = `    <testcase classname="${xml(name)}" name="${xml(x.name)}" time="${(x.ms / 1000).toFixed(4)}"`;
      if (x.passed) out.push(`${open} />`);
      else out.push(`${open}>\n      <failure message="${xml(x.failures[0])}">${xml(x.failures.join('\n'))}</failure>\n    </testcase>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
