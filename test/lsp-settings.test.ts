/**
 * The editor's rule settings over stdio: read as the CLI reads --rule (keyed by rule id, so they
 * win over the project's configuration by rule, whichever name each wrote), unknown rules shown
 * once per settings change as a window/showMessage warning with the CLI's did-you-mean (they were
 * dropped silently), and unused-disable-directive turned on from the editor (it could not be).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, LspClient } from './lsp-helpers.js';

const MACHINE = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.x"}, "End": true}}}';
/** NO_DOLLAR on MACHINE: the string "$.x". */
const NO_DOLLAR_RANGE = { start: { line: 0, character: 65 }, end: { line: 0, character: 68 } };
const UNUSED = '{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Comment": "asl-lint-disable NO_PATH"}}}';
const UNKNOWN =
  "asl-lint: aslLint.rules: unknown rule 'no-dolar' (did you mean 'no-dollar'?): use a rule id such as 'state-unreachable' or an AWS code such as 'NO_DOLLAR' (the list: rules/README.md)";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-lsp-settings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const view = (ds: { code?: string | number; severity?: number; range: unknown }[]) => ds.map((d) => ({ code: d.code, severity: d.severity, range: d.range }));

describe("the editor's rule settings", () => {
  it("win over the project's configuration by rule: config 'no-dollar': off, editor NO_DOLLAR: error reports", async () => {
    writeFileSync(join(dir, 'asl-lint.config.json'), JSON.stringify({ rules: { 'no-dollar': 'off' } }));
    const c = new LspClient({ settings: { rules: { NO_DOLLAR: 'error' } } });
    try {
      await c.initialize();
      const uri = pathToFileURL(join(dir, 'm.asl.json')).href;
      await c.open(uri, MACHINE);
      expect(view(await c.current(uri))).toEqual([{ code: 'NO_DOLLAR', severity: 1, range: NO_DOLLAR_RANGE }]);
      expect(c.shownMessages).toEqual([]);
    } finally {
      await c.shutdown();
    }
  });

  it('an unknown rule is shown once as a warning with a did-you-mean (not per document), and again after the settings change', async () => {
    const c = new LspClient({ settings: { rules: { 'no-dolar': 'off' } } });
    try {
      await c.initialize();
      await c.open('untitled:a.asl.json', MACHINE);
      await c.open('untitled:b.asl.json', MACHINE);
      // The known rules still apply: nothing turned NO_DOLLAR off.
      expect(view(await c.current('untitled:a.asl.json'))).toEqual([{ code: 'NO_DOLLAR', severity: 2, range: NO_DOLLAR_RANGE }]);
      await c.current('untitled:b.asl.json');
      expect(c.shownMessages).toEqual([{ type: 2, message: UNKNOWN }]);
      expect(c.messageRequests).toEqual([]);

      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await expect.poll(() => c.shownMessages.length, { timeout: 10_000 }).toBe(2);
      expect(c.shownMessages[1]).toEqual({ type: 2, message: UNKNOWN });
    } finally {
      await c.shutdown();
    }
  });

  it('turn unused-disable-directive on (off by default; the editor had no way)', async () => {
    const c = new LspClient({ settings: { rules: { 'unused-disable-directive': 'warn' } } });
    const plain = new LspClient({ settings: {} });
    try {
      await Promise.all([c.initialize(), plain.initialize()]);
      await Promise.all([c.open('untitled:u.asl.json', UNUSED), plain.open('untitled:u.asl.json', UNUSED)]);
      expect(view(await c.current('untitled:u.asl.json'))).toEqual([{ code: 'LINT_UNUSED_DIRECTIVE', severity: 2, range: { start: { line: 0, character: 64 }, end: { line: 0, character: 90 } } }]);
      expect(await plain.current('untitled:u.asl.json')).toEqual([]);
    } finally {
      await Promise.all([c.shutdown(), plain.shutdown()]);
    }
  });
});
