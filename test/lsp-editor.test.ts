/**
 * What a Step Functions author expects from the editor (issue 13, §3), over stdio like any client:
 * the CLI's diagnostics for templates and with the configuration's substitutions, snippets only
 * for clients that take them, valid completion values, whole Retry/Catch, `$$.` context fields,
 * `$variables` hover / definition / references, quick fixes on the right problem, configuration
 * errors as window/showMessage, rename refusals, formatting that keeps the file's style, folding
 * ranges and document links from templates to their definition files. The features' own cases
 * (completion values, $variables, which problem a quick fix belongs to) are unit tests on the
 * analysis: test/lsp-features.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentLink, FoldingRange, Hover, Location, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { lintFile } from '../src/lint-file.js';
import { applyEdits, ensureBuilt, LspClient, messageText, posOf, ROOT } from './lsp-helpers.js';
import { VARIABLES } from './lsp-fixtures.js';

let client: LspClient;
let dir: string;
let n = 0;

beforeAll(async () => {
  ensureBuilt();
  client = new LspClient();
  await client.initialize();
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-lsp-editor-'));
});

afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const request = <T>(c: LspClient, method: string, params: object): Promise<T> => c.conn.sendRequest(method, params) as Promise<T>;

async function openFile(c: LspClient, file: string, languageId: string, text = readFileSync(file, 'utf8')) {
  const uri = pathToFileURL(file).href;
  await c.open(uri, text, languageId);
  return { uri, text, diagnostics: await c.current(uri) };
}

function uniqueUri(ext: string): string {
  return `untitled:doc-${++n}${ext}`;
}

/** The CLI's diagnostics for a file, as (code, message, range) for comparison. */
function cliView(text: string, file: string, substitutions?: Map<string, string>) {
  return lintFile(text, file, { substitutions })[0].diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range }));
}

function lspView(diags: Diagnostic[]) {
  return diags.map((d) => ({ code: d.code, message: messageText(d), range: d.range }));
}

describe('templates: the same diagnostics as the CLI', () => {
  const T = join(ROOT, 'test', 'fixtures', 'templates');
  it.each([
    ['sam/template.yaml', 'yaml', 5],
    ['cdk.template.json', 'json', 0],
    ['serverless.yml', 'yaml', 0],
    ['tf/main.tf', 'terraform', 0],
  ])('%s (%s)', async (rel, languageId, atLeast) => {
    const file = join(T, rel);
    const { diagnostics, text } = await openFile(client, file, languageId);
    const cli = cliView(text, file);
    expect(cli.length).toBeGreaterThan(0);
    expect(cli.length).toBeGreaterThanOrEqual(atLeast);
    expect(lspView(diagnostics)).toEqual(cli);
  });

  it('SAM: the inline definition, the S3 notice and the DefinitionString, each on its line', async () => {
    const file = join(T, 'sam', 'template.yaml');
    const { diagnostics } = await openFile(client, file, 'yaml');
    expect(diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1])).toEqual([
      ['NO_DOLLAR', 17, 15],
      ['MISSING_TRANSITION_TARGET', 18, 19],
      ['MISSING_TRANSITION_TARGET', 19, 11],
      ['LINT_NOT_CHECKABLE', 32, 7],
      ['MISSING_TRANSITION_TARGET', 45, 15],
    ]);
  });

  it('aslLint/graph on a template answers null (its analysis has diagnostics, no model)', async () => {
    const { uri } = await openFile(client, join(T, 'sam', 'template.yaml'), 'yaml');
    expect(await request(client, 'aslLint/graph', { uri })).toBeNull();
  });

  it('a template whose DefinitionUri cannot be read says so, as the CLI does', async () => {
    const file = join(dir, 'template.yaml');
    const text = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: missing.asl.json\n';
    writeFileSync(file, text);
    const { diagnostics } = await openFile(client, file, 'yaml');
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^F: DefinitionUri names 'missing\.asl\.json', which cannot be read \(no such file or directory\)/)]);
    expect(lspView(diagnostics)).toEqual(cliView(text, file));
  });

  it("a definition a template names is linted through it, with the template's substitutions, as `asl-lint .` does", async () => {
    const T = join(ROOT, 'test', 'fixtures', 'templates');
    for (const [rel, template] of [
      ['sam/statemachine/flow.asl.json', 'sam/template.yaml'],
      ['tf/flow.asl.json', 'tf/main.tf'],
    ]) {
      const file = join(T, rel);
      const { diagnostics, text } = await openFile(client, file, 'json');
      const viaCli = lintFile(readFileSync(join(T, template), 'utf8'), join(T, template)).find((r) => r.filePath === file)!;
      expect(viaCli.diagnostics.length).toBeGreaterThan(0);
      expect(lspView(diagnostics)).toEqual(viaCli.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })));
      // On its own, the SAM definition is not even JSON: `${Timeout}` is unquoted.
      if (rel.startsWith('sam/')) expect(lintFile(text, file)[0].diagnostics.map((d) => d.code)).toEqual(['INVALID_JSON_DESCRIPTION']);
    }
  });

  it('a definition a template names without substitutions keeps its quick fixes', async () => {
    const project = join(dir, 'sam-plain');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'template.yaml'),
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.asl.json\n',
    );
    const file = join(project, 'flow.asl.json');
    writeFileSync(file, '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Bb"}, "B": {"Type": "Succeed"}}}');
    const { uri, text, diagnostics } = await openFile(client, file, 'json');
    expect(diagnostics.map((d) => d.code)).toContain('MISSING_TRANSITION_TARGET');
    const actions = await request<CodeAction[]>(client, 'textDocument/codeAction', {
      textDocument: { uri },
      range: { start: posOf(text, '"Bb"', 1), end: posOf(text, '"Bb"', 1) },
      context: { diagnostics },
    });
    expect(actions.map((a) => a.title)).toContain("Change to 'B'");
  });

  it('a YAML or JSON file that is not a template nor a state machine gets nothing', async () => {
    const file = join(dir, 'other.yaml');
    writeFileSync(file, 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    const uri = pathToFileURL(file).href;
    await client.open(uri, readFileSync(file, 'utf8'), 'yaml');
    const hover = await request<Hover | null>(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
    expect(hover).toBeNull();
    expect(client.published(uri)).toEqual([]);
  });
});

describe("the configuration's substitutions", () => {
  it('apply in the editor as on the command line', async () => {
    const project = join(dir, 'subs');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'asl-lint.config.json'), JSON.stringify({ substitutions: { Fn: 'arn:aws:lambda:us-east-1:123456789012:function:f', Wait: 5 } }));
    const file = join(project, 'flow.asl.json');
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Task", "Resource": "${Fn}", "Next": "W"},\n    "W": {"Type": "Wait", "Seconds": ${Wait}, "Next": "Nope"}\n  }\n}\n';
    writeFileSync(file, text);
    const { diagnostics } = await openFile(client, file, 'json');
    const subs = new Map([
      ['Fn', 'arn:aws:lambda:us-east-1:123456789012:function:f'],
      ['Wait', '5'],
    ]);
    const cli = cliView(text, file, subs);
    expect(lspView(diagnostics)).toEqual(cli);
    expect(cli.map((d) => d.code)).toEqual(['MISSING_END_STATE', 'MISSING_TRANSITION_TARGET']);
    expect(cli[1].message).toBe("Missing 'Next' target: Nope");
    // Without them the unquoted placeholder is a syntax error: the substitutions made the difference.
    expect(cliView(text, file).map((d) => d.code)).toContain('INVALID_JSON_DESCRIPTION');
  });
});

describe('completion', () => {
  const TASK = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      ""\n    }\n  }\n}';
  const complete = (c: LspClient, uri: string, position: { line: number; character: number }) => request<CompletionList>(c, 'textDocument/completion', { textDocument: { uri }, position });
  const byLabel = (list: CompletionList, label: string) => list.items.find((i) => i.label === label) as CompletionItem;

  it('a client without snippetSupport gets plain text with the defaults filled in', async () => {
    const plain = new LspClient({ snippetSupport: false });
    try {
      await plain.initialize();
      const uri = uniqueUri('.asl.json');
      await plain.open(uri, TASK);
      const list = await complete(plain, uri, posOf(TASK, '""', 1));
      expect(list.items.length).toBeGreaterThan(10);
      for (const item of list.items) {
        expect(item.insertTextFormat).not.toBe(2);
        expect(item.textEdit!.newText).not.toMatch(/\$\{?\d/);
      }
      expect(byLabel(list, 'QueryLanguage').textEdit!.newText).toBe('"QueryLanguage": "JSONPath"');
      expect(byLabel(list, 'TimeoutSeconds').textEdit!.newText).toBe('"TimeoutSeconds": 300');
      expect(byLabel(list, 'Catch').textEdit!.newText).toBe('"Catch": [\n\t{\n\t\t"ErrorEquals": ["States.ALL"],\n\t\t"Next": ""\n\t}\n]');
    } finally {
      await plain.shutdown();
    }
    const uri = uniqueUri('.asl.json');
    await client.open(uri, TASK);
    const list = await complete(client, uri, posOf(TASK, '""', 1));
    expect(byLabel(list, 'QueryLanguage').textEdit!.newText).toBe('"QueryLanguage": "${1|JSONPath,JSONata|}"');
    expect(byLabel(list, 'QueryLanguage').insertTextFormat).toBe(2);
  });
});

describe('$variables', () => {
  const DEF = VARIABLES;

  it('hover says where it is assigned and what kind of value it holds', async () => {
    const uri = uniqueUri('.asl.json');
    await client.open(uri, DEF);
    const h = await request<Hover>(client, 'textDocument/hover', { textDocument: { uri }, position: posOf(DEF, '$total + 1', 2) });
    expect((h.contents as MarkupContent).value).toBe(`**$total**: variable\n\n- assigned in \`Load\` (line ${posOf(DEF, '"total"').line + 1}): a JSONata expression result`);
    expect(h.range).toEqual({ start: posOf(DEF, '$total + 1'), end: posOf(DEF, '$total + 1', 6) });
  });

  it('go to definition: the Assign key; references: every use (and the key with the declaration)', async () => {
    const uri = uniqueUri('.asl.json');
    await client.open(uri, DEF);
    const def = await request<Location[]>(client, 'textDocument/definition', { textDocument: { uri }, position: posOf(DEF, '$total %}', 3) });
    expect(def).toEqual([{ uri, range: { start: posOf(DEF, '"total"'), end: posOf(DEF, '"total"', 7) } }]);
    const refs = await request<Location[]>(client, 'textDocument/references', { textDocument: { uri }, position: posOf(DEF, '$total + 1', 1), context: { includeDeclaration: false } });
    expect(refs.map((r) => r.range.start)).toEqual([posOf(DEF, '$total + 1'), posOf(DEF, '$total %}')]);
    const withDecl = await request<Location[]>(client, 'textDocument/references', { textDocument: { uri }, position: posOf(DEF, '$total + 1', 1), context: { includeDeclaration: true } });
    expect(withDecl).toHaveLength(3);
  });
});

describe('quick fixes, messages and rename', () => {
  it('a broken configuration file is reported with window/showMessage, never a showMessageRequest', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const project = join(dir, 'broken');
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, 'asl-lint.config.json'), '{ "rules": ');
      const file = join(project, 'a.asl.json');
      writeFileSync(file, '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
      await openFile(c, file, 'json');
      await expect.poll(() => c.shownMessages.length, { timeout: 10_000 }).toBe(1);
      expect(c.shownMessages[0].type).toBe(2);
      expect(c.shownMessages[0].message).toMatch(/^asl-lint: .*asl-lint\.config\.json/);
      expect(c.messageRequests).toEqual([]);
    } finally {
      await c.shutdown();
    }
  });

  it('rename to an empty or existing name answers with an error that says why', async () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}';
    const uri = uniqueUri('.asl.json');
    await client.open(uri, text);
    const rename = (newName: string) => request(client, 'textDocument/rename', { textDocument: { uri }, position: posOf(text, '"A": {', 1), newName });
    await expect(rename('')).rejects.toThrow('A state name cannot be empty.');
    await expect(rename('B')).rejects.toThrow("A state named 'B' already exists (state names must be unique in the whole state machine).");
  });
});

describe('formatting keeps the file style', () => {
  const format = (uri: string, options = { tabSize: 2, insertSpaces: true }) => request<TextEdit[]>(client, 'textDocument/formatting', { textDocument: { uri }, options });

  it('JSON: the file indentation (4 spaces, tabs), not the client options', async () => {
    const four = '{\n    "StartAt": "A",\n    "States": {"A": {"Type": "Succeed"}}\n}\n';
    const uri = uniqueUri('.asl.json');
    await client.open(uri, four);
    expect(applyEdits(four, await format(uri))).toBe('{\n    "StartAt": "A",\n    "States": {\n        "A": {\n            "Type": "Succeed"\n        }\n    }\n}\n');
    const tabs = '{\n\t"StartAt": "A",\n\t"States": {"A": {"Type": "Succeed"}}\n}';
    const tUri = uniqueUri('.asl.json');
    await client.open(tUri, tabs);
    expect(applyEdits(tabs, await format(tUri))).toBe('{\n\t"StartAt": "A",\n\t"States": {\n\t\t"A": {\n\t\t\t"Type": "Succeed"\n\t\t}\n\t}\n}');
  });

  it('JSON range formatting changes only the range', async () => {
    const text = '{\n  "StartAt":   "A",\n  "States": {"A":   {"Type": "Succeed"}}\n}\n';
    const uri = uniqueUri('.asl.json');
    await client.open(uri, text);
    const edits = await request<TextEdit[]>(client, 'textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits(text, edits)).toBe('{\n  "StartAt": "A",\n  "States": {"A":   {"Type": "Succeed"}}\n}\n');
  });

  it('YAML: comments, quotes and the indentation kept; text that does not parse is left alone', async () => {
    const text = '# flow\nStartAt: \'A\'\nStates:\n    A:\n        Type:   Succeed   # the only one\n        Comment: "done"\n';
    const uri = uniqueUri('.asl.yaml');
    await client.open(uri, text, 'asl-yaml');
    expect(applyEdits(text, await format(uri))).toBe('# flow\nStartAt: \'A\'\nStates:\n    A:\n        Type: Succeed # the only one\n        Comment: "done"\n');
    const tagged = 'StartAt: A\nStates:\n  A:   {Type: Task, Resource: !Ref Fn, End: true}\n';
    const tUri = uniqueUri('.asl.yaml');
    await client.open(tUri, tagged, 'asl-yaml');
    expect(await format(tUri)).toEqual([]);
    const broken = 'StartAt: A\nStates: [\n';
    const bUri = uniqueUri('.asl.yaml');
    await client.open(bUri, broken, 'asl-yaml');
    expect(await format(bUri)).toEqual([]);
  });
});

describe('folding ranges and document links', () => {
  it('a client can decline formatting and folding (the VS Code extension does: VS Code has its own)', async () => {
    const c = new LspClient({ initializationOptions: { formatting: false, folding: false } });
    try {
      const init = await c.initialize();
      expect([init.capabilities.documentFormattingProvider, init.capabilities.documentRangeFormattingProvider, init.capabilities.foldingRangeProvider]).toEqual([false, false, false]);
      expect(init.capabilities.documentLinkProvider).toEqual({ resolveProvider: false });
    } finally {
      await c.shutdown();
    }
  });

  it('folding: States and each multi-line state (JSON up to the line before the bracket; YAML)', async () => {
    const json = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Succeed"\n    }\n  }\n}';
    const uri = uniqueUri('.asl.json');
    await client.open(uri, json);
    const ranges = await request<FoldingRange[]>(client, 'textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges.map((r) => [r.startLine, r.endLine])).toEqual([
      [0, 6],
      [2, 5],
      [3, 4],
    ]);
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n    Comment: x\n';
    const yUri = uniqueUri('.asl.yaml');
    await client.open(yUri, yaml, 'asl-yaml');
    const yRanges = await request<FoldingRange[]>(client, 'textDocument/foldingRange', { textDocument: { uri: yUri } });
    expect(yRanges.map((r) => [r.startLine, r.endLine])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
    ]);
  });

  it('folding in templates: a JSON template from its tree; none for YAML and Terraform templates', async () => {
    const T = join(ROOT, 'test', 'fixtures', 'templates');
    const fold = async (rel: string, languageId: string) => {
      const { uri } = await openFile(client, join(T, rel), languageId);
      return request<FoldingRange[]>(client, 'textDocument/foldingRange', { textDocument: { uri } });
    };
    const cdk = await fold('cdk.template.json', 'json');
    expect(cdk.length).toBeGreaterThan(3);
    expect(cdk[0]).toEqual({ startLine: 0, endLine: readFileSync(join(T, 'cdk.template.json'), 'utf8').trimEnd().split('\n').length - 2, kind: 'region' });
    expect(await fold('serverless.yml', 'yaml')).toEqual([]);
    expect(await fold('tf/main.tf', 'terraform')).toEqual([]);
  });

  it('document links: SAM DefinitionUri and Terraform templatefile() lead to the definition file', async () => {
    const sam = join(ROOT, 'test', 'fixtures', 'templates', 'sam', 'template.yaml');
    const { uri, text } = await openFile(client, sam, 'yaml');
    const links = await request<DocumentLink[]>(client, 'textDocument/documentLink', { textDocument: { uri } });
    expect(links).toEqual([
      {
        range: { start: posOf(text, 'statemachine/flow.asl.json'), end: posOf(text, 'statemachine/flow.asl.json', 'statemachine/flow.asl.json'.length) },
        target: pathToFileURL(join(ROOT, 'test', 'fixtures', 'templates', 'sam', 'statemachine', 'flow.asl.json')).href,
        tooltip: 'Open statemachine/flow.asl.json',
      },
    ]);
    const tf = join(ROOT, 'test', 'fixtures', 'templates', 'tf', 'main.tf');
    const t = await openFile(client, tf, 'terraform');
    const tfLinks = await request<DocumentLink[]>(client, 'textDocument/documentLink', { textDocument: { uri: t.uri } });
    expect(tfLinks.map((l) => [l.target, t.text.slice(0, 0)])).toContainEqual([pathToFileURL(join(ROOT, 'test', 'fixtures', 'templates', 'tf', 'flow.asl.json')).href, '']);
    const first = tfLinks.find((l) => l.target!.endsWith('/flow.asl.json'))!;
    expect(first.range.start).toEqual(posOf(t.text, '${path.module}/flow.asl.json'));
  });
});
