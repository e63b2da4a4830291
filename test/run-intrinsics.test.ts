/**
 * The 18 intrinsic functions, each pinned to the example of the Developer Guide's page
 * "Intrinsic functions for JSONPath states":
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import { describe, expect, it } from 'vitest';
import { execute, testState } from '../src/index.js';

const DOC = 'https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html';

/** Runs one Pass state whose Parameters are {"r.$": call} and returns r. */
async function call(expr: string, input: unknown = {}): Promise<unknown> {
  const res = await testState({ definition: JSON.stringify({ Type: 'Pass', Parameters: { 'r.$': expr }, End: true }), input: JSON.stringify(input) });
  if (res.status !== 'SUCCEEDED') throw new Error(`${res.error}: ${res.cause}`);
  return JSON.parse(res.output!).r;
}

async function failure(expr: string, input: unknown = {}): Promise<{ error?: string; cause?: string }> {
  const res = await testState({ definition: JSON.stringify({ Type: 'Pass', Parameters: { 'r.$': expr }, End: true }), input: JSON.stringify(input) });
  expect(res.status).toBe('FAILED');
  return { error: res.error, cause: res.cause };
}

describe(`intrinsic functions (${DOC})`, () => {
  it('States.Format', async () => {
    expect(await call("States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav' })).toBe('Hello, my name is Arnav.');
    expect(await call("States.Format('{} and \\{\\} {}', 1, true)")).toBe('1 and {} true');
    expect((await failure("States.Format('{} {}', 'a')")).error).toBe('States.IntrinsicFailure');
    // A template read from the input (deployed on AWS: the real-world corpus has one).
    expect(await call('States.Format($.t, $.v)', { t: 'v={}', v: 2 })).toBe('v=2');
    expect((await failure('States.Format($.t)', { t: 1 })).error).toBe('States.IntrinsicFailure');
  });
  it('States.StringToJson', async () => {
    expect(await call('States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' })).toEqual({ foo: 'bar' });
    expect((await failure('States.StringToJson($.s)', { s: '{nope' })).error).toBe('States.IntrinsicFailure');
  });
  it('States.JsonToString', async () => {
    expect(await call('States.JsonToString($.dataObject)', { dataObject: { foo: 'bar', bar: 'baz' } })).toBe('{"foo":"bar","bar":"baz"}');
  });
  it('States.Array', async () => {
    expect(await call("States.Array('Foo', 2020, $.someJson, null)", { someJson: { random: 'abcdefg' } })).toEqual(['Foo', 2020, { random: 'abcdefg' }, null]);
  });
  it('States.ArrayPartition', async () => {
    expect(await call('States.ArrayPartition($.inputArray,4)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
  });
  it('States.ArrayContains', async () => {
    expect(await call('States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], lookingFor: 5 })).toBe(true);
    expect(await call('States.ArrayContains($.a, $.b)', { a: [{ x: 1 }], b: { x: 1 } })).toBe(true);
  });
  it('States.ArrayRange', async () => {
    expect(await call('States.ArrayRange(1, 9, 2)')).toEqual([1, 3, 5, 7, 9]);
    expect((await failure('States.ArrayRange(1, 2000, 1)')).error).toBe('States.IntrinsicFailure');
  });
  it('States.ArrayGetItem', async () => {
    expect(await call('States.ArrayGetItem($.inputArray, $.index)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 5 })).toBe(6);
    expect((await failure('States.ArrayGetItem($.a, 3)', { a: [1] })).error).toBe('States.IntrinsicFailure');
  });
  it('States.ArrayLength', async () => {
    expect(await call('States.ArrayLength($.inputArray)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toBe(9);
  });
  it('States.ArrayUnique', async () => {
    expect(await call('States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] })).toEqual([1, 2, 3, 4]);
  });
  it('States.Base64Encode and States.Base64Decode', async () => {
    expect(await call('States.Base64Encode($.input)', { input: 'Data to encode' })).toBe('RGF0YSB0byBlbmNvZGU=');
    expect(await call('States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' })).toBe('Data to encode');
  });
  it('States.Hash', async () => {
    expect(await call('States.Hash($.Data, $.Algorithm)', { Data: 'input data', Algorithm: 'SHA-1' })).toBe('aaff4a450a104cd177d28d18d74485e8cae074b7');
    expect((await failure("States.Hash('x', 'SHA-3')")).error).toBe('States.IntrinsicFailure');
  });
  it('States.JsonMerge (shallow)', async () => {
    const input = { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } };
    expect(await call('States.JsonMerge($.json1, $.json2, false)', input)).toEqual({ a: { a3: 1, a4: 2 }, b: 2, c: 3 });
  });
  it('States.MathRandom: within [start, end), the same with the same seed', async () => {
    const v = (await call('States.MathRandom($.start, $.end)', { start: 1, end: 999 })) as number;
    expect(Number.isInteger(v) && v >= 1 && v < 999).toBe(true);
    expect(await call('States.MathRandom(1, 999, 1234)')).toBe(await call('States.MathRandom(1, 999, 1234)'));
    // With a seed: java.util.Random's sequence (believed, not measured on AWS, which runs Java): new Random(1234).nextInt(998) is 242,
    // new Random(7).nextInt(16) is 11 (checked with OpenJDK).
    expect(await call('States.MathRandom(1, 999, 1234)')).toBe(243);
    expect(await call('States.MathRandom(0, 16, 7)')).toBe(11);
  });
  it('States.MathAdd', async () => {
    expect(await call('States.MathAdd($.value1, $.step)', { value1: 111, step: -1 })).toBe(110);
    expect((await failure('States.MathAdd(1.5, 1)')).error).toBe('States.IntrinsicFailure');
  });
  it('States.StringSplit', async () => {
    expect(await call('States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' })).toEqual(['1', '2', '3', '4', '5']);
    expect(await call('States.StringSplit($.inputString, $.splitter)', { inputString: 'This.is+a,test=string', splitter: '.+,=' })).toEqual(['This', 'is', 'a', 'test', 'string']);
  });
  it('States.UUID: a version 4 UUID, deterministic by default, seeded', async () => {
    const u = (await call('States.UUID()')) as string;
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await call('States.UUID()')).toBe(u);
    const def = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'u.$': 'States.UUID()' }, End: true } } };
    const a = await execute(def, { seed: 1 });
    const b = await execute(def, { seed: 2 });
    expect(a.output).not.toBe(b.output);
  });
  it('nested calls', async () => {
    expect(await call("States.ArrayLength(States.StringSplit(States.Format('{},{}', $.a, $.b), ','))", { a: 'x', b: 'y' })).toBe(2);
  });
  it('a path argument that names nothing is States.Runtime with the payload-template cause', async () => {
    expect(await failure('States.ArrayLength($.nope)', { a: 1 })).toEqual({
      error: 'States.Runtime',
      cause: `The JSONPath '$.nope' specified for the field 'r.$' could not be found in the input '{"a":1}'`,
    });
  });
});
