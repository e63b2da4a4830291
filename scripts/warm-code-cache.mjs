#!/usr/bin/env node
/**
 * Writes the compile caches of the bundled CLI and of the generated schema validators
 * (src/code-cache.ts: in the user's cache folder, ~/.cache/asl-lint or as configured) by running
 * the built `asl-lint` once, so the first real start is already a fast one. The run lints a small
 * definition with warnings, so the functions a typical run needs (parse, model, rules, the
 * stylish report) are compiled into the cache. A cache folder that cannot be used is not an
 * error: the CLI simply starts without a cache.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Earlier builds kept the caches beside the files; they are never read any more.
for (const d of ['dist/', 'schemas/']) {
  for (const f of readdirSync(root + d)) if (f.endsWith('.v8cache') || (f.includes('.v8cache.') && f.endsWith('.tmp'))) rmSync(root + d + f, { force: true });
}

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
  // Without NODE_OPTIONS: V8 flags make another cache (src/code-cache.ts).
  env: { ...process.env, ASL_LINT_NO_CODE_CACHE: '', NODE_OPTIONS: '', NO_COLOR: '1', ASL_LINT_DEBUG_CODE_CACHE: '1' },
});
if (run.status !== 0) {
  console.error(`asl-lint: warming the code cache: the CLI exited with ${run.status}\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
const said = run.stderr.split('\n').filter((l) => l.startsWith('asl-lint code cache: '));
console.log(`asl-lint: code cache: ${said.map((l) => l.slice('asl-lint code cache: '.length).replace(root, '')).join('; ') || 'nothing said'}`);
// The build's last step is done: scripts/ensure-built.mjs (npm test's pretest) compares this
// stamp's time with the sources' and builds again only when a source is newer.
writeFileSync(root + 'dist/.build-stamp', `${new Date().toISOString()}\n`);
