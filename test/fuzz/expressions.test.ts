/**
 * Expression soups: random token sequences of the languages inside strings (JSONPath, intrinsic
 * functions, JSONata) in every field of a rich definition that holds an expression, through
 * validate() and lint().
 *
 * CI runs a small, fixed number of iterations. To hunt bugs locally:
 *   FUZZ_ITERATIONS=20000 FUZZ_SEED=7 FUZZ_DUMP=/tmp/fuzz npx vitest run test/fuzz/
 * (FUZZ_DUMP writes each failing input, with what broke, to that folder; FUZZ_BUDGET_MS lowers
 * the time a call may take, to find slow paths; FUZZ_STATS=1 prints the diagnostic codes reached).
 * The invariants: test/fuzz/invariants.ts; the generators: test/fuzz/generators.ts.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { prng } from '../support.js';
import { ITERATIONS, RICH, Rand, SEED, clone, toJson, type Obj, type Val } from './generators.js';
import { checkValidate, diagnosticProblems, timed } from './invariants.js';

// Token soups for the languages inside strings: JSONPath, intrinsic functions, JSONata.
const PATH_TOKENS = [
  '$',
  '$$',
  '.',
  '..',
  '[',
  ']',
  '*',
  '?(',
  ')',
  '@',
  "'",
  '"',
  ',',
  ':',
  '0',
  '-1',
  'a',
  'length',
  '\\',
  ' ',
  '$.a',
  '[?(@.x == 1)]',
  '$var',
  '.Map',
  '.Item',
  '.Value',
  '[0:2]',
  '$$.Execution.Input',
];
const INTRINSIC_TOKENS = [
  'States.Format',
  'States.Array',
  'States.JsonMerge',
  'States.MathAdd',
  'States.StringSplit',
  'States.ArrayRange',
  'States.Hash',
  'States.UUID',
  'States.Nope',
  'States.',
  '(',
  ')',
  '(',
  ')',
  ',',
  ', ',
  "'",
  "\\'",
  '{}',
  '\\{',
  '$.a',
  '$$.Execution.Id',
  '$',
  ' ',
  '1',
  '-2.5',
  '1e400',
  'true',
  'null',
  '$var',
  "'SHA-256'",
];
const JSONATA_TOKENS = [
  '$',
  '$states',
  '.input',
  '.result',
  '.context',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '+',
  '-',
  '*',
  '/',
  '&',
  '?',
  '!=',
  '=',
  'and',
  'or',
  'in',
  'function',
  '$x',
  ':=',
  ';',
  '"',
  "'",
  '`',
  '/re/',
  '~>',
  '@',
  '#',
  '%',
  '^(',
  '$sum',
  '$map',
  '$eval',
  '$count',
  '|',
  '..',
  '1e999',
  '"\\u"',
  ' ',
  'a',
  '$v1',
];

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

describe('fuzz: expressions', () => {
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
});
