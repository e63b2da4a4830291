/**
 * Test files for `asl-lint test`: a test file (YAML or JSON) names a machine (a definition file,
 * or a template and a state machine in it), shared mocks, and cases with an input, mocks and
 * expectations. Step Functions Local's MockConfigFile.json runs as is: each TestCase of each
 * StateMachine runs against <StateMachine>.asl.json/.yaml/.yml beside the file (or the file
 * given with --machine NAME=FILE), and passes when it runs to completion.
 *
 * Transport-free: files are read through the `readFile` given; the CLI formats the results.
 */
import { dirname, resolve } from 'node:path';
import { lazyPackage } from '../lazy.js';
import { extractTemplate } from '../parse/templates/index.js';
import { MAX_JSON_DEPTH, type Document } from '../parse/document.js';
import { isObject, type Json, type JsonObject, type StateMachine } from '../model/model.js';
import { execute, prepare, type ExecutionResult } from './api.js';
import { InvalidDefinitionError, RunUsageError } from './errors.js';
import { deepEqual } from './intrinsics-eval.js';
import { checkMockedResponses, type MockedResponses } from './mocks.js';
import { stateKey } from './interpreter.js';
import type { StateMachineType } from '../types.js';

interface CaseResult {
  file: string;
  /** Suite: the machine tested. */
  suite: string;
  name: string;
  passed: boolean;
  /** Why it failed: one line per unmet expectation. */
  failures: string[];
  status?: string;
  error?: string;
  cause?: string;
  output?: string;
  statesVisited: string[];
  ms: number;
}

export interface CoverageTotals {
  states: [number, number];
  choiceRules: [number, number];
  retryCatch: [number, number];
  /** What was never exercised, per machine: state keys, rules, handlers. */
  missed: string[];
}

export interface SuiteRun {
  cases: CaseResult[];
  coverage: Map<string, { model: StateMachine; states: Set<string>; choices: Set<string>; handlers: Set<string> }>;
}

const FILE_KEYS = new Set(['machine', 'template', 'stateMachine', 'type', 'mocks', 'mockConfig', 'tests', 'startTime', 'seed', 'context']);
const CASE_KEYS = new Set(['name', 'input', 'mocks', 'testCase', 'context', 'startTime', 'seed', 'variables', 'expect']);
const EXPECT_KEYS = new Set(['status', 'output', 'error', 'cause', 'states', 'variables']);

export type ReadFile = (path: string) => string;

const loadYaml = lazyPackage<{ parse(s: string): unknown }>('yaml');

export function parseData(text: string, path: string): unknown {
  if (/\.ya?ml$/i.test(path)) {
    const yaml = loadYaml();
    try {
      return yaml.parse(text);
    } catch (err) {
      throw new RunUsageError(`${path}: not valid YAML: ${String((err as Error).message).split('\n')[0]}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RunUsageError(`${path}: not valid JSON: ${(err as Error).message}`);
  }
}

function unknownKey(obj: JsonObject, allowed: Set<string>, where: string): void {
  for (const k of Object.keys(obj)) if (!allowed.has(k)) throw new RunUsageError(`${where}: unknown key '${k}' (expected one of ${[...allowed].join(', ')})`);
}

/** The definition text of a machine file or of a state machine in a template. */
export function loadDefinition(file: string, stateMachine: string | undefined, readFile: ReadFile): { text: string; format: 'json' | 'yaml'; name: string } {
  const text = readFile(file);
  const format = /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
  const tpl = extractTemplate(text, file);
  if (!tpl || tpl.definitions.length === 0) {
    if (stateMachine !== undefined && tpl) throw new RunUsageError(`${file}: no state machine '${stateMachine}' in the template`);
    return { text, format, name: file.replace(/^.*[\\/]/, '').replace(/\.(asl\.)?(json|ya?ml)$/i, '') };
  }
  const names = tpl.definitions.map((d) => d.name);
  const def = stateMachine === undefined ? (tpl.definitions.length === 1 ? tpl.definitions[0] : undefined) : tpl.definitions.find((d) => d.name === stateMachine);
  if (!def)
    throw new RunUsageError(
      `${file}: ${stateMachine === undefined ? 'the template holds several state machines' : `no state machine '${stateMachine}' in the template`}; name one of ${names.join(', ')} with stateMachine`,
    );
  if (def.doc) {
    // A definition the template holds in a string can fail to parse (or be refused for its size):
    // say so, not "the definition must be a string or an object" from JSON.stringify(undefined).
    if (!def.doc.parsed) throw new RunUsageError(`${file}: the state machine '${def.name}' cannot be run: ${unreadable(def.doc)}`);
    return { text: JSON.stringify(def.doc.value), format: 'json', name: def.name };
  }
  if (def.file) {
    const target = resolve(dirname(file), def.file);
    return { text: readFile(target), format: /\.ya?ml$/i.test(target) ? 'yaml' : 'json', name: def.name };
  }
  throw new RunUsageError(`${file}: the state machine '${def.name}' cannot be run here: ${def.notCheckable ?? 'its definition is not in the template'}`);
}

function unreadable(doc: Document): string {
  if (doc.tooLarge !== undefined) return `its definition is larger than ${doc.tooLarge.toLocaleString('en-US')} characters`;
  if (doc.tooDeep) return `its definition nests more than ${MAX_JSON_DEPTH} levels deep`;
  const first = doc.syntaxErrors[0];
  if (!first) return 'its definition does not parse';
  const { line, character } = doc.positionAt(first.offset);
  return `its definition does not parse: ${first.message} at line ${line + 1}, column ${character + 1} of the definition`;
}

function checkMocks(v: unknown, where: string): Record<string, MockedResponses> {
  if (v === undefined) return {};
  if (!isObject(v)) throw new RunUsageError(`${where}: mocks must map state names to mocked responses`);
  for (const [k, m] of Object.entries(v)) checkMockedResponses(k, m);
  return v as Record<string, MockedResponses>;
}

/** Mocks of one TestCase of a MockConfigFile: state name -> the named MockedResponses. */
function mockConfigCase(config: JsonObject, machine: string, testCase: string, where: string): Record<string, MockedResponses> {
  const sms = isObject(config.StateMachines) ? config.StateMachines : {};
  const sm = sms[machine];
  if (!isObject(sm)) throw new RunUsageError(`${where}: the mock config has no state machine '${machine}' (it has ${Object.keys(sms).join(', ') || 'none'})`);
  const cases = isObject(sm.TestCases) ? sm.TestCases : {};
  const tc = cases[testCase];
  if (!isObject(tc)) throw new RunUsageError(`${where}: the mock config has no test case '${testCase}' for '${machine}' (it has ${Object.keys(cases).join(', ') || 'none'})`);
  const responses = isObject(config.MockedResponses) ? config.MockedResponses : {};
  const out: Record<string, MockedResponses> = {};
  for (const [state, ref] of Object.entries(tc)) {
    const r = responses[String(ref)];
    if (!isObject(r)) throw new RunUsageError(`${where}: test case '${testCase}' names the mocked response '${String(ref)}', which is not in MockedResponses`);
    out[state] = checkMockedResponses(state, r);
  }
  return out;
}

function isMockConfig(v: unknown): boolean {
  return isObject(v) && isObject(v.StateMachines) && !('tests' in v);
}

interface Job {
  suite: string;
  name: string;
  definition: { text: string; format: 'json' | 'yaml' };
  type: StateMachineType;
  input: Json;
  mocks: Record<string, MockedResponses>;
  context?: JsonObject;
  startTime?: string;
  seed?: number;
  variables?: Record<string, Json>;
  expect?: JsonObject;
}

/** The cases of one file (a test file or a MockConfigFile). */
function loadCases(path: string, readFile: ReadFile, machines: ReadonlyMap<string, string> = new Map()): Job[] {
  const data = parseData(readFile(path), path);
  if (!isObject(data)) throw new RunUsageError(`${path}: a test file must be an object with 'machine' (or 'template') and 'tests'`);
  const dir = dirname(path);
  if (isMockConfig(data)) {
    const jobs: Job[] = [];
    for (const [sm, body] of Object.entries(data.StateMachines as JsonObject)) {
      let file = machines.get(sm);
      if (!file) {
        for (const ext of ['.asl.json', '.asl.yaml', '.asl.yml', '.json']) {
          const candidate = resolve(dir, sm + ext);
          try {
            readFile(candidate);
            file = candidate;
            break;
          } catch {
            // try the next name
          }
        }
      }
      if (!file) throw new RunUsageError(`${path}: no definition found for the state machine '${sm}': put ${sm}.asl.json beside the mock config, or give --machine ${sm}=FILE`);
      const def = loadDefinition(file, undefined, readFile);
      const cases = isObject(body) && isObject(body.TestCases) ? body.TestCases : {};
      for (const tc of Object.keys(cases)) jobs.push({ suite: sm, name: tc, definition: def, type: 'STANDARD', input: {}, mocks: mockConfigCase(data, sm, tc, path) });
    }
    return jobs;
  }
  unknownKey(data, FILE_KEYS, path);
  if ((data.machine === undefined) === (data.template === undefined)) throw new RunUsageError(`${path}: give exactly one of 'machine' (a definition file) and 'template' (with 'stateMachine')`);
  const file = resolve(dir, String(data.machine ?? data.template));
  const def = loadDefinition(file, data.stateMachine === undefined ? undefined : String(data.stateMachine), readFile);
  const type = (data.type ?? 'STANDARD') as StateMachineType;
  if (type !== 'STANDARD' && type !== 'EXPRESS') throw new RunUsageError(`${path}: type must be STANDARD or EXPRESS`);
  const shared = checkMocks(data.mocks, path);
  const config = data.mockConfig === undefined ? undefined : parseData(readFile(resolve(dir, String(data.mockConfig))), String(data.mockConfig));
  if (!Array.isArray(data.tests) || data.tests.length === 0) throw new RunUsageError(`${path}: 'tests' must be a non-empty list of cases`);
  return data.tests.map((t, i) => {
    const where = `${path}: tests[${i}]`;
    if (!isObject(t)) throw new RunUsageError(`${where} must be an object`);
    unknownKey(t, CASE_KEYS, where);
    if (t.expect !== undefined) {
      if (!isObject(t.expect)) throw new RunUsageError(`${where}: expect must be an object`);
      unknownKey(t.expect, EXPECT_KEYS, `${where}.expect`);
    }
    let mocks = { ...shared };
    if (t.testCase !== undefined) {
      if (!isObject(config)) throw new RunUsageError(`${where}: testCase needs 'mockConfig' in the file`);
      mocks = { ...mocks, ...mockConfigCase(config, String(data.stateMachine ?? def.name), String(t.testCase), where) };
    }
    mocks = { ...mocks, ...checkMocks(t.mocks, where) };
    return {
      suite: def.name,
      name: String(t.name ?? t.testCase ?? `case ${i + 1}`),
      definition: def,
      type,
      input: (t.input ?? {}) as Json,
      mocks,
      context: (t.context ?? data.context) as JsonObject | undefined,
      startTime: (t.startTime ?? data.startTime) as string | undefined,
      seed: (t.seed ?? data.seed) as number | undefined,
      variables: t.variables as Record<string, Json> | undefined,
      expect: t.expect as JsonObject | undefined,
    };
  });
}

function check(job: Job, r: ExecutionResult): string[] {
  const e = job.expect;
  if (!e) return [];
  const out: string[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  if (e.status !== undefined && e.status !== r.status) out.push(`status: expected ${e.status}, got ${r.status}${r.error ? ` (${r.error}: ${r.cause})` : ''}`);
  if (e.error !== undefined && e.error !== r.error) out.push(`error: expected ${show(e.error)}, got ${show(r.error ?? null)}`);
  if (e.cause !== undefined && e.cause !== r.cause) out.push(`cause: expected ${show(e.cause)}, got ${show(r.cause ?? null)}`);
  if (e.output !== undefined) {
    const got = r.output === undefined ? undefined : JSON.parse(r.output);
    if (!deepEqual(got, e.output)) out.push(`output: expected ${show(e.output)}, got ${r.output ?? 'nothing'}`);
  }
  if (e.states !== undefined && !deepEqual(r.statesVisited, e.states)) out.push(`states: expected ${show(e.states)}, got ${show(r.statesVisited)}`);
  if (e.variables !== undefined) {
    for (const [k, v] of Object.entries(e.variables as JsonObject)) if (!deepEqual(r.variables[k], v)) out.push(`variables.${k}: expected ${show(v)}, got ${show(r.variables[k] ?? null)}`);
  }
  return out;
}

/** Runs the cases of the files; usage errors (bad files, unknown keys, invalid definitions) throw. */
export async function runTestFiles(paths: readonly string[], readFile: ReadFile, machines?: ReadonlyMap<string, string>, display: (p: string) => string = (p) => p): Promise<SuiteRun> {
  const run: SuiteRun = { cases: [], coverage: new Map() };
  for (const path of paths) {
    for (const job of loadCases(path, readFile, machines)) {
      let model: StateMachine;
      try {
        model = prepare(job.definition.text, job.type, job.definition.format);
      } catch (err) {
        if (err instanceof InvalidDefinitionError) throw new RunUsageError(`${display(path)}: ${job.suite}: ${err.message}`);
        throw err;
      }
      const t0 = performance.now();
      let r: ExecutionResult;
      try {
        r = await execute(job.definition.text, {
          input: job.input,
          type: job.type,
          format: job.definition.format,
          mocks: job.mocks,
          context: job.context,
          startTime: job.startTime,
          seed: job.seed,
          variables: job.variables,
          stateMachineName: job.suite,
        });
      } catch (err) {
        if (err instanceof RunUsageError) throw new RunUsageError(`${display(path)}: ${job.suite} / ${job.name}: ${err.message}`);
        throw err;
      }
      const failures = check(job, r);
      run.cases.push({
        file: display(path),
        suite: job.suite,
        name: job.name,
        passed: failures.length === 0,
        failures,
        status: r.status,
        error: r.error,
        cause: r.cause,
        output: r.output,
        statesVisited: r.statesVisited,
        ms: performance.now() - t0,
      });
      // One entry per machine (its name and text), whichever files test it.
      const key = `${job.suite}\u0000${job.definition.text}`;
      let cov = run.coverage.get(key);
      if (!cov) run.coverage.set(key, (cov = { model, states: new Set(), choices: new Set(), handlers: new Set() }));
      for (const s of r.coverage.states) cov.states.add(s);
      for (const s of r.coverage.choices) cov.choices.add(s);
      for (const s of r.coverage.handlers) cov.handlers.add(s);
    }
  }
  return run;
}

/** What the cases exercised, against everything the machines hold. */
export function coverageTotals(run: SuiteRun): CoverageTotals {
  const t: CoverageTotals = { states: [0, 0], choiceRules: [0, 0], retryCatch: [0, 0], missed: [] };
  for (const [key, cov] of run.coverage) {
    const suite = key.slice(0, key.indexOf('\u0000'));
    for (const s of cov.model.states) {
      const k = stateKey(s);
      const label = `${suite}: ${s.name}`;
      t.states[1]++;
      if (cov.states.has(k)) t.states[0]++;
      else t.missed.push(`${label} (state never entered)`);
      if (s.type === 'Choice') {
        const rules = Array.isArray(s.obj.Choices) ? s.obj.Choices.length : 0;
        const ids = [...Array.from({ length: rules }, (_, i) => String(i)), ...(typeof s.obj.Default === 'string' ? ['Default'] : [])];
        for (const id of ids) {
          t.choiceRules[1]++;
          if (cov.choices.has(`${k}#${id}`)) t.choiceRules[0]++;
          else if (cov.states.has(k)) t.missed.push(`${label} ${id === 'Default' ? 'Default' : `Choices[${id}]`} never taken`);
        }
      }
      for (const field of ['Retry', 'Catch'] as const) {
        const list = s.obj[field];
        if (!Array.isArray(list)) continue;
        for (let i = 0; i < list.length; i++) {
          t.retryCatch[1]++;
          if (cov.handlers.has(`${k}#${field}${i}`)) t.retryCatch[0]++;
          else if (cov.states.has(k)) t.missed.push(`${label} ${field}[${i}] never used`);
        }
      }
    }
  }
  return t;
}
