/**
 * The fuzz's shared generators: seeded randomness, the value model (plain JSON plus raw number
 * literals and duplicate keys, which JSON.stringify cannot write) and its serializer, and the
 * generators of strings, keys, values, states and Choice rules. Used by every file in test/fuzz/.
 */
import { allRules } from '../../src/index.js';
import { STATE_TYPES } from '../../src/lang/state-fields.js';

/** Iterations of the seeded runs (CI: a small, fixed number; FUZZ_ITERATIONS to hunt locally). */
export const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 60);
export const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
export const DUMP = process.env.FUZZ_DUMP;
/** A definition under this size must be analysed within CALL_BUDGET_MS. */
export const SMALL = 100_000;
export const CALL_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 2000);

// ---------------------------------------------------------------------------------------------
// Seeded randomness

export class Rand {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Values: plain JSON plus two things JSON.stringify cannot write (raw number literals such as
// 1e400, and duplicate keys), which a hand-written serializer emits.

export type Val = null | boolean | number | string | RawNumber | Val[] | { [k: string]: Val };
export type Obj = { [k: string]: Val };

export class RawNumber {
  constructor(readonly text: string) {}
}

/** Extra `"key": value` members written after an object's own (duplicate keys). */
export const DUPS = new WeakMap<object, [string, Val][]>();

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawNumber);
}

export function toJson(v: Val, indent: string, depth = 0): string {
  // Deep values are written compactly: indentation would grow the text quadratically.
  const ind = depth > 40 ? '' : indent;
  const nl = ind ? '\n' + ind.repeat(depth + 1) : '';
  const end = ind ? '\n' + ind.repeat(depth) : '';
  if (v instanceof RawNumber) return v.text;
  if (Array.isArray(v)) return v.length ? '[' + v.map((x) => nl + toJson(x, indent, depth + 1)).join(',') + end + ']' : '[]';
  if (isObj(v)) {
    const entries: [string, Val][] = [...Object.entries(v), ...(DUPS.get(v) ?? [])];
    if (!entries.length) return '{}';
    return '{' + entries.map(([k, x]) => nl + JSON.stringify(k) + (ind ? ': ' : ':') + toJson(x, indent, depth + 1)).join(',') + end + '}';
  }
  return JSON.stringify(v) ?? 'null';
}

/** For YAML: raw numbers become numbers (1e400 is Infinity: .inf), duplicates are lost. */
export function plain(v: Val): unknown {
  if (v instanceof RawNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(plain);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export function clone(v: Val): Val {
  if (Array.isArray(v)) return v.map(clone);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Rule ids and AWS codes, for directives and rule settings. */
export const RULE_NAMES = [...allRules.map((r) => r.meta.id), ...allRules.map((r) => r.meta.code)];
export const SETTINGS = ['off', 'warn', 'error', 'WARNING', 'ERROR'] as const;

export { STATE_TYPES };

export const FIELDS = [
  'Type',
  'Next',
  'End',
  'Comment',
  'Resource',
  'Parameters',
  'Arguments',
  'Output',
  'Assign',
  'ResultPath',
  'InputPath',
  'OutputPath',
  'ResultSelector',
  'Retry',
  'Catch',
  'Choices',
  'Default',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'ItemReader',
  'ItemSelector',
  'ItemBatcher',
  'ResultWriter',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'Error',
  'ErrorPath',
  'Cause',
  'CausePath',
  'Result',
  'Credentials',
  'Version',
  'StartAt',
  'States',
  'QueryLanguage',
  'Variable',
  'StringEquals',
  'StringEqualsPath',
  'StringMatches',
  'NumericGreaterThan',
  'NumericLessThanEqualsPath',
  'BooleanEquals',
  'TimestampEquals',
  'IsPresent',
  'IsNull',
  'And',
  'Or',
  'Not',
  'Condition',
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'ProcessorConfig',
  'Mode',
  'ExecutionType',
  'Label',
  'ItemsPath',
  'Items',
  'ReaderConfig',
  'MaxItems',
  'MaxItemsPath',
  'CSVHeaderLocation',
  'CSVHeaders',
  'InputType',
  'MaxItemsPerBatch',
  'MaxInputBytesPerBatch',
  'BatchInput',
  'Bucket',
  'Prefix',
  'WriterConfig',
  'OutputType',
  'Transformation',
  'RoleArn',
  'RoleArn.$',
  'Payload.$',
  'FunctionName',
  'TableName',
  'Key',
  'Input.$',
  'StateMachineArn',
  'x.$',
  'Sub.$',
  '$x',
  'a.b',
  'Message',
];

const STRINGS = [
  '',
  ' ',
  '$',
  '$.',
  '$.a',
  '$.a.b[0]',
  '$$.Map.Item.Value',
  '$$.Execution.Input',
  '$$',
  '$[0]',
  '$..a',
  '$.a[?(@.b > 1)]',
  '$.a[',
  '$.a[*]',
  '$.a..',
  '$.a.length()',
  '$states.input',
  '$myVar',
  '$myVar.field',
  '$var.',
  '$$.Task.Token',
  '{% %}',
  '{%%}',
  '{% $states.input %}',
  '{% $states.input.a + %}',
  '{% $sum( %}',
  '{% $notAFunction(1) %}',
  '{% $states.context.Execution.Id %}',
  '{% $states.result %}',
  '{% $states.errorOutput %}',
  '{% $x := 1 %}',
  '{% ($a := 1; $a) %}',
  '{% $states %}',
  '{% $ %}',
  '{% $$ %}',
  '{%',
  '%}',
  '{% "unterminated %}',
  '{% /regex %}',
  '{% function($x){$x} %}',
  '{% $eval("1") %}',
  '{% $partition([1,2], 1) %}',
  '{% $parse("{}") %}',
  '${X}',
  '${Token[TOKEN.123]}',
  '#{AWS::Region}',
  '${X',
  '${}',
  '$${X}',
  '${AWS::Region}',
  '${a.b}',
  '${{x}}',
  'arn:aws:states:::lambda:invoke',
  'arn:aws:states:::lambda:invoke.waitForTaskToken',
  'arn:aws:states:::sqs:sendMessage.sync',
  'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}',
  'arn:aws:states:::aws-sdk:s3:getObject',
  'arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken',
  'arn:aws:states:::aws-sdk:',
  'arn:aws:states:::aws-sdk:nope:nope',
  'arn:aws:states:::',
  'arn:',
  'arn:aws:lambda:us-east-1:123456789012:function:f',
  'arn:aws:states:::states:startExecution.sync:2',
  'arn:aws:states:::http:invoke',
  'arn:aws:states:::activity',
  'arn:aws:states:us-east-1:123456789012:activity:a',
  'arn:aws:states:::glue:startJobRun.sync',
  'arn:aws:states:::ecs:runTask.waitForTaskToken',
  'arn:aws:states:::batch:submitJob.sync',
  "States.Format('{}', $.a",
  "States.Format('{}', $.a)",
  "States.Format('{}{}', $.a)",
  'States.Format(',
  'States.Array(',
  "States.Array($.a, 1, 'x', null, true)",
  'States.JsonMerge($.a, $.b, false)',
  "States.Hash($.a, 'SHA-1')",
  "States.Hash($.a, 'MD6')",
  'States.StringToJson(',
  'States.MathAdd(1, 2, 3)',
  'States.UUID()',
  'States.Nope()',
  'States.ArrayRange(1, 100000000, 0)',
  'States.ArrayGetItem($.a, -1)',
  'States.MathRandom(5, 1)',
  "States.StringSplit($.a, '')",
  "States.Base64Decode('%%%')",
  "States.Format('\\'{}\\'', $$.Execution.Id)",
  'States.Format(States.Format(',
  "States.Format('{}', ",
  'States.ArrayLength(States.Array())',
  'States.JsonToString($)',
  'States.Format($.a, $.b)',
  'States.',
  'States',
  'States.TaskFailed',
  'States.ALL',
  'States.Timeout',
  'States.Runtime',
  'States.Permissions',
  'Lambda.ServiceException',
  'States.HeartbeatTimeout',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.ItemReaderFailed',
  'Custom.Error',
  '2016-03-14T01:59:00Z',
  '2016-03-14T01:59:00.123+05:30',
  'not-a-date',
  '2016-13-45T99:99:99Z',
  'INLINE',
  'DISTRIBUTED',
  'EXPRESS',
  'STANDARD',
  'JSONata',
  'JSONPath',
  'jsonata',
  'FULL',
  'NONE',
  'FIRST_ROW',
  'GIVEN',
  'CSV',
  'JSON',
  'JSONL',
  'MANIFEST',
  'PARQUET',
  'COMPACT',
  'FLATTEN',
  'COMBINE',
  'JSON_ARRAY',
  'NO_COLUMNS',
  'true',
  'false',
  'null',
  '0',
  '-1',
  '1e400',
  'Infinity',
  '\u0000',
  '\u0001\u0002\u001f',
  '\u200b',
  '\ud800',
  '\udfff\ud800',
  '\u{1F600}',
  'é',
  'ñame',
  '\t\n\r',
  '\u2028\u2029',
  '\ufeff',
  '<script>',
  '%s%s%n',
  '\\',
  '"',
  "'",
  '`',
  '{}',
  '[]',
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'valueOf',
];

export const NUMBERS: Val[] = [
  0,
  1,
  -1,
  2,
  0.5,
  -0.5,
  3.14159,
  60,
  99999999,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 53,
  1e21,
  1e-7,
  1e308,
  new RawNumber('1e400'),
  new RawNumber('-1e400'),
  new RawNumber('1E-400'),
  new RawNumber('-0'),
  new RawNumber('1.0'),
  new RawNumber('9007199254740993'),
  new RawNumber('123456789012345678901234567890'),
  new RawNumber('0.0000000000000000001'),
  new RawNumber('100000000000000000000000000000000000000000000000000.5'),
  new RawNumber('2.0e1'),
];

const JUNK = 'abcXYZ019 _-.,:;$@?*!#%&|^~=+<>()[]{}\'"\\/\n\t\u0000\u0007\u007f\u00e9\u200b\ud83d\ude00\u2028';

export class Gen {
  constructor(
    readonly r: Rand,
    readonly names: string[],
  ) {}

  junk(max = 24): string {
    let s = '';
    const n = this.r.int(max + 1);
    for (let i = 0; i < n; i++) s += JUNK[this.r.int(JUNK.length)];
    return s;
  }

  string(): string {
    const r = this.r;
    switch (r.int(10)) {
      case 0:
        return this.junk();
      case 1: {
        // A truncated known string: intrinsics and JSONata cut mid-way.
        const s = r.pick(STRINGS);
        return s.slice(0, r.int(s.length + 1));
      }
      case 2:
        return `{% ${this.junk(16)} %}`;
      case 3:
        return r.pick(this.names.length ? this.names : ['A']);
      case 4:
        return r.chance(0.3) ? 'x'.repeat(1000 + r.int(60_000)) : 'y'.repeat(r.int(300));
      case 5:
        return `States.${r.pick(['Format', 'Array', 'JsonMerge', 'MathAdd', 'StringSplit', 'Hash', 'ArrayPartition', 'Nope'])}(${this.junk(12)}`;
      case 6:
        return `\${${this.junk(6)}}` + r.pick(['', ':x', 'abc']);
      case 7:
        return `$.${this.junk(10)}`;
      default:
        return r.pick(STRINGS);
    }
  }

  key(): string {
    const r = this.r;
    switch (r.int(6)) {
      case 0:
        return this.junk(12);
      case 1:
        return r.pick(STRINGS);
      case 2:
        return r.pick(FIELDS) + r.pick(['', '.$', '$', ' ']);
      case 3:
        return r.chance(0.2) ? 'K'.repeat(r.int(3000)) : r.pick(this.names.length ? this.names : ['A']);
      default:
        return r.pick(FIELDS);
    }
  }

  value(depth = 0): Val {
    const r = this.r;
    switch (r.int(depth > 3 ? 7 : 11)) {
      case 0:
        return null;
      case 1:
        return r.chance(0.5);
      case 2:
      case 3:
        return r.pick(NUMBERS);
      case 4:
        return r.int(1000) - 100;
      case 5:
      case 6:
        return this.string();
      case 7:
        return Array.from({ length: r.int(5) }, () => this.value(depth + 1));
      case 8:
        return Object.fromEntries(Array.from({ length: r.int(5) }, () => [this.key(), this.value(depth + 1)]));
      case 9:
        return this.state(depth + 1);
      default:
        return this.choiceRule(depth + 1);
    }
  }

  state(depth = 0): Obj {
    const r = this.r;
    const s: Obj = { Type: r.chance(0.9) ? r.pick(STATE_TYPES) : this.string() };
    const n = r.int(5);
    for (let i = 0; i < n; i++) s[r.pick(FIELDS)] = depth > 4 ? this.string() : this.value(depth + 1);
    if (r.chance(0.5)) s.Next = this.string();
    else if (r.chance(0.5)) s.End = r.chance(0.8) ? true : this.value(depth + 1);
    return s;
  }

  choiceRule(depth = 0): Obj {
    const r = this.r;
    if (depth < 6 && r.chance(0.3)) {
      const op = r.pick(['And', 'Or', 'Not']);
      const rule: Obj = { [op]: op === 'Not' ? this.choiceRule(depth + 1) : Array.from({ length: r.int(3) }, () => this.choiceRule(depth + 1)) };
      if (depth === 0) rule.Next = this.string();
      return rule;
    }
    const rule: Obj = r.chance(0.3)
      ? { Condition: this.string() }
      : {
          Variable: this.string(),
          [r.pick(['StringEquals', 'NumericEquals', 'BooleanEquals', 'IsPresent', 'StringMatches', 'TimestampLessThanPath', 'NumericGreaterThanEqualsPath', 'IsNumeric', 'Nope'])]: this.value(
            depth + 3,
          ),
        };
    if (depth === 0 || r.chance(0.1)) rule.Next = this.string();
    return rule;
  }

  scope(depth = 0): Obj {
    const states: Obj = {};
    const n = 1 + this.r.int(3);
    for (let i = 0; i < n; i++) states[this.r.pick(['A', 'B', 'C', this.key()])] = this.state(depth + 1);
    return { StartAt: this.r.pick([...Object.keys(states), this.string()]), States: states };
  }
}

// ---------------------------------------------------------------------------------------------
// One definition with every kind of name (states, types, fields, services, functions, variables,
// errors), the base of the Object.prototype names and the expression soups.

/** Every kind of name in one definition: states, types, fields, services, functions, variables, errors. */
export const RICH: Val = {
  Comment: 'names',
  StartAt: 'Task',
  States: {
    Task: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'FunctionName.$': '$.fn', 'x.$': "States.Format('{}', $.a)", 'y.$': 'States.Array($.a)', z: 'lit' },
      ResultSelector: { 'p.$': '$.Payload' },
      Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2, JitterStrategy: 'FULL' }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fail', ResultPath: '$.err' }],
      Assign: { count: 1, 'name.$': '$.name' },
      TimeoutSeconds: 30,
      Next: 'Sdk',
    },
    Sdk: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, Next: 'Choice' },
    Choice: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.a', StringEquals: 'x', Next: 'Wait' },
        { And: [{ Variable: '$.b', NumericGreaterThan: 1 }, { Not: { Variable: '$.c', IsPresent: true } }], Next: 'Map' },
      ],
      Default: 'Ata',
    },
    Wait: { Type: 'Wait', Seconds: 1, Next: 'Par' },
    Par: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Pass', Result: { a: 1 }, End: true } } }],
      Next: 'Map',
    },
    Map: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'M1', States: { M1: { Type: 'Pass', End: true } } },
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'b', Key: 'k' } },
      Label: 'lbl',
      MaxConcurrency: 5,
      Next: 'Ata',
    },
    Ata: {
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'f', Payload: '{% $merge([$states.input, {"n": $count}]) %}' },
      Output: '{% $states.result.Payload %}',
      Assign: { total: '{% $sum($states.result.Payload.items) %}' },
      Next: 'AtaChoice',
    },
    AtaChoice: { Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: '{% $total > 1 %}', Next: 'Done' }], Default: 'Fail' },
    Done: { Type: 'Succeed' },
    Fail: { Type: 'Fail', Error: 'Custom.Error', Cause: 'because' },
  },
};
