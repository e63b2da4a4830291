/** Intrinsic function parser, function table and argument checks, and the intrinsic rules' diagnostics. */
import { describe, expect, it } from 'vitest';
import { checkArguments, INTRINSICS, startsLikeIntrinsicCall, parseIntrinsic, unknownFunctions, type IntrinsicArg } from '../src/lang/intrinsics.js';
import { lint } from '../src/index.js';

const args = (s: string) => parseIntrinsic(s).call!.args;
const simple = (a: IntrinsicArg) => (a.kind === 'call' ? { call: a.call.name } : a.kind === 'path' ? { path: a.text } : a.kind === 'null' ? null : a.value);

describe('parseIntrinsic', () => {
  it('reads every kind of argument', () => {
    const a = args("States.Array('a\\'b\\{\\}\\\\', 1, -2.5e3, true, false, null, $.x[0], $$.Execution.Id, $v.y, States.UUID())");
    expect(a.map(simple)).toEqual(["a'b{}\\", 1, -2500, true, false, null, { path: '$.x[0]' }, { path: '$$.Execution.Id' }, { path: '$v.y' }, { call: 'States.UUID' }]);
  });

  it('allows blanks between tokens and a path with a filter', () => {
    expect(args("  States.Format ( '{}' ,  $.a[?(@.b == 'x, y')] )").map(simple)).toEqual(['{}', { path: "$.a[?(@.b == 'x, y')]" }]);
  });

  it('records the positions of names and arguments', () => {
    const call = parseIntrinsic("States.Hash($.d, States.Format('x'))").call!;
    expect([call.nameStart, call.nameEnd, call.end]).toEqual([0, 11, 36]);
    expect(call.args.map((x) => [x.start, x.end])).toEqual([
      [12, 15],
      [17, 35],
    ]);
  });

  it.each([
    [
      "States.Format('a\\nb')",
      "The escape '\\n' is not allowed in an intrinsic function string literal: only \\', \\{, \\} and \\\\ are (a line break cannot be written in an intrinsic function)",
      16,
      18,
    ],
    ['States.Format(\'say \\"hi\\"\')', "The escape '\\\"' is not allowed in an intrinsic function string literal: only \\', \\{, \\} and \\\\ are", 19, 21],
    ["States.Format('open", "Unclosed string literal: missing the closing '", 14, 19],
    ['States.Array($.a', "Missing ')' to close 'States.Array('", 12, 16],
    ['States.Array($.a,)', "Expected an argument after ','", 17, 18],
    ['States.Array($.a $.b)', "Expected ',' or ')' but found '$'", 17, 18],
    ['States.Array(abc)', "'abc' is not an argument: string literals are written in single quotes ('abc'), paths start with '$'", 13, 16],
    ['States.Array("x")', 'String literals in intrinsic functions use single quotes, not double quotes', 13, 14],
    ['States.Array(1) x', "Unexpected text 'x' after the closing ')'", 16, 17],
    ['States.Array($.a b)', "Invalid path '$.a': A path must not end with '.' or '..'", 0, 0],
    ['States.Array(12abc)', "Invalid number '12a'", 13, 16],
  ])('%s does not parse', (s, message, start, end) => {
    const { error } = parseIntrinsic(s);
    if (start === 0 && end === 0) {
      // '$.a b': the path ends at the blank, then 'b' is unexpected.
      expect(error?.message).toBe("Expected ',' or ')' but found 'b'");
      return;
    }
    expect(error).toEqual({ message, start, end });
  });

  it('tells intrinsic calls from paths and text', () => {
    expect(startsLikeIntrinsicCall('States.Format(1)')).toBe(true);
    expect(startsLikeIntrinsicCall('  Foo.Bar (')).toBe(true);
    expect(startsLikeIntrinsicCall('$.a')).toBe(false);
    expect(startsLikeIntrinsicCall('hello (world)')).toBe(false);
  });
});

describe('function table', () => {
  it('has the 18 functions', () => {
    expect(Object.keys(INTRINSICS).sort()).toEqual(
      [
        'States.Array',
        'States.ArrayContains',
        'States.ArrayGetItem',
        'States.ArrayLength',
        'States.ArrayPartition',
        'States.ArrayRange',
        'States.ArrayUnique',
        'States.Base64Decode',
        'States.Base64Encode',
        'States.Format',
        'States.Hash',
        'States.JsonMerge',
        'States.JsonToString',
        'States.MathAdd',
        'States.MathRandom',
        'States.StringSplit',
        'States.StringToJson',
        'States.UUID',
      ].sort(),
    );
  });

  it('finds unknown names at any depth, case-sensitively', () => {
    const call = parseIntrinsic('States.Format(States.default($.a), States.uuid(), States.UUID())').call!;
    expect(unknownFunctions(call).map((c) => c.name)).toEqual(['States.default', 'States.uuid']);
    expect(unknownFunctions(parseIntrinsic('toString()').call!).map((c) => c.name)).toEqual(['toString']);
  });
});

describe('checkArguments', () => {
  const problems = (s: string) => checkArguments(parseIntrinsic(s).call!).map((p) => p.message);
  it.each([
    "States.Format('{} {}', $.a, 1)",
    "States.Format('\\{\\} {}', $.a)",
    'States.StringToJson($.s)',
    'States.JsonToString($.o)',
    'States.Array()',
    "States.Array(1, 'a', $.b, null)",
    'States.ArrayPartition($.a, 2)',
    'States.ArrayContains($.a, 3)',
    'States.ArrayRange(1, 999, 1)',
    'States.ArrayGetItem($.a, 0)',
    'States.ArrayLength(States.Array(1, 2))',
    'States.ArrayUnique($.a)',
    "States.Base64Encode('abc')",
    "States.Base64Decode('YWJj')",
    "States.Hash($.d, 'SHA-512')",
    'States.JsonMerge($.a, $.b, false)',
    'States.MathRandom(1, 10, 7)',
    'States.MathAdd($.n, -1)',
    "States.StringSplit('a,b', ',')",
    'States.UUID()',
  ])('%s is fine', (s) => {
    expect(problems(s)).toEqual([]);
  });

  it.each([
    ['States.Format()', 'States.Format takes at least 1 argument, not 0; it fails at run time with States.IntrinsicFailure'],
    ['States.MathRandom(1)', 'States.MathRandom takes 2 to 3 arguments, not 1; it fails at run time with States.IntrinsicFailure'],
    ["States.ArrayLength('abc')", 'The first argument of States.ArrayLength (array) must be an array, but this is a string'],
    ["States.ArrayLength(States.Format('x'))", 'The first argument of States.ArrayLength (array) must be an array, but States.Format(...) returns a string'],
    ['States.MathAdd(1.5, 2)', 'The first argument of States.MathAdd (number 1) must be an integer, but this is a number'],
    ["States.Format('{}', States.Array(1))", 'The second argument of States.Format (value) must be a string, number, boolean or null, but States.Array(...) returns an array'],
    ['States.ArrayRange(1, 10, 0)', 'The step of States.ArrayRange must not be 0'],
    ['States.ArrayRange(0, 2000, 1)', 'States.ArrayRange(0, 2000, 1) would produce 2001 items; at most 1000 are allowed'],
    ['States.ArrayPartition($.a, 0)', 'The chunk size of States.ArrayPartition must be a positive integer'],
    ['States.ArrayGetItem($.a, -1)', 'The index of States.ArrayGetItem must not be negative'],
    ["States.Hash($.a, 'sha256')", "'sha256' is not a hash algorithm States.Hash knows; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"],
    ['States.JsonMerge($.a, $.b, true)', 'States.JsonMerge supports only the shallow merge: the third argument must be false'],
    ["States.Base64Decode('not base64!')", "'not base64!' is not base64 data"],
    ["States.JsonToString('x')", 'The argument of States.JsonToString must be a path (or a call), not a literal'],
    ["States.Format('{}')", "The template has 1 '{}' placeholder but States.Format is given 0 values; the counts must match"],
  ])('%s: %s', (s, message) => {
    expect(problems(s)).toEqual([message]);
  });

  it('counts nesting depth and warns past 10', () => {
    const nest = (n: number): string => (n === 0 ? '$.a' : `States.ArrayUnique(${nest(n - 1)})`);
    expect(problems(nest(10))).toEqual([]);
    expect(problems(nest(11))).toEqual(['Intrinsic functions are nested 11 deep here; Step Functions allows at most 10 nested calls in one field']);
  });
});

function diags(text: string) {
  return lint(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, location: d.location, line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message }));
}

describe('intrinsic rules', () => {
  it('locate the unknown function name inside the value and the template field as location', () => {
    const text = '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a": {"b.$": "States.Format(\'{}\', States.Uuid())"}}, "End": true}}}';
    expect(diags(text)).toEqual([
      {
        code: 'SCHEMA_VALIDATION_FAILED',
        severity: 'ERROR',
        location: '/States/P/Parameters',
        line: 1,
        column: text.indexOf('States.Uuid') + 1,
        message: "The value for the field 'b.$' must be a valid JSONPath or a valid intrinsic function call. 'States.Uuid' is not an intrinsic function; did you mean 'States.UUID'?",
      },
    ]);
  });

  it('check ResultSelector, ItemSelector, Credentials and Assign values too', () => {
    const text = [
      '{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemSelector": {"i.$": "States.Nope()"}, "ResultSelector": {"r.$": "States.Array("},',
      '"ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Credentials": {"RoleArn.$": "States.Format(\'arn:{}\', $.r"}, "End": true}}},',
      '"Assign": {"x.$": "States.UUID(1)"}, "Next": "N"}, "N": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}}',
    ].join('\n');
    expect(diags(text).map((d) => `${d.code} ${d.location} ${d.line}:${d.column}`)).toEqual([
      'SCHEMA_VALIDATION_FAILED /States/M/ItemSelector 1:75',
      'SCHEMA_VALIDATION_FAILED /States/M/ResultSelector 1:131',
      'SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/States/T/Credentials 2:157',
      'LINT_INTRINSIC_ARGUMENTS /States/M/Assign 3:20',
    ]);
  });

  it('leave placeholders and JSONata states alone', () => {
    expect(diags('{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a.$": "${Expression}"}, "End": true}}}')).toEqual([]);
    expect(diags('{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"a": "States.Nope()"}, "End": true}}}')).toEqual([]);
  });

  it('the unparseable corpus: States.Default and a \\n in States.Format', () => {
    const text = '{"StartAt": "V", "States": {"V": {"Type": "Pass", "Parameters": {"url.$": "States.Default($.url, \'\')", "m.$": "States.Format(\'a\\\\nb\')"}, "End": true}}}';
    expect(diags(text).map((d) => d.message.split('. ')[1])).toEqual([
      "'States.Default' is not an intrinsic function (the 18 functions: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).",
      "The escape '\\n' is not allowed in an intrinsic function string literal: only \\', \\{, \\} and \\\\ are (a line break cannot be written in an intrinsic function).",
    ]);
  });
});
