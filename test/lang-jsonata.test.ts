/** JSONata: delimiters, lazy loading, parse errors, the analysis AWS's checks rest on, and the JSONata rules' diagnostics. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyzeJsonata, expressionText, isJsonataExpression } from '../src/lang/jsonata.js';
import { lint, validate } from '../src/index.js';

const loadedJsonata = () => Object.keys(createRequire(import.meta.url).cache).some((k) => /[\\/]node_modules[\\/]jsonata[\\/]/.test(k));

describe('lazy loading', () => {
  it('does not load the jsonata module for a JSONPath definition, and loads it for a JSONata one', () => {
    // This test runs first in its file: nothing has parsed JSONata yet in this worker.
    lint('{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a.$": "$.a"}, "End": true}}}');
    expect(loadedJsonata()).toBe(false);
    lint('{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% 1 %}", "End": true}}}');
    expect(loadedJsonata()).toBe(true);
  });
});

describe('delimiters', () => {
  it.each([
    ['{% $x %}', true],
    ['{%$x%}', true],
    ['{%%}', true],
    [' {% $x %}', false],
    ['{% $x %} ', false],
    ['{% $x', false],
    ['text {% $x %}', false],
  ])('%j is an expression: %s', (s, yes) => {
    expect(isJsonataExpression(s)).toBe(yes);
  });
  it('keeps the text between the delimiters as is', () => {
    expect(expressionText('{% a %}')).toBe(' a ');
  });
});

describe('analyzeJsonata: top-level references (as AWS measures them)', () => {
  const names = (e: string) => analyzeJsonata(e).topLevel.map((t) => t.name);
  it.each([
    'phone',
    'phone[0].number',
    '-phone',
    'phone ? 1 : 2',
    "phone & 'x'",
    '$sum(phone)',
    'phone ~> $string()',
    '[1..phone]',
    '(phone).other',
    '{phone: 1}',
    '($x := phone; $x)',
    '$map($states.input.a, function($y){ phone })',
    '$count(phone[inner])',
    'phone.**.deeper',
    '`phone`.x',
  ])('%s reads phone at the top level', (e) => {
    expect(names(e)).toEqual(['phone']);
  });
  it.each([
    '$states.input.phone',
    '$states.input.items[phone > 3]',
    '$states.input.a^(phone)',
    "$states.input.a{'k': phone}",
    '$phone',
    '**.phone',
    "$states.input ~> |phone|{'b': 1}|",
    'function($x){ $x.phone }',
    "'phone'",
    '$now()',
    '$states.input.a[$ > 1]',
  ])('%s reads nothing at the top level', (e) => {
    expect(names(e)).toEqual([]);
    expect(analyzeJsonata(e).rootReference).toBeUndefined();
  });
  it("names the context item '$' and reports '$$' apart", () => {
    expect(names('$.phone')).toEqual(['$']);
    expect(names('$string($)')).toEqual(['$']);
    expect(analyzeJsonata('$$.phone').rootReference).toEqual({ start: 0, end: 2 });
    expect(names('$$')).toEqual([]);
  });
  it('reports each distinct name once, in writing order, with its range', () => {
    expect(analyzeJsonata('bbb + aaa + bbb').topLevel).toEqual([
      { name: 'bbb', start: 0, end: 3 },
      { name: 'aaa', start: 6, end: 9 },
    ]);
    expect(analyzeJsonata('`my field` + 1').topLevel).toEqual([{ name: 'my field', start: 0, end: 10 }]);
  });
});

describe('analyzeJsonata: $states, variables and calls', () => {
  it('collects $states members, free variables and calls with their argument counts', () => {
    const a = analyzeJsonata('($n := $count($states.input.items); $states.result.x & $states.errorOutput & $limit & $uuid() & $states.input ~> $substring(1))');
    expect(a.states.map((s) => s.member)).toEqual(['input', 'result', 'errorOutput', 'input']);
    expect(a.variables.map((v) => v.name)).toEqual(['limit']);
    expect(a.calls.map((c) => [c.name, c.args])).toEqual([
      ['count', 1],
      ['uuid', 0],
      ['substring', 2],
    ]);
  });
  it('does not count functions and parameters defined inside the expression', () => {
    const a = analyzeJsonata('($f := function($v){ $v * $k }; $f(2))');
    expect(a.variables.map((v) => v.name)).toEqual(['k']);
    expect(a.calls).toEqual([]);
  });
  it('marks partial applications', () => {
    expect(analyzeJsonata('$substring(?, 1)').calls[0]).toMatchObject({ name: 'substring', partial: true });
  });
});

describe('analyzeJsonata: syntax errors (AWS prints the parser message without its code)', () => {
  it.each([
    ['a[1,2)', 'Expected "]", got ","', 3, 4],
    ['"unterminated', 'String literal must be terminated by a matching quote', 13, 13],
    ['1 +', 'Unexpected end of expression', 3, 3],
    ['{"a":}', 'The symbol "}" cannot be used as a unary operator', 5, 6],
    ['$x :=', 'Unexpected end of expression', 5, 5],
    ['$match("a", /abc', 'No terminating / in regular expression', 16, 16],
    ['phone %.other', 'The symbol "." cannot be used as a unary operator', 7, 8],
    ['', 'Unexpected end of expression', 0, 0],
  ])('%j', (e, message, start, end) => {
    expect(analyzeJsonata(e).error).toEqual({ message, start, end });
  });
  it('caches: the same text gives the same analysis object', () => {
    expect(analyzeJsonata('$states.input.a')).toBe(analyzeJsonata('$states.input.a'));
  });
});

function diags(text: string) {
  return lint(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, location: d.location, line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message }));
}
const jsonata = (states: string) => `{"QueryLanguage": "JSONata", "StartAt": "S", "States": {${states}}}`;

describe('JSONata rules', () => {
  it('read the fields AWS reads (numbers as expressions, Choice conditions, catchers, Map fields) and leave the others', () => {
    const text = jsonata(
      [
        '"S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Comment": "{% nope %}", "TimeoutSeconds": "{% a %}",',
        ' "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% b %}", "Next": "C"}], "Next": "C"},',
        '"C": {"Type": "Choice", "Choices": [{"Condition": "{% c %}", "Next": "M"}], "Default": "M"},',
        '"M": {"Type": "Map", "Items": "{% d %}", "MaxConcurrency": "{% e %}", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "End": true}',
      ].join('\n'),
    );
    expect(diags(text).map((d) => `${d.location} ${d.message}`)).toEqual([
      "/States/S/TimeoutSeconds Reference to 'a' at the top level is not supported.",
      "/States/S/Catch[0]/Output Reference to 'b' at the top level is not supported.",
      "/States/C/Choices[0]/Condition Reference to 'c' at the top level is not supported.",
      "/States/M/Items Reference to 'd' at the top level is not supported.",
      "/States/M/MaxConcurrency Reference to 'e' at the top level is not supported.",
    ]);
  });

  it('use the effective language of each state (JSONata state in a JSONPath machine, not the reverse)', () => {
    const text =
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% x %}", "Next": "B"}, "B": {"Type": "Pass", "Parameters": {"y": "{% y %}"}, "End": true}}}';
    expect(diags(text).map((d) => `${d.code} ${d.location}`)).toEqual(['UNSUPPORTED_JSONATA_EXPRESSION /States/A/Output']);
  });

  it('point a syntax error at the token inside a string with escapes', () => {
    const text = jsonata('"S": {"Type": "Pass", "Output": "{% \\"a\\" & [1,2) %}", "End": true}');
    const [d] = lint(text).diagnostics;
    expect(d.code).toBe('INVALID_JSONATA_EXPRESSION');
    expect(d.message).toBe('Expected "]", got ")"');
    expect(text.slice(d.offset, d.offset + d.length)).toBe(')');
  });

  it('leave expressions with deploy-time placeholders alone unless they parse', () => {
    expect(diags(jsonata('"S": {"Type": "Pass", "Output": {"a": "{% $states.input.${Field} %}", "b": "{% ${Expr} %}"}, "End": true}'))).toEqual([]);
    expect(diags(jsonata('"S": {"Type": "Pass", "Output": "{% x & \'${Suffix}\' %}", "End": true}')).map((d) => d.message)).toEqual(["Reference to 'x' at the top level is not supported."]);
  });

  it('maps thousands of findings inside one long string with escapes, each to its own token (issue 9: was quadratic)', () => {
    // Each finding mapped its position by walking the whole string again, and located the
    // string's end again across every \" in it: 72 s for 7,000 references in 139 KB.
    const n = 3000;
    const expr = Array.from({ length: n }, (_, k) => `a${k}, "\u00e9"`).join(', ');
    const text = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Pass', Output: `{% [${expr}] %}`, End: true } } });
    const found = lint(text).diagnostics;
    expect(found).toHaveLength(n);
    expect(found.map((d) => text.slice(d.offset, d.offset + d.length))).toEqual(Array.from({ length: n }, (_, k) => `a${k}`));
    const v = validate(text);
    expect([v.result, v.diagnostics.length, v.truncated, v.diagnostics[99].message]).toEqual(['FAIL', 100, true, "Reference to 'a99' at the top level is not supported."]);
  });

  it('keeps whole strings and expressions apart in the analysis cache (issue 11)', () => {
    // S's expression, with its placeholder stood in, is the text '{% $__placeholder %}', which is
    // B's whole string: one shared cache answered B with S's syntax error.
    const text = jsonata('"S": {"Type": "Pass", "Output": "{%{% ${X} %}%}", "Next": "B"}, "B": {"Type": "Pass", "Output": "{% $__placeholder %}", "End": true}');
    expect(diags(text).map((d) => `${d.code} ${d.location}`)).toEqual(['LINT_VARIABLE_UNASSIGNED /States/B/Output']);
    expect(analyzeJsonata('{% $__placeholder %}').error?.message).toBeDefined();
  });

  it('$states.result where a result exists: Map and Parallel Output; not in a Choice rule or a catcher', () => {
    const text = jsonata(
      [
        '"S": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}], "Output": "{% $states.result %}",',
        ' "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.result %}", "Next": "C"}], "Next": "C"},',
        '"C": {"Type": "Choice", "Choices": [{"Condition": "{% true %}", "Output": "{% $states.result %}", "Next": "D"}], "Default": "D"},',
        '"D": {"Type": "Succeed"}',
      ].join('\n'),
    );
    expect(diags(text).map((d) => `${d.code} ${d.location} ${d.line}:${d.column}`)).toEqual([
      'LINT_JSONATA_STATES_FIELD /States/S/Catch[0]/Output 2:58',
      'LINT_JSONATA_STATES_FIELD /States/C/Choices[0]/Output 3:79',
    ]);
  });
});
