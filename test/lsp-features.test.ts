/**
 * The editor features as functions of one document's analysis (src/lsp/analysis.ts): hover,
 * completion, definition, references, highlights, rename, symbols, folding, links, formatting
 * and code actions, each called on an Analysis built from text, as the server calls them
 * (server.ts only routes requests to these). No process, no JSON-RPC: test/lsp.test.ts keeps the
 * server end to end, one request per feature.
 */
import { describe, expect, it } from 'vitest';
import { SymbolKind, type CodeAction, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol';
import { lint } from '../src/index.js';
import { analyzeTextDocument, type Analysis } from '../src/lsp/analysis.js';
import { codeActions, FIX_ALL_KIND } from '../src/lsp/codeActions.js';
import { completion } from '../src/lsp/completion.js';
import { completionSite } from '../src/lsp/cursor.js';
import { parse } from '../src/parse/index.js';
import { foldingRanges } from '../src/lsp/folding.js';
import { formatDocument } from '../src/lsp/formatting.js';
import { hover } from '../src/lsp/hover.js';
import { definition, documentHighlights, references } from '../src/lsp/navigation.js';
import { prepareRename, rename, RenameRefused } from '../src/lsp/rename.js';
import { defaultSettings, type Settings } from '../src/lsp/settings.js';
import { documentSymbols } from '../src/lsp/symbols.js';
import { variableDefinition, variableHover, variableReferences } from '../src/lsp/variables.js';
import { applyEdits, offsetToPos, posOf } from './lsp-helpers.js';
import { ORDER, ORDER_SYMBOLS, symbolShape, VARIABLES, YAML } from './lsp-fixtures.js';
import { CONTEXT_PATHS, describeResource, INTRINSIC_DOCS, intrinsicMarkdown, JSONATA_FUNCTION_DOCS, STATES_FIELDS } from '../src/lsp/language.js';
import { stateTypeDoc } from '../src/lang/state-fields.js';

let seq = 0;
/**
 * The analysis the server builds for an open document (an `untitled:` one: no folder to look for
 * templates or configuration in). `previous`: the analysis of the version before, as the server keeps it.
 */
function analysisOf(text: string, ext = 'asl.json', options: { settings?: Settings; previous?: Analysis } = {}): Analysis {
  const languageId = ext.endsWith('json') ? 'asl' : 'asl-yaml';
  const a = analyzeTextDocument({ uri: `untitled:/doc${++seq}.${ext}`, languageId, version: 1, getText: () => text }, options.settings ?? defaultSettings, options.previous);
  if (!a) throw new Error('not analysed');
  return a;
}

const markdown = (h: ReturnType<typeof hover>) => (h?.contents as MarkupContent).value;

describe('hover', () => {
  const order = analysisOf(ORDER);

  it('on a field: what it means and accepts, over the key', () => {
    const h = hover(order, posOf(ORDER, '"Resource"', 2))!;
    expect(h.range).toEqual({ start: posOf(ORDER, '"Resource"'), end: posOf(ORDER, '"Resource"', 10) });
    expect(markdown(h)).toContain('**Resource** (Task state)');
    expect(markdown(h)).toContain('Accepts: an ARN.');
  });

  it('on a state name: its type and what transitions into it; on a reference, the same', () => {
    const h = hover(order, posOf(ORDER, '"Failed": {', 2))!;
    expect(h.range).toEqual({ start: posOf(ORDER, '"Failed": {'), end: posOf(ORDER, '"Failed": {', 8) });
    expect(markdown(h)).toContain('**Failed**: Fail state (JSONPath)');
    expect(markdown(h)).toContain('Transitions in from: `Validate` (Catch[0]), `Route` (Default)');
    expect(markdown(hover(order, posOf(ORDER, '"Next": "Route"', 10)))).toContain('**Route**: Choice state');
  });

  it('on an intrinsic function: its signature', () => {
    const text = `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "States.ArrayPartition($.a, 2)"}, "End": true}}}`;
    expect(markdown(hover(analysisOf(text), posOf(text, 'ArrayPartition', 3)))).toContain('States.ArrayPartition(array: array, chunk size: integer) -> array');
  });

  it('nothing under the cursor: null', () => {
    expect(hover(order, { line: 0, character: 0 })).toBeNull();
  });
});

describe('completion', () => {
  const labels = (l: CompletionList) => l.items.map((i) => i.label);

  it('fields valid for the Type and the QueryLanguage, without those present', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, }}}';
    const list = completion(analysisOf(text), posOf(text, ', }', 2));
    expect(labels(list)).toEqual(expect.arrayContaining(['Parameters', 'TimeoutSeconds']));
    for (const absent of ['Arguments', 'Resource', 'Choices']) expect(labels(list)).not.toContain(absent);
    expect(list.items.find((i) => i.label === 'Parameters')!.textEdit).toEqual({ range: { start: posOf(text, ', }', 2), end: posOf(text, ', }', 2) }, newText: '"Parameters": {$1}' });

    const jsonata = text.replace('"Type": "Task"', '"Type": "Task", "QueryLanguage": "JSONata"');
    const l2 = labels(completion(analysisOf(jsonata), posOf(jsonata, ', }', 2)));
    expect(l2).toEqual(expect.arrayContaining(['Arguments', 'Output']));
    expect(l2).not.toContain('Parameters');
    expect(l2).not.toContain('InputPath');
  });

  it('a half-typed key (the JSON does not parse): the tolerant model, and the edit replaces what is typed', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Ne';
    const a = analysisOf(text);
    expect(a.tolerant).toBe(true);
    const list = completion(a, offsetToPos(text, text.length));
    expect(list.items.find((i) => i.label === 'Next')!.textEdit).toEqual({ range: { start: posOf(text, '"Ne'), end: offsetToPos(text, text.length) }, newText: '"Next": "$1"' });
    expect(labels(list)).not.toContain('Resource');
  });

  it('state names of the scope in Next, Default and StartAt', () => {
    const a = analysisOf(ORDER);
    const top = completion(a, posOf(ORDER, '"Next": "Done"', 10));
    expect(labels(top)).toEqual(['Validate', 'Route', 'Fanout', 'Items', 'Done', 'Failed']);
    expect(top.items.find((i) => i.label === 'Failed')!.textEdit).toEqual({ range: { start: posOf(ORDER, '"Done"'), end: posOf(ORDER, '"Done"', 6) }, newText: '"Failed"' });
    expect(labels(completion(a, posOf(ORDER, '"Next": "Shipped"', 10)))).toEqual(['Ship', 'Shipped']);
    expect(labels(completion(a, posOf(ORDER, '"StartAt": "One"', 13)))).toEqual(['One']);
  });

  it('Type values, Resource ARNs, intrinsic functions', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Ta", "Resource": "", "Parameters": {"x.$": "States."}, "End": true}}}';
    const a = analysisOf(text);
    expect(labels(completion(a, posOf(text, '"Ta"', 3)))).toEqual(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
    expect(labels(completion(a, posOf(text, '""', 1)))).toEqual(expect.arrayContaining(['arn:aws:states:::lambda:invoke', 'arn:aws:states:::aws-sdk:service:action']));
    const fns = completion(a, posOf(text, 'States."', 7));
    expect(fns.items.find((i) => i.label === 'States.Format')!.textEdit).toEqual({
      range: { start: posOf(text, 'States."'), end: posOf(text, 'States."', 7) },
      newText: 'States.Format(${1:template}, ${2:value})',
    });
    expect(fns.items).toHaveLength(18);
  });

  it('without snippets: plain text', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, }}}';
    const params = completion(analysisOf(text), posOf(text, ', }', 2), { snippets: false }).items.find((i) => i.label === 'Parameters')!;
    expect(params.textEdit).toEqual({ range: { start: posOf(text, ', }', 2), end: posOf(text, ', }', 2) }, newText: '"Parameters": {}' });
    expect(params.insertTextFormat ?? 1).toBe(1);
  });

  it('$states and assigned variables inside {% %}', () => {
    const text = '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"total": 1}, "Next": "B"}, "B": {"Type": "Pass", "Output": "{% $ %}", "End": true}}}';
    const list = completion(analysisOf(text), posOf(text, '{% $', 4));
    expect(labels(list).slice(0, 6)).toEqual(['$states', '$states.input', '$states.context', '$states.result', '$states.errorOutput', '$total']);
    expect(labels(list)).toContain('$partition');
  });

  it('YAML: keys from the last version that parsed, values', () => {
    const good = analysisOf(YAML, 'asl.yaml');
    // Typing a new key on its own line: the YAML does not parse until the colon is there.
    const text = YAML.replace('Next: Secnd', 'Next: Secnd\n    Com');
    const typing = analysisOf(text, 'asl.yaml', { previous: good });
    expect(typing.lastGood).toBe(good.model);
    const keys = completion(typing, posOf(text, '    Com', 7));
    expect(keys.items.find((i) => i.label === 'Comment')!.textEdit).toEqual({ range: { start: posOf(text, 'Com'), end: posOf(text, 'Com', 3) }, newText: 'Comment: $1' });
    expect(labels(keys)).not.toContain('Next');
    const values = completion(typing, posOf(text, 'Secnd', 2));
    expect(labels(values)).toEqual(['First', 'Second']);
    expect(values.items[1].textEdit).toEqual({ range: { start: posOf(text, 'Secnd'), end: posOf(text, 'Secnd', 5) }, newText: 'Second' });
  });
});

describe('definition, references, highlights', () => {
  const order = analysisOf(ORDER);

  it('go to definition from a Next, scope-aware; from a Catch', () => {
    expect(definition(order, posOf(ORDER, '"Next": "Shipped"', 11))).toEqual({ uri: order.uri, range: { start: posOf(ORDER, '"Shipped": {'), end: posOf(ORDER, '"Shipped": {', 9) } });
    expect(definition(order, posOf(ORDER, '"Next": "Failed"', 11))!.range.start).toEqual(posOf(ORDER, '"Failed": {'));
  });

  it('a transition out of its scope goes nowhere', () => {
    const text = ORDER.replace('"Next": "Shipped"', '"Next": "Done"');
    expect(definition(analysisOf(text), posOf(text, '"Next": "Done"', 11))).toBeNull();
  });

  it('references: the key, StartAt, Next, Default, Choices and Catch; with and without the declaration', () => {
    const text = ORDER.replace('"Default": "Failed"', '"Default": "Validate"');
    const a = analysisOf(text);
    expect(references(a, posOf(text, '"Validate": {', 3), true).map((r) => r.range.start)).toEqual([posOf(text, '"Validate": {'), posOf(text, '"Validate"'), posOf(text, '"Default": "Validate"', 11)]);
    expect(references(a, posOf(text, '"Failed"', 2), false).map((r) => r.range)).toEqual([{ start: posOf(text, '"Failed"'), end: posOf(text, '"Failed"', 8) }]);
  });

  it('highlights: the declaration as a write, every reference as a read', () => {
    const h = documentHighlights(order, posOf(ORDER, '"Route": {', 2));
    expect(h).toEqual([
      { range: { start: posOf(ORDER, '"Route": {'), end: posOf(ORDER, '"Route": {', 7) }, kind: 3 },
      { range: { start: posOf(ORDER, '"Next": "Route"', 8), end: posOf(ORDER, '"Next": "Route"', 15) }, kind: 2 },
    ]);
  });
});

describe('$variables', () => {
  const text = '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"total": 1}, "Next": "B"}, "B": {"Type": "Pass", "Output": "{% $total + 1 %}", "End": true}}}';
  const a = analysisOf(text);

  it('hover says where it is assigned; definition is the Assign key; references every use', () => {
    expect(variableHover(a, posOf(text, '$total', 2))).toEqual({
      contents: { kind: 'markdown', value: '**$total**: variable\n\n- assigned in `A` (line 1): a number' },
      range: { start: posOf(text, '$total'), end: posOf(text, '$total', 6) },
    });
    expect(variableDefinition(a, posOf(text, '$total', 2))!.map((l) => l.range.start)).toEqual([posOf(text, '"total"')]);
    expect(variableReferences(a, posOf(text, '$total', 2), false)!.map((l) => l.range.start)).toEqual([posOf(text, '$total')]);
  });

  it('elsewhere they answer null, and the server asks the state-name features', () => {
    expect(variableHover(a, posOf(text, '"Pass"', 2))).toBeNull();
    expect(variableDefinition(a, posOf(text, '"Next": "B"', 9))).toBeNull();
  });
});

describe('rename', () => {
  it('the key and every reference in one edit; the result lints clean', () => {
    const a = analysisOf(ORDER);
    expect(prepareRename(a, posOf(ORDER, '"Next": "Failed"', 12))).toEqual({ range: { start: posOf(ORDER, '"Failed"'), end: posOf(ORDER, '"Failed"', 8) }, placeholder: 'Failed' });
    const edits = rename(a, posOf(ORDER, '"Failed": {', 3), 'Order failed').changes![a.uri];
    expect(edits).toHaveLength(3);
    const renamed = applyEdits(ORDER, edits);
    expect(renamed).toBe(ORDER.replaceAll('"Failed"', '"Order failed"'));
    expect(lint(renamed).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });

  it('in YAML, plain scalars stay plain', () => {
    const text = 'StartAt: First\nStates:\n  First:\n    Type: Pass\n    Next: Second\n  Second:\n    Type: Succeed\n';
    const a = analysisOf(text, 'asl.yaml');
    expect(applyEdits(text, rename(a, posOf(text, 'Second:', 1), 'Finish').changes![a.uri])).toBe(text.replaceAll('Second', 'Finish'));
  });

  it('scope-aware: the same name in a branch is another state', () => {
    const text = `{"StartAt": "P", "States": {
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}], "Next": "Done"},
  "Done": {"Type": "Succeed"}
}}`;
    const a = analysisOf(text);
    expect(applyEdits(text, rename(a, posOf(text, '"Next": "Done"', 10), 'End state').changes![a.uri])).toBe(
      text.replace('"Next": "Done"', '"Next": "End state"').replace('"Done": {"Type": "Succeed"}\n', '"End state": {"Type": "Succeed"}\n'),
    );
  });

  it('refuses, saying why: a YAML anchor or alias, a name that exists, an empty name, a place that is not a state name', () => {
    const yaml = 'StartAt: First\nStates:\n  First:\n    Type: Pass\n    Next: &n Second\n  Other:\n    Type: Pass\n    Next: *n\n  Second:\n    Type: Succeed\n';
    expect(() => rename(analysisOf(yaml, 'asl.yaml'), posOf(yaml, 'Second:', 1), 'Finish')).toThrow(new RenameRefused("'Second' is written through a YAML anchor or alias; rename it by hand."));
    const a = analysisOf(ORDER);
    expect(() => rename(a, posOf(ORDER, '"Done": {', 2), 'Failed')).toThrow(RenameRefused);
    expect(() => rename(a, posOf(ORDER, '"Done": {', 2), 'Failed')).toThrow(/already exists/);
    expect(() => rename(a, posOf(ORDER, '"Done": {', 2), '')).toThrow(RenameRefused);
    expect(() => prepareRename(a, posOf(ORDER, '"Comment"', 2))).toThrow(/Put the cursor on a state name/);
  });
});

describe('document symbols', () => {
  it('the states as a tree, branches and processors nested, each selecting its name', () => {
    const symbols = documentSymbols(analysisOf(ORDER));
    expect(symbols.map(symbolShape)).toEqual(ORDER_SYMBOLS);
    expect(symbols[0].selectionRange).toEqual({ start: posOf(ORDER, '"Validate": {'), end: posOf(ORDER, '"Validate": {', 10) });
    expect(symbols[0].range.start).toEqual(posOf(ORDER, '"Validate": {'));
  });

  it("each state's kind comes from its Type; a Type that is no state type (even one named like an Object member) gets Object", () => {
    const text = JSON.stringify({
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Next: 'B' },
        B: { Type: 'Map', Next: 'C' },
        C: { Type: 'constructor', Next: 'D' },
        D: { Type: 'toString', Next: 'E' },
        E: { Type: '__proto__', Next: 'F' },
        F: { Type: 'Succeed' },
      },
    });
    // Before: a table keyed by any string answered 'constructor' with Object itself, a function that
    // JSON drops, so the editor got a symbol with no kind (and '__proto__' an object).
    expect(documentSymbols(analysisOf(text)).map((s) => [s.name, s.kind])).toEqual([
      ['A', SymbolKind.Function],
      ['B', SymbolKind.Array],
      ['C', SymbolKind.Object],
      ['D', SymbolKind.Object],
      ['E', SymbolKind.Object],
      ['F', SymbolKind.Boolean],
    ]);
  });
});

describe('folding and formatting', () => {
  it('folding: States and each multi-line state, up to the line before the closing bracket', () => {
    const ranges = foldingRanges(analysisOf(ORDER));
    const line = (needle: string) => posOf(ORDER, needle).line;
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: line('"States": {'), endLine: line('"Failed": {') }));
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: line('"Validate": {'), endLine: line('"Next": "Route"') }));
  });

  it("formatting keeps the file's indentation (tabs), whatever the client asks", () => {
    const text = '{\n\t"StartAt": "A",\n\t"States": {"A": {"Type": "Succeed"}}\n}';
    const formatted = applyEdits(text, formatDocument(analysisOf(text), { tabSize: 2, insertSpaces: true }));
    expect(formatted).toBe('{\n\t"StartAt": "A",\n\t"States": {\n\t\t"A": {\n\t\t\t"Type": "Succeed"\n\t\t}\n\t}\n}');
  });
});

describe('code actions', () => {
  const everything = (text: string) => ({ start: { line: 0, character: 0 }, end: offsetToPos(text, text.length) });
  function fixes(text: string, ext = 'asl.json'): { a: Analysis; actions: CodeAction[] } {
    const a = analysisOf(text, ext);
    return { a, actions: codeActions(a, everything(text), ['quickfix']) };
  }
  const apply = (text: string, a: Analysis, action: CodeAction) => applyEdits(text, action.edit!.changes![a.uri]);
  const codes = (text: string, ext = 'x.asl.json') => lint(text, { fileName: ext }).diagnostics.map((d) => d.code);

  it("NO_DOLLAR: add '.$', a quick fix tied to its diagnostic", () => {
    const { a, actions } = fixes(ORDER);
    expect(actions.map((x) => x.title)).toEqual(["Rename 'payload' to 'payload.$'"]);
    expect(actions[0].kind).toBe('quickfix');
    expect(actions[0].diagnostics?.map((d) => d.code)).toEqual(['NO_DOLLAR']);
    expect(codes(apply(ORDER, a, actions[0]))).toEqual([]);
  });

  it("NO_PATH: use the '...Path' field", () => {
    const text = '{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "$.error"}}}';
    const { a, actions } = fixes(text);
    expect(actions.map((x) => x.title)).toEqual(["Use 'ErrorPath'"]);
    expect(apply(text, a, actions[0])).toBe(text.replace('"Error"', '"ErrorPath"'));
  });

  it('PASS_RESULT_IS_STATIC: move Result to Parameters', () => {
    const text = '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"c.$": "$.c"}, "End": true}}}';
    const { a, actions } = fixes(text);
    expect(actions.map((x) => x.title)).toEqual(["Move 'Result' to 'Parameters' (evaluated at run time)"]);
    expect(apply(text, a, actions[0])).toBe(text.replace('"Result"', '"Parameters"'));
    expect(codes(apply(text, a, actions[0]))).toEqual([]);
  });

  it('a misspelt transition target: the closest state name, preferred', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Finsh"}, "Finish": {"Type": "Succeed"}}}';
    const { a, actions } = fixes(text);
    const fix = actions.find((x) => x.title === "Change to 'Finish'")!;
    expect(fix.isPreferred).toBe(true);
    expect(codes(apply(text, a, fix))).toEqual([]);
  });

  it('an unknown field: the closest valid field', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecond": 5, "End": true}}}';
    const { a, actions } = fixes(text);
    expect(
      apply(
        text,
        a,
        actions.find((x) => x.title.includes("'TimeoutSeconds'"))!,
      ),
    ).toBe(text.replace('"TimeoutSecond"', '"TimeoutSeconds"'));
  });

  it('a state with no transition: add "End": true (JSON and YAML, in the file\'s layout)', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass"\n    }\n  }\n}';
    const { a, actions } = fixes(text);
    const add = actions.find((x) => x.title === `Add "End": true to 'A'`)!;
    const fixed = apply(text, a, add);
    expect(fixed).toBe('{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}');
    expect(codes(fixed)).toEqual([]);
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n';
    const y = fixes(yaml, 'asl.yaml');
    expect(
      apply(
        yaml,
        y.a,
        y.actions.find((x) => x.title === `Add "End": true to 'A'`)!,
      ),
    ).toBe('StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n');
  });

  it('never a fix that writes a key twice (issue 9 §2)', () => {
    expect(fixes('{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "$.x", "id.$": "$.y"}, "End": true}}}').actions).toEqual([]);
    const field = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecond": 5, "TimeoutSeconds": 5, "End": true}}}';
    expect(fixes(field).actions.filter((x) => x.title.includes("'TimeoutSeconds'"))).toEqual([]);
    const pass = '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"c.$": "$.c"}, "Parameters": {}, "End": true}}}';
    expect(fixes(pass).actions.filter((x) => x.title.startsWith("Move 'Result'"))).toEqual([]);
  });

  it('never a fix through a YAML alias or inside an anchored map (issue 9 §2)', () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters: &p\n      id: $.x\n    Next: B\n  B:\n    Type: Pass\n    Parameters: *p\n    End: true\n';
    expect(fixes(yaml, 'asl.yaml').actions).toEqual([]);
    const plain = yaml.replace(': &p', ':').replace('Parameters: *p', 'Parameters:\n      id: $.x');
    expect(fixes(plain, 'asl.yaml').actions.map((x) => x.title)).toEqual(["Rename 'id' to 'id.$'", "Rename 'id' to 'id.$'"]);
  });

  it('only the actions of the range asked for', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "$.x"}, "Next": "B"},\n"B": {"Type": "Pass", "Parameters": {"id": "$.x"}, "End": true}}}';
    const a = analysisOf(text);
    const line2 = { start: { line: 1, character: 0 }, end: { line: 1, character: 60 } };
    expect(codeActions(a, everything(text), ['quickfix'])).toHaveLength(2);
    expect(codeActions(a, line2, ['quickfix']).map((x) => x.diagnostics?.[0].range.start.line)).toEqual([1]);
  });

  it('source.fixAll applies fixes that keep the meaning, never a suggestion', () => {
    // ORDER's only fix (add '.$') is a suggestion: offered as a quick fix, never applied unseen.
    expect(
      lint(ORDER)
        .diagnostics.flatMap((d) => d.fixes ?? [])
        .map((f) => f.kind),
    ).toEqual(['suggestion']);
    expect(codeActions(analysisOf(ORDER), everything(ORDER), [FIX_ALL_KIND])).toEqual([]);
  });
});

describe('completion values and whole structures (issue 13 §3)', () => {
  const TASK = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      ""\n    }\n  }\n}';
  const byLabel = (list: CompletionList, label: string) => list.items.find((i) => i.label === label)!;

  it('TimeoutSeconds completes to a valid value, never 0', () => {
    const list = completion(analysisOf(TASK), posOf(TASK, '""', 1));
    expect(byLabel(list, 'TimeoutSeconds').textEdit!.newText).toBe('"TimeoutSeconds": ${1:300}');
    expect(byLabel(list, 'HeartbeatSeconds').textEdit!.newText).toBe('"HeartbeatSeconds": ${1:60}');
    for (const item of list.items) expect(item.textEdit!.newText).not.toMatch(/\$\{1:0\}/);
  });

  it('Retry and Catch complete to a whole retrier / catcher (JSON, and YAML while the new key is typed)', () => {
    const list = completion(analysisOf(TASK), posOf(TASK, '""', 1));
    expect(byLabel(list, 'Retry').textEdit!.newText).toBe(
      '"Retry": [\n\t{\n\t\t"ErrorEquals": ["${1:States.ALL}"],\n\t\t"IntervalSeconds": ${2:1},\n\t\t"MaxAttempts": ${3:3},\n\t\t"BackoffRate": ${4:2}\n\t}\n]',
    );
    expect(byLabel(list, 'Catch').textEdit!.newText).toBe('"Catch": [\n\t{\n\t\t"ErrorEquals": ["${1:States.ALL}"],\n\t\t"Next": "$2"\n\t}\n]');
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    End: true\n';
    const typed = yaml.replace('End: true', 'End: true\n    Ret');
    const ylist = completion(analysisOf(typed, 'asl.yaml', { previous: analysisOf(yaml, 'asl.yaml') }), posOf(typed, 'Ret', 3));
    expect(byLabel(ylist, 'Retry').textEdit!.newText).toBe(
      'Retry: \n      - ErrorEquals:\n          - ${1:States.ALL}\n        IntervalSeconds: ${2:1}\n        MaxAttempts: ${3:3}\n        BackoffRate: ${4:2}',
    );
    expect(byLabel(ylist, 'Catch').textEdit!.newText).toBe('Catch: \n      - ErrorEquals:\n          - ${1:States.ALL}\n        Next: $2');
  });

  it('without snippets: the defaults filled in, no placeholders', () => {
    const list = completion(analysisOf(TASK), posOf(TASK, '""', 1), { snippets: false });
    for (const item of list.items) expect(item.textEdit!.newText).not.toMatch(/\$\{?\d/);
    expect(byLabel(list, 'QueryLanguage').textEdit!.newText).toBe('"QueryLanguage": "JSONPath"');
    expect(byLabel(list, 'TimeoutSeconds').textEdit!.newText).toBe('"TimeoutSeconds": 300');
  });

  it('$$. completes the context object in JSONPath fields, not in plain strings', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$$."}, "End": true}}}';
    const list = completion(analysisOf(text), posOf(text, '$$."', 3));
    expect(list.items.map((i) => i.label)).toEqual(expect.arrayContaining(['$$.Execution.Id', '$$.Task.Token', '$$.Map.Item.Value']));
    expect(byLabel(list, '$$.Execution.Id').textEdit).toEqual({ range: { start: posOf(text, '$$."'), end: posOf(text, '$$."', 3) }, newText: '$$.Execution.Id' });
    const other = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Comment": "$$.", "End": true}}}';
    expect(completion(analysisOf(other), posOf(other, '$$."', 3)).items).toEqual([]);
  });
});

describe('completion asks what the field holds, not how its key is spelled (issue 11 leftover)', () => {
  const labels = (l: CompletionList) => l.items.map((i) => i.label);
  const CONTEXT = CONTEXT_PATHS.map((p) => `$$.${p}`);
  const INTRINSICS = INTRINSIC_DOCS.map((f) => f.name);
  /** Completion at the end of `typed` inside the value that replaces `"__"` in a JSONPath definition with `state`. */
  const at = (state: object, typed: string) => {
    const text = JSON.stringify({ StartAt: 'S', States: { S: state, F: { Type: 'Fail' } } }).replace('"__"', () => JSON.stringify(typed));
    return labels(completion(analysisOf(text), posOf(text, `${JSON.stringify(typed)}`, typed.length + 1)));
  };

  it("the context object in the paths that read it (ItemsPath, a nested rule's Variable, a template member, ErrorPath)", () => {
    expect(at({ Type: 'Map', ItemsPath: '__', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true }, '$$.')).toEqual(CONTEXT);
    expect(at({ Type: 'Choice', Choices: [{ Not: { Variable: '__', IsPresent: true }, Next: 'F' }] }, '$$.')).toEqual(CONTEXT);
    expect(at({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: { 'id.$': '__' }, End: true }, '$$.')).toEqual(CONTEXT);
    expect(at({ Type: 'Fail', ErrorPath: '__' }, '$$.')).toEqual(CONTEXT);
  });

  it('no paths where the language reads none: user keys spelled like path fields, fields of another type or object', () => {
    // A plain key of a payload template is a literal, whatever it ends with.
    expect(at({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { XPath: '__' }, End: true }, '$$.')).toEqual([]);
    expect(at({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { Variable: '__' }, End: true }, '$$.')).toEqual([]);
    // A Choice rule has no InputPath or ResultPath; a Task no ItemsPath.
    expect(at({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, InputPath: '__', Next: 'F' }] }, '$$.')).toEqual([]);
    expect(at({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, ResultPath: '__', Next: 'F' }] }, '$$.')).toEqual([]);
    expect(at({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ItemsPath: '__', End: true }, '$$.')).toEqual([]);
    // ResultPath and Map's number paths cannot read the context object (AWS refuses it: reference-path).
    expect(at({ Type: 'Pass', ResultPath: '__', End: true }, '$$.')).toEqual([]);
    expect(at({ Type: 'Map', MaxConcurrencyPath: '__', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true }, '$$.')).toEqual([]);
  });

  it("intrinsic functions in template members and Fail's ErrorPath/CausePath, not in a Pass state's static Result", () => {
    expect(at({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Assign: { 'x.$': '__' }, Next: 'F' }] }, 'States.')).toEqual(INTRINSICS);
    expect(at({ Type: 'Fail', CausePath: '__' }, 'States.')).toEqual(INTRINSICS);
    expect(at({ Type: 'Pass', Result: { 'x.$': '__' }, End: true }, 'States.')).toEqual([]);
    expect(at({ Type: 'Wait', SecondsPath: '__', End: true }, 'States.')).toEqual([]);
    // While the Type is typed (not one yet), as in any type: key completion offers every type's fields too.
    expect(at({ Type: 'Ta', Parameters: { 'x.$': '__' } }, 'States.')).toEqual(INTRINSICS);
  });

  it("JSONata only in the fields AWS reads as JSONata (not Comment; a catcher's Next is a state name)", () => {
    const jsonata = (state: object) => at({ QueryLanguage: 'JSONata', ...state }, '{% $states.');
    const STATES = STATES_FIELDS.map((f) => `$states.${f.name}`);
    expect(jsonata({ Type: 'Pass', Output: { a: ['__'] }, End: true })).toEqual(STATES);
    expect(jsonata({ Type: 'Pass', Comment: '__', End: true })).toEqual([]);
    expect(jsonata({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: '__' }], End: true })).toEqual(['S', 'F']);
  });

  it('values from the field tables: Type with its docs, Resource patterns, error names in ErrorEquals, state names', () => {
    const type = completion(analysisOf('{"StartAt": "S", "States": {"S": {"Type": ""}}}'), posOf('{"StartAt": "S", "States": {"S": {"Type": ""}}}', '""', 1));
    expect(type.items.find((i) => i.label === 'Wait')!.documentation).toEqual({ kind: 'markdown', value: stateTypeDoc('Wait') });
    const text =
      '{"StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{"ErrorEquals": [""]}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": ""}], "End": true}}}';
    const a = analysisOf(text);
    expect(labels(completion(a, posOf(text, '[""]', 2)))).toEqual([
      'States.ALL',
      'States.TaskFailed',
      'States.Timeout',
      'States.HeartbeatTimeout',
      'States.Permissions',
      'States.ResultPathMatchFailure',
      'States.ParameterPathFailure',
      'States.QueryEvaluationError',
      'States.BranchFailed',
      'States.NoChoiceMatched',
      'States.IntrinsicFailure',
      'States.ExceedToleratedFailureThreshold',
      'States.ItemReaderFailed',
      'States.ResultWriterFailed',
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ]);
    expect(labels(completion(a, posOf(text, '"Next": ""', 9)))).toEqual(['S']);
  });
});

describe('editor settings', () => {
  it("aslLint.type is a default, as the configuration's type: a template's declared type wins (README, editor and configuration sections)", () => {
    const sam = (declared: string) =>
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${declared}      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Task\n            Resource: arn:aws:states:::ecs:runTask.sync\n            End: true\n`;
    const codes = (text: string) =>
      analyzeTextDocument({ uri: 'untitled:/template.yaml', languageId: 'yaml', version: 1, getText: () => text }, { rules: {}, type: 'EXPRESS' })?.lint.diagnostics.map((d) => [d.rule, d.location]);
    expect(codes(sam(''))).toEqual([['express-integration', 'F: /States/A/Resource']]);
    expect(codes(sam('      Type: STANDARD\n'))).toEqual([]);
  });
});

describe('$variables across states', () => {
  const DEF = VARIABLES;

  it('references: every use, and the Assign key with the declaration', () => {
    const a = analysisOf(DEF);
    expect(variableReferences(a, posOf(DEF, '$total + 1', 1), false)!.map((r) => r.range.start)).toEqual([posOf(DEF, '$total + 1'), posOf(DEF, '$total %}')]);
    expect(variableReferences(a, posOf(DEF, '$total + 1', 1), true)).toHaveLength(3);
  });

  it('an unassigned variable says so; $states is not a variable', () => {
    const text = DEF.replace('$total + 1', '$nothing + 1');
    const a = analysisOf(text);
    expect(markdown(variableHover(a, posOf(text, '$nothing', 2)))).toContain('Not assigned in any state `Use` can see');
    expect(variableHover(a, posOf(text, '$states.input', 2))).toBeNull();
  });
});

describe('quick fixes on the right problem', () => {
  const at = (text: string, needle: string) => ({ start: posOf(text, needle, 1), end: posOf(text, needle, 1) });

  it('"Add End" belongs to the missing-transition problem, never to "not reachable"', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n    "B": {"Type": "Pass"},\n    "C": {"Type": "Pass", "Next": "A"}\n  }\n}';
    const a = analysisOf(text);
    const end = codeActions(a, at(text, '"B"')).filter((x) => x.title.startsWith('Add "End"'));
    expect(end.map((x) => x.diagnostics!.map((d) => d.message))).toEqual([["A Pass state must have either 'Next' or '\"End\": true'"]]);
    // C is unreachable but has its transition: no End to add.
    expect(a.lint.diagnostics.some((d) => d.range.start.line === posOf(text, '"C"').line && /not reachable/.test(d.message))).toBe(true);
    expect(codeActions(a, at(text, '"C"')).filter((x) => x.title.startsWith('Add "End"'))).toEqual([]);
  });

  it('"no terminal state" offers End only on states an execution reaches', () => {
    // A and B loop; C has no transition but nothing reaches it: End on C would silence the
    // problem and leave the loop. D is reached and has no transition: the real fix.
    const endTitles = (def: object) => {
      const text = JSON.stringify(def, null, 2);
      const a = analysisOf(text);
      const terminal = a.lint.diagnostics.filter((d) => d.code === 'MISSING_END_STATE');
      expect(terminal).toHaveLength(1);
      return codeActions(a, terminal[0].range)
        .filter((x) => x.diagnostics?.[0]?.code === 'MISSING_END_STATE')
        .map((x) => x.title);
    };
    expect(endTitles({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' }, C: { Type: 'Pass' } } })).toEqual([]);
    expect(endTitles({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'D' }, D: { Type: 'Pass' }, C: { Type: 'Pass' } } })).toEqual(['Add "End": true to \'D\'']);
  });
});

describe('completion site: a string ending in an escaped backslash is closed (review finding)', () => {
  it('replaces the whole token of "A\\\\" (its closing quote is not escaped)', () => {
    const closed = '{"StartAt": "A\\\\", "States": {}}';
    const at = closed.indexOf('"A') + 2;
    const site = completionSite(parse(closed, 'json'), at);
    expect(site?.replace).toEqual({ offset: closed.indexOf('"A'), length: 5 });
  });
});

describe('the editor offers and finds the variables lint() considers assigned, not Assign keys by spelling (issue 11 leftover)', () => {
  const variableLabels = (l: CompletionList) => l.items.filter((i) => i.kind === 6).map((i) => i.label);
  /** The variables completion offers at `{% $` in state `at`'s Output. */
  const offered = (def: object) => {
    const text = JSON.stringify(def).replace('"__"', '"{% $ %}"');
    return variableLabels(completion(analysisOf(text), posOf(text, '{% $', 4)));
  };

  it("JSONata: the key is the name ('x.$' is not a valid one); a Succeed state's Assign is not run", () => {
    // lint() says: 'x.$' is not a valid variable name, Succeed does not support Assign, $ghost is unassigned.
    const def = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Assign: { 'x.$': '{% 1 %}' }, Next: 'B' }, B: { Type: 'Succeed', Assign: { ghost: 1 }, Output: '__' } } };
    const text = JSON.stringify(def).replace('"__"', '"{% $__ %}"');
    expect(lint(text).diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['SCHEMA_VALIDATION_FAILED', 'LINT_VARIABLE_UNASSIGNED']));
    expect(variableLabels(completion(analysisOf(text), posOf(text, '$__', 3)))).toEqual(['$states']);
  });

  it("JSONPath: a '.$' key binds the name without it", () => {
    expect(offered({ StartAt: 'A', States: { A: { Type: 'Pass', Assign: { 'y.$': '$.a' }, Next: 'B' }, B: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '__', End: true } } })).toEqual([
      '$states',
      '$y',
    ]);
  });

  it("a Choice rule's and a catcher's Assign; not a catcher of a type that has no Catch", () => {
    const def = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Assign: { picked: 1 }, Next: 'T' }], Default: 'P' },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: {},
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { failure: '{% $states.errorOutput %}' }, Next: 'P' }],
          Next: 'P',
        },
        P: { Type: 'Pass', Catch: [{ ErrorEquals: ['States.ALL'], Assign: { never: 1 }, Next: 'E' }], Next: 'E' },
        E: { Type: 'Pass', Output: '__', End: true },
      },
    };
    expect(offered(def)).toEqual(['$states', '$failure', '$picked']);
  });

  it('on the tolerant model of a document with a syntax error, as before', () => {
    const text =
      '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"total": 1}, "Next": "B"}, "B": {"Type": "Pass", "Output": "{% $total + $ %}", "End": true}, "C": {"Ty';
    const a = analysisOf(text);
    expect(a.tolerant).toBe(true);
    expect(variableLabels(completion(a, posOf(text, '+ $', 3)))).toEqual(['$states', '$total']);
    expect(markdown(variableHover(a, posOf(text, '$total +', 1)))).toBe('**$total**: variable\n\n- assigned in `A` (line 1): a number');
  });

  it('YAML block and folded scalars (which cannot be followed character by character): each $name where it is written', () => {
    for (const style of ['|-', '>-']) {
      const text = `QueryLanguage: JSONata\nStartAt: A\nStates:\n  A: {Type: Pass, Assign: {a: 1, bee: 2}, Next: B}\n  B:\n    Type: Pass\n    Output: ${style}\n      {% $sum([$a, 2]) + $bee\n      & $states.input.x %}\n    End: true\n`;
      const a = analysisOf(text, 'asl.yaml');
      expect(markdown(variableHover(a, posOf(text, '$bee', 2)))).toBe('**$bee**: variable\n\n- assigned in `A` (line 4): a number');
      expect(variableHover(a, posOf(text, '$states.input', 3))).toBeNull();
      expect(markdown(hover(a, posOf(text, '$states.input', 9)))).toContain('`$states.input`');
      expect(variableDefinition(a, posOf(text, ', 2])', 2))).toBeNull();
      expect(variableReferences(a, posOf(text, '$bee', 1), true)!.map((l) => l.range)).toEqual([
        { start: posOf(text, '$bee'), end: posOf(text, '$bee', 4) },
        { start: posOf(text, 'bee: 2'), end: posOf(text, 'bee: 2', 3) },
      ]);
      expect(variableReferences(a, posOf(text, '$a,', 1), false)!.map((l) => l.range)).toEqual([{ start: posOf(text, '$a,'), end: posOf(text, '$a,', 2) }]);
    }
  });

  it('JSONPath: a $name inside a string literal of a call that parses is no read (hover null; references the same from either end)', () => {
    const def = { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { name: 'x' }, Next: 'B' }, B: { Type: 'Pass', Parameters: { 'a.$': "States.Format('Hi $name {}', $name)" }, End: true } } };
    const text = JSON.stringify(def);
    const a = analysisOf(text);
    expect(variableHover(a, posOf(text, "$name {}'", 2))).toBeNull();
    expect(variableReferences(a, posOf(text, '$name)', 2), true)!.map((l) => l.range)).toEqual([
      { start: posOf(text, '$name)'), end: posOf(text, '$name)', 5) },
      { start: posOf(text, '"name":'), end: posOf(text, '"name":', 6) },
    ]);
    expect(variableReferences(a, posOf(text, "$name {}'", 2), true)).toBeNull();
  });

  it('a name outside the Basic Multilingual Plane, in an expression still being typed: whole', () => {
    const name = '\u{1d465}\u{1d466}';
    const text = `{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"${name}": 1}, "Next": "B"}, "B": {"Type": "Pass", "Output": "{% $${name} + %}", "End": true}}}`;
    const a = analysisOf(text);
    const h = variableHover(a, posOf(text, `$${name}`, 1));
    expect(markdown(h)).toBe(`**$${name}**: variable\n\n- assigned in \`A\` (line 1): a number`);
    expect(h!.range).toEqual({ start: posOf(text, `$${name}`), end: posOf(text, `$${name}`, 5) });
  });

  it('YAML: references and hover over plain and quoted scalars', () => {
    const text =
      'QueryLanguage: JSONata\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Assign:\n      total: 1\n    Next: B\n  B:\n    Type: Pass\n    Output: "{% $total %}"\n    Assign:\n      again: \'{% $total + 1 %}\'\n    End: true\n';
    const a = analysisOf(text, 'asl.yaml');
    expect(variableReferences(a, posOf(text, '$total %}', 1), true)!.map((l) => l.range)).toEqual([
      { start: posOf(text, '$total %}'), end: posOf(text, '$total %}', 6) },
      { start: posOf(text, '$total + 1'), end: posOf(text, '$total + 1', 6) },
      { start: posOf(text, 'total: 1'), end: posOf(text, 'total: 1', 5) },
    ]);
    expect(markdown(variableHover(a, posOf(text, '$total + 1', 3)))).toBe('**$total**: variable\n\n- assigned in `A` (line 7): a number');
  });

  it("a Distributed Map's child workflow sees none of its parent's variables; an inline Map's iteration does", () => {
    const map = (mode: string) => ({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { outer: 1 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: mode, ExecutionType: 'STANDARD' }, StartAt: 'I', States: { I: { Type: 'Pass', Assign: { inner: 1 }, Output: '__', End: true } } },
          End: true,
        },
      },
    });
    expect(offered(map('DISTRIBUTED'))).toEqual(['$states', '$inner']);
    expect(offered(map('INLINE'))).toEqual(['$states', '$inner', '$outer']);
  });

  it('hover and go-to-definition: an Assign lint() does not run, or binds another name, is no assignment', () => {
    const text = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Assign: { 'x.$': '{% 1 %}' }, Next: 'B' }, B: { Type: 'Succeed', Assign: { ghost: 1 }, Output: '{% $x & $ghost %}' } },
    });
    const a = analysisOf(text);
    expect(markdown(variableHover(a, posOf(text, '$x &', 1)))).toBe('**$x**: variable\n\nNot assigned in any state `B` can see (Assign in this scope or an enclosing one).');
    expect(markdown(variableHover(a, posOf(text, '$ghost', 1)))).toBe('**$ghost**: variable\n\nNot assigned in any state `B` can see (Assign in this scope or an enclosing one).');
    expect(variableDefinition(a, posOf(text, '$x &', 1))).toEqual([]);
    expect(variableDefinition(a, posOf(text, '$ghost', 1))).toEqual([]);
  });

  it('the kind of value is what the assigning state’s language makes of it: {% %} in a JSONPath state is a string', () => {
    const text = JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Assign: { s: '{% 1 %}', 'p.$': '$.a' }, Next: 'B' }, B: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $s & $p %}', End: true } },
    });
    const a = analysisOf(text);
    expect(markdown(variableHover(a, posOf(text, '$s &', 1)))).toBe('**$s**: variable\n\n- assigned in `A` (line 1): a string');
    expect(markdown(variableHover(a, posOf(text, '$p %', 1)))).toBe('**$p**: variable\n\n- assigned in `A` (line 1): a JSONPath or intrinsic function result');
  });

  it('only where a language reads the string: not in a Comment or a plain template member; references are the reads', () => {
    const text = JSON.stringify({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { total: 1 }, Comment: 'sets $total', Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'n.$': '$total', note: '$total' }, Next: 'C' },
        C: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $total %}', Comment: '{% $total %}', End: true },
      },
    });
    const a = analysisOf(text);
    expect(variableHover(a, posOf(text, '$total"', 1))).toBeNull(); // the Comment of A
    expect(variableHover(a, posOf(text, 'note":"$total', 9))).toBeNull();
    expect(variableHover(a, posOf(text, 'Comment":"{% $total', 14))).toBeNull();
    expect(variableReferences(a, posOf(text, '"n.$":"$total', 9), false)!.map((l) => l.range)).toEqual([
      { start: posOf(text, '"n.$":"$total', 7), end: posOf(text, '"n.$":"$total', 13) },
      { start: posOf(text, 'Output":"{% $total', 12), end: posOf(text, 'Output":"{% $total', 18) },
    ]);
    expect(variableReferences(a, posOf(text, 'Output":"{% $total', 13), true)).toHaveLength(3);
  });

  it("lint's read under the cursor: a Unicode name whole; a name the expression binds itself is no workflow variable", () => {
    const text = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Assign: { café: 1 }, Next: 'B' }, B: { Type: 'Pass', Output: '{% ($f := function($v) { $v * $café }; $f(1)) %}', End: true } },
    });
    const a = analysisOf(text);
    expect(variableHover(a, posOf(text, '$café }', 1))).toEqual({
      contents: { kind: 'markdown', value: '**$café**: variable\n\n- assigned in `A` (line 1): a number' },
      range: { start: posOf(text, '$café }'), end: posOf(text, '$café }', 5) },
    });
    expect(variableHover(a, posOf(text, '$v *', 1))).toBeNull();
    expect(variableHover(a, posOf(text, '$f(1)', 1))).toBeNull();
  });

  it("references: a sibling branch's own variable of the same name is another one; an enclosing scope's is the same", () => {
    const branch = (n: number) => ({
      StartAt: `W${n}`,
      States: { [`W${n}`]: { Type: 'Pass', Assign: { x: n }, Next: `R${n}` }, [`R${n}`]: { Type: 'Pass', Output: `{% $x + $top + ${n} %}`, End: true } },
    });
    const text = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: { T: { Type: 'Pass', Assign: { top: 0 }, Next: 'P' }, P: { Type: 'Parallel', Branches: [branch(1), branch(2)], End: true } },
    });
    const a = analysisOf(text);
    const starts = (needle: string, decl: boolean) => variableReferences(a, posOf(text, needle, 1), decl)!.map((l) => l.range.start);
    expect(starts('$x + $top + 1', true)).toEqual([posOf(text, '$x + $top + 1'), posOf(text, '"x":1')]);
    expect(starts('$x + $top + 2', false)).toEqual([posOf(text, '$x + $top + 2')]);
    expect(starts('$top + 1', true)).toEqual([posOf(text, '$top + 1'), posOf(text, '$top + 2'), posOf(text, '"top"')]);
  });

  it('the expression under the cursor is found while it does not parse', () => {
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Assign: { total: 1 }, Next: 'B' }, B: { Type: 'Pass', Output: '{% $total + %}', End: true } } });
    const a = analysisOf(text);
    expect(markdown(variableHover(a, posOf(text, '$total +', 1)))).toBe('**$total**: variable\n\n- assigned in `A` (line 1): a number');
    expect(variableReferences(a, posOf(text, '$total +', 1), false)!.map((l) => l.range.start)).toEqual([posOf(text, '$total +')]);
  });
});

describe('hover documents a word only where the place’s language reads it (issue 11 leftover)', () => {
  const FORMAT = INTRINSIC_DOCS.find((f) => f.name === 'States.Format')!;
  const INPUT = STATES_FIELDS.find((f) => f.name === 'input')!;
  const hoverAt = (def: object, needle: string, into: number) => {
    const text = JSON.stringify(def);
    return hover(analysisOf(text), posOf(text, needle, into));
  };
  const pass = (fields: object, language = 'JSONPath') => ({ QueryLanguage: language, StartAt: 'S', States: { S: { Type: 'Pass', ...fields, End: true } } });

  it('no intrinsic in a Comment or a Pass state’s static Result; in a template member and a Fail’s ErrorPath, its signature', () => {
    expect(hoverAt(pass({ Comment: "uses States.Format('{}', $.a)" }), 'States.Format', 8)).toBeNull();
    expect(hoverAt(pass({ Result: { 'x.$': "States.Format('{}', $.a)" } }), 'States.Format', 8)).toBeNull();
    expect(markdown(hoverAt(pass({ Parameters: { 'x.$': "States.Format('{}', $.a)" } }), 'States.Format', 8))).toBe(intrinsicMarkdown(FORMAT));
    const fail = { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: "States.Format('{}', $.a)" } } };
    expect(markdown(hoverAt(fail, 'States.Format', 8))).toBe(intrinsicMarkdown(FORMAT));
  });

  it('no $states or JSONata function in a JSONPath state or a JSONata Comment; in a JSONata expression, their docs', () => {
    expect(hoverAt(pass({ Comment: 'reads $states.input' }), '$states.input', 9)).toBeNull();
    expect(hoverAt(pass({ Comment: '{% $states.input %}' }, 'JSONata'), '$states.input', 9)).toBeNull();
    expect(hoverAt(pass({ Parameters: { note: '{% $sum([1]) %}' } }), '$sum', 2)).toBeNull();
    expect(markdown(hoverAt(pass({ Output: '{% $states.input %}' }, 'JSONata'), '$states.input', 9))).toBe(`\`$states.input\`: ${INPUT.doc}`);
    const sum = JSONATA_FUNCTION_DOCS.find((f) => f.name === 'sum')!;
    expect(markdown(hoverAt(pass({ Output: '{% $sum([1]) %}' }, 'JSONata'), '$sum', 2))).toBe('```\n' + sum.signature + '\n```\n\n' + sum.doc);
  });

  it("a Resource's integration only where the type has a Resource (a Task), not a Pass state's field of that name", () => {
    const arn = 'arn:aws:states:::lambda:invoke';
    expect(hoverAt(pass({ Resource: arn }), 'arn:aws', 3)).toBeNull();
    const task = { StartAt: 'S', States: { S: { Type: 'Task', Resource: arn, End: true } } };
    expect(markdown(hoverAt(task, 'arn:aws', 3))).toBe(describeResource(arn));
  });
});

describe('key completion asks the model where a States object is (issue 11 leftover)', () => {
  const skeletons = (text: string, needle: string, into: number) =>
    completion(analysisOf(text), posOf(text, needle, into))
      .items.map((i) => i.label)
      .filter((l) => l.startsWith('New '));
  const ALL = ['New Task state', 'New Pass state', 'New Choice state', 'New Wait state', 'New Succeed state', 'New Fail state', 'New Parallel state', 'New Map state'];

  it("state skeletons under a scope's States (the top level, a branch), not in a payload member named States", () => {
    const top = '{"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true},  }}';
    expect(skeletons(top, ',  }', 2)).toEqual(ALL);
    const branch = '{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": { }}], "End": true}}}';
    expect(skeletons(branch, '"States": { }', 12)).toEqual(ALL);
    const payload = '{"StartAt": "S", "States": {"S": {"Type": "Pass", "Parameters": {"States": { }}, "End": true}}}';
    expect(skeletons(payload, '"States": { }', 12)).toEqual([]);
  });

  it("a branch's or processor's States while the state's Type is still being typed (no scope in the model yet)", () => {
    const branch = '{"StartAt": "P", "States": {"P": {"Type": "Paral", "Branches": [{"StartAt": "B", "States": { }}], "End": true}}}';
    expect(skeletons(branch, '"States": { }', 12)).toEqual(ALL);
    const processor = '{"StartAt": "M", "States": {"M": {"Type": "", "ItemProcessor": {"StartAt": "B", "States": { }}, "End": true}}}';
    expect(skeletons(processor, '"States": { }', 12)).toEqual(ALL);
    const notAScope = '{"StartAt": "P", "States": {"P": {"Type": "Paral", "Arguments": {"States": { }}, "End": true}}}';
    expect(skeletons(notAScope, '"States": { }', 12)).toEqual([]);
  });
});
