/**
 * Task results offline: Step Functions Local's MockedResponses format
 * ({"0": {"Return": ...}, "1-2": {"Throw": {"Error": ..., "Cause": ...}}}; keys are the indexes of
 * the calls of that state, from 0, or ranges of them), or a function of the task's input.
 */
import type { Json } from '../model/model.js';
import { RunUsageError, StatesError } from './errors.js';
import { perCallerObject } from '../memo.js';

export interface MockedResponse {
  Return?: Json;
  Throw?: { Error?: string; Cause?: string };
  /** asl-lint's addition: how long the task takes on the virtual clock (a Task's TimeoutSeconds can fire). */
  DelaySeconds?: number;
}
export type MockedResponses = Record<string, MockedResponse>;
export type MockFunction = (input: Json, call: { state: string; index: number }) => Json | Promise<Json>;
export type Mock = MockedResponses | MockFunction;

interface Compiled {
  ranges: { from: number; to: number; response: MockedResponse }[];
}

export function checkMockedResponses(name: string, m: unknown): MockedResponses {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new RunUsageError(`the mock of '${name}' must be an object such as {"0": {"Return": ...}}`);
  for (const [k, v] of Object.entries(m)) {
    if (!/^\d+(-\d+)?$/.test(k)) throw new RunUsageError(`the mock of '${name}' has the key '${k}': keys are call indexes such as "0" or ranges such as "1-2"`);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new RunUsageError(`the mocked response '${k}' of '${name}' must be an object with Return or Throw`);
    const keys = Object.keys(v);
    const unknown = keys.filter((x) => x !== 'Return' && x !== 'Throw' && x !== 'DelaySeconds');
    if (unknown.length) throw new RunUsageError(`the mocked response '${k}' of '${name}' has the unknown key '${unknown[0]}' (expected Return or Throw, and optionally DelaySeconds)`);
    if ('Return' in v === 'Throw' in v) throw new RunUsageError(`the mocked response '${k}' of '${name}' must have exactly one of Return and Throw`);
    const d = (v as MockedResponse).DelaySeconds;
    if (d !== undefined && (typeof d !== 'number' || !(d >= 0))) throw new RunUsageError(`the mocked response '${k}' of '${name}': DelaySeconds must be a number of seconds, 0 or more`);
  }
  return m as MockedResponses;
}

const compile = perCallerObject((m: MockedResponses): Compiled => ({
  ranges: Object.entries(m).map(([k, response]) => {
    const [a, b] = k.split('-').map(Number);
    return { from: a, to: b ?? a, response };
  }),
}));

/** The virtual duration of call number `index` (DelaySeconds; 0 without one). */
export function mockDelay(mock: Mock | undefined, index: number): number {
  if (mock === undefined || typeof mock === 'function') return 0;
  return compile(mock).ranges.find((x) => index >= x.from && index <= x.to)?.response.DelaySeconds ?? 0;
}

/** The result of call number `index` of the Task state `state`. */
export async function callMock(mock: Mock | undefined, state: string, index: number, input: Json): Promise<Json> {
  if (mock === undefined) throw new RunUsageError(`no mock for the Task state '${state}': give one in mocks (e.g. {"${state}": {"0": {"Return": {}}}})`);
  if (typeof mock === 'function') return mock(input, { state, index });
  const r = compile(mock).ranges.find((x) => index >= x.from && index <= x.to);
  if (!r) throw new RunUsageError(`the mock of '${state}' has no response for call ${index} (calls are counted from 0, retries included)`);
  if (r.response.Throw) throw new StatesError(String(r.response.Throw.Error ?? 'States.TaskFailed'), String(r.response.Throw.Cause ?? ''), true);
  return (r.response.Return ?? null) as Json;
}
