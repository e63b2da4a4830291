/**
 * lang/field-values.ts answers "what does the value at this place of a state hold?" from the
 * tables lang/sites.ts collects its sites from. The two must agree: on every value of every corpus
 * definition and rule example, a place is a path site of kind K exactly when fieldValueAt says
 * path K, a `.$` template member exactly when it says template, and a `{% %}` string a JSONata
 * site exactly when it says jsonata. Then a new path field added to state-fields.ts reaches the
 * editor's completion with no edit there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/api.js';
import { fieldValueAt, readsContextObject } from '../src/lang/field-values.js';
import { sitesOf, templateMembers } from '../src/lang/sites.js';
import { isJsonataExpression } from '../src/lang/jsonata.js';
import { locate } from '../src/lsp/locate.js';
import { buildModel, type Json } from '../src/model/model.js';
import { formatForFile, parse } from '../src/parse/index.js';
import type { Path } from '../src/types.js';
import { CORPUS_NOTE, definitionFiles, HAS_CORPUS, REAL_WORLD } from './support.js';

/** Every place of the definition: the disagreements between fieldValueAt and the sites, and how many places of each kind agreed. */
function compare(text: string, format: 'json' | 'yaml'): { wrong: string[]; seen: Record<string, number> } {
  const doc = parse(text, format);
  const wrong: string[] = [];
  const seen: Record<string, number> = {};
  if (!doc.parsed || typeof doc.value !== 'object' || doc.value === null) return { wrong, seen };
  const model = buildModel(doc);
  const sites = sitesOf(model);
  const key = (p: Path) => JSON.stringify(p);
  const paths = new Map(sites.paths.map((s) => [key(s.path), s.kind]));
  const dollar = new Set(templateMembers(model).dollar.map((m) => key(m.path)));
  const jsonata = new Set(sites.jsonata.map((s) => key(s.path)));
  const visit = (v: Json, path: (string | number)[], depth: number) => {
    if (depth > 40) return;
    const at = locate(model, path);
    if (at?.state && at.rest.length > 0) {
      const answer = fieldValueAt(at.state.type, at.state.queryLanguage, at.rest);
      const k = key(path);
      const expected = paths.has(k) ? { kind: 'path', path: paths.get(k) } : dollar.has(k) ? { kind: 'template' } : jsonata.has(k) ? { kind: 'jsonata' } : undefined;
      // A JSONata place holds JSONata only when written `{% %}`; the other strings there are sites of nothing.
      const got = answer?.kind === 'jsonata' && !(typeof v === 'string' && isJsonataExpression(v)) ? undefined : answer;
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${k}: sites ${JSON.stringify(expected)}, fieldValueAt ${JSON.stringify(got)}`);
      else if (got) seen[got.kind === 'path' ? `path:${got.path}` : got.kind] = (seen[got.kind === 'path' ? `path:${got.path}` : got.kind] ?? 0) + 1;
    }
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i], depth + 1));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...path, k], depth + 1);
  };
  visit(doc.value as Json, [], 0);
  return { wrong, seen };
}

function add(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

describe('fieldValueAt agrees with sitesOf', () => {
  it('on every place of every rule example', () => {
    const wrong: string[] = [];
    const seen: Record<string, number> = {};
    for (const rule of allRules) {
      for (const ex of [...rule.meta.examples.valid, ...rule.meta.examples.invalid]) {
        if (ex.fileName && !/\.asl\./.test(ex.fileName)) continue; // templates: their definitions are examples of other rules too
        const r = compare(ex.text, ex.format ?? formatForFile(ex.fileName));
        wrong.push(...r.wrong.map((w) => `${rule.meta.id}: ${w}`));
        add(seen, r.seen);
      }
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(seen).sort()).toEqual(['jsonata', 'path:choice', 'path:fail', 'path:items', 'path:path', 'path:result', 'path:seconds', 'template']);
  });

  it('on a definition with every kind of place, and places the type does not read', () => {
    const def = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrencyPath: '$.n',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.max' }, Parameters: { 'Bucket.$': '$.b', Key: 'k' } },
          ItemBatcher: { MaxItemsPerBatchPath: '$.m', BatchInput: { 'x.$': '$.x' } },
          ItemProcessor: { StartAt: 'In', States: { In: { Type: 'Pass', InputPath: '$.a', ItemsPath: '$.no', Result: { 'x.$': '$.no' }, End: true } } },
          ResultSelector: { 'a.$': '$.a', list: [{ 'b.$': 'States.Array(1)' }] },
          ResultPath: '$.r',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.e', Assign: { 'v.$': '$.v' }, Next: 'C' }],
          Next: 'C',
        },
        C: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.a', StringEqualsPath: '$.b', ResultPath: '$.no' }, Assign: { 'w.$': '$.w', Variable: '$.no' }, Next: 'J' },
            { And: [{ Variable: '$$.Execution.Id', IsPresent: true }], Next: 'F' },
          ],
          Default: 'F',
        },
        F: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('{}', $.c)" },
        J: {
          Type: 'Map',
          QueryLanguage: 'JSONata',
          Items: '{% $states.input.items %}',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaders: ['{% no %}'], MaxItems: '{% 10 %}' }, Arguments: { Bucket: '{% $b %}' } },
          ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% 1 %}', Comment: '{% no %}', End: true } } },
          Output: { a: ['{% $x %}'], 'b.$': '{% $y %}' },
          Catch: [{ ErrorEquals: ['{% no %}'], Output: '{% $states.errorOutput %}', Next: 'F' }],
          Next: 'T',
        },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSecondsPath: '$.t', Parameters: { 'p.$': '$.p', XPath: '$.no' }, Credentials: { 'RoleArn.$': '$.role' }, End: true },
      },
    };
    const r = compare(JSON.stringify(def), 'json');
    expect(r.wrong).toEqual([]);
    expect(r.seen).toEqual({
      'path:items': 1,
      'path:number': 3,
      'path:path': 1,
      'path:result': 2,
      'path:choice': 3,
      'path:fail': 2,
      'path:seconds': 1,
      template: 8,
      jsonata: 6,
    });
  });

  it.skipIf(!HAS_CORPUS)(`on every place of every corpus definition${CORPUS_NOTE}`, () => {
    const wrong: string[] = [];
    const seen: Record<string, number> = {};
    for (const file of definitionFiles(REAL_WORLD)) {
      const r = compare(readFileSync(file, 'utf8'), formatForFile(file));
      wrong.push(...r.wrong.map((w) => `${file}: ${w}`));
      add(seen, r.seen);
    }
    expect(wrong).toEqual([]);
    expect(seen.template).toBeGreaterThan(1000);
    expect(seen.jsonata).toBeGreaterThan(10);
  });

  it('a place the state type does not read is none (ItemsPath in a Task, ResultPath in a Choice rule, a plain template member)', () => {
    expect(fieldValueAt('Map', 'JSONPath', ['ItemsPath'])).toEqual({ kind: 'path', path: 'items' });
    expect(fieldValueAt('Task', 'JSONPath', ['ItemsPath'])).toBeUndefined();
    expect(fieldValueAt('Choice', 'JSONPath', ['Choices', 0, 'ResultPath'])).toBeUndefined();
    expect(fieldValueAt('Choice', 'JSONPath', ['Choices', 0, 'And', 1, 'Not', 'StringEqualsPath'])).toEqual({ kind: 'path', path: 'choice' });
    expect(fieldValueAt('Choice', 'JSONPath', ['Choices', 0, 'StringMatchesPath'])).toBeUndefined();
    expect(fieldValueAt('Task', 'JSONPath', ['Parameters', 'XPath'])).toBeUndefined();
    expect(fieldValueAt('Task', 'JSONPath', ['Parameters', 'a', 0, 'x.$'])).toEqual({ kind: 'template' });
    expect(fieldValueAt('Pass', 'JSONPath', ['Result', 'x.$'])).toBeUndefined();
    expect(fieldValueAt('Task', 'JSONata', ['Arguments', 'x.$'])).toEqual({ kind: 'jsonata' });
    expect(fieldValueAt('Task', 'JSONata', ['Comment'])).toBeUndefined();
    expect(fieldValueAt('Task', 'JSONata', ['Catch', 0, 'Next'])).toBeUndefined();
    expect(fieldValueAt('Task', 'JSONata', ['Catch', 0, 'Output', 'a'])).toEqual({ kind: 'jsonata' });
    expect(fieldValueAt('constructor', 'JSONPath', ['InputPath'])).toBeUndefined();
    expect(['path', 'result', 'items', 'number', 'seconds', 'choice', 'fail'].filter((k) => readsContextObject(k as never))).toEqual(['path', 'items', 'seconds', 'choice', 'fail']);
  });
});

// The fixtures folder holds definitions too (CLI and editor tests read them).
it('fieldValueAt agrees with sitesOf on the test fixtures', () => {
  const wrong: string[] = [];
  for (const file of definitionFiles(join(import.meta.dirname, 'fixtures'))) {
    if (!/\.(json|ya?ml)$/.test(file)) continue;
    wrong.push(...compare(readFileSync(file, 'utf8'), formatForFile(file)).wrong.map((w) => `${file}: ${w}`));
  }
  expect(wrong).toEqual([]);
});
