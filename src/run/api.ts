/**
 * The run API: execute() (a whole execution, GetExecutionHistory's events, DescribeExecution's
 * result) and testState() (AWS's TestState request and response shapes), offline.
 * Definitions are checked first by the same analysis validate() runs: a definition AWS refuses is
 * refused here with AWS's diagnostics (InvalidDefinitionError), never run.
 */
import { analyze } from '../api.js';
import { findStateAnywhere, isObject, type Json, type JsonObject, type StateMachine } from '../model/model.js';
import type { StateMachineType } from '../types.js';
import { InvalidDefinitionError, RunUsageError, StatesError } from './errors.js';
import { ExecutionTimedOut, HistoryLimitReached, MAX_HISTORY_EVENTS, Runner, type Coverage, type HistoryEvent, type Inspection, type StateInspection } from './interpreter.js';
import { checkMockedResponses, type Mock } from './mocks.js';
import { seededRng } from './random.js';
import { memo } from '../memo.js';

export type { HistoryEvent, Coverage, StateInspection } from './interpreter.js';
export type { Mock, MockedResponses, MockedResponse, MockFunction } from './mocks.js';
export { StatesError, InvalidDefinitionError, RunUsageError } from './errors.js';

export const DEFAULT_START_TIME = '2024-01-01T00:00:00.000Z';
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

export interface ExecuteOptions {
  /** The execution input (a JSON value; default {}). */
  input?: Json;
  type?: StateMachineType;
  /** Per Task state name: Step Functions Local's MockedResponses, or a function. A Distributed Map with an ItemReader reads its items from its own mock. */
  mocks?: Record<string, Mock>;
  /** Merged into the context object ($$ / $states.context): Execution, StateMachine ... */
  context?: JsonObject;
  /** The virtual clock's start (default 2024-01-01T00:00:00.000Z). */
  startTime?: string | number | Date;
  /** Seed of $uuid/$random/States.UUID/States.MathRandom and jitter (default 0). */
  seed?: number;
  /** Execution name (default "test"). */
  name?: string;
  stateMachineName?: string;
  /** Initial workflow variables (for tests). */
  variables?: Record<string, Json>;
  /** 'json' (default) or 'yaml' definition text. */
  format?: 'json' | 'yaml';
  /** The history limit (default AWS's 25,000). */
  maxEvents?: number;
  /** Record every state attempt's data flow (TestState's inspectionData fields) in `inspections`. */
  inspect?: boolean;
}

export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

export interface ExecutionResult {
  status: ExecutionStatus;
  /** JSON text, as DescribeExecution gives it. */
  output?: string;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  /** Names of the states entered, in order (nested ones included, Distributed Map children too). */
  statesVisited: string[];
  /** The top-level workflow variables at the end. */
  variables: Record<string, Json>;
  coverage: Coverage;
  startDate: string;
  stopDate: string;
  /** With `inspect`: each state attempt's input, afterInputPath, afterParameters, result, afterResultSelector, afterResultPath (or afterArguments), as JSON text. */
  inspections?: StateInspection[];
}

interface Prepared {
  model: StateMachine;
}

/** Analyses once per definition text (cached): throws InvalidDefinitionError with AWS's diagnostics. */
export function prepare(definition: string | JsonObject, type: StateMachineType = 'STANDARD', format: 'json' | 'yaml' = 'json'): StateMachine {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
  if (typeof text !== 'string') throw new RunUsageError('the definition must be a string or an object');
  return prepared(`${type}|${format}|${text}`).model;
}

/** A definition analysed, by `type|format|text` (neither type nor format holds a '|'); throws, uncached, when AWS refuses it. */
const prepared = memo((key: string): Prepared => {
  const [type, format] = key.split('|', 2) as [StateMachineType, 'json' | 'yaml'];
  const text = key.slice(type.length + format.length + 2);
  const { model, findings } = analyze(text, { type, format, directives: false, awsOnly: true });
  const errors = findings.filter((f) => f.severity === 'ERROR');
  if (errors.length || !model?.rootScope) {
    throw new InvalidDefinitionError(errors.map((f) => ({ severity: f.severity, code: f.code, message: f.message, ...(f.location !== undefined ? { location: f.location } : {}) })));
  }
  return { model };
}, 200);

function toTime(t: ExecuteOptions['startTime']): number {
  const ms = t === undefined ? Date.parse(DEFAULT_START_TIME) : t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(ms)) throw new RunUsageError(`startTime must be an ISO 8601 date-time, got ${JSON.stringify(t)}`);
  return ms;
}

function checkMocks(mocks: Record<string, Mock> | undefined, model: StateMachine): Record<string, Mock> {
  if (mocks === undefined) return {};
  if (!isObject(mocks)) throw new RunUsageError('mocks must be an object mapping state names to mocked responses');
  for (const [name, m] of Object.entries(mocks)) {
    const state = findStateAnywhere(model, name);
    if (!state) throw new RunUsageError(`mocks name the state '${name}', which is not in the definition`);
    if (state.type !== 'Task' && !(state.type === 'Map' && state.obj.ItemReader !== undefined))
      throw new RunUsageError(`mocks name the state '${name}', a ${state.type} state: only Task states (and Maps with an ItemReader) are mocked`);
    if (typeof m !== 'function') checkMockedResponses(name, m);
  }
  return mocks;
}

function baseContext(model: StateMachine, input: Json, opts: ExecuteOptions, start: number): JsonObject {
  const smName = opts.stateMachineName ?? 'StateMachine';
  const name = opts.name ?? 'test';
  const smArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${smName}`;
  const base: JsonObject = {
    Execution: {
      Id: `arn:aws:states:${REGION}:${ACCOUNT}:execution:${smName}:${name}`,
      Input: input,
      Name: name,
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/StepFunctionsRole`,
      StartTime: new Date(start).toISOString(),
      RedriveCount: 0,
    },
    StateMachine: { Id: smArn, Name: smName },
  };
  void model;
  if (opts.context) {
    if (!isObject(opts.context)) throw new RunUsageError('context must be an object such as {"Execution": {...}}');
    for (const [k, v] of Object.entries(opts.context)) base[k] = isObject(v) && isObject(base[k]) ? { ...(base[k] as JsonObject), ...v } : v;
  }
  return base;
}

/** Runs a whole execution. */
export async function execute(definition: string | JsonObject, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const opts = options ?? {};
  const model = prepare(definition, opts.type ?? 'STANDARD', opts.format ?? 'json');
  const input = opts.input === undefined ? {} : opts.input;
  const start = toTime(opts.startTime);
  const timeout = model.root?.TimeoutSeconds;
  const runner = new Runner(model, {
    rng: seededRng(opts.seed ?? 0),
    mocks: checkMocks(opts.mocks, model),
    startTime: start,
    context: baseContext(model, input, opts, start),
    maxEvents: opts.maxEvents ?? MAX_HISTORY_EVENTS,
    timeoutSeconds: typeof timeout === 'number' ? timeout : undefined,
    inspect: opts.inspect === true,
  });
  const variables: Record<string, Json> = { ...(opts.variables ?? {}) };
  const result: Omit<ExecutionResult, 'events' | 'statesVisited' | 'variables' | 'coverage' | 'stopDate'> = { status: 'SUCCEEDED', startDate: new Date(start).toISOString() };
  try {
    runner.emit(undefined, 'ExecutionStarted', 'executionStartedEventDetails', {
      input: JSON.stringify(input),
      inputDetails: { truncated: false },
      roleArn: `arn:aws:iam::${ACCOUNT}:role/StepFunctionsRole`,
    });
    const output = await runner.runScope(model.rootScope!, input, { variables, emit: true });
    result.output = JSON.stringify(output);
    runner.emit(undefined, 'ExecutionSucceeded', 'executionSucceededEventDetails', { output: result.output, outputDetails: { truncated: false } });
  } catch (err) {
    if (err instanceof StatesError) {
      // A Fail state without Error/Cause: the fields are absent, not empty.
      const details = { ...(err.error ? { error: err.error } : {}), ...(err.cause ? { cause: err.cause } : {}) };
      Object.assign(result, { status: 'FAILED', ...details });
      pushFinal(runner, 'ExecutionFailed', 'executionFailedEventDetails', details);
    } else if (err instanceof HistoryLimitReached) {
      // Measured on AWS: event 25,000 is this ExecutionFailed (floci-io/floci#2734).
      const cause = `The execution reached the maximum number of history events (${runner.opts.maxEvents}).`;
      Object.assign(result, { status: 'FAILED', error: 'States.Runtime', cause });
      pushFinal(runner, 'ExecutionFailed', 'executionFailedEventDetails', { error: 'States.Runtime', cause });
    } else if (err instanceof ExecutionTimedOut) {
      Object.assign(result, { status: 'TIMED_OUT', error: 'States.Timeout' });
      runner.clock = start + (timeout as number) * 1000;
      pushFinal(runner, 'ExecutionTimedOut', 'executionTimedOutEventDetails', { error: 'States.Timeout' });
    } else throw err;
  }
  const out = { ...result, events: runner.events, statesVisited: runner.visited, variables, coverage: runner.coverage, stopDate: runner.iso() } as ExecutionResult;
  if (opts.inspect) out.inspections = runner.inspections;
  return out;
}

function pushFinal(runner: Runner, type: string, key: string, details: unknown): void {
  const id = runner.events.length + 1;
  runner.events.push({ timestamp: runner.iso(), type, id, previousEventId: id - 1, [key]: details });
}

// ---------------------------------------------------------------------------------------------
// TestState.

export interface TestStateRequest {
  /** A single state's definition, or a whole machine with stateName. */
  definition: string;
  /** JSON text of the state's input (default "{}"). */
  input?: string;
  inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
  stateName?: string;
  /** JSON text of an object: the workflow variables. */
  variables?: string;
  /** JSON text of the context object (merged over the default one). */
  context?: string;
  mock?: { result?: string; errorOutput?: { error?: string; cause?: string }; fieldValidationMode?: string };
  revealSecrets?: boolean;
  roleArn?: string;
  /** Offline extras: the virtual clock and the seed. */
  startTime?: string;
  seed?: number;
}

export interface TestStateResponse {
  status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: {
    input?: string;
    afterArguments?: string;
    afterInputPath?: string;
    afterParameters?: string;
    result?: string;
    afterResultSelector?: string;
    afterResultPath?: string;
    variables?: string;
    errorDetails?: { catchIndex?: number; retryIndex?: number; retryBackoffIntervalSeconds?: number };
  };
}

const REQUEST_KEYS = new Set(['definition', 'input', 'inspectionLevel', 'stateName', 'variables', 'context', 'mock', 'revealSecrets', 'roleArn', 'startTime', 'seed']);

function parseJsonField(name: string, value: unknown, fallback: Json): Json {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new RunUsageError(`${name} must be a JSON string (TestState's encoding), got ${typeof value}`);
  try {
    return JSON.parse(value) as Json;
  } catch {
    throw new RunUsageError(`${name} is not valid JSON: ${value.slice(0, 60)}`);
  }
}

/** Transition targets a lone state names (so the wrapper machine validates). */
function targetsOf(state: JsonObject): string[] {
  const out: string[] = [];
  if (typeof state.Next === 'string') out.push(state.Next);
  if (typeof state.Default === 'string') out.push(state.Default);
  for (const list of [state.Choices, state.Catch]) if (Array.isArray(list)) for (const c of list) if (isObject(c) && typeof c.Next === 'string') out.push(c.Next);
  return out;
}

export async function testState(request: TestStateRequest): Promise<TestStateResponse> {
  if (!isObject(request as unknown)) throw new RunUsageError('testState(): the request must be an object such as {definition, input}');
  for (const k of Object.keys(request)) if (!REQUEST_KEYS.has(k)) throw new RunUsageError(`testState(): unknown request field '${k}'`);
  const level = request.inspectionLevel ?? 'INFO';
  if (!['INFO', 'DEBUG', 'TRACE'].includes(level)) throw new RunUsageError(`inspectionLevel must be INFO, DEBUG or TRACE, got ${JSON.stringify(level)}`);
  const def = parseJsonField('definition', request.definition, null);
  if (!isObject(def)) throw new RunUsageError('definition must be the JSON text of a state or of a state machine');
  let machine: JsonObject;
  let name: string;
  if (isObject(def.States)) {
    machine = def;
    if (request.stateName === undefined) {
      const names = Object.keys(def.States);
      if (names.length !== 1) throw new RunUsageError('stateName is required when the definition is a state machine with more than one state');
      name = names[0];
    } else name = request.stateName;
  } else {
    name = request.stateName ?? 'TestState';
    const states: JsonObject = { [name]: def };
    for (const t of targetsOf(def)) if (t !== name) states[t] = { Type: 'Succeed' };
    machine = { StartAt: name, States: states };
  }
  const model = prepare(JSON.stringify(machine));
  const state = findStateAnywhere(model, name);
  if (!state) throw new RunUsageError(`stateName '${name}' is not a state of the definition`);
  if (state.type === 'Parallel' || state.type === 'Map') throw new RunUsageError(`TestState doesn't support Parallel or Map states ('${name}' is a ${state.type} state)`);
  const resource = String(state.obj.Resource ?? '');
  if (/\.(sync|waitForTaskToken)(:\d+)?$/.test(resource) || /:activity:/.test(resource))
    throw new RunUsageError("TestState doesn't support Activity tasks, .sync or .waitForTaskToken service integration patterns");
  const input = parseJsonField('input', request.input, {});
  const variables = parseJsonField('variables', request.variables, {});
  if (!isObject(variables)) throw new RunUsageError('variables must be the JSON text of an object');
  const ctxOverride = parseJsonField('context', request.context, {});
  if (!isObject(ctxOverride)) throw new RunUsageError('context must be the JSON text of an object');
  const mocks: Record<string, Mock> = {};
  const mock = request.mock;
  if (mock !== undefined) {
    if (!isObject(mock as unknown) || (mock.result === undefined) === (mock.errorOutput === undefined)) throw new RunUsageError('mock must have exactly one of result and errorOutput');
    if (mock.result !== undefined) {
      const value = parseJsonField('mock.result', mock.result, null);
      mocks[name] = () => value;
    } else {
      const e = mock.errorOutput!;
      mocks[name] = () => {
        throw new StatesError(String(e.error ?? ''), String(e.cause ?? ''), true);
      };
    }
  } else if (state.type === 'Task') {
    throw new RunUsageError(`the Task state '${name}' needs a mock offline (mock.result or mock.errorOutput)`);
  }
  const start = toTime(request.startTime);
  const context = baseContext(model, input, { context: ctxOverride }, start);
  const stateCtx = isObject(ctxOverride.State) ? ctxOverride.State : {};
  const retryCount = typeof stateCtx.RetryCount === 'number' ? stateCtx.RetryCount : 0;
  const runner = new Runner(model, { rng: seededRng(request.seed ?? 0), mocks, startTime: start, context, maxEvents: Infinity });
  const frame = { variables: { ...variables }, emit: false };
  const ctx = runner.contextFor(
    state,
    retryCount,
    start,
    isObject(ctxOverride.State) ? { State: { EnteredTime: new Date(start).toISOString(), Name: name, RetryCount: retryCount, ...stateCtx } } : undefined,
  );
  const insp: Inspection = {};
  const response: TestStateResponse = { status: 'SUCCEEDED' };
  const errorDetails: NonNullable<TestStateResponse['inspectionData']>['errorDetails'] = {};
  try {
    const a = await runner.attempt(state, input, frame, ctx, insp);
    runner.checkSize(state, a.output);
    if (a.assign) Object.assign(frame.variables, a.assign);
    response.output = JSON.stringify(a.output);
    if (a.next !== undefined) response.nextState = a.next;
  } catch (err) {
    if (!(err instanceof StatesError)) throw err;
    response.error = err.error;
    response.cause = err.cause;
    const retries = Array.isArray(state.obj.Retry) ? state.obj.Retry.map(() => retryCount) : [];
    const h = await runner.handle(state, input, err, retries, frame, ctx, false);
    if (h.kind === 'retry') {
      response.status = 'RETRIABLE';
      errorDetails.retryIndex = h.index;
      errorDetails.retryBackoffIntervalSeconds = h.delaySeconds;
    } else if (h.kind === 'catch') {
      response.status = 'CAUGHT_ERROR';
      errorDetails.catchIndex = h.index;
      if (h.assign) Object.assign(frame.variables, h.assign);
      response.output = JSON.stringify(h.output);
      response.nextState = h.next;
    } else response.status = 'FAILED';
  }
  if (level !== 'INFO') {
    const data: NonNullable<TestStateResponse['inspectionData']> = {};
    for (const k of ['input', 'afterInputPath', 'afterParameters', 'afterArguments', 'result', 'afterResultSelector', 'afterResultPath'] as const) {
      if (insp[k] !== undefined) data[k] = JSON.stringify(insp[k]);
    }
    data.variables = JSON.stringify(frame.variables);
    if (Object.keys(errorDetails).length) data.errorDetails = errorDetails;
    response.inspectionData = data;
  }
  return response;
}
