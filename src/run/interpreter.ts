/**
 * The interpreter: runs states of the model (never re-parsing) with AWS's run-time semantics, on
 * a virtual clock, with seeded randomness, Task results from mocks, and events in
 * GetExecutionHistory's shapes.
 *
 * Branches of a Parallel and iterations of a Map run one after another (their events are not
 * interleaved as on AWS, where they run concurrently); the results are the same.
 */
import type { Json, JsonObject, Scope, State, StateMachine } from '../model/model.js';
import { isJsonataExpression } from '../lang/jsonata.js';
import { startsLikeIntrinsicCall } from '../lang/intrinsics.js';
import { evaluateRule, isTimestamp } from './choice.js';
import { causePrefix, NOT_MATCHED_BY_ALL, RunUsageError, StatesError, TERMINAL } from './errors.js';
import { evaluateJsonata, evaluateTemplate, type JsonataEnv } from './jsonata-eval.js';
import { applyPath, applyResultPath, applyTemplate, runtime, type PathEnv } from './jsonpath-io.js';
import { callMock, mockDelay, type Mock } from './mocks.js';
import type { Rng } from './random.js';
import { memo, perObject } from '../memo.js';

const MAX_PAYLOAD_BYTES = 262144;
export const MAX_HISTORY_EVENTS = 25000;

export interface HistoryEvent {
  timestamp: string;
  type: string;
  id: number;
  previousEventId: number;
  [details: string]: unknown;
}

export interface Coverage {
  states: Set<string>;
  /** `<state key>#<rule index>` or `<state key>#Default`. */
  choices: Set<string>;
  /** `<state key>#Retry<i>` and `<state key>#Catch<i>`. */
  handlers: Set<string>;
}

export const stateKey: (s: State) => string = perObject((s: State) => s.path.join('/'));

export interface Frame {
  variables: Record<string, Json>;
  /** Events of this frame go to the history (a Distributed Map's children do not). */
  emit: boolean;
  /** A Distributed Map's child execution: its own history, counted but not kept. */
  child?: { events: number };
}

/** Data written for TestState's inspectionData (raw values; the adapter encodes them). */
export interface Inspection {
  input?: Json;
  afterInputPath?: Json;
  afterParameters?: Json;
  afterArguments?: Json;
  result?: Json;
  afterResultSelector?: Json;
  afterResultPath?: Json;
}

interface Attempt {
  output: Json;
  next?: string;
  assign?: Record<string, Json>;
  /** For Choice: the matched rule index, or -1 for Default. */
  choice?: number;
}

export interface RunnerOptions {
  rng: Rng;
  mocks: Record<string, Mock>;
  startTime: number;
  context: JsonObject;
  maxEvents: number;
  timeoutSeconds?: number;
  /** Record each attempt's data-flow steps (TestState's inspectionData) in `inspections`. */
  inspect?: boolean;
}

export interface StateInspection {
  name: string;
  /** The id of the state's Entered event (0 where events are not recorded, e.g. a Distributed Map's children). */
  enteredEventId: number;
  /** TestState's inspectionData fields, JSON text. */
  data: Record<string, string>;
}

export class HistoryLimitReached extends Error {}
export class ExecutionTimedOut extends Error {}

export type ErrorHandling = { kind: 'retry'; index: number; delaySeconds: number } | { kind: 'catch'; index: number; next: string; output: Json; assign?: Record<string, Json> } | { kind: 'fail' };

export class Runner {
  events: HistoryEvent[] = [];
  clock: number;
  readonly coverage: Coverage = { states: new Set(), choices: new Set(), handlers: new Set() };
  readonly visited: string[] = [];
  readonly inspections: StateInspection[] = [];
  private readonly calls = new Map<string, number>();

  constructor(
    readonly sm: StateMachine,
    readonly opts: RunnerOptions,
  ) {
    this.clock = opts.startTime;
  }

  private isoAt = NaN;
  private isoText = '';

  /** The clock as ISO 8601 text (cached: most events share a timestamp on the virtual clock). */
  iso(ms = this.clock): string {
    if (ms !== this.isoAt) {
      this.isoAt = ms;
      this.isoText = new Date(ms).toISOString();
    }
    return this.isoText;
  }

  emit(frame: Frame | undefined, type: string, detailsKey?: string, details?: unknown): number {
    if (frame && !frame.emit) {
      // A child execution has a history of its own, with the same limit.
      if (frame.child && ++frame.child.events >= this.opts.maxEvents) {
        throw new StatesError('States.Runtime', `The execution reached the maximum number of history events (${this.opts.maxEvents}).`, true);
      }
      return 0;
    }
    if (this.events.length >= this.opts.maxEvents - 1) throw new HistoryLimitReached();
    const id = this.events.length + 1;
    const e: HistoryEvent = { timestamp: this.iso(), type, id, previousEventId: id - 1 };
    if (detailsKey) e[detailsKey] = details;
    this.events.push(e);
    return id;
  }

  advance(seconds: number): void {
    this.clock += Math.max(0, seconds) * 1000;
    const t = this.opts.timeoutSeconds;
    if (t !== undefined && this.clock - this.opts.startTime > t * 1000) throw new ExecutionTimedOut();
  }

  contextFor(state: State, retryCount: number, enteredTime: number, extra?: JsonObject): JsonObject {
    const c: JsonObject = { ...this.opts.context, State: { EnteredTime: this.iso(enteredTime), Name: state.name, RetryCount: retryCount } };
    if (typeof state.obj.Resource === 'string' && state.obj.Resource.endsWith('.waitForTaskToken')) c.Task = { Token: this.opts.rng.uuid() };
    return extra ? { ...c, ...extra } : c;
  }

  /** Runs a scope from its StartAt; returns its output or throws the failure. */
  async runScope(scope: Scope, input: Json, frame: Frame): Promise<Json> {
    let name = String(scope.startAt);
    let value = input;
    let text: string | undefined;
    for (;;) {
      const state = scope.byName.get(name);
      if (!state) throw new RunUsageError(`the state '${name}' does not exist`);
      const r = await this.runState(state, value, frame, text);
      value = r.output;
      text = r.text;
      if (r.next === undefined) return value;
      name = r.next;
    }
  }

  /** One state of an execution: entered, attempts with Retry, Catch, exited. */
  async runState(state: State, raw: Json, frame: Frame, rawText?: string): Promise<{ output: Json; next?: string; text?: string }> {
    const type = state.type!;
    const entered = this.clock;
    const enteredId = frame.emit
      ? this.emit(frame, `${type}StateEntered`, 'stateEnteredEventDetails', { name: state.name, input: rawText ?? JSON.stringify(raw), inputDetails: { truncated: false } })
      : 0;
    this.coverage.states.add(stateKey(state));
    this.visited.push(state.name);
    const retries: number[] = [];
    let retryCount = 0;
    for (;;) {
      try {
        const insp: Inspection | undefined = this.opts.inspect ? {} : undefined;
        let a: Attempt;
        try {
          a = await this.attempt(state, raw, frame, this.contextFor(state, retryCount, entered), insp);
        } finally {
          if (insp) {
            const data: Record<string, string> = {};
            for (const [k, v] of Object.entries(insp)) if (v !== undefined) data[k] = JSON.stringify(v);
            this.inspections.push({ name: state.name, enteredEventId: enteredId, data });
          }
        }
        if (a.choice !== undefined) this.coverage.choices.add(`${stateKey(state)}#${a.choice < 0 ? 'Default' : a.choice}`);
        const text = this.checkSize(state, a.output);
        if (a.assign) Object.assign(frame.variables, a.assign);
        if (type !== 'Fail') this.emit(frame, `${type}StateExited`, 'stateExitedEventDetails', { name: state.name, output: text, outputDetails: { truncated: false } });
        return { output: a.output, next: a.next, text };
      } catch (err) {
        if (!(err instanceof StatesError)) throw err;
        const failure =
          err.external || !['States.Runtime', 'States.QueryEvaluationError', 'States.IntrinsicFailure'].includes(err.error)
            ? err
            : new StatesError(err.error, causePrefix(state.name, enteredId) + err.cause, true);
        const h = await this.handle(state, raw, failure, retries, frame, this.contextFor(state, retryCount, entered));
        if (h.kind === 'retry') {
          this.coverage.handlers.add(`${stateKey(state)}#Retry${h.index}`);
          this.advance(h.delaySeconds);
          retryCount++;
          continue;
        }
        if (type === 'Parallel' || type === 'Map') this.emit(frame, `${type}StateFailed`);
        if (h.kind === 'catch') {
          this.coverage.handlers.add(`${stateKey(state)}#Catch${h.index}`);
          const text = this.checkSize(state, h.output);
          if (h.assign) Object.assign(frame.variables, h.assign);
          this.emit(frame, `${type}StateExited`, 'stateExitedEventDetails', { name: state.name, output: text, outputDetails: { truncated: false } });
          return { output: h.output, next: h.next, text };
        }
        throw failure;
      }
    }
  }

  checkSize(state: State, value: Json): string {
    const text = JSON.stringify(value) ?? 'null';
    if (text.length * 3 > MAX_PAYLOAD_BYTES && Buffer.byteLength(text, 'utf8') > MAX_PAYLOAD_BYTES) {
      throw new StatesError('States.DataLimitExceeded', `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`, true);
    }
    return text;
  }

  /** What Retry and Catch make of a failure (retries[i]: attempts used by retrier i). */
  async handle(state: State, raw: Json, failure: StatesError, retries: number[], frame: Frame, context: JsonObject, countRetry = true): Promise<ErrorHandling> {
    if (TERMINAL.has(failure.error)) return { kind: 'fail' };
    const matches = (equals: Json | undefined): boolean => {
      if (!Array.isArray(equals)) return false;
      // States.TaskFailed "acts as a wildcard that matches any known error name except for States.Timeout" (error handling page).
      return equals.some(
        (e) =>
          e === failure.error ||
          (e === 'States.ALL' && !NOT_MATCHED_BY_ALL.has(failure.error)) ||
          (e === 'States.TaskFailed' && failure.error !== 'States.Timeout' && !NOT_MATCHED_BY_ALL.has(failure.error)),
      );
    };
    const retry = Array.isArray(state.obj.Retry) ? (state.obj.Retry as JsonObject[]) : [];
    for (let i = 0; i < retry.length; i++) {
      const r = retry[i];
      if (!matches(r.ErrorEquals)) continue;
      const max = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
      const used = retries[i] ?? 0;
      if (used >= max) break;
      if (countRetry) retries[i] = used + 1;
      const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
      const rate = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
      let delay = interval * Math.pow(rate, used);
      if (typeof r.MaxDelaySeconds === 'number') delay = Math.min(delay, r.MaxDelaySeconds);
      if (r.JitterStrategy === 'FULL') delay = this.opts.rng.next() * delay;
      return { kind: 'retry', index: i, delaySeconds: delay };
    }
    const catchers = Array.isArray(state.obj.Catch) ? (state.obj.Catch as JsonObject[]) : [];
    for (let i = 0; i < catchers.length; i++) {
      const c = catchers[i];
      if (!matches(c.ErrorEquals)) continue;
      const errorOutput: JsonObject = { Error: failure.error, Cause: failure.cause };
      if (state.queryLanguage === 'JSONata') {
        const env = this.jsonataEnv(frame, { input: raw, errorOutput, context });
        const output = 'Output' in c ? await evaluateTemplate(c.Output, `Catch[${i}]/Output`, env) : errorOutput;
        const assign = c.Assign && typeof c.Assign === 'object' ? ((await evaluateTemplate(c.Assign, `Catch[${i}]/Assign`, env)) as Record<string, Json>) : undefined;
        return { kind: 'catch', index: i, next: String(c.Next), output, assign };
      }
      const env = this.pathEnv(frame, context);
      const assign = c.Assign && typeof c.Assign === 'object' ? (applyTemplate(c.Assign, errorOutput, env) as Record<string, Json>) : undefined;
      return { kind: 'catch', index: i, next: String(c.Next), output: applyResultPath(c.ResultPath === undefined ? '$' : c.ResultPath, raw, errorOutput), assign };
    }
    return { kind: 'fail' };
  }

  pathEnv(frame: Frame, context: JsonObject): PathEnv {
    return { input: null, context, variables: frame.variables, rng: this.opts.rng };
  }

  jsonataEnv(frame: Frame, states: Record<string, unknown>): JsonataEnv {
    return { states, variables: frame.variables, rng: this.opts.rng, now: this.clock };
  }

  /** One attempt of a state's work (no Retry/Catch), JSONPath or JSONata. */
  attempt(state: State, raw: Json, frame: Frame, context: JsonObject, insp?: Inspection): Promise<Attempt> {
    if (insp) insp.input = raw;
    return state.queryLanguage === 'JSONata' ? this.attemptJsonata(state, raw, frame, context, insp) : this.attemptJsonPath(state, raw, frame, context, insp);
  }

  private nextOf(o: JsonObject): string | undefined {
    return o.End === true || typeof o.Next !== 'string' ? undefined : o.Next;
  }

  private async attemptJsonPath(state: State, raw: Json, frame: Frame, context: JsonObject, insp?: Inspection): Promise<Attempt> {
    const o = state.obj;
    const env = this.pathEnv(frame, context);
    const type = state.type;
    if (type === 'Fail') {
      // ErrorPath/CausePath: a reference path or an intrinsic function (state-fail.html).
      const read = (field: string, v: Json): Json => (startsLikeIntrinsicCall(String(v)) ? (applyTemplate({ [`${field}.$`]: v }, raw, env) as JsonObject)[field] : applyPath(v, raw, env));
      const error = typeof o.ErrorPath === 'string' ? read('ErrorPath', o.ErrorPath) : o.Error;
      const cause = typeof o.CausePath === 'string' ? read('CausePath', o.CausePath) : o.Cause;
      if (error !== undefined && typeof error !== 'string') runtime(`The value of ErrorPath '${String(o.ErrorPath)}' must be a string`);
      if (cause !== undefined && typeof cause !== 'string') runtime(`The value of CausePath '${String(o.CausePath)}' must be a string`);
      throw new StatesError((error as string | undefined) ?? '', (cause as string | undefined) ?? '', true);
    }
    const effective = applyPath(o.InputPath, raw, env);
    if (insp) insp.afterInputPath = effective;
    const assignOn = (template: Json | undefined, value: Json): Record<string, Json> | undefined =>
      template && typeof template === 'object' && !Array.isArray(template) ? (applyTemplate(template, value, env) as Record<string, Json>) : undefined;
    switch (type) {
      case 'Succeed':
        return { output: applyPath(o.OutputPath, effective, env) };
      case 'Choice': {
        const rules = Array.isArray(o.Choices) ? (o.Choices as JsonObject[]) : [];
        const roots = { input: effective, context, variables: frame.variables };
        for (let i = 0; i < rules.length; i++) {
          if (evaluateRule(rules[i], roots)) {
            return { output: applyPath(o.OutputPath, effective, env), next: String(rules[i].Next), choice: i, assign: assignOn(rules[i].Assign ?? o.Assign, effective) };
          }
        }
        if (typeof o.Default === 'string') return { output: applyPath(o.OutputPath, effective, env), next: o.Default, choice: -1, assign: assignOn(o.Assign, effective) };
        throw new StatesError('States.NoChoiceMatched', `No Choice Rule matched and no Default is specified for the input '${JSON.stringify(effective)}'`);
      }
      case 'Wait': {
        this.advance(this.waitSeconds(o, effective, env));
        return { output: applyPath(o.OutputPath, effective, env), next: this.nextOf(o), assign: assignOn(o.Assign, effective) };
      }
    }
    let params = effective;
    if (o.Parameters !== undefined && type !== 'Map') {
      params = applyTemplate(o.Parameters, effective, env);
      if (insp) insp.afterParameters = params;
    }
    let result: Json;
    if (type === 'Pass') result = 'Result' in o ? o.Result : params;
    else if (type === 'Task') result = await this.task(state, params, frame);
    else if (type === 'Parallel') result = await this.parallel(state, params, frame);
    else if (type === 'Map') result = await this.map(state, effective, frame, context);
    else throw new RunUsageError(`the state '${state.name}' has the unknown type '${String(type)}'`);
    if (insp) insp.result = result;
    let selected = result;
    if (o.ResultSelector !== undefined && type !== 'Pass') {
      selected = applyTemplate(o.ResultSelector, result, env);
      if (insp) insp.afterResultSelector = selected;
    }
    const merged = applyResultPath(o.ResultPath, raw, selected);
    if (insp) insp.afterResultPath = merged;
    return { output: applyPath(o.OutputPath, merged, env), next: this.nextOf(o), assign: assignOn(o.Assign, result) };
  }

  private waitSeconds(o: JsonObject, effective: Json, env: PathEnv): number {
    if (typeof o.Seconds === 'number') return o.Seconds;
    if (typeof o.SecondsPath === 'string') {
      const v = applyPath(o.SecondsPath, effective, env);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) runtime(`The SecondsPath parameter does not reference a valid integer value: ${JSON.stringify(v)}`);
      return v as number;
    }
    const ts = typeof o.Timestamp === 'string' ? o.Timestamp : typeof o.TimestampPath === 'string' ? applyPath(o.TimestampPath, effective, env) : undefined;
    if (ts === undefined) return 0;
    if (!isTimestamp(ts)) runtime(`The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${JSON.stringify(ts)}`);
    return (Date.parse(ts as string) - this.clock) / 1000;
  }

  private async task(state: State, input: Json, frame: Frame): Promise<Json> {
    const o = state.obj;
    const resource = String(o.Resource ?? '');
    const index = this.calls.get(state.name) ?? 0;
    this.calls.set(state.name, index + 1);
    const ev = taskEvents(resource);
    const scheduled: JsonObject = { ...ev.ids, ...(ev.kind === 'Task' ? { region: 'us-east-1', parameters: JSON.stringify(input) } : { input: JSON.stringify(input) }) };
    if (ev.kind === 'Task' && typeof o.TimeoutSeconds === 'number') scheduled.timeoutInSeconds = o.TimeoutSeconds;
    this.emit(frame, `${ev.kind}Scheduled`, `${ev.key}ScheduledEventDetails`, scheduled);
    this.emit(frame, `${ev.kind}Started`, ev.kind === 'Task' ? 'taskStartedEventDetails' : undefined, ev.kind === 'Task' ? ev.ids : undefined);
    const mock = this.opts.mocks[state.name];
    const delay = mockDelay(mock, index);
    if (delay > 0) {
      const timeout = typeof o.TimeoutSeconds === 'number' ? o.TimeoutSeconds : undefined;
      if (timeout !== undefined && delay > timeout) {
        this.advance(timeout);
        this.emit(frame, `${ev.kind}TimedOut`, `${ev.key}TimedOutEventDetails`, { ...ev.ids, error: 'States.Timeout' });
        throw new StatesError('States.Timeout', '', true);
      }
      this.advance(delay);
    }
    try {
      const result = await callMock(mock, state.name, index, input);
      const text = JSON.stringify(result) ?? 'null';
      if (Buffer.byteLength(text, 'utf8') > MAX_PAYLOAD_BYTES) {
        throw new StatesError('States.DataLimitExceeded', `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`, true);
      }
      this.emit(frame, `${ev.kind}Succeeded`, `${ev.key}SucceededEventDetails`, { ...ev.ids, output: text, outputDetails: { truncated: false } });
      return result;
    } catch (err) {
      if (err instanceof StatesError) this.emit(frame, `${ev.kind}Failed`, `${ev.key}FailedEventDetails`, { ...ev.ids, error: err.error, cause: err.cause });
      throw err;
    }
  }

  private async parallel(state: State, input: Json, frame: Frame): Promise<Json> {
    this.emit(frame, 'ParallelStateStarted');
    const out: Json[] = [];
    for (const branch of state.children) out.push(await this.runScope(branch, input, { variables: { ...frame.variables }, emit: frame.emit, child: frame.child }));
    this.emit(frame, 'ParallelStateSucceeded');
    return out;
  }

  /** Map (JSONPath): items from ItemsPath (or the mocked ItemReader), ItemSelector, the processor per item. */
  private async map(state: State, effective: Json, frame: Frame, context: JsonObject): Promise<Json> {
    const o = state.obj;
    const env = this.pathEnv(frame, context);
    const items = o.ItemReader !== undefined ? await this.readItems(state, frame) : applyPath(o.ItemsPath ?? '$', effective, env);
    if (!Array.isArray(items)) runtime(`Invalid path '${String(o.ItemsPath ?? '$')}': The Map state's items path must reference an array, got ${JSON.stringify(items)}`);
    const selector = o.ItemSelector ?? o.Parameters;
    const inputs = (items as Json[]).map((value, index) =>
      selector !== undefined ? applyTemplate(selector, effective, { ...env, context: { ...context, Map: { Item: { Index: index, Value: value } } } }) : value,
    );
    const num = (f: string): number | undefined => (typeof o[f] === 'number' ? (o[f] as number) : typeof o[f + 'Path'] === 'string' ? Number(applyPath(o[f + 'Path'], effective, env)) : undefined);
    return this.runItems(state, this.batch(state, inputs, effective, env), frame, { count: num('ToleratedFailureCount'), pct: num('ToleratedFailurePercentage') });
  }

  async readItems(state: State, frame: Frame): Promise<Json> {
    const index = this.calls.get(state.name) ?? 0;
    this.calls.set(state.name, index + 1);
    void frame;
    const items = await callMock(this.opts.mocks[state.name], state.name, index, null);
    const cfg = (state.obj.ItemReader as JsonObject | undefined)?.ReaderConfig as JsonObject | undefined;
    const max = cfg && typeof cfg.MaxItems === 'number' ? cfg.MaxItems : undefined;
    return Array.isArray(items) && max !== undefined && max > 0 ? items.slice(0, max) : items;
  }

  batch(state: State, inputs: Json[], effective: Json, env: PathEnv): Json[] {
    const b = state.obj.ItemBatcher as JsonObject | undefined;
    if (!b || typeof b !== 'object') return inputs;
    const size =
      typeof b.MaxItemsPerBatch === 'number' ? b.MaxItemsPerBatch : typeof b.MaxItemsPerBatchPath === 'string' ? Number(applyPath(b.MaxItemsPerBatchPath, effective, env)) : inputs.length || 1;
    const batchInput = b.BatchInput !== undefined && state.queryLanguage !== 'JSONata' ? applyTemplate(b.BatchInput, effective, env) : b.BatchInput;
    const out: Json[] = [];
    for (let i = 0; i < inputs.length; i += size) {
      const batch: JsonObject = { Items: inputs.slice(i, i + size) };
      if (batchInput !== undefined) batch.BatchInput = batchInput;
      out.push(batch);
    }
    return out;
  }

  async runItems(state: State, inputs: Json[], frame: Frame, limits: { count?: number; pct?: number } = {}): Promise<Json> {
    const o = state.obj;
    const processor = state.children[0];
    const distributed = ((o.ItemProcessor as JsonObject | undefined)?.ProcessorConfig as JsonObject | undefined)?.Mode === 'DISTRIBUTED';
    if (!processor) throw new RunUsageError(`the Map state '${state.name}' has no ItemProcessor`);
    this.emit(frame, 'MapStateStarted', 'mapStateStartedEventDetails', { length: inputs.length });
    const out: Json[] = [];
    if (!distributed) {
      for (let index = 0; index < inputs.length; index++) {
        this.emit(frame, 'MapIterationStarted', 'mapIterationStartedEventDetails', { name: state.name, index });
        try {
          out.push(await this.runScope(processor, inputs[index], { variables: { ...frame.variables }, emit: frame.emit, child: frame.child }));
        } catch (err) {
          if (err instanceof StatesError) this.emit(frame, 'MapIterationFailed', 'mapIterationFailedEventDetails', { name: state.name, index });
          throw err;
        }
        this.emit(frame, 'MapIterationSucceeded', 'mapIterationSucceededEventDetails', { name: state.name, index });
      }
      this.emit(frame, 'MapStateSucceeded');
      return out;
    }
    const mapRunArn = `${String((this.opts.context.StateMachine as JsonObject).Id).replace(':stateMachine:', ':mapRun:')}/${state.name}:00000000-0000-4000-8000-000000000000`;
    this.emit(frame, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn });
    let failed = 0;
    let last: StatesError | undefined;
    for (let index = 0; index < inputs.length; index++) {
      try {
        out.push(await this.runScope(processor, inputs[index], { variables: { ...frame.variables }, emit: false, child: { events: 2 } }));
      } catch (err) {
        if (!(err instanceof StatesError)) throw err;
        failed++;
        last = err;
        out.push({ Error: err.error, Cause: err.cause });
      }
    }
    const { count, pct } = limits;
    const tolerated = failed === 0 || (count !== undefined && failed <= count) || (pct !== undefined && inputs.length > 0 && (failed / inputs.length) * 100 <= pct);
    if (!tolerated) {
      const cause = `The specified tolerated failure threshold was exceeded (${failed} of ${inputs.length} items failed; last error ${last?.error})`;
      this.emit(frame, 'MapRunFailed', 'mapRunFailedEventDetails', { error: 'States.ExceedToleratedFailureThreshold', cause });
      throw new StatesError('States.ExceedToleratedFailureThreshold', cause, true);
    }
    this.emit(frame, 'MapRunSucceeded');
    this.emit(frame, 'MapStateSucceeded');
    // With a ResultWriter the results go to S3 and the state's result says where.
    const writer = o.ResultWriter as JsonObject | undefined;
    if (writer && typeof writer === 'object') {
      const p = ((writer.Parameters ?? writer.Arguments) as JsonObject | undefined) ?? {};
      const prefix = typeof p.Prefix === 'string' ? `${p.Prefix.replace(/\/$/, '')}/` : '';
      return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: (p.Bucket ?? null) as Json, Key: `${prefix}${mapRunArn.slice(mapRunArn.lastIndexOf(':') + 1)}/manifest.json` } };
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // JSONata states.

  private async attemptJsonata(state: State, raw: Json, frame: Frame, context: JsonObject, insp?: Inspection): Promise<Attempt> {
    const o = state.obj;
    const type = state.type;
    const states: Record<string, unknown> = { input: raw, context };
    const env = this.jsonataEnv(frame, states);
    const tmpl = (t: Json, field: string): Promise<Json> => evaluateTemplate(t, field, env);
    const finish = async (rule: JsonObject | undefined, next: string | undefined, defaultOutput: Json, choice?: number): Promise<Attempt> => {
      // A matched rule's fields are named under its index, as AWS names them: Choices[1]/Output/v.
      const ruleField = (f: string) => (rule && f in rule ? `Choices[${choice}]/${f}` : f);
      const outputT = rule && 'Output' in rule ? rule.Output : o.Output;
      const output = outputT !== undefined ? await tmpl(outputT, ruleField('Output')) : defaultOutput;
      const assignT = rule && 'Assign' in rule ? rule.Assign : o.Assign;
      const assign = assignT && typeof assignT === 'object' ? ((await tmpl(assignT, ruleField('Assign'))) as Record<string, Json>) : undefined;
      return { output, next, assign, choice };
    };
    switch (type) {
      case 'Fail': {
        const error = o.Error === undefined ? '' : await tmpl(o.Error, 'Error');
        const cause = o.Cause === undefined ? '' : await tmpl(o.Cause, 'Cause');
        throw new StatesError(String(error), String(cause), true);
      }
      case 'Succeed':
        return finish(undefined, undefined, raw);
      case 'Choice': {
        const rules = Array.isArray(o.Choices) ? (o.Choices as JsonObject[]) : [];
        for (let i = 0; i < rules.length; i++) {
          const c = await evaluateJsonata(String(rules[i].Condition), `Choices[${i}]/Condition`, env);
          if (typeof c !== 'boolean') {
            throw new StatesError(
              'States.QueryEvaluationError',
              `The JSONata expression '${String(rules[i].Condition).slice(2, -2).trim()}' specified for the field 'Condition' returned ${JSON.stringify(c)}, not a boolean.`,
            );
          }
          if (c) return finish(rules[i], String(rules[i].Next), raw, i);
        }
        if (typeof o.Default === 'string') return finish(undefined, o.Default, raw, -1);
        throw new StatesError('States.NoChoiceMatched', `No Choice Rule matched and no Default is specified for the input '${JSON.stringify(raw)}'`);
      }
      case 'Wait': {
        let seconds = 0;
        if (o.Seconds !== undefined) {
          const s = typeof o.Seconds === 'number' ? o.Seconds : await evaluateJsonata(String(o.Seconds), 'Seconds', env);
          if (typeof s !== 'number' || !Number.isInteger(s) || s < 0)
            throw new StatesError('States.QueryEvaluationError', `The JSONata expression specified for the field 'Seconds' returned ${JSON.stringify(s)}, not a non-negative integer.`);
          seconds = s;
        } else if (o.Timestamp !== undefined) {
          const t = isJsonataExpression(o.Timestamp) ? await evaluateJsonata(o.Timestamp, 'Timestamp', env) : o.Timestamp;
          if (!isTimestamp(t))
            throw new StatesError('States.QueryEvaluationError', `The JSONata expression specified for the field 'Timestamp' returned ${JSON.stringify(t)}, not an ISO-8601 timestamp.`);
          seconds = (Date.parse(t) - this.clock) / 1000;
        }
        this.advance(seconds);
        return finish(undefined, this.nextOf(o), raw);
      }
      case 'Pass':
        return finish(undefined, this.nextOf(o), raw);
    }
    let args: Json = raw;
    if (o.Arguments !== undefined) {
      args = await tmpl(o.Arguments, 'Arguments');
      if (insp) insp.afterArguments = args;
    }
    let result: Json;
    if (type === 'Task') result = await this.task(state, args, frame);
    else if (type === 'Parallel') result = await this.parallel(state, args, frame);
    else if (type === 'Map') {
      const items = o.ItemReader !== undefined ? await this.readItems(state, frame) : o.Items !== undefined ? await tmpl(o.Items, 'Items') : raw;
      if (!Array.isArray(items)) throw new StatesError('States.QueryEvaluationError', `The field 'Items' must evaluate to an array, got ${JSON.stringify(items)}`);
      const inputs: Json[] = [];
      for (let index = 0; index < items.length; index++) {
        if (o.ItemSelector === undefined) inputs.push(items[index]);
        else {
          const ctx = { ...context, Map: { Item: { Index: index, Value: items[index] } } };
          inputs.push(await evaluateTemplate(o.ItemSelector, 'ItemSelector', this.jsonataEnv(frame, { input: raw, context: ctx })));
        }
      }
      const num = async (f: string): Promise<number | undefined> => {
        const v = o[f];
        if (typeof v === 'number') return v;
        if (typeof v === 'string' && isJsonataExpression(v)) return Number(await evaluateJsonata(v, f, env));
        return undefined;
      };
      const limits = { count: await num('ToleratedFailureCount'), pct: await num('ToleratedFailurePercentage') };
      result = await this.runItems(state, this.batch(state, inputs, raw, this.pathEnv(frame, context)), frame, limits);
    } else throw new RunUsageError(`the state '${state.name}' has the unknown type '${String(type)}'`);
    if (insp) insp.result = result;
    states.result = result;
    return finish(undefined, this.nextOf(o), result);
  }
}

/** Event names and ids of a Task's resource: Lambda function and activity ARNs have their own events. */
const taskEvents: (resource: string) => { kind: string; key: string; ids: JsonObject } = memo(taskEventsUncached, 1000);

function taskEventsUncached(resource: string): { kind: string; key: string; ids: JsonObject } {
  if (/^arn:aws[\w-]*:lambda:/.test(resource)) return { kind: 'LambdaFunction', key: 'lambdaFunction', ids: { resource } };
  if (/^arn:aws[\w-]*:states:[^:]+:\d+:activity:/.test(resource)) return { kind: 'Activity', key: 'activity', ids: { resource } };
  const m = /^arn:aws[\w-]*:states:::([^:]+(?::[^:]+)*?):([^:]+(?::\d+)?)$/.exec(resource);
  if (m) {
    const parts = resource.split(':::')[1].split(':');
    if (parts[0] === 'aws-sdk') return { kind: 'Task', key: 'task', ids: { resourceType: `aws-sdk:${parts[1]}`, resource: parts.slice(2).join(':') } };
    return { kind: 'Task', key: 'task', ids: { resourceType: parts[0], resource: parts.slice(1).join(':') } };
  }
  return { kind: 'Task', key: 'task', ids: { resourceType: 'unknown', resource } };
}
