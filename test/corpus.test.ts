/**
 * The real-world corpus: 350 definitions that deploy on AWS as published. A correct linter
 * reports zero ERRORs on each. The unparseable set must give clear diagnostics, never a crash.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, validate } from '../src/index.js';
import { definitionFiles as files } from './support.js';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'corpus');


/**
 * Definitions in the corpus that AWS truly rejects, with the evidence. Each entry names the
 * file (relative to real-world/) and the codes we report. Empty: none found so far.
 */
const EXCEPTIONS: Record<string, { codes: string[]; evidence: string }> = {};

const realWorld = files(join(SHARED, 'real-world'));
const unparseable = files(join(SHARED, 'real-world-unparseable'));

describe('real-world corpus', () => {
  it('has the 350 definitions', () => {
    expect(realWorld.length).toBe(350);
  });

  it.each(realWorld.map((f) => [relative(join(SHARED, 'real-world'), f), f]))('%s has no ERROR', (rel, file) => {
    const text = readFileSync(file, 'utf8');
    const result = lint(text, { fileName: file });
    const errors = result.diagnostics
      .filter((d) => d.severity === 'ERROR')
      .map((d) => `${d.code} ${d.location ?? ''} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    const known = EXCEPTIONS[rel];
    if (known) expect(errors.map((e) => e.split(' ')[0])).toEqual(known.codes);
    else expect(errors).toEqual([]);
    if (!/\.ya?ml$/.test(file)) {
      expect(validate(text).result).toBe(known ? 'FAIL' : 'OK');
    }
  });
});

describe('real-world-unparseable corpus', () => {
  it('has the 24 files', () => {
    expect(unparseable.length).toBe(24);
  });

  it.each(unparseable.map((f) => [relative(join(SHARED, 'real-world-unparseable'), f), f]))('%s gets clear diagnostics, no crash', (_rel, file) => {
    const text = readFileSync(file, 'utf8');
    const result = lint(text, { fileName: file });
    expect(result.result).toBe('FAIL');
    const errors = result.diagnostics.filter((d) => d.severity === 'ERROR');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.code).not.toBe('INTERNAL_ERROR');
      expect(d.message).not.toMatch(/undefined|\[object Object\]|must match|oneOf|anyOf/);
      expect(d.range.start.line).toBeGreaterThanOrEqual(0);
    }
  });
});
