/**
 * The interpreter reads lang/intrinsics.ts's facts (hash algorithms, input and range limits)
 * instead of its own copies. The copies were plain objects indexed by the definition's text, so
 * an algorithm named like an Object.prototype member ('toString', 'constructor') reached node's
 * createHash: testState() threw, and $hash failed with node's message.
 */
import { describe, expect, it } from 'vitest';
import { testState } from '../src/run/api.js';
import { HASH_ALGORITHMS } from '../src/lang/intrinsics.js';
import { nodeHashName } from '../src/run/intrinsics-eval.js';

const pass = (parameters: Record<string, unknown>) => JSON.stringify({ Type: 'Pass', Parameters: parameters, End: true });
const jsonata = (output: string) => JSON.stringify({ QueryLanguage: 'JSONata', Type: 'Pass', Output: output, End: true });

describe('run/ reads the hash algorithms and limits from lang/', () => {
  it('States.Hash with an algorithm named like an Object member fails with States.IntrinsicFailure (it threw)', async () => {
    for (const alg of ['toString', 'constructor', '__proto__']) {
      const r = await testState({ definition: pass({ 'h.$': `States.Hash('x', '${alg}')` }) });
      expect(r.status).toBe('FAILED');
      expect(r.error).toBe('States.IntrinsicFailure');
      expect(r.cause).toContain(`the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got '${alg}'`);
    }
  });

  it("$hash with an algorithm named like an Object member fails with the algorithm message (it was node's)", async () => {
    const r = await testState({ definition: jsonata('{% $hash("x", "constructor") %}') });
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.QueryEvaluationError');
    expect(r.cause).toContain('The algorithm of $hash must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512');
    expect(r.cause).not.toContain('ERR_INVALID_ARG_TYPE');
  });

  it('every algorithm of the table hashes, in both languages, and $hash defaults to SHA-256', async () => {
    expect(HASH_ALGORITHMS.map(nodeHashName)).toEqual(['md5', 'sha1', 'sha256', 'sha384', 'sha512']);
    const sha256 = '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881';
    const a = await testState({ definition: pass({ 'h.$': "States.Hash('x', 'SHA-256')" }) });
    expect(a.output).toBe(JSON.stringify({ h: sha256 }));
    const b = await testState({ definition: jsonata('{% $hash("x") %}') });
    expect(b.output).toBe(JSON.stringify(sha256));
  });

  it('the limits: 10,000 input characters, 1,000 range items', async () => {
    const long = await testState({ definition: pass({ 'h.$': `States.Base64Encode('${'a'.repeat(10001)}')` }) });
    expect(long.cause).toContain('the input must be at most 10000 characters');
    const ok = await testState({ definition: pass({ 'h.$': `States.Base64Encode('${'a'.repeat(10000)}')` }) });
    expect(ok.status).toBe('SUCCEEDED');
    const range = await testState({ definition: pass({ 'r.$': 'States.ArrayRange(1, 1001, 1)' }) });
    expect(range.cause).toContain('the array would have more than 1000 items');
    const fits = await testState({ definition: pass({ 'r.$': 'States.ArrayRange(1, 1000, 1)' }) });
    expect(fits.status).toBe('SUCCEEDED');
  });
});
