import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ruleDocs } from '../src/docs.js';
import { allRules } from '../src/index.js';

it('rules/README.md is generated from the current rule metadata (run `npm run docs`)', () => {
  const onDisk = readFileSync(join(import.meta.dirname, '..', 'rules', 'README.md'), 'utf8');
  expect(onDisk).toBe(ruleDocs());
});

it('documents every rule', () => {
  const docs = ruleDocs();
  for (const r of allRules) expect(docs).toContain(`## ${r.meta.id}\n`);
});
