#!/usr/bin/env node
/**
 * The `asl-lint` bin (bundled to dist/asl-lint.cjs): starts the bundled program,
 * dist/asl-lint-main.cjs, through its V8 code cache (src/code-cache.ts). Kept tiny: every byte
 * here is compiled at every start. Only meaningful bundled, where `__dirname` is dist/.
 */
import { join } from 'node:path';
import { CODE_CACHE_FLAG, requireCached } from '../code-cache.js';

// The program and the schema validators it loads may use the code cache (only the bin says so).
(globalThis as Record<symbol, unknown>)[CODE_CACHE_FLAG] = true;
try {
  requireCached(join(__dirname, 'asl-lint-main.cjs'));
} catch (err) {
  // The program could not even start (a broken install): one line, exit 2, no stack trace.
  process.stderr.write(`asl-lint: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
