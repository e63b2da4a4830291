#!/usr/bin/env node
/**
 * The `asl-lint` bin (bundled to dist/asl-lint.cjs): starts the bundled program,
 * dist/asl-lint-main.cjs, through its compile cache (src/code-cache.ts: Node.js's own where it
 * has one, else a V8 code cache in the user's cache folder). Kept tiny: every byte here is
 * compiled at every start. Only meaningful bundled, where `__dirname` is dist/.
 */
import { join } from 'node:path';
import { CODE_CACHE_FLAG, requireCached } from '../code-cache.js';

// The program and the schema validators it loads may use the code cache (only the bin says so).
(globalThis as Record<symbol, unknown>)[CODE_CACHE_FLAG] = true;
try {
  requireCached(join(__dirname, 'asl-lint-main.cjs'));
} catch (err) {
  // The program could not even start (a broken install): one line, exit 2, no stack trace.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`asl-lint: cannot start: ${message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}\n`);
  process.exit(2);
}
