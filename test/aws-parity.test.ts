/**
 * Agreement with real AWS: definitions others sent to ValidateStateMachineDefinition (or
 * CreateStateMachine) and the answers they published, collected with sources in
 * test/fixtures/aws-measured.json (see docs/aws-behaviour.md). The verdict (OK/FAIL) must match;
 * every diagnostic the source states must be there with its code, location and message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

interface Case {
  id: string;
  topic: string;
  source: string;
  evidence: 'M' | 'I';
  type: 'STANDARD' | 'EXPRESS';
  definition: string;
  expected: {
    result: 'OK' | 'FAIL';
    diagnostics: { severity?: string; code: string; message?: string; location?: string }[];
    diagnosticsComplete?: boolean;
  };
}

/**
 * Where we deliberately answer differently (the verdict and code still agree): the reason.
 * Only the verdict and the codes are checked for these.
 */
const WORDING_EXCEPTIONS: Record<string, string> = {
  'doc-not-json': "AWS returns Jackson's raw parser message and its '[Source: ...]' text as location; we say what is wrong with line and column, and give no location.",
};

const cases: Case[] = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'aws-measured.json'), 'utf8'));

describe.each(cases.map((c) => [`${c.topic}: ${c.id} (${c.evidence})`, c] as const))('%s', (_name, c) => {
  const got = validate(c.definition, { type: c.type, severity: 'WARNING' });

  it(`verdict is ${c.expected.result}`, () => {
    expect({ result: got.result, diagnostics: got.diagnostics }).toMatchObject({ result: c.expected.result });
  });

  if (c.expected.diagnostics.length) {
    it('reports what AWS reports', () => {
      const errors = got.diagnostics.filter((d) => d.severity === 'ERROR');
      const exception = WORDING_EXCEPTIONS[c.id];
      for (const want of c.expected.diagnostics) {
        if (exception) {
          expect(errors.map((d) => d.code)).toContain(want.code);
          continue;
        }
        const match = errors.find((d) => d.code === want.code && (want.location === undefined || d.location === want.location) && (want.message === undefined || d.message === want.message));
        expect(match, `${JSON.stringify(want)} in ${JSON.stringify(errors, null, 1)}`).toBeDefined();
      }
      if (c.expected.diagnosticsComplete !== false) {
        expect(errors.map((d) => d.code).sort()).toEqual(
          c.expected.diagnostics
            .filter((d) => (d.severity ?? 'ERROR') === 'ERROR')
            .map((d) => d.code)
            .sort(),
        );
      }
    });
  }
});
