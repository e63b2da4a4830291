/**
 * The static rules and the interpreter agree: every real-world definition (each deploys on AWS)
 * runs: with input {}, every Task mocked to return {} and every ItemReader to return [], each
 * execution ends SUCCEEDED, FAILED or TIMED_OUT with an AWS error name; none throws, none hangs
 * (the history is bounded).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute, prepareExecution, type Mock } from '../src/index.js';
import { CORPUS_NOTE, HAS_CORPUS, REAL_WORLD, definitionFiles } from './support.js';

const DIR = REAL_WORLD;

describe.skipIf(!HAS_CORPUS)(`the real-world corpus runs${CORPUS_NOTE}`, () => {
  const files = HAS_CORPUS ? definitionFiles(DIR) : [];
  it.each(files.map((f) => [relative(DIR, f), f]))('%s', async (_rel, file) => {
    const text = readFileSync(file, 'utf8');
    const format = /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
    const model = prepareExecution(text, 'STANDARD', format);
    const mocks: Record<string, Mock> = {};
    for (const s of model.states) {
      if (s.type === 'Task') mocks[s.name] = () => ({});
      if (s.type === 'Map' && s.obj.ItemReader !== undefined) mocks[s.name] = () => [];
    }
    const r = await execute(text, { format, mocks, maxEvents: 3000 });
    expect(['SUCCEEDED', 'FAILED', 'TIMED_OUT']).toContain(r.status);
    if (r.error !== undefined) expect(r.error).toMatch(/\S/);
    expect(r.events.length).toBeLessThanOrEqual(3000);
  });
});
