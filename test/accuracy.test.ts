/**
 * Issue 10: what AWS refuses that was accepted, where the linter was stricter than any evidence,
 * and messages people can act on. Exact codes, locations, ranges and fix results.
 */
import { describe, expect, it } from 'vitest';
import { lint, validate, type Diagnostic } from '../src/index.js';
import type { Fix } from '../src/types.js';

/** `code severity location line:col-line:col` (one-based), with the text the range covers. */
function show(text: string, d: Diagnostic): string {
  const r = d.range;
  return `${d.code} ${d.severity} ${d.location} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${text.slice(d.offset, d.offset + d.length)}`;
}
const diags = (text: string, format: 'json' | 'yaml' = 'json') => lint(text, { format }).diagnostics.map((d) => show(text, d));
const by = (text: string, rule: string, format: 'json' | 'yaml' = 'json') => lint(text, { format }).diagnostics.filter((d) => d.rule === rule);

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

const pass = (fields: Record<string, unknown>) => JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', ...fields, End: true } } });
const processor = { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } };

describe("§1 keys that collide once '.$' is stripped", () => {
  it('is an error at the object holding both, on the second key, in validate() too', () => {
    const text = pass({ Parameters: { a: 1, 'a.$': '$.x' } });
    expect(diags(text)).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/P/Parameters 1:65-1:70 "a.$"']);
    expect(validate(text)).toEqual({
      result: 'FAIL',
      diagnostics: [
        { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: "The field 'a' is set twice: 'a' and 'a.$' name the same field once '.$' is stripped", location: '/States/P/Parameters' },
      ],
      truncated: false,
    });
  });

  it('reports the plain key when it comes second', () => {
    const text = pass({ Parameters: { 'a.$': '$.x', a: 1 } });
    expect(diags(text)).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/P/Parameters 1:71-1:74 "a"']);
  });

  it('applies to every payload template and to JSONPath Assign, at any depth and in arrays', () => {
    const text = JSON.stringify({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { deep: { list: [1, { k: 1, 'k.$': '$.k' }] } },
          ResultSelector: { r: 1, 'r.$': '$.r' },
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { e: 1, 'e.$': '$.e' }, Next: 'C' }],
          Next: 'C',
        },
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Assign: { c: 1, 'c.$': '$.c' }, Next: 'M' }], Default: 'M' },
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', 'Bucket.$': '$.b', Key: 'k' } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Prefix: 'p', 'Prefix.$': '$.p', Bucket: 'b' } },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor },
          End: true,
        },
      },
    });
    expect(by(text, 'template-key-collision').map((d) => `${d.location} ${text.slice(d.offset, d.offset + d.length)}`)).toEqual([
      '/States/T/Parameters/deep/list[1] "k.$"',
      '/States/T/ResultSelector "r.$"',
      '/States/T/Catch[0]/Assign "e.$"',
      '/States/C/Choices[0]/Assign "c.$"',
      '/States/M/ItemReader/Parameters "Bucket.$"',
      '/States/M/ResultWriter/Parameters "Prefix.$"',
    ]);
  });

  it('leaves JSONata fields (where .$ keys are not evaluated) and Credentials (field-exclusive) alone', () => {
    const jsonata = JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { a: 1, 'a.$': 'x' }, End: true } } });
    expect(by(jsonata, 'template-key-collision')).toEqual([]);
    const cred = JSON.stringify({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/R', 'RoleArn.$': '$.r' }, End: true } },
    });
    expect(lint(cred).diagnostics.map((d) => `${d.rule} ${d.message}`)).toEqual(["field-exclusive Only one of 'RoleArn', 'RoleArn.$' may be set"]);
  });
});

describe('§1 Fail ErrorPath/CausePath', () => {
  it('take a reference path or one of the 7 string intrinsics; others are errors on the function name', () => {
    const ok = JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: "States.Format('E{}', States.ArrayLength($.a))", CausePath: 'States.UUID()' } } });
    expect(validate(ok).result).toBe('OK');
    const text = JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: 'States.StringToJson($.a)' } } });
    expect(diags(text)).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/F/ErrorPath 1:58-1:77 States.StringToJson']);
    expect(validate(text).diagnostics).toEqual([
      {
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: "The value for the field 'ErrorPath' must be a valid JSONPath or a valid intrinsic function call",
        location: '/States/F/ErrorPath',
      },
    ]);
  });
});

describe('§2 where the linter was stricter than any evidence', () => {
  it('a WriterConfig with only OutputType is valid', () => {
    const text = JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: processor, ResultWriter: { WriterConfig: { OutputType: 'JSONL' } }, End: true } } });
    expect(validate(text, { severity: 'WARNING' })).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it.each([
    ['arn:aws:lambda:region-1:1234567890:function:fn', "'region-1' is not an AWS region code (such as us-east-1) and '1234567890' is not a 12-digit AWS account ID."],
    ['arn:aws:lambda:us-east-1:42:function:fn', "'42' is not a 12-digit AWS account ID."],
    ['arn:aws:states:xyz:123456789012:activity:a', "'xyz' is not an AWS region code (such as us-east-1)."],
  ])('%s is a warning, not an error', (resource, message) => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, End: true } } });
    expect(validate(text)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    // validate() is AWS's answer: no LINT_* warnings there.
    expect(validate(text, { severity: 'WARNING' }).diagnostics).toEqual([]);
    expect(lint(text).diagnostics.map((d) => [d.code, d.severity, d.location, d.message, text.slice(d.offset, d.offset + d.length)])).toEqual([
      ['LINT_RESOURCE_REGION_ACCOUNT', 'WARNING', '/States/T/Resource', message, JSON.stringify(resource)],
    ]);
  });

  it('arn:aws:lambda:::function:x (deployed with both empty) is clean', () => {
    const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:::function:x', End: true } } });
    expect(lint(text).diagnostics).toEqual([]);
  });

  it('bedrockagentcore (from an AWS sample) is a known aws-sdk service', () => {
    for (const r of ['arn:aws:states:::aws-sdk:bedrockagentcore:invokeAgentRuntime', 'arn:aws:states:::aws-sdk:bedrockagentcorecontrol:listAgentRuntimes']) {
      const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: r, End: true } } });
      expect(lint(text).diagnostics).toEqual([]);
    }
  });

  it("Credentials {InvalidField} gives AWS's one diagnostic", () => {
    const text = JSON.stringify({ StartAt: 'State0', States: { State0: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { InvalidField: 'invalid' }, End: true } } });
    expect(validate(text)).toEqual({
      result: 'FAIL',
      diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: "The field 'RoleArn' is required but was missing", location: '/States/State0/Credentials' }],
      truncated: false,
    });
    expect(diags(text)).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/State0/Credentials 1:99-1:112 "Credentials"']);
  });
});

describe('§3 messages', () => {
  it('QueryLanguage inside States: one error and a fix moving it to the top level (JSON)', () => {
    const text =
      '{\n  "StartAt": "A",\n  "States": {\n    "QueryLanguage": "JSONata",\n    "A": {"Type": "Pass", "Output": "{% $states.input %}", "Next": "B"},\n    "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"}, "End": true}\n  }\n}';
    const ds = lint(text).diagnostics;
    expect(ds.map((d) => show(text, d))).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/QueryLanguage 4:5-4:20 "QueryLanguage"']);
    expect(validate(text).diagnostics).toHaveLength(1);
    const fixed = apply(text, ds[0].fixes![0]);
    expect(fixed).toBe(
      '{\n  "QueryLanguage": "JSONata",\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "Output": "{% $states.input %}", "Next": "B"},\n    "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"}, "End": true}\n  }\n}',
    );
    expect(validate(fixed)).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it('QueryLanguage inside States: the same in YAML, and a removal when the top level sets it', () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Output: "{% 1 %}"\n    End: true\n  QueryLanguage: JSONata\n';
    const ds = lint(yaml, { format: 'yaml' }).diagnostics;
    expect(ds.map((d) => show(yaml, d))).toEqual(['SCHEMA_VALIDATION_FAILED ERROR /States/QueryLanguage 7:3-7:16 QueryLanguage']);
    expect(apply(yaml, ds[0].fixes![0])).toBe('QueryLanguage: JSONata\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Output: "{% 1 %}"\n    End: true\n');
    const both = '{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}, "QueryLanguage": "JSONata"}}';
    const d = lint(both).diagnostics;
    expect(d.map((x) => x.message)).toEqual(["Expected value of type [OBJECT]. 'QueryLanguage' is not a state, and the top level already sets it: remove this one."]);
    expect(apply(both, d[0].fixes![0])).toBe('{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
  });

  it('an unknown intrinsic names itself once, with a did-you-mean or a link, never the list of 18', () => {
    const text = pass({ Parameters: { 'a.$': 'States.Default($.a)', 'b.$': 'States.ArrayLenght($.b)' } });
    expect(lint(text).diagnostics.map((d) => d.message)).toEqual([
      "The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call. 'States.Default' is not an intrinsic function (the 18 functions: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).",
      "The value for the field 'b.$' must be a valid JSONPath or a valid intrinsic function call. 'States.ArrayLenght' is not an intrinsic function; did you mean 'States.ArrayLength'?",
    ]);
  });

  it("lint() names the field where AWS's words do not; validate() keeps AWS's", () => {
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [], End: true } } });
    expect(lint(text).diagnostics.map((d) => d.message)).toEqual(["Value cannot be empty ('Branches' needs at least one item)"]);
    expect(validate(text).diagnostics.map((d) => d.message)).toEqual(['Value cannot be empty']);
  });
});
