/**
 * The interpreter (src/run/): AWS's documented worked examples (each with its source), run-time
 * errors with AWS's texts (each with its evidence), execute()'s history and testState()'s shapes.
 */
import { describe, expect, it } from 'vitest';
import { execute, testState, InvalidDefinitionError, RunUsageError, type HistoryEvent } from '../src/index.js';
import type { Json, JsonObject } from '../src/model/model.js';

const types = (events: HistoryEvent[]): string[] => events.map((e) => e.type);
const pass = (state: object, input: unknown, extra: object = {}) =>
  testState({ definition: JSON.stringify({ End: true, ...state }), input: JSON.stringify(input), inspectionLevel: 'DEBUG', ...extra });

describe('input and output processing (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html)', () => {
  it('InputPath selects a part of the input (input-output-inputpath-params.html#input-output-inputpath)', async () => {
    const input = { comment: 'Example for InputPath.', dataset1: { val1: 1, val2: 2, val3: 3 }, dataset2: { val1: 'a', val2: 'b', val3: 'c' } };
    const r = await pass({ Type: 'Pass', InputPath: '$.dataset2' }, input);
    expect(JSON.parse(r.output!)).toEqual({ val1: 'a', val2: 'b', val3: 'c' });
    expect(r.inspectionData!.afterInputPath).toBe('{"val1":"a","val2":"b","val3":"c"}');
  });
  it('Parameters with static values and .$ paths (input-output-inputpath-params.html#input-output-parameters)', async () => {
    const input = { comment: 'Example for Parameters.', product: { details: { color: 'blue', size: 'small', material: 'cotton' }, availability: 'in stock', sku: '2317', cost: '$23' } };
    const r = await pass(
      { Type: 'Pass', Parameters: { comment: 'Selecting what I care about.', MyDetails: { 'size.$': '$.product.details.size', 'exists.$': '$.product.availability', StaticValue: 'foo' } } },
      input,
    );
    expect(JSON.parse(r.output!)).toEqual({ comment: 'Selecting what I care about.', MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' } });
    expect(JSON.parse(r.inspectionData!.afterParameters!)).toEqual(JSON.parse(r.output!));
  });
  it('ResultSelector then ResultPath (input-output-inputpath-params.html#input-output-resultselector)', async () => {
    const result = { resourceType: 'elasticmapreduce', resource: 'createCluster.sync', output: { SdkHttpMetadata: { httpStatusCode: 200 }, ClusterId: 'AKIAIOSFODNN7EXAMPLE' } };
    const r = await testState({
      definition: JSON.stringify({
        Type: 'Task',
        Resource: 'arn:aws:states:::elasticmapreduce:createCluster',
        ResultSelector: { 'ClusterId.$': '$.output.ClusterId', 'ResourceType.$': '$.resourceType' },
        ResultPath: '$.EMROutput',
        End: true,
      }),
      input: '{"a":1}',
      inspectionLevel: 'DEBUG',
      mock: { result: JSON.stringify(result) },
    });
    expect(JSON.parse(r.inspectionData!.afterResultSelector!)).toEqual({ ClusterId: 'AKIAIOSFODNN7EXAMPLE', ResourceType: 'elasticmapreduce' });
    expect(JSON.parse(r.output!)).toEqual({ a: 1, EMROutput: { ClusterId: 'AKIAIOSFODNN7EXAMPLE', ResourceType: 'elasticmapreduce' } });
  });
  it('ResultPath: $ replaces, null keeps the input, a path adds the result (input-output-resultpath.html)', async () => {
    const input = { comment: 'This is a test of the input and output of a Task state.', details: 'Default example', who: 'AWS Step Functions' };
    const result = 'Hello, AWS Step Functions!';
    const run = (resultPath: unknown) => pass({ Type: 'Pass', Result: result, ...(resultPath === undefined ? {} : { ResultPath: resultPath }) }, input);
    expect(JSON.parse((await run(undefined)).output!)).toBe(result);
    expect(JSON.parse((await run(null)).output!)).toEqual(input);
    expect(JSON.parse((await run('$.taskresult')).output!)).toEqual({ ...input, taskresult: result });
    expect(JSON.parse((await run('$.strings.lambdaresult')).output!)).toEqual({ ...input, strings: { lambdaresult: result } });
  });
  it('Pass Result with ResultPath (state-pass.html)', async () => {
    const r = await pass({ Type: 'Pass', Result: { 'x-datum': 0.381018, 'y-datum': 622.2269926397355 }, ResultPath: '$.coords' }, { georefOf: 'Home' });
    expect(JSON.parse(r.output!)).toEqual({ georefOf: 'Home', coords: { 'x-datum': 0.381018, 'y-datum': 622.2269926397355 } });
  });
  it('OutputPath selects from the merged output; InputPath/OutputPath null give {}', async () => {
    expect(JSON.parse((await pass({ Type: 'Pass', Result: { v: 1 }, ResultPath: '$.r', OutputPath: '$.r' }, { a: 1 })).output!)).toEqual({ v: 1 });
    expect(JSON.parse((await pass({ Type: 'Pass', InputPath: null }, { a: 1 })).output!)).toEqual({});
    expect(JSON.parse((await pass({ Type: 'Pass', OutputPath: null }, { a: 1 })).output!)).toEqual({});
  });
  it('indefinite paths give lists (Jayway): filters, wildcards, slices; .length()', async () => {
    const input = {
      items: [
        { p: 5, n: 'a' },
        { p: 15, n: 'b' },
        { p: 25, n: 'c' },
      ],
    };
    const r = await pass(
      { Type: 'Pass', Parameters: { 'cheap.$': '$.items[?(@.p < 20)].n', 'all.$': '$.items[*].p', 'two.$': '$.items[0:2].n', 'count.$': '$.items.length()', 'none.$': '$.items[?(@.p > 100)]' } },
      input,
    );
    expect(JSON.parse(r.output!)).toEqual({ cheap: ['a', 'b'], all: [5, 15, 25], two: ['a', 'b'], count: 3, none: [] });
  });
  it("a missing path fails with States.Runtime and AWS's causes (floci-io/floci#2521; nasa/cumulus-orca#346)", async () => {
    const r = await pass({ Type: 'Pass', Parameters: { 'missing.$': '$.nope.deep' } }, { other: 1 });
    expect([r.status, r.error, r.cause]).toEqual(['FAILED', 'States.Runtime', `The JSONPath '$.nope.deep' specified for the field 'missing.$' could not be found in the input '{"other":1}'`]);
    const ip = await pass({ Type: 'Pass', InputPath: '$.a.b' }, { a: {} });
    expect([ip.error, ip.cause]).toEqual(['States.Runtime', "Invalid path '$.a.b' : No results for path: $['a']['b']"]);
    // In an execution, the cause is prefixed as AWS does (floci-io/floci#2689, nasa/cumulus-orca#346).
    const ex = await execute({ StartAt: 'S', States: { S: { Type: 'Pass', Parameters: { 'missing.$': '$.nope' }, End: true } } }, { input: { other: 1 } });
    expect(ex.cause).toBe(
      `An error occurred while executing the state 'S' (entered at the event id #2). The JSONPath '$.nope' specified for the field 'missing.$' could not be found in the input '{"other":1}'`,
    );
  });
  it('paths evaluate as Jayway JsonPath does (measured with Jayway 2.0.0, Debian libjsonpath-java)', async () => {
    const input = { a: { b: [1, 2, 3], c: null }, items: [{ n: 'ab', p: 5 }, { n: 'b', p: 15 }, { n: 'cab' }] };
    const jayway: Record<string, unknown> = {
      '$.a.b': [1, 2, 3],
      '$.a.c': null,
      '$.items[*].p': [5, 15],
      '$.items[?(@.p > 10)].n': ['b'],
      '$.items[?(@.n =~ /a.*/)].n': ['ab'],
      '$..n': ['ab', 'b', 'cab'],
      '$.items[0:2].n': ['ab', 'b'],
      '$.nope[*]': [],
    };
    const params = Object.fromEntries(Object.keys(jayway).map((k, i) => [`p${i}.$`, k]));
    const r = await pass({ Type: 'Pass', Parameters: params }, input);
    expect(JSON.parse(r.output!)).toEqual(Object.fromEntries(Object.values(jayway).map((v, i) => [`p${i}`, v])));
    const exists = await pass({ Type: 'Pass', Parameters: { 'r.$': '$.items[?(@.t)].n' } }, { items: [{ n: 'ab', t: 0 }, { n: 'b', t: false }, { n: 'cab' }, { n: 'd', t: null }] });
    expect(JSON.parse(exists.output!)).toEqual({ r: ['ab', 'b'] });
    // Jayway: "PathNotFoundException: No results for path: $['a']['x']".
    expect((await pass({ Type: 'Pass', InputPath: '$.a.x' }, input)).cause).toBe("Invalid path '$.a.x' : No results for path: $['a']['x']");
  });
  it("Jayway's filter operators: in, nin, =~ (whole match), size, empty", async () => {
    const input = { items: [{ n: 'ab', t: ['x'] }, { n: 'b', t: [] }, { n: 'cab' }] };
    const r = await pass(
      {
        Type: 'Pass',
        Parameters: {
          'in.$': "$.items[?(@.n in ['ab','b'])].n",
          'nin.$': "$.items[?(@.n nin ['ab','b'])].n",
          're.$': '$.items[?(@.n =~ /a.*/)].n',
          'size.$': '$.items[?(@.t size 1)].n',
          'empty.$': '$.items[?(@.t empty true)].n',
          'and.$': "$.items[?(@.n in ['b'] && @.t empty true)].n",
        },
      },
      input,
    );
    expect(JSON.parse(r.output!)).toEqual({ in: ['ab', 'b'], nin: ['cab'], re: ['ab'], size: ['ab'], empty: ['b'], and: ['b'] });
  });
  it('a filter that cannot be evaluated is a clear States.Runtime, not a crash', async () => {
    const r = await pass({ Type: 'Pass', Parameters: { 'x.$': '$.items[?(@.n subsetof [1])]' } }, { items: [{ n: 'a' }] });
    expect([r.status, r.error]).toEqual(['FAILED', 'States.Runtime']);
    expect(r.cause).toMatch(/^Invalid path '\$\.items\[\?\(@\.n subsetof \[1\]\)\]': the expression cannot be evaluated offline/);
  });
  it('ResultPath into a non-object input is States.Runtime', async () => {
    const r = await pass({ Type: 'Pass', Result: 1, ResultPath: '$.a.b' }, { a: 'text' });
    expect(r.error).toBe('States.Runtime');
  });
});

describe('Choice (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html)', () => {
  const choiceStateX = {
    Type: 'Choice',
    Choices: [
      { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
      { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
      {
        And: [
          { Variable: '$.value', NumericGreaterThanEquals: 20 },
          { Variable: '$.value', NumericLessThan: 30 },
        ],
        Next: 'ValueInTwenties',
      },
    ],
    Default: 'DefaultState',
  };
  const next = async (state: object, input: unknown) => (await testState({ definition: JSON.stringify(state), input: JSON.stringify(input) })).nextState;
  it("the page's ChoiceStateX example", async () => {
    expect(await next(choiceStateX, { type: 'Private', value: 22 })).toBe('ValueInTwenties');
    expect(await next(choiceStateX, { type: 'Public', value: 22 })).toBe('Public');
    expect(await next(choiceStateX, { type: 'Private', value: 0 })).toBe('ValueIsZero');
    expect(await next(choiceStateX, { type: 'Private', value: 35 })).toBe('DefaultState');
  });
  const rule = (r: object) => ({ Type: 'Choice', Choices: [{ Variable: '$.v', ...r, Next: 'Yes' }], Default: 'No' });
  const cases: [object, unknown, string][] = [
    [{ StringEquals: 'a' }, 'a', 'Yes'],
    [{ StringLessThan: 'b' }, 'a', 'Yes'],
    [{ StringGreaterThan: 'b' }, 'a', 'No'],
    [{ StringLessThanEquals: 'a' }, 'a', 'Yes'],
    [{ StringGreaterThanEquals: 'a' }, 'b', 'Yes'],
    [{ StringMatches: 'log-*.txt' }, 'log-20190101.txt', 'Yes'],
    [{ StringMatches: 'log-*.txt' }, 'log-1.csv', 'No'],
    [{ StringMatches: 'a\\*b' }, 'a*b', 'Yes'],
    [{ StringMatches: 'a\\*b' }, 'axb', 'No'],
    [{ NumericEquals: 1 }, 1, 'Yes'],
    [{ NumericEquals: 1 }, '1', 'No'],
    [{ NumericLessThan: 1 }, 0.5, 'Yes'],
    [{ NumericGreaterThan: 1 }, 2, 'Yes'],
    [{ NumericLessThanEquals: 1 }, 1, 'Yes'],
    [{ NumericGreaterThanEquals: 2 }, 1, 'No'],
    [{ BooleanEquals: true }, true, 'Yes'],
    [{ BooleanEquals: true }, 'true', 'No'],
    [{ TimestampEquals: '2001-01-01T12:00:00Z' }, '2001-01-01T12:00:00.000Z', 'Yes'],
    [{ TimestampLessThan: '2001-01-01T12:00:00Z' }, '2000-01-01T12:00:00Z', 'Yes'],
    [{ TimestampGreaterThan: '2001-01-01T12:00:00Z' }, '2001-01-01T12:00:00+01:00', 'No'],
    [{ TimestampLessThanEquals: '2001-01-01T12:00:00Z' }, '2001-01-01T12:00:00Z', 'Yes'],
    [{ TimestampGreaterThanEquals: '2001-01-01T12:00:00Z' }, 'not a date', 'No'],
    [{ IsNull: true }, null, 'Yes'],
    [{ IsNumeric: true }, 1, 'Yes'],
    [{ IsString: false }, 1, 'Yes'],
    [{ IsBoolean: true }, false, 'Yes'],
    [{ IsTimestamp: true }, '2016-03-14T01:59:00Z', 'Yes'],
    [{ IsTimestamp: true }, '2016-03-14', 'No'],
  ];
  for (const [r, v, want] of cases) {
    it(`${JSON.stringify(r)} on ${JSON.stringify(v)} -> ${want}`, async () => {
      expect(await next(rule(r), { v })).toBe(want);
    });
  }
  it('the ...Path comparators read the other side from the input', async () => {
    expect(await next(rule({ NumericLessThanPath: '$.max' }), { v: 1, max: 2 })).toBe('Yes');
    expect(await next(rule({ StringEqualsPath: '$$.Execution.Name' }), { v: 'test' })).toBe('Yes');
  });
  it('IsPresent reads a missing path; other operators fail with States.Runtime', async () => {
    expect(await next(rule({ IsPresent: false }), {})).toBe('Yes');
    const r = await testState({ definition: JSON.stringify(rule({ NumericEquals: 1 })), input: '{}' });
    expect([r.status, r.error, r.cause]).toEqual(['FAILED', 'States.Runtime', "Invalid path '$.v': The choice state's condition path references an invalid value."]);
  });
  it('no rule and no Default: States.NoChoiceMatched', async () => {
    const r = await testState({ definition: JSON.stringify({ Type: 'Choice', Choices: [{ Variable: '$.v', IsNull: true, Next: 'A' }] }), input: '{"v":1}' });
    expect([r.status, r.error]).toEqual(['FAILED', 'States.NoChoiceMatched']);
  });
  it('variables in conditions ($name paths)', async () => {
    const r = await testState({ definition: JSON.stringify(rule({})).replace('"Variable":"$.v"', '"Variable":"$x","IsPresent":true'), variables: '{"x":1}' });
    expect(r.nextState).toBe('Yes');
  });
});

describe('Retry and Catch (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html)', () => {
  const machine = (retry: JsonObject[], catchers: JsonObject[] = []): JsonObject => ({
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: retry, Catch: catchers, End: true }, ...(catchers.length ? { Recover: { Type: 'Pass', End: true } } : {}) },
  });
  const fails = (n: number, error = 'States.Timeout') => {
    const m: Record<string, object> = { [`0-${n - 1}`]: { Throw: { Error: error, Cause: 'slow' } } };
    m[String(n)] = { Return: { ok: true } };
    return m;
  };
  it('"makes 2 retry attempts after waiting 3 and 4.5 seconds" (IntervalSeconds 3, MaxAttempts 2, BackoffRate 1.5)', async () => {
    const r = await execute(machine([{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5 }]), { mocks: { T: fails(2) } });
    expect(r.status).toBe('SUCCEEDED');
    const scheduled = r.events.filter((e) => e.type === 'TaskScheduled').map((e) => Date.parse(e.timestamp) - Date.parse(r.startDate));
    expect(scheduled).toEqual([0, 3000, 7500]);
    const third = await execute(machine([{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5 }]), { mocks: { T: fails(3) } });
    expect([third.status, third.error, third.cause]).toEqual(['FAILED', 'States.Timeout', 'slow']);
  });
  it('MaxDelaySeconds caps the interval; MaxAttempts 0 never retries', async () => {
    const r = await execute(machine([{ ErrorEquals: ['E'], IntervalSeconds: 10, BackoffRate: 10, MaxAttempts: 3, MaxDelaySeconds: 50 }]), { mocks: { T: fails(3, 'E') } });
    const t = r.events.filter((e) => e.type === 'TaskScheduled').map((e) => Date.parse(e.timestamp) - Date.parse(r.startDate));
    expect(t).toEqual([0, 10000, 60000, 110000]);
    const z = await execute(machine([{ ErrorEquals: ['E'], MaxAttempts: 0 }]), { mocks: { T: fails(1, 'E') } });
    expect(z.status).toBe('FAILED');
  });
  it('JitterStrategy FULL waits a random part of the interval (seeded)', async () => {
    const r = await execute(machine([{ ErrorEquals: ['E'], IntervalSeconds: 10, MaxAttempts: 1, JitterStrategy: 'FULL' }]), { mocks: { T: fails(1, 'E') } });
    const t = r.events.filter((e) => e.type === 'TaskScheduled').map((e) => Date.parse(e.timestamp) - Date.parse(r.startDate));
    expect(t[1]).toBeGreaterThanOrEqual(0);
    expect(t[1]).toBeLessThan(10000);
  });
  it('Catch: the first catcher whose ErrorEquals matches, ResultPath placing {Error, Cause}', async () => {
    const r = await execute(
      machine(
        [],
        [
          { ErrorEquals: ['Other'], Next: 'Recover' },
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error-info', Next: 'Recover' },
        ],
      ),
      { input: { a: 1 }, mocks: { T: { 0: { Throw: { Error: 'CustomError', Cause: 'This is a custom error' } } } } },
    );
    expect(r.status).toBe('SUCCEEDED');
    expect(JSON.parse(r.output!)).toEqual({ a: 1, 'error-info': { Error: 'CustomError', Cause: 'This is a custom error' } });
    expect(types(r.events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect([...r.coverage.handlers]).toEqual(['States/T#Catch1']);
  });
  it('States.ALL does not catch States.Runtime', async () => {
    const def = {
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', InputPath: '$.nope', End: true } } }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'R' }], End: true },
        R: { Type: 'Pass', End: true },
      },
    };
    const r = await execute(def);
    expect([r.status, r.error]).toEqual(['FAILED', 'States.Runtime']);
  });
  it('testState: RETRIABLE, CAUGHT_ERROR and FAILED with errorDetails', async () => {
    const state = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [{ ErrorEquals: ['E'], MaxAttempts: 1, IntervalSeconds: 2 }],
      Catch: [{ ErrorEquals: ['E'], ResultPath: '$.err', Next: 'Handler' }],
      End: true,
    };
    const mock = { errorOutput: { error: 'E', cause: 'c' } };
    const first = await testState({ definition: JSON.stringify(state), input: '{"a":1}', mock, inspectionLevel: 'DEBUG' });
    expect(first).toMatchObject({ status: 'RETRIABLE', error: 'E', cause: 'c', inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 2 } } });
    const after = await testState({ definition: JSON.stringify(state), input: '{"a":1}', mock, inspectionLevel: 'DEBUG', context: '{"State":{"RetryCount":1}}' });
    expect(after).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'Handler', output: '{"a":1,"err":{"Error":"E","Cause":"c"}}', inspectionData: { errorDetails: { catchIndex: 0 } } });
    const other = await testState({ definition: JSON.stringify(state), mock: { errorOutput: { error: 'F', cause: 'x' } } });
    expect(other).toEqual({ status: 'FAILED', error: 'F', cause: 'x' });
  });
});

describe('execute(): history, Parallel, Map, Wait, context, variables, limits', () => {
  it("events in GetExecutionHistory's shapes", async () => {
    const r = await execute(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'x.$': '$.x' }, End: true } } },
      { input: { x: 1 }, mocks: { T: { 0: { Return: { y: 2 } } } } },
    );
    expect(r.events).toEqual([
      {
        timestamp: '2024-01-01T00:00:00.000Z',
        type: 'ExecutionStarted',
        id: 1,
        previousEventId: 0,
        executionStartedEventDetails: { input: '{"x":1}', inputDetails: { truncated: false }, roleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole' },
      },
      { timestamp: '2024-01-01T00:00:00.000Z', type: 'TaskStateEntered', id: 2, previousEventId: 1, stateEnteredEventDetails: { name: 'T', input: '{"x":1}', inputDetails: { truncated: false } } },
      {
        timestamp: '2024-01-01T00:00:00.000Z',
        type: 'TaskScheduled',
        id: 3,
        previousEventId: 2,
        taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: '{"x":1}' },
      },
      { timestamp: '2024-01-01T00:00:00.000Z', type: 'TaskStarted', id: 4, previousEventId: 3, taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' } },
      {
        timestamp: '2024-01-01T00:00:00.000Z',
        type: 'TaskSucceeded',
        id: 5,
        previousEventId: 4,
        taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke', output: '{"y":2}', outputDetails: { truncated: false } },
      },
      { timestamp: '2024-01-01T00:00:00.000Z', type: 'TaskStateExited', id: 6, previousEventId: 5, stateExitedEventDetails: { name: 'T', output: '{"y":2}', outputDetails: { truncated: false } } },
      { timestamp: '2024-01-01T00:00:00.000Z', type: 'ExecutionSucceeded', id: 7, previousEventId: 6, executionSucceededEventDetails: { output: '{"y":2}', outputDetails: { truncated: false } } },
    ]);
  });
  it('Parallel gives the array of branch outputs; a failing branch fails the state with its error', async () => {
    const def = (b: JsonObject): JsonObject => ({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, End: true } } },
            { StartAt: 'B', States: { B: b } },
          ],
          End: true,
        },
      },
    });
    const ok = await execute(def({ Type: 'Pass', Result: 2, End: true }));
    expect(ok.output).toBe('[1,2]');
    expect(types(ok.events)).toEqual([
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'PassStateEntered',
      'PassStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ParallelStateSucceeded',
      'ParallelStateExited',
      'ExecutionSucceeded',
    ]);
    const bad = await execute(def({ Type: 'Fail', Error: 'Oops', Cause: 'why' }));
    expect([bad.status, bad.error, bad.cause]).toEqual(['FAILED', 'Oops', 'why']);
  });
  it('Map: ItemsPath, ItemSelector with $$.Map.Item.Index/Value (state-map-inline.html)', async () => {
    const def = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.detail.shipped',
          ItemSelector: { 'parcel.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'courier.$': '$.detail.delivery-partner' },
          ItemProcessor: { StartAt: 'V', States: { V: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };
    const r = await execute(def, { input: { detail: { 'delivery-partner': 'UQS', shipped: [{ prod: 'R31' }, { prod: 'S39' }] } } });
    expect(JSON.parse(r.output!)).toEqual([
      { parcel: { prod: 'R31' }, index: 0, courier: 'UQS' },
      { parcel: { prod: 'S39' }, index: 1, courier: 'UQS' },
    ]);
    expect(types(r.events).slice(0, 4)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapIterationStarted']);
    expect(r.events[2].mapStateStartedEventDetails).toEqual({ length: 2 });
  });
  it('Distributed Map: ItemReader mocked, ItemBatcher, tolerated failures', async () => {
    const def = (tolerated: number) => ({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } },
          ItemBatcher: { MaxItemsPerBatch: 2 },
          ToleratedFailureCount: tolerated,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$.Items[0]', NumericEquals: 5, Next: 'Bad' }], Default: 'Ok' },
              Bad: { Type: 'Fail', Error: 'Five' },
              Ok: { Type: 'Pass', End: true },
            },
          },
          End: true,
        },
      },
    });
    const mocks = { M: { 0: { Return: [1, 2, 3, 4, 5] } } };
    const ok = await execute(def(1), { mocks });
    expect(ok.status).toBe('SUCCEEDED');
    expect(JSON.parse(ok.output!).slice(0, 2)).toEqual([{ Items: [1, 2] }, { Items: [3, 4] }]);
    expect(types(ok.events)).toContain('MapRunStarted');
    const bad = await execute(def(0), { mocks });
    expect([bad.status, bad.error]).toEqual(['FAILED', 'States.ExceedToleratedFailureThreshold']);
  });
  it('Wait advances the virtual clock only; execution TimeoutSeconds gives TIMED_OUT', async () => {
    const def = (timeout?: number) => ({
      ...(timeout ? { TimeoutSeconds: timeout } : {}),
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 3600, Next: 'E' }, E: { Type: 'Pass', Parameters: { 'entered.$': '$$.State.EnteredTime' }, End: true } },
    });
    const r = await execute(def());
    expect(JSON.parse(r.output!)).toEqual({ entered: '2024-01-01T01:00:00.000Z' });
    const t = await execute(def(60));
    expect([t.status, t.error, t.events.at(-1)!.type]).toEqual(['TIMED_OUT', 'States.Timeout', 'ExecutionTimedOut']);
    const ts = await execute({ StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.at', End: true } } }, { input: { at: '2024-01-02T00:00:00Z' } });
    expect(ts.stopDate).toBe('2024-01-02T00:00:00.000Z');
  });
  it('context object: Execution, State, StateMachine', async () => {
    const r = await execute({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'c.$': '$$' }, End: true } } }, { input: { a: 1 }, name: 'run1' });
    expect(JSON.parse(r.output!).c).toEqual({
      Execution: {
        Id: 'arn:aws:states:us-east-1:123456789012:execution:StateMachine:run1',
        Input: { a: 1 },
        Name: 'run1',
        RoleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole',
        StartTime: '2024-01-01T00:00:00.000Z',
        RedriveCount: 0,
      },
      StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine', Name: 'StateMachine' },
      State: { EnteredTime: '2024-01-01T00:00:00.000Z', Name: 'P', RetryCount: 0 },
    });
  });
  it('variables: Assign, read later, scoped copies in Map iterations', async () => {
    const def = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { total: 0, 'who.$': '$.name' }, Next: 'M' },
        M: { Type: 'Map', ItemsPath: '$.xs', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Parameters: { 'v.$': '$', 'who.$': '$who' }, End: true } } }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'who.$': '$who', 'r.$': '$' }, End: true },
      },
    };
    const r = await execute(def, { input: { name: 'n', xs: [1] } });
    expect(JSON.parse(r.output!)).toEqual({ who: 'n', r: [{ v: 1, who: 'n' }] });
    expect(r.variables).toEqual({ total: 0, who: 'n' });
  });
  it("States.DataLimitExceeded above 256 KiB (AWS's quota)", async () => {
    const r = await execute({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }, { mocks: { T: { 0: { Return: 'x'.repeat(262145) } } } });
    expect([r.status, r.error]).toEqual(['FAILED', 'States.DataLimitExceeded']);
  });
  it('an endless loop stops at 25,000 events as AWS does (floci-io/floci#2734: event 25,000 is ExecutionFailed)', async () => {
    const r = await execute(
      { StartAt: 'Loop', States: { Loop: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'E' }], Default: 'Loop' }, E: { Type: 'Succeed' } } },
      { input: { spin: true } },
    );
    expect(r.events).toHaveLength(25000);
    expect(r.events.at(-1)).toEqual({
      timestamp: '2024-01-01T00:00:00.000Z',
      type: 'ExecutionFailed',
      id: 25000,
      previousEventId: 24999,
      executionFailedEventDetails: { error: 'States.Runtime', cause: 'The execution reached the maximum number of history events (25000).' },
    });
    expect(r.events.at(-2)!.type).toBe('ChoiceStateExited');
  });
  it('Fail with ErrorPath/CausePath', async () => {
    const r = await execute({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('bad {}', $.n)" } } }, { input: { e: 'MyError', n: 3 } });
    expect([r.status, r.error, r.cause]).toEqual(['FAILED', 'MyError', 'bad 3']);
  });
});

describe('JSONata states (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html)', () => {
  const run = (state: JsonObject, input: Json = {}, extra: object = {}) => execute({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { End: true, ...state } } }, { input, ...extra });
  it("AWS's functions: $partition, $range, $hash, $parse, $uuid, $random", async () => {
    const r = await run({
      Type: 'Pass',
      Output: {
        p: '{% $partition([1,2,3,4], 2) %}',
        r: '{% $range(0, 10, 2) %}',
        h: '{% $hash("Hello World", "SHA-256") %}',
        j: '{% $parse(\'{"a":1}\') %}',
        u: '{% $uuid() %}',
        x: '{% $random() %}',
      },
    });
    const o = JSON.parse(r.output!);
    expect(o.p).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(o.r).toEqual([0, 2, 4, 6, 8, 10]);
    expect(o.h).toBe('a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e');
    expect(o.j).toEqual({ a: 1 });
    expect(o.u).toMatch(/^[0-9a-f-]{36}$/);
    expect(o.x).toBeGreaterThanOrEqual(0);
  });
  it('Arguments, Output and Assign with $states.input/result; Assign sees the old variables', async () => {
    const def = {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { n: '{% $states.input.n + 1 %}' },
          Output: { got: '{% $states.result.v %}', in: '{% $states.input.n %}' },
          Assign: { last: '{% $states.result.v %}' },
          Next: 'U',
        },
        U: { Type: 'Pass', Output: '{% $last %}', End: true },
      },
    };
    const r = await execute(def, { input: { n: 1 }, mocks: { T: (input) => ({ v: (input as { n: number }).n * 10 }) } });
    expect(r.events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails).toMatchObject({ parameters: '{"n":2}' });
    expect(r.output).toBe('20');
  });
  it("an expression returning nothing: States.QueryEvaluationError with AWS's cause (floci-io/floci#2665)", async () => {
    const r = await run({ Type: 'Pass', Output: { v: '{% $states.input.missing %}' } });
    expect([r.status, r.error, r.cause]).toEqual([
      'FAILED',
      'States.QueryEvaluationError',
      "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output/v' returned nothing (undefined).",
    ]);
  });
  it('Choice Condition, Default, and rule Output', async () => {
    const def = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: { big: true }, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } },
    };
    expect((await execute(def, { input: { n: 2 } })).output).toBe('{"big":true}');
    expect((await execute(def, { input: { n: 0 } })).output).toBe('{"n":0}');
  });
  it('Catch Output with $states.errorOutput; $eval is refused', async () => {
    const def = {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'H' }], End: true },
        H: { Type: 'Pass', End: true },
      },
    };
    const c = await execute(def, { mocks: { T: { 0: { Throw: { Error: 'E', Cause: 'C' } } } } });
    expect(c.output).toBe('{"Error":"E","Cause":"C"}');
    const e = await execute({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Pass', Output: '{% $eval("1") %}', End: true } } });
    // AWS: T1006 (floci-io/floci#2737); the sentence and separator: floci-io/floci#2736.
    expect([e.error, e.cause]).toEqual([
      'States.QueryEvaluationError',
      `An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$eval("1")' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function`,
    ]);
    const t = await execute({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Pass', Output: { v: '{% $sum("a") %}' }, End: true } } });
    expect(t.cause).toMatch(/specified for the field 'Output\/v' threw an error during evaluation\. T0412: Argument 1 of function "sum" must be an array of "numbers"$/);
    const ch = await execute({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Output: { v: '{% $nope %}' }, Next: 'D' }] }, D: { Type: 'Succeed' } },
    });
    expect(ch.cause).toMatch(/specified for the field 'Choices\[0\]\/Output\/v' returned nothing \(undefined\)\.$/);
  });
  it('$now and $millis read the virtual clock', async () => {
    const r = await run({ Type: 'Pass', Output: { now: '{% $now() %}', ms: '{% $millis() %}' } }, {}, { startTime: '2025-05-05T05:05:05.000Z' });
    expect(JSON.parse(r.output!)).toEqual({ now: '2025-05-05T05:05:05.000Z', ms: Date.parse('2025-05-05T05:05:05.000Z') });
  });
  it('Map with Items and ItemSelector using $states.context.Map.Item', async () => {
    const r = await run(
      {
        Type: 'Map',
        Items: '{% $states.input.xs %}',
        ItemSelector: { i: '{% $states.context.Map.Item.Index %}', v: '{% $states.context.Map.Item.Value * 2 %}' },
        ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      },
      { xs: [5, 6] },
    );
    expect(JSON.parse(r.output!)).toEqual([
      { i: 0, v: 10 },
      { i: 1, v: 12 },
    ]);
  });
  it('testState on a JSONata state: afterArguments, result, variables', async () => {
    const r = await testState({
      definition: JSON.stringify({
        QueryLanguage: 'JSONata',
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { a: '{% $x %}' },
        Assign: { y: '{% $states.result %}' },
        End: true,
      }),
      variables: '{"x":7}',
      mock: { result: '{"r":1}' },
      inspectionLevel: 'TRACE',
    });
    expect(r).toEqual({ status: 'SUCCEEDED', output: '{"r":1}', inspectionData: { input: '{}', afterArguments: '{"a":7}', result: '{"r":1}', variables: '{"x":7,"y":{"r":1}}' } });
  });
});

describe('bad input: a clear error and nothing else', () => {
  it('invalid definitions are refused with the static diagnostics', async () => {
    const err = await execute({ StartAt: 'Nope', States: { A: { Type: 'Pass', End: true } } }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidDefinitionError);
    expect((err as InvalidDefinitionError).diagnostics.map((d) => d.code)).toContain('MISSING_TRANSITION_TARGET');
  });
  it('mocks naming unknown states, non-Task states or with bad keys are named', async () => {
    const def = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    await expect(execute(def, { mocks: { B: {} } })).rejects.toThrow("mocks name the state 'B', which is not in the definition");
    await expect(execute(def, { mocks: { A: {} } })).rejects.toThrow("mocks name the state 'A', a Pass state");
    const t = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } };
    await expect(execute(t, { mocks: { T: { first: { Return: 1 } } } })).rejects.toThrow(/has the key 'first'/);
    await expect(execute(t)).rejects.toBeInstanceOf(RunUsageError);
    await expect(execute(t, { mocks: { T: { 0: { Return: 1 } } } }).then((r) => r.status)).resolves.toBe('SUCCEEDED');
  });
  it('testState refuses unknown request fields, Map/Parallel, and bad JSON', async () => {
    await expect(testState({ definition: '{"Type":"Pass","End":true}', bogus: 1 } as never)).rejects.toThrow("unknown request field 'bogus'");
    await expect(testState({ definition: '{"Type":"Pass","End":true}', input: '{' })).rejects.toThrow('input is not valid JSON');
    await expect(testState({ definition: JSON.stringify({ Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }], End: true }) })).rejects.toThrow(
      "TestState doesn't support Parallel or Map states",
    );
  });
  it('testState with a whole machine and stateName', async () => {
    const def = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Result: 2, End: true } } });
    expect(await testState({ definition: def, stateName: 'B' })).toEqual({ status: 'SUCCEEDED', output: '2' });
    expect(await testState({ definition: def, stateName: 'A', input: '{"k":1}' })).toEqual({ status: 'SUCCEEDED', output: '{"k":1}', nextState: 'B' });
  });
});

describe("the README's examples", () => {
  it('testState with a mocked Task', async () => {
    const res = await testState({
      definition: JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: { 'id.$': '$.Payload.id' }, ResultPath: '$.charge', Next: 'Done' }),
      input: '{"quantity":2}',
      inspectionLevel: 'DEBUG',
      mock: { result: '{"Payload":{"id":"ch_1"}}' },
    });
    expect(res).toEqual({
      status: 'SUCCEEDED',
      output: '{"quantity":2,"charge":{"id":"ch_1"}}',
      nextState: 'Done',
      inspectionData: {
        input: '{"quantity":2}',
        afterInputPath: '{"quantity":2}',
        result: '{"Payload":{"id":"ch_1"}}',
        afterResultSelector: '{"id":"ch_1"}',
        afterResultPath: '{"quantity":2,"charge":{"id":"ch_1"}}',
        variables: '{}',
      },
    });
  });
});

describe('more semantics', () => {
  it('variables assigned in a Parallel branch stay in the branch', async () => {
    const def = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 1 }, Next: 'P' },
        P: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Assign: { y: 2 }, Parameters: { 'x.$': '$x' }, End: true } } }], Next: 'C' },
        C: { Type: 'Pass', Parameters: { 'x.$': '$x', 'r.$': '$' }, End: true },
      },
    };
    const r = await execute(def);
    expect(JSON.parse(r.output!)).toEqual({ x: 1, r: [{ x: 1 }] });
    expect(r.variables).toEqual({ x: 1 });
  });
  it('JSONata Assign reads the variables as they were before the state', async () => {
    const def = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Assign: { x: 1 }, Next: 'B' }, B: { Type: 'Pass', Assign: { x: '{% $x + 1 %}', y: '{% $x %}' }, Output: '{% $x %}', End: true } },
    };
    const r = await execute(def);
    expect([r.output, r.variables]).toEqual(['1', { x: 2, y: 1 }]);
  });
  it('a JSONata Condition that is not a boolean is States.QueryEvaluationError', async () => {
    const r = await execute({ QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '{% 1 %}', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } });
    expect(r.error).toBe('States.QueryEvaluationError');
  });
  it('JSONata Wait Seconds from an expression; Parallel with Arguments', async () => {
    const w = await execute({ QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% $states.input.s %}', End: true } } }, { input: { s: 90 } });
    expect(w.stopDate).toBe('2024-01-01T00:01:30.000Z');
    const p = await execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Arguments: { v: '{% $states.input.a %}' },
            Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Output: '{% $states.input.v * 2 %}', End: true } } }],
            Output: '{% $states.result[0] %}',
            End: true,
          },
        },
      },
      { input: { a: 21 } },
    );
    expect(p.output).toBe('42');
  });
  it('ItemBatcher with BatchInput; ToleratedFailurePercentage', async () => {
    const def = (pct: number) => ({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.xs',
          ItemBatcher: { MaxItemsPerBatch: 3, BatchInput: { 'tag.$': '$.tag' } },
          ToleratedFailurePercentage: pct,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'C',
            States: { C: { Type: 'Choice', Choices: [{ Variable: '$.Items[0]', NumericEquals: 4, Next: 'F' }], Default: 'S' }, F: { Type: 'Fail', Error: 'Four' }, S: { Type: 'Succeed' } },
          },
          End: true,
        },
      },
    });
    const input = { tag: 't', xs: [1, 2, 3, 4, 5] };
    const ok = await execute(def(50), { input });
    expect(JSON.parse(ok.output!)).toEqual([
      { Items: [1, 2, 3], BatchInput: { tag: 't' } },
      { Error: 'Four', Cause: '' },
    ]);
    const bad = await execute(def(40), { input });
    expect(bad.error).toBe('States.ExceedToleratedFailureThreshold');
  });
  it('a Lambda function ARN gives LambdaFunction* events, an SDK integration Task* events with its service', async () => {
    const lam = await execute(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', End: true } } },
      { mocks: { T: { 0: { Throw: { Error: 'E', Cause: 'c' } } } } },
    );
    expect(types(lam.events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'ExecutionFailed']);
    expect(lam.events[4].lambdaFunctionFailedEventDetails).toEqual({ resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', error: 'E', cause: 'c' });
    const sdk = await execute({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', End: true } } }, { mocks: { T: { 0: { Return: {} } } } });
    expect(sdk.events[2].taskScheduledEventDetails).toMatchObject({ resourceType: 'aws-sdk:s3', resource: 'getObject' });
  });
  it('States.DataLimitExceeded is not caught by States.ALL but is by its name', async () => {
    const def = (equals: string) => ({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: [equals], Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } },
    });
    const mocks = { T: { 0: { Return: 'x'.repeat(300000) } } };
    expect((await execute(def('States.ALL'), { mocks })).status).toBe('FAILED');
    expect((await execute(def('States.DataLimitExceeded'), { mocks })).status).toBe('SUCCEEDED');
  });
  it('Task.Token in the context of a .waitForTaskToken Task', async () => {
    const r = await execute(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token', QueueUrl: 'q', MessageBody: 'm' }, End: true } },
      },
      { mocks: { T: (input) => input } },
    );
    expect(JSON.parse(r.output!).token).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('distributed Map: ReaderConfig.MaxItems, ToleratedFailureCountPath, ResultWriter', async () => {
    const def = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItems: 3 }, Parameters: { Bucket: 'b', Key: 'k' } },
          ToleratedFailureCountPath: '$.tolerate',
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'runs/' } },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'C',
            States: { C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'S' }, F: { Type: 'Fail', Error: 'Two' }, S: { Type: 'Succeed' } },
          },
          End: true,
        },
      },
    };
    const mocks = { M: { 0: { Return: [1, 2, 3, 4, 5] } } };
    const ok = await execute(def, { input: { tolerate: 1 }, mocks });
    expect(JSON.parse(ok.output!)).toEqual({
      MapRunArn: 'arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/M:00000000-0000-4000-8000-000000000000',
      ResultWriterDetails: { Bucket: 'out', Key: 'runs/00000000-0000-4000-8000-000000000000/manifest.json' },
    });
    expect(ok.statesVisited.filter((n) => n === 'C')).toHaveLength(3);
    const bad = await execute(def, { input: { tolerate: 0 }, mocks });
    expect(bad.error).toBe('States.ExceedToleratedFailureThreshold');
  });
  it("a Distributed Map's endless child stops at its own history limit and fails its item", async () => {
    const def = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailurePercentage: 100,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'L',
            States: { L: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'E' }], Default: 'L' }, E: { Type: 'Succeed' } },
          },
          End: true,
        },
      },
    };
    const r = await execute(def, { input: [{ a: 1 }], maxEvents: 500 });
    expect(r.status).toBe('SUCCEEDED');
    expect(JSON.parse(r.output!)).toEqual([{ Error: 'States.Runtime', Cause: 'The execution reached the maximum number of history events (500).' }]);
  });
  it("a Task's TimeoutSeconds fires on the virtual clock when the mock's DelaySeconds is longer", async () => {
    const def = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 30, Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 1, IntervalSeconds: 5 }], End: true } },
    };
    const r = await execute(def, { mocks: { T: { 0: { Return: 1, DelaySeconds: 60 }, 1: { Return: 2, DelaySeconds: 10 } } } });
    expect([r.status, r.output, r.stopDate]).toEqual(['SUCCEEDED', '2', '2024-01-01T00:00:45.000Z']);
    expect(types(r.events)).toContain('TaskTimedOut');
    const f = await execute({ StartAt: 'T', States: { T: { ...def.States.T, Retry: [] } } }, { mocks: { T: { 0: { Return: 1, DelaySeconds: 31 } } } });
    expect([f.status, f.error]).toEqual(['FAILED', 'States.Timeout']);
  });
});
