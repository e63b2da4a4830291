/**
 * A seeded fuzz of the public API: validate(), lint() and lintFile() (plain files and templates),
 * over real-world definitions mutated on their parsed value (keys deleted, duplicated, renamed;
 * values replaced by other JSON types, placeholders, JSONata and intrinsic fragments, deep
 * nesting, long and odd strings; Type, QueryLanguage, Branches and ItemProcessor reshaped) and
 * on their text (truncations, insertions, deletions), in JSON and YAML, STANDARD and EXPRESS.
 *
 * Invariants: nothing throws; no INTERNAL_ERROR; every message is a readable sentence (no
 * "undefined", "[object Object]", "NaN", no ajv jargon); every range lies in the text and agrees
 * with its offsets; validate() says FAIL exactly when an ERROR exists; each call is quick.
 *
 * CI runs a small, fixed number of iterations. To hunt bugs locally:
 *   FUZZ_ITERATIONS=20000 FUZZ_SEED=7 FUZZ_DUMP=/tmp/fuzz npx vitest run test/fuzz.test.ts
 * (FUZZ_DUMP writes each failing input, with what broke, to that folder; FUZZ_BUDGET_MS lowers
 * the time a call may take, to find slow paths; FUZZ_STATS=1 prints the diagnostic codes reached).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { allRules, lint, validate, type Diagnostic, type RuleSetting, type StateMachineType } from '../src/index.js';
import { lintFile } from '../src/lint-file.js';
import { fixText } from '../src/fix/fix.js';
import { CORPUS, HAS_CORPUS, prng, definitionFiles as files } from './support.js';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const DUMP = process.env.FUZZ_DUMP;
/** A definition under this size must be analysed within CALL_BUDGET_MS. */
const SMALL = 100_000;
const CALL_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 2000);

// ---------------------------------------------------------------------------------------------
// Seeded randomness


class Rand {
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

type Val = null | boolean | number | string | RawNumber | Val[] | { [k: string]: Val };
type Obj = { [k: string]: Val };

class RawNumber {
  constructor(readonly text: string) {}
}

/** Extra `"key": value` members written after an object's own (duplicate keys). */
const DUPS = new WeakMap<object, [string, Val][]>();

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawNumber);
}

function toJson(v: Val, indent: string, depth = 0): string {
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
function plain(v: Val): unknown {
  if (v instanceof RawNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(plain);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function clone(v: Val): Val {
  if (Array.isArray(v)) return v.map(clone);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Rule ids and AWS codes, for directives and rule settings. */
const RULE_NAMES = [...allRules.map((r) => r.meta.id), ...allRules.map((r) => r.meta.code)];
const SETTINGS = ['off', 'warn', 'error', 'WARNING', 'ERROR'] as const;

const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

const FIELDS = [
  'Type', 'Next', 'End', 'Comment', 'Resource', 'Parameters', 'Arguments', 'Output', 'Assign', 'ResultPath', 'InputPath',
  'OutputPath', 'ResultSelector', 'Retry', 'Catch', 'Choices', 'Default', 'Branches', 'ItemProcessor', 'Iterator',
  'ItemReader', 'ItemSelector', 'ItemBatcher', 'ResultWriter', 'MaxConcurrency', 'MaxConcurrencyPath',
  'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath', 'ToleratedFailureCount', 'ToleratedFailureCountPath',
  'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Seconds', 'SecondsPath',
  'Timestamp', 'TimestampPath', 'Error', 'ErrorPath', 'Cause', 'CausePath', 'Result', 'Credentials', 'Version', 'StartAt',
  'States', 'QueryLanguage', 'Variable', 'StringEquals', 'StringEqualsPath', 'StringMatches', 'NumericGreaterThan',
  'NumericLessThanEqualsPath', 'BooleanEquals', 'TimestampEquals', 'IsPresent', 'IsNull', 'And', 'Or', 'Not',
  'Condition', 'ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy',
  'ProcessorConfig', 'Mode', 'ExecutionType', 'Label', 'ItemsPath', 'Items', 'ReaderConfig', 'MaxItems', 'MaxItemsPath',
  'CSVHeaderLocation', 'CSVHeaders', 'InputType', 'MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput',
  'Bucket', 'Prefix', 'WriterConfig', 'OutputType', 'Transformation', 'RoleArn', 'RoleArn.$', 'Payload.$', 'FunctionName',
  'TableName', 'Key', 'Input.$', 'StateMachineArn', 'x.$', 'Sub.$', '$x', 'a.b', 'Message',
];

const STRINGS = [
  '', ' ', '$', '$.', '$.a', '$.a.b[0]', '$$.Map.Item.Value', '$$.Execution.Input', '$$', '$[0]', '$..a', '$.a[?(@.b > 1)]',
  '$.a[', '$.a[*]', '$.a..', '$.a.length()', '$states.input', '$myVar', '$myVar.field', '$var.', '$$.Task.Token',
  '{% %}', '{%%}', '{% $states.input %}', '{% $states.input.a + %}', '{% $sum( %}', '{% $notAFunction(1) %}',
  '{% $states.context.Execution.Id %}', '{% $states.result %}', '{% $states.errorOutput %}', '{% $x := 1 %}',
  '{% ($a := 1; $a) %}', '{% $states %}', '{% $ %}', '{% $$ %}', '{%', '%}', '{% "unterminated %}', '{% /regex %}',
  '{% function($x){$x} %}', '{% $eval("1") %}', '{% $partition([1,2], 1) %}', '{% $parse("{}") %}',
  '${X}', '${Token[TOKEN.123]}', '#{AWS::Region}', '${X', '${}', '$${X}', '${AWS::Region}', '${a.b}', '${{x}}',
  'arn:aws:states:::lambda:invoke', 'arn:aws:states:::lambda:invoke.waitForTaskToken', 'arn:aws:states:::sqs:sendMessage.sync',
  'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}', 'arn:aws:states:::aws-sdk:s3:getObject',
  'arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken', 'arn:aws:states:::aws-sdk:', 'arn:aws:states:::aws-sdk:nope:nope',
  'arn:aws:states:::', 'arn:', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'arn:aws:states:::states:startExecution.sync:2',
  'arn:aws:states:::http:invoke', 'arn:aws:states:::activity', 'arn:aws:states:us-east-1:123456789012:activity:a',
  'arn:aws:states:::glue:startJobRun.sync', 'arn:aws:states:::ecs:runTask.waitForTaskToken', 'arn:aws:states:::batch:submitJob.sync',
  "States.Format('{}', $.a", "States.Format('{}', $.a)", "States.Format('{}{}', $.a)", "States.Format(", 'States.Array(',
  'States.Array($.a, 1, \'x\', null, true)', 'States.JsonMerge($.a, $.b, false)', "States.Hash($.a, 'SHA-1')",
  "States.Hash($.a, 'MD6')", 'States.StringToJson(', 'States.MathAdd(1, 2, 3)', 'States.UUID()', 'States.Nope()',
  'States.ArrayRange(1, 100000000, 0)', 'States.ArrayGetItem($.a, -1)', 'States.MathRandom(5, 1)', "States.StringSplit($.a, '')",
  "States.Base64Decode('%%%')", "States.Format('\\'{}\\'', $$.Execution.Id)", 'States.Format(States.Format(', "States.Format('{}', ",
  'States.ArrayLength(States.Array())', 'States.JsonToString($)', 'States.Format($.a, $.b)', 'States.', 'States',
  'States.TaskFailed', 'States.ALL', 'States.Timeout', 'States.Runtime', 'States.Permissions', 'Lambda.ServiceException',
  'States.HeartbeatTimeout', 'States.BranchFailed', 'States.NoChoiceMatched', 'States.ItemReaderFailed', 'Custom.Error',
  '2016-03-14T01:59:00Z', '2016-03-14T01:59:00.123+05:30', 'not-a-date', '2016-13-45T99:99:99Z', 'INLINE', 'DISTRIBUTED',
  'EXPRESS', 'STANDARD', 'JSONata', 'JSONPath', 'jsonata', 'FULL', 'NONE', 'FIRST_ROW', 'GIVEN', 'CSV', 'JSON', 'JSONL',
  'MANIFEST', 'PARQUET', 'COMPACT', 'FLATTEN', 'COMBINE', 'JSON_ARRAY', 'NO_COLUMNS', 'true', 'false', 'null', '0', '-1',
  '1e400', 'Infinity', '\u0000', '\u0001\u0002\u001f', '\u200b', '\ud800', '\udfff\ud800', '\u{1F600}', 'é', 'ñame', '\t\n\r',
  '\u2028\u2029', '\ufeff', '<script>', '%s%s%n', '\\', '"', "'", '`', '{}', '[]', 'toString', '__proto__', 'constructor',
  'hasOwnProperty', 'valueOf',
];

const NUMBERS: Val[] = [
  0, 1, -1, 2, 0.5, -0.5, 3.14159, 60, 99999999, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 1e21, 1e-7, 1e308,
  new RawNumber('1e400'), new RawNumber('-1e400'), new RawNumber('1E-400'), new RawNumber('-0'), new RawNumber('1.0'),
  new RawNumber('9007199254740993'), new RawNumber('123456789012345678901234567890'), new RawNumber('0.0000000000000000001'),
  new RawNumber('100000000000000000000000000000000000000000000000000.5'), new RawNumber('2.0e1'),
];

const JUNK = 'abcXYZ019 _-.,:;$@?*!#%&|^~=+<>()[]{}\'"\\/\n\t\u0000\u0007\u007f\u00e9\u200b\ud83d\ude00\u2028';

class Gen {
  constructor(readonly r: Rand, readonly names: string[]) {}

  junk(max = 24): string {
    let s = '';
    const n = this.r.int(max + 1);
    for (let i = 0; i < n; i++) s += JUNK[this.r.int(JUNK.length)];
    return s;
  }

  string(): string {
    const r = this.r;
    switch (r.int(10)) {
      case 0: return this.junk();
      case 1: {
        // A truncated known string: intrinsics and JSONata cut mid-way.
        const s = r.pick(STRINGS);
        return s.slice(0, r.int(s.length + 1));
      }
      case 2: return `{% ${this.junk(16)} %}`;
      case 3: return r.pick(this.names.length ? this.names : ['A']);
      case 4: return r.chance(0.3) ? 'x'.repeat(1000 + r.int(60_000)) : 'y'.repeat(r.int(300));
      case 5: return `States.${r.pick(['Format', 'Array', 'JsonMerge', 'MathAdd', 'StringSplit', 'Hash', 'ArrayPartition', 'Nope'])}(${this.junk(12)}`;
      case 6: return `\${${this.junk(6)}}` + r.pick(['', ':x', 'abc']);
      case 7: return `$.${this.junk(10)}`;
      default: return r.pick(STRINGS);
    }
  }

  key(): string {
    const r = this.r;
    switch (r.int(6)) {
      case 0: return this.junk(12);
      case 1: return r.pick(STRINGS);
      case 2: return r.pick(FIELDS) + r.pick(['', '.$', '$', ' ']);
      case 3: return r.chance(0.2) ? 'K'.repeat(r.int(3000)) : r.pick(this.names.length ? this.names : ['A']);
      default: return r.pick(FIELDS);
    }
  }

  value(depth = 0): Val {
    const r = this.r;
    switch (r.int(depth > 3 ? 7 : 11)) {
      case 0: return null;
      case 1: return r.chance(0.5);
      case 2:
      case 3: return r.pick(NUMBERS);
      case 4: return r.int(1000) - 100;
      case 5:
      case 6: return this.string();
      case 7: return Array.from({ length: r.int(5) }, () => this.value(depth + 1));
      case 8: return Object.fromEntries(Array.from({ length: r.int(5) }, () => [this.key(), this.value(depth + 1)]));
      case 9: return this.state(depth + 1);
      default: return this.choiceRule(depth + 1);
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
    const rule: Obj = r.chance(0.3) ? { Condition: this.string() } : { Variable: this.string(), [r.pick(['StringEquals', 'NumericEquals', 'BooleanEquals', 'IsPresent', 'StringMatches', 'TimestampLessThanPath', 'NumericGreaterThanEqualsPath', 'IsNumeric', 'Nope'])]: this.value(depth + 3) };
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
// Structural mutations on the parsed value

interface Slot {
  parent: Obj | Val[];
  key: string | number;
}

function slots(root: Val, max = 20_000): Slot[] {
  const out: Slot[] = [];
  const stack: Val[] = [root];
  while (stack.length && out.length < max) {
    const v = stack.pop()!;
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), stack.push(x)));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) out.push({ parent: v, key: k }), stack.push(x);
  }
  return out;
}

function get(s: Slot): Val {
  return (s.parent as Record<string | number, Val>)[s.key];
}
function set(s: Slot, v: Val): void {
  (s.parent as Record<string | number, Val>)[s.key] = v;
}

/** State objects: values of a `States` member. */
function stateObjects(root: Val): Obj[] {
  return slots(root)
    .filter((s) => s.key === 'States' && isObj(get(s)))
    .flatMap((s) => Object.values(get(s) as Obj).filter(isObj));
}

function objects(root: Val): Obj[] {
  const out = isObj(root) ? [root] : [];
  for (const s of slots(root)) {
    const v = get(s);
    if (isObj(v)) out.push(v);
  }
  return out;
}

function renameKey(o: Obj, from: string, to: string): void {
  // Keep the member's position: rebuild the object in order.
  const entries = Object.entries(o).map(([k, v]) => [k === from ? to : k, v] as [string, Val]);
  for (const k of Object.keys(o)) delete o[k];
  // defineProperty: a key such as "__proto__" must become a member, as JSON.parse makes it.
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function depthOf(root: Val): number {
  let max = 0;
  const stack: [Val, number][] = [[root, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (Array.isArray(v)) for (const x of v) stack.push([x, d + 1]);
    else if (isObj(v)) for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

function nest(v: Val, levels: number, asArray: boolean): Val {
  let out = v;
  for (let i = 0; i < levels; i++) out = asArray ? [out] : { a: out };
  return out;
}

/** One mutation, in place (or returning a new root). Returns a short label, for reproduction. */
function mutate(root: Val, g: Gen): { root: Val; label: string } {
  const r = g.r;
  const all = slots(root);
  const states = stateObjects(root);
  const objs = objects(root);
  const slot = all.length ? r.pick(all) : undefined;
  const state = states.length ? r.pick(states) : undefined;
  const obj = objs.length ? r.pick(objs) : undefined;
  switch (r.int(20)) {
    case 0:
    case 1:
      if (!slot) break;
      set(slot, g.value());
      return { root, label: `replace ${slot.key}` };
    case 2:
      if (!slot) break;
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return { root, label: `delete ${slot.key}` };
    case 3: {
      if (!obj) break;
      const keys = Object.keys(obj);
      const k = keys.length && r.chance(0.8) ? r.pick(keys) : g.key();
      const extra = DUPS.get(obj) ?? [];
      extra.push([k, r.chance(0.5) && k in obj ? clone(obj[k]) : g.value()]);
      DUPS.set(obj, extra);
      return { root, label: `duplicate ${k}` };
    }
    case 4: {
      if (!obj) break;
      const keys = Object.keys(obj);
      if (!keys.length) break;
      const k = r.pick(keys);
      renameKey(obj, k, g.key());
      return { root, label: `rename ${k}` };
    }
    case 5: {
      const target = state ?? obj;
      if (!target) break;
      const k = r.pick(FIELDS);
      target[k] = g.value();
      return { root, label: `add ${k}` };
    }
    case 6:
      if (!state) break;
      state.Type = r.chance(0.9) ? r.pick(STATE_TYPES) : g.value();
      return { root, label: `Type ${String(state.Type)}` };
    case 7: {
      const target = r.chance(0.4) && isObj(root) ? root : state;
      if (!target) break;
      if (r.chance(0.2)) delete target.QueryLanguage;
      else target.QueryLanguage = r.chance(0.8) ? (target.QueryLanguage === 'JSONata' ? 'JSONPath' : 'JSONata') : g.value();
      return { root, label: 'QueryLanguage' };
    }
    case 8: {
      if (!state) break;
      state.Type = 'Parallel';
      state.Branches = r.pick<() => Val>([
        () => [],
        () => ({}),
        () => [null],
        () => [g.scope()],
        () => [g.scope(), clone(isObj(root) ? root : {})],
        () => g.value(),
        () => [{ StartAt: 'X' }],
        () => [{ States: {} }],
      ])();
      return { root, label: 'Branches' };
    }
    case 9: {
      if (!state) break;
      state.Type = 'Map';
      const key = r.pick(['ItemProcessor', 'Iterator', 'ItemProcessor']);
      const other = key === 'Iterator' ? 'ItemProcessor' : 'Iterator';
      if (r.chance(0.3) && state[other] !== undefined) {
        state[key] = state[other];
        delete state[other];
      } else {
        state[key] = r.pick<() => Val>([
          () => g.scope(),
          () => ({ ...g.scope(), ProcessorConfig: { Mode: r.pick(['INLINE', 'DISTRIBUTED', g.string()]), ExecutionType: r.pick(['EXPRESS', 'STANDARD', g.string()]) } }),
          () => clone(isObj(root) ? root : {}),
          () => [],
          () => g.value(),
          () => ({ ProcessorConfig: g.value() }),
        ])();
      }
      if (r.chance(0.3)) state[other] = g.scope();
      return { root, label: key };
    }
    case 10: {
      // Deep nesting: around the JSON depth limit, and far past it.
      if (!slot) break;
      const levels = r.pick([10, 100, 510, 511, 512, 513, 600, 2000]);
      // The serializer here recurses too: keep the whole value under ~2,500 levels.
      if (depthOf(root) + levels > 2500) break;
      set(slot, nest(get(slot), levels, r.chance(0.5)));
      return { root, label: `nest ${levels}` };
    }
    case 11: {
      // Deeply nested Parallel scopes (the scope depth limit is 50).
      if (!state) break;
      const levels = r.pick([5, 49, 50, 51, 80]);
      let inner: Obj = { Type: 'Pass', End: true };
      for (let i = 0; i < levels; i++) {
        const scope = { StartAt: 'P', States: { P: inner } };
        inner = r.chance(0.7) ? { Type: 'Parallel', Branches: [scope], End: true } : { Type: 'Map', ItemProcessor: scope, End: true };
      }
      Object.assign(state, inner);
      return { root, label: `scopes ${levels}` };
    }
    case 12: {
      // A subtree copied elsewhere (a state into Choices, a scope into a value...).
      if (!slot || all.length < 2) break;
      const from = r.pick(all);
      set(slot, clone(get(from)));
      return { root, label: `copy ${from.key}->${slot.key}` };
    }
    case 13: {
      if (!state) break;
      state.Type = 'Choice';
      const choices = Array.from({ length: r.int(4) }, () => g.choiceRule());
      state.Choices = r.chance(0.9) ? choices : g.value();
      if (r.chance(0.5)) state.Default = g.string();
      return { root, label: 'Choices' };
    }
    case 14: {
      // A state renamed (its name odd, or the name of another state).
      const holders = all.filter((s) => s.key === 'States' && isObj(get(s)));
      if (!holders.length) break;
      const statesObj = get(r.pick(holders)) as Obj;
      const names = Object.keys(statesObj);
      if (!names.length) break;
      renameKey(statesObj, r.pick(names), r.pick([g.key(), g.junk(8), '', ' ', 'a'.repeat(81), '\u0000', 'A\u0001B', g.r.pick(g.names.length ? g.names : ['A'])]));
      return { root, label: 'rename state' };
    }
    case 15: {
      if (!state) break;
      const field = r.pick(['Assign', 'Arguments', 'Output', 'Parameters', 'ResultSelector', 'Retry', 'Catch']);
      state[field] = r.chance(0.7)
        ? Object.fromEntries(Array.from({ length: 1 + r.int(3) }, () => [g.key(), g.value()]))
        : Array.from({ length: r.int(3) }, () => ({ ErrorEquals: g.value(), Next: g.string(), ResultPath: g.string(), IntervalSeconds: r.pick(NUMBERS) }));
      return { root, label: field };
    }
    case 16: {
      // The root replaced or reshaped.
      const shape = r.int(5);
      if (shape === 0) return { root: g.value(), label: 'root value' };
      if (shape === 1) return { root: [root], label: 'root array' };
      if (shape === 2 && isObj(root)) {
        delete root.States;
        return { root, label: 'no States' };
      }
      if (shape === 3 && isObj(root)) {
        root.StartAt = g.value();
        return { root, label: 'StartAt' };
      }
      return { root: g.scope(), label: 'root scope' };
    }
    case 17: {
      // An inline suppression in a Comment, naming rules, codes, or junk.
      const target = r.chance(0.3) && isObj(root) ? root : (obj ?? state);
      if (!target) break;
      const names = Array.from({ length: r.int(3) }, () => r.pick([...RULE_NAMES, g.junk(6), 'asl-lint-disable']));
      target.Comment = `${r.pick(['', 'note. ', g.junk(4)])}asl-lint-disable${r.pick([' ', '', '-next-line ', '  '])}${names.join(r.pick([', ', ' ', ',']))}`;
      return { root, label: 'directive' };
    }
    case 18: {
      // Many states (copies of one, renamed, their transitions among them or nowhere): finds
      // work that grows with the square of the states.
      const holders = all.filter((s) => s.key === 'States' && isObj(get(s)));
      if (!holders.length || !state) break;
      const statesObj = get(r.pick(holders)) as Obj;
      const n = r.pick([100, 300, 1000]);
      const names = Array.from({ length: n }, (_, i) => `${r.pick(['S', 'State ', 'Step_', g.junk(3)])}${i}`);
      const template = JSON.stringify(state);
      if (template.length * n > 150_000) break;
      names.forEach((name) => {
        const copy = JSON.parse(template) as Obj;
        if ('Next' in copy || r.chance(0.5)) copy.Next = r.chance(0.8) ? r.pick(names) : `${r.pick(names)}x`;
        statesObj[name] = copy;
      });
      return { root, label: `states x${n}` };
    }
    default: {
      // A string value changed inside: a character dropped or inserted.
      const strings = all.filter((s) => typeof get(s) === 'string');
      if (!strings.length) break;
      const s = r.pick(strings);
      const v = get(s) as string;
      const at = r.int(v.length + 1);
      set(s, r.chance(0.5) ? v.slice(0, at) + v.slice(at + 1) : v.slice(0, at) + g.junk(3) + v.slice(at));
      return { root, label: `edit string ${s.key}` };
    }
  }
  return { root, label: 'noop' };
}

// ---------------------------------------------------------------------------------------------
// Text mutations

const SNIPPETS = ['"', '{', '}', '[', ']', ',', ':', '"Next": "', '"Type": "Ta', '{% $states.', '"x.$": "States.Format(', '\n    - ', '\n  ', '$.', 'States.', ' ', '\\', '\\u', '\\ud800', '"Done"', 'Next: ', '- ', '\t', '{%', '%}', '\u00e9\u{1F600}', '\u0000', '\r', '\r\n', '\ufeff', '&a', '*a', '!Ref ', '? ', '|', '>-', '#', '//', '/*', '1e400', 'NaN', '-', '---\n', '...\n', '%YAML 1.2\n', '<<: *a\n', '${X}', '${Timeout}', '"${X}"', '\n# asl-lint-disable-next-line NO_DOLLAR\n', '# asl-lint-disable\n', ' # asl-lint-disable SCHEMA_VALIDATION_FAILED\n'];

function mutateText(text: string, g: Gen): { text: string; label: string } {
  const r = g.r;
  const at = r.int(text.length + 1);
  switch (r.int(8)) {
    case 0: return { text: text.slice(0, at), label: `truncate ${at}` };
    case 1:
    case 2: return { text: text.slice(0, at) + r.pick(SNIPPETS) + text.slice(at), label: `insert at ${at}` };
    case 3: return { text: text.slice(0, at) + text.slice(at + 1 + r.int(12)), label: `delete at ${at}` };
    case 4: return { text: text.slice(0, at) + String.fromCharCode(r.int(0x80)) + text.slice(at + 1), label: `byte at ${at}` };
    case 5: return { text: text.replace(/\n/g, '\r\n'), label: 'CRLF' };
    case 6: return { text: '\ufeff' + text, label: 'BOM' };
    default: {
      const end = Math.min(text.length, at + r.int(40));
      const at2 = r.int(text.length + 1);
      return { text: text.slice(0, at2) + text.slice(at, end) + text.slice(at2), label: `copy range to ${at2}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants

const FORBIDDEN: [RegExp, string][] = [
  [/\bundefined\b/, 'undefined'],
  [/\[object Object\]/, '[object Object]'],
  [/\bNaN\b/, 'NaN'],
  // ajv's own phrasing leaking out.
  [/must match (pattern|format|exactly|a schema|"then"|"else")/, 'must match pattern'],
  [/\boneOf\b/, 'oneOf'],
  [/\banyOf\b/, 'anyOf'],
  [/must NOT have/, 'must NOT have'],
  [/must have required property/, 'must have required property'],
  [/must be equal to one of the allowed values/, 'must be equal to one of the allowed values'],
  [/must pass ".*" keyword/, 'must pass keyword'],
  // Engine and library internals.
  [/Maximum call stack|is not a function|Cannot read propert|is not iterable/, 'a JavaScript error'],
  [/YAML\.[A-Za-z]+\(|parseAllDocuments/, 'yaml package API advice'],
];

function messageProblems(message: unknown, input: string): string[] {
  if (typeof message !== 'string' || message.trim() === '') return [`empty message ${JSON.stringify(message)}`];
  const out: string[] = [];
  // JSONata's own "undefined" (no value), said on purpose, is not a leaked JavaScript undefined.
  message = message.replace(/\bis undefined (here|at run time)\b/g, '');
  for (const [re, what] of FORBIDDEN) {
    // A message may quote the user's own text: only flag what the input does not contain.
    if (re.test(message) && !input.includes(what) && !re.test(input)) out.push(`message has "${what}": ${message.slice(0, 300)}`);
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; character: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Diagnostic codes seen, printed with FUZZ_STATS=1: what the mutations reach. */
const seenCodes = new Map<string, number>();

function diagnosticProblems(ds: Diagnostic[], text: string, where: string): string[] {
  const out: string[] = [];
  let starts: number[] | undefined;
  for (const d of ds) {
    seenCodes.set(`${d.code} (${d.rule})`, (seenCodes.get(`${d.code} (${d.rule})`) ?? 0) + 1);
    const tag = `${where} ${d.code} ${d.location ?? ''}`;
    if (d.code === 'INTERNAL_ERROR') out.push(`${tag}: INTERNAL_ERROR: ${d.message}`);
    if (d.severity !== 'ERROR' && d.severity !== 'WARNING') out.push(`${tag}: severity ${String(d.severity)}`);
    for (const p of messageProblems(d.message, text)) out.push(`${tag}: ${p}`);
    const leaked = typeof d.location === 'string' && /undefined|\[object Object\]|NaN/.test(d.location) && !/undefined|NaN/.test(text);
    if (d.location !== undefined && (typeof d.location !== 'string' || leaked)) out.push(`${tag}: location ${String(d.location)}`);
    const { offset, length } = d;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > text.length) {
      out.push(`${tag}: offset ${offset} length ${length} outside text of ${text.length}`);
      continue;
    }
    starts ??= lineStarts(text);
    const s = positionOf(starts, offset);
    const e = positionOf(starts, offset + length);
    if (d.range.start.line !== s.line || d.range.start.character !== s.character || d.range.end.line !== e.line || d.range.end.character !== e.character) {
      out.push(`${tag}: range ${JSON.stringify(d.range)} disagrees with offset ${offset}+${length} (${JSON.stringify({ s, e })})`);
    }
    for (const f of d.fixes ?? []) {
      if (typeof f.title !== 'string' || !f.title || /undefined|\[object Object\]/.test(f.title)) out.push(`${tag}: fix title ${String(f.title)}`);
      for (const edit of f.edits) {
        if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > text.length || typeof edit.newText !== 'string') out.push(`${tag}: fix edit ${JSON.stringify(edit)} outside text of ${text.length}`);
      }
    }
  }
  return out;
}

/** Runs one call, turning a throw or a slow answer into a problem. */
function timed<T>(what: string, text: string, problems: string[], fn: () => T): T | undefined {
  const t0 = performance.now();
  try {
    const out = fn();
    const ms = performance.now() - t0;
    if (text.length < SMALL && ms > CALL_BUDGET_MS) problems.push(`${what}: took ${Math.round(ms)} ms on ${text.length} chars`);
    return out;
  } catch (err) {
    problems.push(`${what}: threw ${(err as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(err)}`);
    return undefined;
  }
}

function checkValidate(text: string, type: StateMachineType, r: Rand, problems: string[]): void {
  const severity = r.chance(0.5) ? 'WARNING' : 'ERROR';
  const maxResults = r.pick([0, 1, 3, 100]);
  const v = timed(`validate(${type},${severity},${maxResults})`, text, problems, () => validate(text, { type, severity, maxResults }));
  if (!v) return;
  for (const d of v.diagnostics) for (const p of messageProblems(d.message, text)) problems.push(`validate ${d.code} ${d.location ?? ''}: ${p}`);
  for (const d of v.diagnostics) if (d.code === 'INTERNAL_ERROR') problems.push(`validate: INTERNAL_ERROR: ${d.message}`);
  // Errors sort first, so the first diagnostic is an ERROR exactly when there is one.
  const hasError = v.diagnostics[0]?.severity === 'ERROR';
  if ((v.result === 'FAIL') !== hasError) problems.push(`validate: result ${v.result} but first diagnostic ${v.diagnostics[0]?.severity ?? 'none'}`);
  if (severity === 'ERROR' && v.diagnostics.some((d) => d.severity !== 'ERROR')) problems.push('validate: a WARNING with severity ERROR');
  if (v.diagnostics.length > (maxResults || 100)) problems.push(`validate: ${v.diagnostics.length} diagnostics over maxResults ${maxResults}`);
  const l = timed('lint(json, no directives)', text, problems, () => lint(text, { type, format: 'json', directives: false }));
  if (l && l.result !== v.result) problems.push(`validate says ${v.result}, lint says ${l.result}`);
}

/** A value both serializers write the same: no raw number literals, no duplicate keys. */
function samePlainValue(root: Val): boolean {
  const stack: Val[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (v instanceof RawNumber || Object.is(v, -0)) return false;
    if (Array.isArray(v)) stack.push(...v);
    else if (isObj(v)) {
      if (DUPS.has(v)) return false;
      stack.push(...Object.values(v));
    }
  }
  return true;
}

/** yaml.stringify wrote what parses back to the value (it does not always: deep long strings). */
function yamlReadsBack(yaml: string, value: Val): boolean {
  try {
    return JSON.stringify(yamlParse(yaml, { logLevel: 'silent' })) === JSON.stringify(plain(value));
  } catch {
    return false;
  }
}

/** The same value written as JSON and as YAML gets the same findings. */
function checkSameFindings(json: string, yaml: string, type: StateMachineType, problems: string[]): void {
  const rows = (text: string, fileName: string) =>
    timed(`lint(${fileName})`, text, problems, () => lint(text, { type, fileName }))
      ?.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location ?? '-'} ${d.message}`)
      .sort();
  const a = rows(json, 'same.asl.json');
  const b = rows(yaml, 'same.asl.yaml');
  if (!a || !b) return;
  const onlyJson = a.filter((x) => !b.includes(x));
  const onlyYaml = b.filter((x) => !a.includes(x));
  if (onlyJson.length || onlyYaml.length) problems.push(`JSON and YAML of one value differ: only JSON ${JSON.stringify(onlyJson.slice(0, 3))}, only YAML ${JSON.stringify(onlyYaml.slice(0, 3))}`);
}

function checkLint(text: string, format: 'json' | 'yaml', type: StateMachineType, r: Rand, problems: string[]): void {
  const fileName = format === 'yaml' ? 'fuzz.asl.yaml' : 'fuzz.asl.json';
  const rules: Record<string, RuleSetting> = {};
  if (r.chance(0.3)) for (let i = r.int(6); i > 0; i--) rules[r.pick(RULE_NAMES)] = r.pick(SETTINGS);
  const l = timed(`lint(${format},${type})`, text, problems, () => lint(text, { type, fileName, rules, reportUnusedDirectives: r.chance(0.3) }));
  if (!l) return;
  problems.push(...diagnosticProblems(l.diagnostics, text, `lint(${format})`));
  if ((l.result === 'FAIL') !== l.diagnostics.some((d) => d.severity === 'ERROR')) problems.push(`lint: result ${l.result} disagrees with its diagnostics`);
  if (r.chance(0.15) && l.diagnostics.some((d) => d.fixes?.some((f) => f.kind !== undefined))) {
    const fx = timed('fixText', text, problems, () => fixText(text, (t) => lint(t, { type, fileName }).diagnostics, ['fix', 'suggestion']));
    if (fx) problems.push(...diagnosticProblems(fx.remaining, fx.output, 'after --fix'));
  }
  // Known substitutions also make lintFile accept unquoted placeholders (`"Seconds": ${Timeout}`).
  const substitutions = r.chance(0.4) ? new Map([['X', r.pick(['x', '1', '', '"', '${Y}', '{}'])], ['Timeout', r.pick(['30', 'abc', '-1', '1e400'])]]) : undefined;
  const files = timed(`lintFile(${fileName})`, text, problems, () => lintFile(text, fileName, { type, rules, substitutions }));
  if (files) for (const f of files) problems.push(...diagnosticProblems(f.diagnostics, f.text, `lintFile(${fileName})`));
}

// ---------------------------------------------------------------------------------------------
// Templates around a definition

interface TemplateCase {
  fileName: string;
  text: string;
  /** The text a DefinitionUri or file() reference reads. */
  files?: Record<string, string>;
}

function indentBlock(s: string, pad: string): string {
  return s.split('\n').map((l) => pad + l).join('\n');
}

function templates(value: Val, defJson: string, defYaml: string, g: Gen): TemplateCase {
  const r = g.r;
  const cfn = (props: Obj): Obj => ({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Fn: { Type: 'AWS::Lambda::Function' }, Machine: { Type: r.pick(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']), Properties: props } } });
  const subs: Obj = { X: 'x', Fn: 'arn:aws:lambda:us-east-1:123456789012:function:f', T: r.pick([1, true, 'y', null, []]) };
  switch (r.int(9)) {
    case 0: return { fileName: 'template.json', text: toJson(cfn({ Definition: value, DefinitionSubstitutions: subs }), r.pick(['', '  '])) };
    case 1: return { fileName: 'template.json', text: toJson(cfn({ DefinitionString: defJson, DefinitionSubstitutions: subs }), '  ') };
    case 2: return { fileName: 'template.json', text: toJson(cfn({ DefinitionString: { 'Fn::Sub': r.chance(0.5) ? defJson : [defJson, { X: 'x', Y: { Ref: 'Fn' } }] } }), '  ') };
    case 3: {
      // Fn::Join pieces, cut at random places, with intrinsics in between.
      const parts: Val[] = [];
      let rest = defJson;
      while (rest.length) {
        const cut = 1 + r.int(Math.min(rest.length, 400));
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        if (r.chance(0.3)) parts.push(r.pick<Val>([{ 'Fn::GetAtt': ['Fn', 'Arn'] }, { Ref: 'AWS::Region' }, { 'Fn::Sub': '${X}' }, 7, null, ['x']]));
      }
      return { fileName: 'template.json', text: toJson(cfn({ DefinitionString: { 'Fn::Join': [r.pick<Val>(['', ',', 5]), parts] } }), '  ') };
    }
    case 4: {
      const props: Obj = r.chance(0.5) ? { Definition: plain(value) as Val } : { DefinitionUri: 'statemachine/flow.asl.json', DefinitionSubstitutions: subs };
      return { fileName: 'template.yaml', text: yamlStringify({ Transform: 'AWS::Serverless-2016-10-31', ...cfn(props) }), files: { 'statemachine/flow.asl.json': defJson } };
    }
    case 5: {
      // Short-form tags and a block scalar.
      const tag = r.pick(['!Sub', '!Join', '']);
      const body = tag === '!Join' ? `!Join\n        - ""\n        - - |\n${indentBlock(defJson, '            ')}\n          - !GetAtt Fn.Arn` : `${tag} |\n${indentBlock(defJson, '        ')}`;
      return { fileName: 'template.yml', text: `Resources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: ${body}\n` };
    }
    case 6: {
      const def = r.chance(0.7) ? `\n${indentBlock(defYaml, '        ')}` : ` ${JSON.stringify(defJson)}`;
      return { fileName: 'serverless.yml', text: `service: fuzz\nprovider:\n  name: aws\nstepFunctions:\n  stateMachines:\n    machine:\n      definition:${def}\n` };
    }
    case 7: {
      const dash = r.chance(0.5);
      const body = (dash ? indentBlock(defJson, '    ') : defJson).replace(/\$\{/g, () => (r.chance(0.5) ? '$${' : '${'));
      return { fileName: 'main.tf', text: `resource "aws_sfn_state_machine" "sfn" {\n  name = "x"\n  definition = <<${dash ? '-' : ''}EOF\n${body}\nEOF\n}\n` };
    }
    default:
      return {
        fileName: 'main.tf',
        text: `resource "aws_sfn_state_machine" "sfn" {\n  definition = templatefile("\${path.module}/flow.asl.json", { Fn = "arn:aws:lambda:us-east-1:123456789012:function:f", X = "x" })\n}\n`,
        files: { 'flow.asl.json': defJson },
      };
  }
}

function checkTemplate(t: TemplateCase, type: StateMachineType, problems: string[]): void {
  const readFile = (p: string): string => {
    for (const [name, body] of Object.entries(t.files ?? {})) if (p.endsWith(name)) return body;
    throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  };
  const files = timed(`lintFile(${t.fileName})`, t.text, problems, () => lintFile(t.text, `/fuzz/${t.fileName}`, { type, readFile }));
  if (!files) return;
  for (const f of files) {
    problems.push(...diagnosticProblems(f.diagnostics, f.text, `lintFile(${t.fileName} -> ${f.filePath})`));
    if ((f.result === 'FAIL') !== f.diagnostics.some((d) => d.severity === 'ERROR')) problems.push(`lintFile: result ${f.result} disagrees with its diagnostics`);
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs

const SHARED = join(CORPUS, 'real-world');
const FIXTURES = join(import.meta.dirname, 'fixtures');


/** Parsed definitions (objects with States) of the corpus, the fixtures and every rule's examples. */
function loadBases(): { name: string; value: Val }[] {
  const out: { name: string; value: Val }[] = [];
  for (const rule of allRules) {
    for (const ex of [...rule.meta.examples.valid, ...rule.meta.examples.invalid]) {
      try {
        const value = (ex.format === 'yaml' ? yamlParse(ex.text, { logLevel: 'silent' }) : JSON.parse(ex.text)) as Val;
        if (isObj(value) && 'States' in value) out.push({ name: `example of ${rule.meta.id}`, value });
      } catch {
        // Examples of syntax errors are not bases.
      }
    }
  }
  for (const f of [...(HAS_CORPUS ? files(SHARED) : []), ...files(FIXTURES)]) {
    try {
      const text = readFileSync(f, 'utf8').replace(/^\ufeff/, '');
      const value = (/\.ya?ml$/i.test(f) ? yamlParse(text, { logLevel: 'silent' }) : JSON.parse(text)) as Val;
      if (isObj(value) && 'States' in value) out.push({ name: f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1), value });
    } catch {
      // Fixtures that are broken on purpose are not bases.
    }
  }
  return out;
}

function stateNames(v: Val): string[] {
  return slots(v)
    .filter((s) => s.key === 'States' && isObj(get(s)))
    .flatMap((s) => Object.keys(get(s) as Obj));
}

// ---------------------------------------------------------------------------------------------
// The run

interface Failure {
  iteration: number;
  base: string;
  steps: string[];
  problems: string[];
}

function dump(f: Failure, input: string, ext: string): void {
  if (!DUMP) return;
  mkdirSync(DUMP, { recursive: true });
  const stem = join(DUMP, `${SEED}-${f.iteration}`);
  writeFileSync(`${stem}.${ext}`, input);
  writeFileSync(`${stem}.txt`, [`base: ${f.base}`, `steps: ${f.steps.join('; ')}`, ...f.problems].join('\n'));
}

function run(kind: 'definition' | 'template', iterations: number, seed: number): Failure[] {
  const bases = loadBases();
  const failures: Failure[] = [];
  for (let i = 0; i < iterations; i++) {
    // One stream per iteration: a failure replays from (seed, iteration) alone.
    const r = new Rand(prng(seed * 1_000_003 + i));
    const base = r.pick(bases);
    let value = clone(base.value);
    const g = new Gen(r, stateNames(value));
    const steps: string[] = [];
    const n = 1 + r.int(4);
    for (let k = 0; k < n; k++) {
      const m = mutate(value, g);
      value = m.root;
      steps.push(m.label);
    }
    const type: StateMachineType = r.chance(0.5) ? 'STANDARD' : 'EXPRESS';
    const problems: string[] = [];
    let json: string;
    try {
      json = toJson(value, r.pick(['', '  ', '    ', '\t']));
    } catch {
      continue; // Copies of deep values nested past what this file's own serializer can write.
    }
    let yaml: string;
    try {
      yaml = yamlStringify(plain(value), { aliasDuplicateObjects: false });
    } catch {
      yaml = json; // JSON is YAML too; the yaml package may refuse some values (very deep ones).
    }
    if (kind === 'definition') {
      const format = r.chance(0.7) ? 'json' : 'yaml';
      let text = format === 'json' ? json : yaml;
      let textMutated = false;
      if (r.chance(0.35)) {
        for (let k = 1 + r.int(3); k > 0; k--) {
          const m = mutateText(text, g);
          text = m.text;
          steps.push(m.label);
        }
        textMutated = true;
      }
      if (!textMutated && value !== null && r.chance(0.3) && json.length < SMALL && samePlainValue(value) && depthOf(value) < 500 && yamlReadsBack(yaml, value)) {
        checkSameFindings(json, yaml, type, problems);
      }
      if (format === 'json') checkValidate(text, type, r, problems);
      checkLint(text, format, type, r, problems);
      if (problems.length) {
        const f = { iteration: i, base: base.name, steps, problems };
        failures.push(f);
        dump(f, text, format === 'json' ? 'json' : 'yaml');
      }
    } else {
      if (r.chance(0.2)) json = mutateText(json, g).text;
      let t: TemplateCase;
      try {
        t = templates(value, json, yaml, g);
      } catch {
        continue; // The yaml package's own stringify overflows on very deep values.
      }
      if (r.chance(0.25)) {
        const m = mutateText(t.text, g);
        t.text = m.text;
        steps.push(`template ${m.label}`);
      }
      checkTemplate(t, type, problems);
      if (problems.length) {
        const f = { iteration: i, base: base.name, steps, problems };
        failures.push(f);
        dump(f, t.text, t.fileName.replace(/^.*\./, 'tpl.'));
      }
    }
  }
  return failures;
}

function report(failures: Failure[]): string[] {
  // Group by the first problem's shape so one bug does not hide the others.
  const seen = new Map<string, string>();
  for (const f of failures) {
    for (const p of f.problems) {
      const shape = p.replace(/\d+/g, 'N').slice(0, 160);
      if (!seen.has(shape)) seen.set(shape, `[seed ${SEED} iteration ${f.iteration}, ${f.base}, ${f.steps.join('; ')}] ${p.slice(0, 600)}`);
    }
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Names of Object.prototype members, everywhere a name goes: a lookup in a plain-object table
// (`TABLE[state.type]`) finds a function there instead of nothing.

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', 'toLocaleString'];

/** Every kind of name in one definition: states, types, fields, services, functions, variables, errors. */
const RICH: Val = {
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

/** RICH with each key and each string in turn replaced by a prototype name, or with one spliced in. */
function protoVariants(): { name: string; how: 'key' | 'value' | 'splice'; value: Val }[] {
  const out: { name: string; how: 'key' | 'value' | 'splice'; value: Val }[] = [];
  const count = slots(RICH).length;
  let n = 0;
  for (let i = 0; i < count; i++) {
    for (const how of ['key', 'value', 'splice'] as const) {
      const name = PROTO_NAMES[n++ % PROTO_NAMES.length];
      const v = clone(RICH);
      const slot = slots(v)[i];
      const cur = get(slot);
      if (how === 'key') {
        if (Array.isArray(slot.parent)) continue;
        renameKey(slot.parent, slot.key as string, name);
      } else if (how === 'value') set(slot, name);
      else {
        if (typeof cur !== 'string') continue;
        // Where a name sits in a string: a service, an action, a function, a variable, a field.
        set(slot, cur.replace(/(lambda|s3|getObject|invoke|Format|Array|merge|sum|count|total|Payload|items|[a-z]+)\b/, name));
      }
      out.push({ name, how, value: v });
    }
  }
  return out;
}

// Token soups for the languages inside strings: JSONPath, intrinsic functions, JSONata.
const PATH_TOKENS = ['$', '$$', '.', '..', '[', ']', '*', '?(', ')', '@', "'", '"', ',', ':', '0', '-1', 'a', 'length', '\\', ' ', '$.a', '[?(@.x == 1)]', '$var', '.Map', '.Item', '.Value', '[0:2]', '$$.Execution.Input'];
const INTRINSIC_TOKENS = ['States.Format', 'States.Array', 'States.JsonMerge', 'States.MathAdd', 'States.StringSplit', 'States.ArrayRange', 'States.Hash', 'States.UUID', 'States.Nope', 'States.', '(', ')', '(', ')', ',', ', ', "'", "\\'", '{}', '\\{', '$.a', '$$.Execution.Id', '$', ' ', '1', '-2.5', '1e400', 'true', 'null', '$var', "'SHA-256'"];
const JSONATA_TOKENS = ['$', '$states', '.input', '.result', '.context', '(', ')', '[', ']', '{', '}', ':', ',', '+', '-', '*', '/', '&', '?', '!=', '=', 'and', 'or', 'in', 'function', '$x', ':=', ';', '"', "'", '`', '/re/', '~>', '@', '#', '%', '^(', '$sum', '$map', '$eval', '$count', '|', '..', '1e999', '"\\u"', ' ', 'a', '$v1'];

function soup(r: Rand, tokens: readonly string[]): string {
  return Array.from({ length: 1 + r.int(12) }, () => r.pick(tokens)).join('');
}

/** RICH with expression soups in the fields that hold expressions, in both query languages. */
function expressionVariant(r: Rand): Val {
  const v = clone(RICH) as Obj;
  const states = v.States as Obj;
  const task = states.Task as Obj;
  const ata = states.Ata as Obj;
  const params = task.Parameters as Obj;
  params['x.$'] = soup(r, INTRINSIC_TOKENS);
  params['y.$'] = soup(r, PATH_TOKENS);
  task[r.pick(['InputPath', 'OutputPath', 'ResultPath', 'TimeoutSecondsPath'])] = soup(r, PATH_TOKENS);
  (task.Assign as Obj)['z.$'] = r.chance(0.5) ? soup(r, INTRINSIC_TOKENS) : soup(r, PATH_TOKENS);
  ((states.Choice as Obj).Choices as Obj[])[0].Variable = soup(r, PATH_TOKENS);
  ((states.Map as Obj).ItemsPath as Val) = soup(r, PATH_TOKENS);
  const jsonata = () => `{%${soup(r, JSONATA_TOKENS)}${r.chance(0.8) ? '%}' : ''}`;
  ata.Output = jsonata();
  (ata.Arguments as Obj).Payload = jsonata();
  ata.Assign = { [r.pick(['total', 'x', 'v1', '$bad', 'a.b'])]: jsonata() };
  ((states.AtaChoice as Obj).Choices as Obj[])[0].Condition = jsonata();
  if (r.chance(0.3)) ata.TimeoutSeconds = jsonata();
  return v;
}

afterAll(() => {
  if (process.env.FUZZ_STATS) console.log([...seenCodes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n'));
});

describe('fuzz: named regressions', () => {
  it(`expression soups (JSONPath, intrinsics, JSONata) in every expression field`, () => {
    const r = new Rand(prng(SEED + 2));
    const problems: string[] = [];
    for (let i = 0; i < Math.ceil(ITERATIONS / 2); i++) {
      const text = toJson(expressionVariant(r), '');
      const before = problems.length;
      checkValidate(text, 'STANDARD', r, problems);
      const l = timed('lint(soup)', text, problems, () => lint(text));
      if (l) problems.push(...diagnosticProblems(l.diagnostics, text, 'lint(soup)'));
      for (let k = before; k < problems.length; k++) problems[k] = `[${text.slice(0, 2000)}] ${problems[k]}`;
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('Object.prototype member names anywhere (state, Type, field, service, function, variable) lint cleanly', () => {
    const problems: string[] = [];
    for (const { name, how, value } of protoVariants()) {
      const json = toJson(value, '');
      // YAML builds its own objects from keys; values go the same way as JSON's after that.
      const yaml = how === 'key' ? yamlStringify(value) : undefined;
      const before = problems.length;
      const v = timed('validate', json, problems, () => validate(json));
      for (const d of v?.diagnostics ?? []) if (d.code === 'INTERNAL_ERROR') problems.push(`validate: INTERNAL_ERROR: ${d.message}`);
      for (const [text, fileName] of yaml === undefined ? [[json, 'a.asl.json']] : [[json, 'a.asl.json'], [yaml, 'a.asl.yaml']]) {
        const l = timed(`lint(${fileName})`, text, problems, () => lint(text, { fileName }));
        if (l) problems.push(...diagnosticProblems(l.diagnostics, text, `lint(${fileName})`));
      }
      for (let i = before; i < problems.length; i++) problems[i] = `[${name}] ${problems[i]}`;
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('1,000 states that each name a missing state get their did-you-mean quickly', () => {
    // Every missing name against every state name: full edit-distance tables took seconds.
    const states: Obj = {};
    for (let i = 0; i < 1000; i++) states[`State number ${i}`] = { Type: 'Pass', Next: `Stat number ${(i * 7) % 1000}` };
    const text = JSON.stringify({ StartAt: 'State number 0', States: states });
    lint(text);
    const t0 = performance.now();
    const { diagnostics } = lint(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(diagnostics.filter((d) => d.code === 'MISSING_TRANSITION_TARGET')).toHaveLength(1000);
    expect(diagnostics.find((d) => d.location === '/States/State number 1/Next')?.message).toBe("Missing 'Next' target: Stat number 7 (did you mean 'State number 7'?)");
  });

  it('misused API arguments get a clear TypeError or a diagnostic, never a JavaScript internal error', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
    const sam = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: x.json\n';
    const unread = (readFile: () => unknown) => lintFile(sam, '/t/template.yaml', { readFile: readFile as () => string })[0].diagnostics.map((d) => d.message);
    expect(lint(text, null as unknown as undefined).result).toBe('OK');
    expect(() => lintFile(null as unknown as string, 'a.asl.json')).toThrow(new TypeError("lintFile(): text must be a string (the file's content), got null"));
    expect(() => lintFile(text, 'a.asl.json', { substitutions: { X: '1' } as unknown as Map<string, string> })).toThrow(
      new TypeError('lintFile(): substitutions must be a Map from placeholder name to value'),
    );
    expect(unread(() => 5)).toEqual(["M: DefinitionUri names 'x.json', which cannot be read (readFile gave number, not the file's text)."]);
    expect(
      unread(() => {
        throw 'boom';
      }),
    ).toEqual(["M: DefinitionUri names 'x.json', which cannot be read (boom)."]);
  });

  it('a definition past the 1 MB limit, as JSON and YAML, gets the size diagnostic and sound ranges', () => {
    const value = { Comment: 'x'.repeat(1_100_000), StartAt: 'A', States: { A: { Type: 'Pas', End: 'yes' } } };
    for (const [text, fileName] of [[JSON.stringify(value), 'big.asl.json'], [yamlStringify(value), 'big.asl.yaml']]) {
      const { diagnostics } = lint(text, { fileName });
      expect(diagnosticProblems(diagnostics, text, fileName)).toEqual([]);
      expect(diagnostics.map((d) => d.rule)).toContain('definition-too-large');
    }
  });

  it('a YAML state named __proto__ is a state, as in JSON', () => {
    const codes = (text: string, fileName: string) => lint(text, { fileName }).diagnostics.map((d) => [d.code, d.location]);
    const json = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "__proto__": {"Type": "Pass", "End": true}}}';
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  __proto__:\n    Type: Pass\n    End: true\n';
    expect(codes(json, 'a.asl.json')).toEqual([['MISSING_TRANSITION_TARGET', '/States/__proto__']]);
    expect(codes(yaml, 'a.asl.yaml')).toEqual(codes(json, 'a.asl.json'));
  });

  it('a YAML syntax error at the very end of the text has a range inside it', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: "Pass';
    const [d] = lint(text, { fileName: 'a.asl.yaml' }).diagnostics;
    expect([d.code, d.offset, d.length, d.range.end]).toEqual(['INVALID_JSON_DESCRIPTION', text.length, 0, { line: 3, character: 15 }]);
  });
});

describe('fuzz: mutated definitions through validate(), lint() and lintFile()', () => {
  it(`${ITERATIONS} plain definitions (JSON and YAML)`, () => {
    expect(report(run('definition', ITERATIONS, SEED))).toEqual([]);
  }, 600_000);

  it(`${Math.ceil(ITERATIONS / 3)} templates (CloudFormation, SAM, Serverless, Terraform)`, () => {
    expect(report(run('template', Math.ceil(ITERATIONS / 3), SEED + 1))).toEqual([]);
  }, 600_000);
});
