/**
 * The checks of `npm run test:vscode`, run in the browser page of code-server (see run.mjs).
 * VS Code is driven as a person would: Quick Open, Go to Line, the command palette, the Problems
 * panel, the lightbulb menu, the hover and suggest widgets.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const FILES = ['order.asl.json', 'refund.asl.yaml', 'template.yaml'];

export async function checks({ page, port, workspace, shots, hasGraph, cliProblems, log, setStep }) {
  let n = 0;
  const shot = async (name) => page.screenshot({ path: join(shots, `${String(++n).padStart(2, '0')}-${name}.png`) });
  const until = async (what, fn, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      try {
        last = await fn();
        if (last) return last;
      } catch (err) {
        last = err;
      }
      await page.waitForTimeout(250);
    }
    await shot(`timeout-${what.replace(/\W+/g, '-')}`);
    throw new Error(`${what}: not within ${timeoutMs / 1000} s${last instanceof Error ? ` (${last.message})` : ''}`);
  };

  const palette = async (command) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${command}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first();
    await row.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  const openFile = async (name) => {
    const tab = page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first();
    if (await tab.isVisible()) {
      await tab.click();
      await page.locator(`.tab.active[aria-label^="${name}"]`).first().waitFor({ state: 'visible' });
      return;
    }
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[aria-label^="${name}"], .tab.active[title$="${name}"]`).first().waitFor({ state: 'visible' });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  };

  const goTo = async (line, column) => {
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  // -----------------------------------------------------------------------------------------
  setStep('opening the workbench');
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'template.yaml' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  await shot('workbench');
  // Restricted Mode: the workspace is not trusted (run.mjs's settings), and the checks below pass there.
  await until('Restricted Mode in the status bar', async () => (await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count()) > 0, 30_000);
  log('the workspace is in Restricted Mode');

  setStep('opening the three files');
  for (const f of FILES) await openFile(f);
  await shot('files-open');

  // -----------------------------------------------------------------------------------------
  setStep('Problems panel');
  const expected = FILES.flatMap((f) => cliProblems(f).map((d) => ({ file: f, line: d.line, column: d.column, message: d.message, code: d.code })));
  if (expected.length < 6) throw new Error(`the CLI reports ${expected.length} problems for the workspace; the fixtures expect at least 6`);
  await palette('View: Focus Problems (Errors, Warnings, Infos)');
  const rowsText = async () =>
    page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent || ''));
  // A marker row reads "... [Ln 11, Col 15]"; its aria-label "... at line 11 and character 15 ...".
  const atLine = (row, p) => {
    const rest = row.replace(p.message, '');
    return new RegExp(`Ln ${p.line}, Col ${p.column}\\b`).test(rest) || new RegExp(`line ${p.line}\\b.*(character|column) ${p.column}\\b`).test(rest);
  };
  const findMarker = (rows, p) => rows.find((r) => r.includes(p.message) && atLine(r, p));
  const rows = await until(
    `the Problems panel listing the CLI's ${expected.length} problems`,
    async () => {
      const r = await rowsText();
      return expected.every((p) => findMarker(r, p)) ? r : undefined;
    },
    60_000,
  ).catch(async (err) => {
    const r = await rowsText().catch(() => []);
    throw new Error(`${err.message}\n  missing: ${expected.filter((p) => !findMarker(r, p)).map((p) => `${p.file}:${p.line} ${p.message}`).join('\n           ')}\n  panel rows:\n    ${r.join('\n    ')}`);
  });
  const markers = rows.filter((r) => /line \d+|Ln \d+/i.test(r));
  await shot('problems');
  log(`Problems panel: all ${expected.length} CLI problems on their lines and columns (${markers.length} marker rows, e.g. "${markers[0]}")`);
  if (markers.length !== expected.length) throw new Error(`the Problems panel shows ${markers.length} problems, the CLI reports ${expected.length} (duplicates?):\n    ${markers.join('\n    ')}`);
  const extra = markers.filter((r) => !expected.some((p) => r.includes(p.message)));
  if (extra.length) throw new Error(`the Problems panel shows problems the CLI does not report:\n    ${extra.join('\n    ')}`);

  // -----------------------------------------------------------------------------------------
  setStep('document link');
  // template.yaml is the active editor: its DefinitionUri is a link to the definition file.
  await until('the DefinitionUri of template.yaml shown as a link', async () => {
    const links = await page.locator('.editor-instance .monaco-editor .view-lines .detected-link').allInnerTexts();
    return links.some((l) => l.includes('statemachine/file-flow.asl.json'));
  });
  log('document link: DefinitionUri -> statemachine/file-flow.asl.json');

  // -----------------------------------------------------------------------------------------
  setStep('quick fix');
  await openFile('order.asl.json');
  const orderText = readFileSync(join(workspace, 'order.asl.json'), 'utf8').split('\n');
  const nextLine = orderText.findIndex((l) => l.includes('"Notifyy"')) + 1;
  const nextCol = orderText[nextLine - 1].indexOf('"Notifyy"') + 2;
  await goTo(nextLine, nextCol);
  await palette('Quick Fix...');
  const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'Notify'" }).first();
  await until('the quick fix menu offering "Change to \'Notify\'"', () => fixRow.isVisible(), 20_000);
  await shot('quick-fix-menu');
  // The menu takes the keyboard (a pointer block covers it): move to the fix, Enter.
  for (let i = 0; i < 10; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label');
    if (focused === "Change to 'Notify'") break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await until('the fix applied in the editor', async () => {
    const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
    return /"Next":\s*"Notify"/.test(text.replace(/\u00a0/g, ' ')) && !text.includes('Notifyy');
  });
  await until('the fixed problems gone from the Problems panel', async () => {
    const r = await rowsText();
    return !r.some((x) => x.includes("Missing 'Next' target: Notifyy")) && !r.some((x) => x.includes('State "Notify" is not reachable'));
  });
  await shot('quick-fix-applied');
  log('quick fix: applied, its problems gone');

  // -----------------------------------------------------------------------------------------
  setStep('hover');
  const timeoutLine = orderText.findIndex((l) => l.includes('"TimeoutSeconds"')) + 1;
  await goTo(timeoutLine, orderText[timeoutLine - 1].indexOf('TimeoutSeconds') + 3);
  await palette('Show or Focus Hover');
  await until('the hover on TimeoutSeconds', async () => {
    const text = await page.locator('.monaco-hover:visible').first().innerText();
    return text.includes('States.Timeout');
  });
  await shot('hover');
  await page.keyboard.press('Escape');
  log('hover: TimeoutSeconds documented');

  // -----------------------------------------------------------------------------------------
  setStep('completion');
  const startLine = orderText.findIndex((l) => l.includes('"StartAt"')) + 1;
  await goTo(startLine, orderText[startLine - 1].indexOf('"Process"') + 2);
  await page.keyboard.press('Control+Space');
  // Under load the first Control+Space can be swallowed (the hover closing, the server busy
  // with the edit before): ask again every 3 s while no suggestion list is open.
  let asked = Date.now();
  let asks = 1;
  await until('the completion list offering the state names', async () => {
    const labels = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
    if (labels.length === 0 && Date.now() - asked > 3000) {
      await page.keyboard.press('Escape');
      await goTo(startLine, orderText[startLine - 1].indexOf('"Process"') + 2);
      await page.keyboard.press('Control+Space');
      asked = Date.now();
      asks++;
    }
    return labels.some((l) => l.includes('Notify')) && labels.some((l) => l.includes('Process'));
  });
  await shot('completion');
  await page.keyboard.press('Escape');
  log(`completion: state names offered in StartAt (Control+Space pressed ${asks} time${asks === 1 ? '' : 's'})`);

  // -----------------------------------------------------------------------------------------
  setStep('language mode and commands');
  // The extension claims no language: a definition file stays JSON (VS Code's formatting, folding).
  const mode = await page.locator('.statusbar-item[id$="status.editor.mode"]').first().innerText();
  if (!/^\s*(\{\s*\}\s*)?JSON\s*$/.test(mode.replace(/\s+/g, ' '))) throw new Error(`order.asl.json opened in language mode '${mode}', not JSON`);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>ASL: ');
  const commands = await until('the ASL commands in the palette', async () => {
    const labels = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || ''));
    return labels.some((l) => l.includes('ASL: Restart Language Server')) && labels.some((l) => l.includes('ASL: Show Output')) ? labels : undefined;
  });
  await shot('commands');
  await page.keyboard.press('Escape');
  log(`language mode JSON; palette: ${commands.filter((l) => l.startsWith('ASL')).map((l) => l.split(',')[0]).join(', ')}`);

  // -----------------------------------------------------------------------------------------
  if (hasGraph) {
    setStep('graph view');
    await palette('ASL: Show Graph');
    const frame = await until(
      'the graph webview with a node per state',
      async () => {
        for (const f of page.frames()) {
          const names = await f.locator('[data-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))).catch(() => []);
          if (names.includes('Process') && names.includes('Notify')) return f;
        }
        return undefined;
      },
      45_000,
    );
    await shot('graph');
    log(`graph view: open, nodes ${JSON.stringify(await frame.locator('[data-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))}`);
  }
}
