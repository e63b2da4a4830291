/**
 * A seeded stream of half-typed buffers (truncations, insertions, deletions of real definitions)
 * through the real server, with a request at a random place after each edit: the server must
 * answer every request, log no feature failure, stay alive, and end with the right diagnostics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver-protocol';
import { lint } from '../src/index.js';
import { ensureBuilt, LspClient, offsetToPos } from './lsp-helpers.js';
import { prng } from './support.js';
import { TYPED_SNIPPETS } from './fuzz/mutations.js';

const JSON_DEF = `{
  "Comment": "Fuzz target",
  "StartAt": "Load",
  "States": {
    "Load": {
      "Type": "Task",
      "Resource": "arn:aws:states:::dynamodb:getItem",
      "Parameters": {"TableName": "orders", "Key": {"id": {"S.$": "$.id"}}, "name.$": "States.Format('order {}', $.id)"},
      "ResultSelector": {"item.$": "$.Item"},
      "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}],
      "Next": "Decide"
    },
    "Decide": {
      "Type": "Choice",
      "Choices": [
        {"And": [{"Variable": "$.item.total", "NumericGreaterThan": 100}, {"Not": {"Variable": "$.vip", "IsPresent": true}}], "Next": "Each"},
        {"Variable": "$.item.total", "NumericLessThanEquals": 0, "Next": "Failed"}
      ],
      "Default": "Both"
    },
    "Both": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 5, "Next": "Ok"}, "Ok": {"Type": "Succeed"}}},
        {"StartAt": "Calc", "States": {"Calc": {"Type": "Pass", "QueryLanguage": "JSONata", "Assign": {"sum": "{% $sum($states.input.items.price) %}"}, "Output": "{% $sum %}", "End": true}}}
      ],
      "Next": "Each"
    },
    "Each": {
      "Type": "Map",
      "ItemsPath": "$.item.lines",
      "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Line", "States": {"Line": {"Type": "Pass", "End": true}}},
      "End": true
    },
    "Failed": {"Type": "Fail", "Error": "OrderFailed", "Cause": "see $.error"}
  }
}`;

const YAML_DEF = `Comment: Fuzz target
StartAt: Load
States:
  Load:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: load
      Payload.$: $
    Catch:
      - ErrorEquals: [States.ALL]
        Next: Failed
    Next: Decide
  Decide:
    Type: Choice
    Choices:
      - Variable: $.ok
        BooleanEquals: true
        Next: Done
    Default: Failed
  Done:
    Type: Succeed
  Failed:
    Type: Fail
    Error: Failed
`;

const SNIPPETS = TYPED_SNIPPETS;

const REQUESTS = ['hover', 'completion', 'definition', 'references', 'documentHighlight', 'prepareRename', 'rename', 'documentSymbol', 'codeAction'] as const;

let client: LspClient;
beforeAll(async () => {
  ensureBuilt();
  client = new LspClient({ settings: {} });
  await client.initialize();
});
afterAll(() => client?.kill());

describe.each([
  ['JSON', JSON_DEF, 'asl.json', 'asl', 11],
  ['YAML', YAML_DEF, 'asl.yaml', 'asl-yaml', 23],
] as const)('fuzzed partial edits (%s)', (_name, full, ext, languageId, seed) => {
  it('every request answers and the server survives 150 edits', async () => {
    const rand = prng(seed);
    const int = (n: number) => Math.floor(rand() * n);
    const uri = `file:///fuzz/def.${ext}`;
    let text = full;
    await client.open(uri, text, languageId);
    let answered = 0;
    for (let step = 0; step < 150; step++) {
      // One edit, as an incremental change against the current text.
      let start: number;
      let end: number;
      let insert: string;
      const kind = step % 25 === 24 ? 'reset' : (['truncate', 'insert', 'delete', 'replace'] as const)[int(4)];
      if (kind === 'reset') [start, end, insert] = [0, text.length, full];
      else if (kind === 'truncate') [start, end, insert] = [int(text.length + 1), text.length, ''];
      else if (kind === 'insert') {
        start = end = int(text.length + 1);
        insert = SNIPPETS[int(SNIPPETS.length)];
      } else {
        start = int(text.length + 1);
        end = Math.min(text.length, start + 1 + int(12));
        insert = kind === 'replace' ? SNIPPETS[int(SNIPPETS.length)] : '';
      }
      const range = { start: offsetToPos(text, start), end: offsetToPos(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      await client.change(uri, [{ range, text: insert }]);

      // One request at a random place (sometimes past the end of a line or of the text).
      const position = rand() < 0.1 ? { line: int(60), character: int(200) } : offsetToPos(text, int(text.length + 1));
      const method = REQUESTS[int(REQUESTS.length)];
      const params: Record<string, unknown> = { textDocument: { uri }, position };
      if (method === 'references') params.context = { includeDeclaration: true };
      if (method === 'rename') params.newName = `Renamed${step}`;
      if (method === 'codeAction') Object.assign(params, { range: { start: position, end: offsetToPos(text, text.length) }, context: { diagnostics: [] } });
      if (method === 'documentSymbol') delete params.position;
      try {
        await client.conn.sendRequest(`textDocument/${method}`, params);
      } catch (err) {
        // Only a refused rename may answer with an error, and it says why.
        expect(err).toBeInstanceOf(ResponseError);
        expect(method === 'rename' || method === 'prepareRename').toBe(true);
        expect((err as ResponseError<unknown>).message.length).toBeGreaterThan(10);
      }
      answered++;
    }
    expect(answered).toBe(150);
    expect(client.proc.exitCode).toBeNull();
    expect(client.loggedErrors).toEqual([]);

    // Back to the real definition: the diagnostics are exactly lint()'s.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: offsetToPos(text, text.length) }, text: full }]);
    const final = await client.current(uri);
    expect(final.map((d) => [d.code, d.message, d.range])).toEqual(lint(full, { fileName: `def.${ext}` }).diagnostics.map((d) => [d.code, d.message, d.range]));
  }, 90_000);
});

it('the server is still healthy after the fuzzing', async () => {
  expect(client.stderr).toBe('');
  expect(await client.shutdown()).toBe(0);
});
