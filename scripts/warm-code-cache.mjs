#!/usr/bin/env node
/**
 * Writes the V8 code caches of the bundled CLI and of the generated schema validators
 * (src/code-cache.ts) by running the built `asl-lint` once, so the first real start is already a
 * fast one. The run lints a small definition with warnings, so the functions a typical run
 * needs (parse, model, rules, the stylish report) are compiled into the cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const caches = ['dist/asl-lint-main.cjs.v8cache', 'schemas/asl.validators.cjs.v8cache'];
for (const c of caches) rmSync(root + c, { force: true });

const definition = JSON.stringify({
  Comment: 'warms the code cache',
  StartAt: 'Start',
  States: {
    Start: { Type: 'Pass', Parameters: { 'id.$': '$.id', name: '$.name' }, ResultPath: '$.p', Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Variable: '$.p.id', NumericEquals: 1, Next: 'Work' }], Default: 'Done' },
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${FnArn}', 'Payload.$': 'States.JsonMerge($.p, $$.Execution.Input, false)' },
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
});
const run = spawnSync(process.execPath, [root + 'dist/asl-lint.cjs', '--stdin-filename', 'warm.asl.json', '-'], {
  input: definition,
  encoding: 'utf8',
  // Without NODE_OPTIONS: V8 flags would give the cache another name (src/code-cache.ts).
  env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', NODE_OPTIONS: '', NO_COLOR: '1' },
});
if (run.status !== 0) {
  console.error(`asl-lint: warming the code cache: the CLI exited with ${run.status}\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
const missing = caches.filter((c) => !existsSync(root + c));
if (missing.length) {
  console.error(`asl-lint: warming the code cache wrote no ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`asl-lint: wrote ${caches.join(' and ')}`);
