/** JSONPath grammar (Jayway as AWS evaluates it, plus ASL's roots) and the path rules' diagnostics. */
import { describe, expect, it } from 'vitest';
import { parseJsonPath } from '../src/lang/jsonpath.js';
import { lint } from '../src/index.js';

const kinds = (s: string) => parseJsonPath(s)!.multi.map((m) => m.kind);

describe('parseJsonPath', () => {
  it('is undefined for strings that do not start with $', () => {
    expect(parseJsonPath('')).toBeUndefined();
    expect(parseJsonPath('a.b')).toBeUndefined();
    expect(parseJsonPath(' $.a')).toBeUndefined();
  });

  it.each([
    ['$', 'input', undefined],
    ['$.a.b', 'input', undefined],
    ['$$', 'context', undefined],
    ['$$.Execution.Input', 'context', undefined],
    ['$$.Map.Item.Value', 'context', undefined],
    ['$order', 'variable', 'order'],
    ['$order.lines[0]', 'variable', 'order'],
    ['$_tmp', 'variable', '_tmp'],
    ['$größe.x', 'variable', 'größe'],
  ])('%s has root %s', (s, root, variable) => {
    const info = parseJsonPath(s)!;
    expect(info.error).toBeUndefined();
    expect(info.root).toBe(root);
    expect(info.variable).toBe(variable);
  });

  it.each([
    '$.store.book',
    '$.store\\.book',
    '$.ledgers[0][22][315].foo',
    "$['store']['book']",
    '$.&Ж中.\uD800\uDF46',
    '$.[0]', // accepted by AWS (Jayway)
    '$.a-b.c:d',
    "$['a b', 'c']",
    '$[-1]',
    '$.a ', // trailing blanks are trimmed
  ])('%s is a valid path', (s) => {
    expect(parseJsonPath(s)!.error).toBeUndefined();
  });

  it.each([
    ['$.a..b', ['deep-scan']],
    ['$.a.*', ['wildcard']],
    ['$.a[*].b', ['wildcard']],
    ['$.a[0,1]', ['union']],
    ["$['a','b']", ['union']],
    ['$.a[1:3]', ['slice']],
    ['$.a[-1:]', ['slice']],
    ['$.a[?(@.x > 1)]', ['filter']],
    ["$.a[?(@.name == 'a)b')]", ['filter']],
    ['$[(@.length-1)].bar', ['script']],
    ['$.a.length()', ['function']],
    ['$..a[*]', ['deep-scan', 'wildcard']],
  ])('%s selects or computes more than one node: %j', (s, expected) => {
    const info = parseJsonPath(s)!;
    expect(info.error).toBeUndefined();
    expect(kinds(s)).toEqual(expected);
  });

  it.each([
    ['$.', "A path must not end with '.' or '..'", 1, 2],
    ['$.a..', "A path must not end with '.' or '..'", 3, 5],
    ['$.a b', "A field name with blanks must use bracket notation, e.g. ['my field']", 3, 4],
    ['$.a[', "Unclosed '['", 3, 4],
    ['$.a[]', "Empty brackets '[]'", 3, 5],
    ["$.a['b]", "Unclosed quote ' in a bracketed field name", 4, 7],
    ['$.a[x]', "Could not read '[x' at position 4: expected ?, ', 0-9 or *", 4, 5],
    ['$.a[1:2:3:4]', "Invalid array slice '[1:2:3:4]'", 3, 12],
    ['$.a[?(@.x]', "Unclosed '(' in a filter", 5, 6],
    ['$-a', "'$' must be followed by '.', '[', '$' or a variable name, not '-'", 1, 2],
    ['$.a)b', '', 0, 0],
  ])('%s is not a path: %s', (s, message, start, end) => {
    const info = parseJsonPath(s)!;
    if (message === '') {
      // Jayway reads ')' as part of a dot-notation name: not an error.
      expect(info.error).toBeUndefined();
      return;
    }
    expect(info.error).toEqual({ message, start, end });
  });
});

function diags(text: string) {
  return lint(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, location: d.location, line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message }));
}

const machine = (state: string) => `{"StartAt": "S", "States": {"S": ${state}}}`;

describe('path rules', () => {
  it.each([
    ['InputPath with the context object', machine('{"Type": "Pass", "InputPath": "$$.Execution.Input", "End": true}')],
    ['OutputPath with a filter', machine('{"Type": "Pass", "OutputPath": "$.a[?(@.b)]", "End": true}')],
    [
      'ItemsPath with the context object',
      machine('{"Type": "Map", "ItemsPath": "$$.Execution.Input.items", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}'),
    ],
    ['a placeholder path', machine('{"Type": "Pass", "InputPath": "${InputPath}", "ResultPath": "#{Path}", "End": true}')],
    ['JSONata states are not read as JSONPath', '{"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Pass", "Output": "$.not a path", "End": true}}}'],
    ['a null ResultPath', machine('{"Type": "Pass", "ResultPath": null, "End": true}')],
    [
      'TimeoutSecondsPath with a variable',
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"t": 5}, "Next": "S"}, "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecondsPath": "$t", "End": true}}}',
    ],
  ])('%s gives nothing', (_t, text) => {
    expect(diags(text)).toEqual([]);
  });

  it.each([
    [
      'a wildcard in ResultPath',
      machine('{"Type": "Pass", "ResultPath": "$.a[*]", "End": true}'),
      {
        code: 'SCHEMA_VALIDATION_FAILED',
        severity: 'ERROR',
        location: '/States/S/ResultPath',
        line: 1,
        column: 69,
        message: "Value is not a Reference Path. The wildcard '[*]' can select more than one node.",
      },
    ],
    [
      'a deep scan in a Choice *Path operator',
      '{"StartAt": "S", "States": {"S": {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringEqualsPath": "$..b", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}',
      {
        code: 'SCHEMA_VALIDATION_FAILED',
        severity: 'ERROR',
        location: '/States/S/Choices[0]/StringEqualsPath',
        line: 1,
        column: 107,
        message: "Value is not a Reference Path. The deep scan '..' can select more than one node.",
      },
    ],
    [
      'the context object in a Map number field',
      machine('{"Type": "Map", "MaxConcurrencyPath": "$$.Execution.Input.n", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}'),
      {
        code: 'SCHEMA_VALIDATION_FAILED',
        severity: 'ERROR',
        location: '/States/S/MaxConcurrencyPath',
        line: 1,
        column: 72,
        message: "Value is not a Reference Path. MaxConcurrencyPath cannot read the context object ('$$'); only ItemsPath can. Read the value from the state input or a variable.",
      },
    ],
    [
      'a nested Not/And rule',
      '{"StartAt": "S", "States": {"S": {"Type": "Choice", "Choices": [{"Not": {"And": [{"Variable": "$.a[0:2]", "IsPresent": true}]}, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}',
      {
        code: 'SCHEMA_VALIDATION_FAILED',
        severity: 'ERROR',
        location: '/States/S/Choices[0]/Not/And[0]/Variable',
        line: 1,
        column: 99,
        message: "Value is not a Reference Path. The slice '[0:2]' can select more than one node.",
      },
    ],
    [
      'a catcher ResultPath',
      machine('{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$$.x", "Next": "S"}], "End": true}'),
      {
        code: 'SCHEMA_VALIDATION_FAILED',
        severity: 'ERROR',
        location: '/States/S/Catch[0]/ResultPath',
        line: 1,
        column: 153,
        message: "Value is not a Reference Path. ResultPath cannot write into the context object ('$$'); it names a place in the state input ('$...').",
      },
    ],
  ])('%s', (_t, text, expected) => {
    expect(diags(text)).toEqual([expected]);
  });

  it('reports the offending character inside an escaped JSON string', () => {
    // "$.a\"b c" in JSON is the path $.a"b c: the blank is at index 6 of the value, column 73 of the text.
    const text = machine('{"Type": "Pass", "InputPath": "$.a\\"b c", "End": true}');
    const [d] = lint(text).diagnostics;
    expect(d.code).toBe('SCHEMA_VALIDATION_FAILED');
    expect(text.slice(d.offset, d.offset + d.length)).toBe(' ');
    expect(d.range.start.character + 1).toBe(text.indexOf(' c"') + 1);
  });
});
