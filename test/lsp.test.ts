/**
 * The language server end to end: `node dist/src/lsp/bin.js --stdio` driven by a real JSON-RPC
 * client: every feature reached through its request with exact positions (the features' cases
 * are unit tests on the analysis: test/lsp-features.test.ts), diagnostics as the document
 * changes, configuration, and shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, DocumentSymbol, Hover, Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { lint } from '../src/index.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, ensureBuilt, LspClient, messageText, offsetToPos, posOf, ROOT, SERVER } from './lsp-helpers.js';
import { ORDER, ORDER_SYMBOLS, symbolShape, YAML } from './lsp-fixtures.js';

let client: LspClient;
const settings: Record<string, unknown> = {};

beforeAll(async () => {
  ensureBuilt();
  client = new LspClient({ settings });
  await client.initialize();
});

afterAll(() => client?.kill());

let seq = 0;
async function openDoc(text: string, ext = 'asl.json', languageId = ext.endsWith('json') ? 'asl' : 'asl-yaml'): Promise<string> {
  const uri = `file:///work/doc${++seq}.${ext}`;
  await client.open(uri, text, languageId);
  return uri;
}

function request<R>(method: string, uri: string, position: { line: number; character: number }, extra: Record<string, unknown> = {}): Promise<R> {
  return client.conn.sendRequest(method, { textDocument: { uri }, position, ...extra }) as Promise<R>;
}

describe('initialize', () => {
  it('announces incremental sync and every feature', async () => {
    const c = new LspClient();
    const init = await c.initialize();
    expect(init.serverInfo?.name).toBe('asl-lint');
    expect(init.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.capabilities.completionProvider?.triggerCharacters).toEqual(['"', '$', '.', ':']);
    expect(init.capabilities.definitionProvider).toBe(true);
    expect(init.capabilities.referencesProvider).toBe(true);
    expect(init.capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect(init.capabilities.documentSymbolProvider).toBeTruthy();
    expect(init.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.asl-lint'] });
    expect(await c.shutdown()).toBe(0);
  });
});

describe('diagnostics', () => {
  it('JSON: the same codes, messages and ranges as lint(), with rule links', async () => {
    const uri = await openDoc(ORDER);
    const got = await client.current(uri);
    expect(got).toEqual([
      {
        range: { start: posOf(ORDER, '"payload"'), end: posOf(ORDER, '"payload"', 9) },
        severity: 2,
        code: 'NO_DOLLAR',
        codeDescription: { href: `${pathToFileURL(join(ROOT, 'rules', 'README.md')).href}#no-dollar` },
        source: 'asl-lint',
        message: "The value of 'payload' looks like a JSONPath. Instead of 'payload', use 'payload.$' to evaluate it as a JSONPath at runtime.",
        data: { rule: 'no-dollar', offset: ORDER.indexOf('"payload"'), length: 9 },
      },
    ]);
    const cli = lint(ORDER, { fileName: 'x.asl.json' }).diagnostics;
    expect(got.map((d) => [d.code, d.message, d.range])).toEqual(cli.map((d) => [d.code, d.message, d.range]));
  });

  it('YAML: exact ranges', async () => {
    const uri = await openDoc(YAML, 'asl.yaml');
    const got = await client.current(uri);
    expect(got.map((d) => ({ code: d.code, message: d.message, range: d.range, severity: d.severity }))).toEqual([
      {
        code: 'MISSING_TRANSITION_TARGET',
        message: "Missing 'Next' target: Secnd (did you mean 'Second'?)",
        range: { start: posOf(YAML, 'Secnd'), end: posOf(YAML, 'Secnd', 5) },
        severity: 1,
      },
      ...lint(YAML, { format: 'yaml' })
        .diagnostics.slice(1)
        .map((d) => ({ code: d.code, message: d.message, range: d.range, severity: 1 })),
    ]);
    expect(got.map((d) => [d.code, d.message, d.range])).toEqual(lint(YAML, { format: 'yaml' }).diagnostics.map((d) => [d.code, d.message, d.range]));
  });

  it('an edit that fixes the problem clears its diagnostic (incremental sync)', async () => {
    const uri = await openDoc(YAML, 'asl.yaml');
    expect((await client.current(uri)).length).toBeGreaterThan(0);
    const at = posOf(YAML, 'Secnd', 3);
    await client.change(uri, [{ range: { start: at, end: at }, text: 'o' }]);
    expect(await client.current(uri)).toEqual([]);
    // And breaking it again brings the diagnostic back, at the right place.
    await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
    const again = await client.current(uri);
    expect(again[0].range).toEqual({ start: posOf(YAML, 'Secnd'), end: posOf(YAML, 'Secnd', 5) });
  });

  it('a syntax error while typing, then the fixed text', async () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
    const uri = await openDoc(text);
    expect(await client.current(uri)).toEqual([]);
    const at = posOf(text, '"End"');
    await client.change(uri, [{ range: { start: at, end: at }, text: '"Comm' }]);
    const broken = await client.current(uri);
    expect(broken.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
    await client.change(uri, [{ range: { start: at, end: { line: 0, character: at.character + 5 } }, text: '"Comment": "x", ' }]);
    expect(await client.current(uri)).toEqual([]);
  });

  it('lints JSON and YAML that are state machines, and leaves other JSON alone', async () => {
    const other = 'file:///work/package.json';
    await client.open(other, '{"name": "x", "States": 1}', 'json');
    const plain = 'file:///work/flow.json';
    await client.open(plain, '{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}', 'json');
    const yml = 'file:///work/flow.yml';
    await client.open(yml, 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Nxt: B\n', 'yaml');
    expect((await client.current(plain)).map((d) => d.code)).toEqual(['MISSING_END_STATE', 'SCHEMA_VALIDATION_FAILED']);
    expect((await client.current(yml)).map((d) => d.message)).toContain("Field 'Nxt' is not supported (did you mean 'Next'?)");
    expect(client.published(other)).toEqual([]);
  });
});

describe('hover', () => {
  it('on a state name: its type and what transitions into it', async () => {
    const uri = await openDoc(ORDER);
    const h = await request<Hover>('textDocument/hover', uri, posOf(ORDER, '"Failed": {', 2));
    expect(h.range).toEqual({ start: posOf(ORDER, '"Failed": {'), end: posOf(ORDER, '"Failed": {', 8) });
    expect((h.contents as MarkupContent).value).toContain('**Failed**: Fail state (JSONPath)');
    expect((h.contents as MarkupContent).value).toContain('Transitions in from: `Validate` (Catch[0]), `Route` (Default)');
    // On a reference (a Next value), the same.
    const ref = await request<Hover>('textDocument/hover', uri, posOf(ORDER, '"Next": "Route"', 10));
    expect((ref.contents as MarkupContent).value).toContain('**Route**: Choice state');
  });

  it('nothing under the cursor answers null', async () => {
    const uri = await openDoc(ORDER);
    expect(await request('textDocument/hover', uri, { line: 0, character: 0 })).toBeNull();
  });
});

describe('completion', () => {
  const labels = (l: CompletionList) => l.items.map((i) => i.label);

  it('fields valid for the Type and the QueryLanguage, without those present', async () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, }}}';
    const uri = await openDoc(text);
    const list = await request<CompletionList>('textDocument/completion', uri, posOf(text, ', }', 2));
    expect(labels(list)).toContain('Parameters');
    expect(labels(list)).toContain('TimeoutSeconds');
    expect(labels(list)).not.toContain('Arguments');
    expect(labels(list)).not.toContain('Resource');
    expect(labels(list)).not.toContain('Choices');
    const params = list.items.find((i) => i.label === 'Parameters')!;
    expect(params.textEdit).toEqual({ range: { start: posOf(text, ', }', 2), end: posOf(text, ', }', 2) }, newText: '"Parameters": {$1}' });

    const jsonata = text.replace('"Type": "Task"', '"Type": "Task", "QueryLanguage": "JSONata"');
    const uri2 = await openDoc(jsonata);
    const l2 = labels(await request<CompletionList>('textDocument/completion', uri2, posOf(jsonata, ', }', 2)));
    expect(l2).toContain('Arguments');
    expect(l2).toContain('Output');
    expect(l2).not.toContain('Parameters');
    expect(l2).not.toContain('InputPath');
  });

  it('YAML: keys after the last good parse, values', async () => {
    const uri = await openDoc(YAML, 'asl.yaml');
    await client.current(uri);
    // Typing a new key on its own line: the YAML does not parse until the colon is there.
    const at = posOf(YAML, '    Next: Secnd', 15);
    await client.change(uri, [{ range: { start: at, end: at }, text: '\n    Com' }]);
    const text = YAML.replace('Next: Secnd', 'Next: Secnd\n    Com');
    const keys = await request<CompletionList>('textDocument/completion', uri, posOf(text, '    Com', 7));
    const comment = keys.items.find((i) => i.label === 'Comment')!;
    expect(comment.textEdit).toEqual({ range: { start: posOf(text, 'Com'), end: posOf(text, 'Com', 3) }, newText: 'Comment: $1' });
    expect(labels(keys)).not.toContain('Next');
    const values = await request<CompletionList>('textDocument/completion', uri, posOf(text, 'Secnd', 2));
    expect(labels(values)).toEqual(['First', 'Second']);
    expect(values.items[1].textEdit).toEqual({ range: { start: posOf(text, 'Secnd'), end: posOf(text, 'Secnd', 5) }, newText: 'Second' });
  });
});

describe('definition, references, rename', () => {
  it('go to definition from a Next, scope-aware', async () => {
    const uri = await openDoc(ORDER);
    const def = await request<Location>('textDocument/definition', uri, posOf(ORDER, '"Next": "Shipped"', 11));
    expect(def).toEqual({ uri, range: { start: posOf(ORDER, '"Shipped": {'), end: posOf(ORDER, '"Shipped": {', 9) } });
    const fromCatch = await request<Location>('textDocument/definition', uri, posOf(ORDER, '"Next": "Failed"', 11));
    expect(fromCatch.range.start).toEqual(posOf(ORDER, '"Failed": {'));
  });

  it('references: the key, StartAt, Next, Default, Choices and Catch', async () => {
    const text = ORDER.replace('"Default": "Failed"', '"Default": "Validate"');
    const uri = await openDoc(text);
    const refs = await request<Location[]>('textDocument/references', uri, posOf(text, '"Validate": {', 3), { context: { includeDeclaration: true } });
    expect(refs.map((r) => r.range.start)).toEqual([posOf(text, '"Validate": {'), posOf(text, '"Validate"'), posOf(text, '"Default": "Validate"', 11)]);
    const failed = await request<Location[]>('textDocument/references', uri, posOf(text, '"Failed"', 2), { context: { includeDeclaration: false } });
    expect(failed.map((r) => r.range)).toEqual([{ start: posOf(text, '"Failed"'), end: posOf(text, '"Failed"', 8) }]);
  });

  it('rename: the key and every reference in one edit; the result lints clean', async () => {
    const uri = await openDoc(ORDER);
    const prep = await request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', uri, posOf(ORDER, '"Next": "Failed"', 12));
    expect(prep).toEqual({ range: { start: posOf(ORDER, '"Failed"'), end: posOf(ORDER, '"Failed"', 8) }, placeholder: 'Failed' });
    const edit = await request<WorkspaceEdit>('textDocument/rename', uri, posOf(ORDER, '"Failed": {', 3), { newName: 'Order failed' });
    const edits = edit.changes![uri];
    expect(edits).toHaveLength(3);
    const renamed = applyEdits(ORDER, edits);
    expect(renamed).toBe(ORDER.replaceAll('"Failed"', '"Order failed"'));
    expect(lint(renamed).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });

  it('rename refuses a state named through a YAML anchor or alias (the edit would change the other places too)', async () => {
    const text = 'StartAt: First\nStates:\n  First:\n    Type: Pass\n    Next: &n Second\n  Other:\n    Type: Pass\n    Next: *n\n  Second:\n    Type: Succeed\n';
    const uri = await openDoc(text, 'asl.yaml');
    await expect(request('textDocument/rename', uri, posOf(text, 'Second:', 1), { newName: 'Finish' })).rejects.toThrow("'Second' is written through a YAML anchor or alias; rename it by hand.");
  });

  it('rename refuses a name that exists and a place that is not a state name', async () => {
    const uri = await openDoc(ORDER);
    await expect(request('textDocument/rename', uri, posOf(ORDER, '"Done": {', 2), { newName: 'Failed' })).rejects.toThrow(/already exists/);
    await expect(request('textDocument/prepareRename', uri, posOf(ORDER, '"Comment"', 2))).rejects.toThrow(/Put the cursor on a state name/);
  });
});

describe('document symbols', () => {
  it('the states as a tree, branches and processors nested', async () => {
    const uri = await openDoc(ORDER);
    const symbols = await client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map(symbolShape)).toEqual(ORDER_SYMBOLS);
    expect(symbols[0].selectionRange).toEqual({ start: posOf(ORDER, '"Validate": {'), end: posOf(ORDER, '"Validate": {', 10) });
    expect(symbols[0].range.start).toEqual(posOf(ORDER, '"Validate": {'));
  });
});

describe('code actions', () => {
  async function fixes(text: string, ext = 'asl.json'): Promise<{ uri: string; actions: CodeAction[] }> {
    const uri = await openDoc(text, ext);
    const diagnostics = await client.current(uri);
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: offsetToPos(text, text.length) },
      context: { diagnostics, only: ['quickfix'] },
    });
    return { uri, actions };
  }
  const apply = (text: string, uri: string, a: CodeAction) => applyEdits(text, a.edit!.changes![uri]);
  const codes = (text: string, ext = 'x.asl.json') => lint(text, { fileName: ext }).diagnostics.map((d) => d.code);

  it("NO_DOLLAR: add '.$'", async () => {
    const { uri, actions } = await fixes(ORDER);
    expect(actions.map((a) => a.title)).toEqual(["Rename 'payload' to 'payload.$'"]);
    expect(actions[0].kind).toBe('quickfix');
    expect(actions[0].diagnostics?.[0].code).toBe('NO_DOLLAR');
    expect(codes(apply(ORDER, uri, actions[0]))).toEqual([]);
  });

  it('source.fixAll applies no suggestion (they change what the workflow does; editors run fix-all on save)', async () => {
    const uri = await openDoc(ORDER);
    await client.current(uri);
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    // ORDER's only fix (add '.$') is a suggestion: offered as a quick fix, never applied unseen.
    expect(
      lint(ORDER)
        .diagnostics.flatMap((d) => d.fixes ?? [])
        .map((f) => f.kind),
    ).toEqual(['suggestion']);
    expect(actions).toEqual([]);
  });
});

describe('configuration', () => {
  it('rule severities and the state machine type from workspace/configuration, re-read on change', async () => {
    const text = `{"StartAt": "A", "States": {
  "A": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "Parameters": {"a": "$.a"}, "End": true},
  "B": {"Type": "Succeed"}
}}`;
    const c = new LspClient({ settings: { rules: { NO_DOLLAR: 'off', 'state-unreachable': 'warn' } } });
    await c.initialize();
    const uri = 'file:///work/configured.asl.json';
    await c.open(uri, text);
    const first = await c.current(uri);
    expect(first.map((d) => [d.code, d.severity])).toEqual([['MISSING_TRANSITION_TARGET', 2]]);
    expect(c.configurationRequests).toBeGreaterThan(0);

    c.settings = { type: 'EXPRESS' };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const second = await c.waitDiagnostics(uri, (p) => p.diagnostics.some((d) => messageText(d).includes('Express')));
    expect(second.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 1],
      ['NO_DOLLAR', 2],
      ['MISSING_TRANSITION_TARGET', 1],
    ]);
    expect(await c.shutdown()).toBe(0);
  });

  it("the project's configuration file applies, under the editor's settings, and is re-read when it changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-lsp-'));
    try {
      writeFileSync(join(dir, 'asl-lint.config.json'), JSON.stringify({ rules: { NO_DOLLAR: 'off', 'state-unreachable': 'warn' }, ignore: ['skipped/**'] }));
      const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a": "$.a"}, "End": true}, "B": {"Type": "Succeed"}}}';
      const c = new LspClient({ settings: { rules: { 'state-unreachable': 'error' } } });
      await c.initialize();
      const uri = pathToFileURL(join(dir, 'flow.asl.json')).href;
      await c.open(uri, text);
      expect((await c.current(uri)).map((d) => [d.code, d.severity])).toEqual([['MISSING_TRANSITION_TARGET', 1]]);
      const skipped = pathToFileURL(join(dir, 'skipped', 'flow.asl.json')).href;
      await c.open(skipped, text);
      expect(await c.current(skipped)).toEqual([]);

      writeFileSync(join(dir, 'asl-lint.config.json'), JSON.stringify({ rules: {} }));
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'asl-lint.config.json')).href, type: 2 }] });
      const after = await c.waitDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'NO_DOLLAR'));
      expect(after.diagnostics.map((d) => [d.code, d.severity])).toEqual([
        ['NO_DOLLAR', 2],
        ['MISSING_TRANSITION_TARGET', 1],
      ]);
      expect(await c.shutdown()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without workspace/configuration: settings from didChangeConfiguration', async () => {
    const c = new LspClient();
    await c.initialize();
    const uri = 'file:///work/pushed.asl.json';
    await c.open(uri, '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a": "$.a"}, "End": true}}}');
    expect((await c.current(uri)).map((d) => d.code)).toEqual(['NO_DOLLAR']);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { aslLint: { rules: { 'no-dollar': 'error' } } } });
    const after = await c.waitDiagnostics(uri, (p) => p.diagnostics[0]?.severity === 1);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['NO_DOLLAR']);
    expect(c.configurationRequests).toBe(0);
    expect(await c.shutdown()).toBe(0);
  });
});

describe('the asl-lint-lsp command', () => {
  it('--version, --help, and a usage error without a transport', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 10_000 });
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('asl-lint-lsp [--stdio');
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('asl-lint-lsp --stdio');
  });
});

describe('shutdown', () => {
  it('closing a document clears its diagnostics; shutdown then exit ends with 0', async () => {
    const c = new LspClient({ settings: {} });
    await c.initialize();
    const uri = 'file:///work/closing.asl.json';
    await c.open(uri, '{"StartAt": "A", "States": {}}');
    expect((await c.current(uri)).length).toBeGreaterThan(0);
    await c.close(uri);
    await c.waitDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    expect(await c.shutdown()).toBe(0);
    expect(c.stderr).toBe('');
  });
});
