/**
 * The editor's field lists (src/lsp/fields.ts) and the JSON schema the engine validates with agree:
 * where a field is allowed, in which query language, whether it is required, which values it
 * takes, and which definition describes each kind of object. fields.ts takes the matrix from the
 * schema; these tests catch a schema field with no texts for people, a kind mapped to the wrong
 * definition, and the facts only fields.ts states (values, deprecations) drifting from the schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionOf, fieldInfo, isStateField, nestedKind, objectFields, stateFields, type ObjectKind } from '../src/lsp/fields.js';
import { nodeAt, objectProperties, resolveRef, schemaDefinitions, type SchemaNode } from '../src/schema/navigation.js';
import { VALIDATOR_NAMES } from '../src/schema/compile.js';
import type { QueryLanguage } from '../src/types.js';

const defs = schemaDefinitions();
const LANGUAGES: QueryLanguage[] = ['JSONPath', 'JSONata'];
const TYPES = defs.stateType.enum as string[];
const NESTED: Exclude<ObjectKind, 'state'>[] = [
  'root',
  'branch',
  'processor',
  'retrier',
  'catcher',
  'choiceRule',
  'nestedRule',
  'processorConfig',
  'itemReader',
  'readerConfig',
  'itemBatcher',
  'resultWriter',
  'writerConfig',
  'credentials',
];
const names = (l: { name: string }[]) => l.map((x) => x.name);
const sorted = (l: string[]) => [...l].sort();

describe('the LSP field lists come from the schema', () => {
  it('offers every field the schema allows in each state type and query language, and only those (a schema field without texts fails here)', () => {
    for (const type of TYPES) {
      for (const ql of LANGUAGES) {
        expect(sorted(names(stateFields(type, ql))), `${type}.${ql}`).toEqual(sorted(Object.keys(objectProperties(defs, `${type}.${ql}`))));
      }
    }
  });

  it('offers every field the schema allows in each nested object kind (nested Choice rules exist only in JSONPath)', () => {
    for (const kind of NESTED) {
      for (const ql of LANGUAGES) {
        const expected = kind === 'nestedRule' && ql === 'JSONata' ? [] : Object.keys(objectProperties(defs, definitionOf(kind, undefined, ql)));
        expect(expected.length > 0 || (kind === 'nestedRule' && ql === 'JSONata'), `${kind} ${ql} has fields`).toBe(true);
        expect(sorted(names(objectFields(kind, ql))), `${kind} ${ql}`).toEqual(sorted(expected));
      }
    }
  });

  it('keeps the order completion shows (Task, Map) and says which fields are of one query language only', () => {
    expect(names(stateFields('Task', 'JSONPath'))).toEqual([
      'Type',
      'Comment',
      'QueryLanguage',
      'Next',
      'End',
      'InputPath',
      'OutputPath',
      'Resource',
      'Parameters',
      'Credentials',
      'ResultSelector',
      'ResultPath',
      'Assign',
      'Retry',
      'Catch',
      'TimeoutSeconds',
      'TimeoutSecondsPath',
      'HeartbeatSeconds',
      'HeartbeatSecondsPath',
    ]);
    expect(names(stateFields('Map', 'JSONata')).slice(5, 12)).toEqual(['ItemProcessor', 'Iterator', 'Items', 'ItemSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter']);
    const task = new Map(stateFields('Task', 'JSONata').map((x) => [x.name, x]));
    expect(task.get('Arguments')?.only).toBe('JSONata');
    expect(task.get('Output')?.only).toBe('JSONata');
    expect(task.get('Resource')?.only).toBeUndefined();
    expect(fieldInfo('state', 'ResultPath', 'Task', 'JSONata')?.only).toBe('JSONPath');
    expect(fieldInfo('catcher', 'ResultPath', undefined, 'JSONata')?.only).toBe('JSONPath');
    expect(fieldInfo('catcher', 'Output', undefined, 'JSONPath')?.only).toBe('JSONata');
  });

  it('a state of an unknown type is offered the fields of every type; no type, only Type', () => {
    for (const ql of LANGUAGES) {
      const all = new Set(TYPES.flatMap((t) => Object.keys(objectProperties(defs, `${t}.${ql}`))));
      expect(sorted(names(stateFields('Tsak', ql)))).toEqual(sorted([...all]));
    }
    expect(names(stateFields(undefined, 'JSONPath'))).toEqual(['Type']);
    expect(isStateField('Tsak', 'Resource')).toBe(false);
    expect(isStateField('Pass', 'Resource')).toBe(false);
    expect(isStateField('Task', 'Resource')).toBe(true);
    expect(isStateField('Task', 'Arguments')).toBe(true);
  });

  it('marks required what the schema requires (Type of every state, Resource, Choices, Branches, ItemProcessor as the non-deprecated one of its group)', () => {
    const required = (l: { name: string; required?: boolean }[]) => l.filter((x) => x.required).map((x) => x.name);
    expect(required(stateFields('Task', 'JSONPath'))).toEqual(['Type', 'Resource']);
    expect(required(stateFields('Choice', 'JSONata'))).toEqual(['Type', 'Choices']);
    expect(required(stateFields('Parallel', 'JSONPath'))).toEqual(['Type', 'Branches']);
    expect(required(stateFields('Wait', 'JSONPath'))).toEqual(['Type']);
    expect(required(stateFields('Map', 'JSONata'))).toEqual(['Type', 'ItemProcessor']);
    // The fact the ItemProcessor preference rests on: the schema requires one of the two, and Iterator is deprecated.
    expect(defs['Map.JSONPath'].aslRequireOne).toContainEqual(['ItemProcessor', 'Iterator']);
    expect(fieldInfo('state', 'Iterator', 'Map', 'JSONPath')?.deprecated).toBeTruthy();
    expect(required(objectFields('root', 'JSONPath'))).toEqual(['StartAt', 'States']);
    expect(required(objectFields('catcher', 'JSONata'))).toEqual(['ErrorEquals', 'Next']);
    expect(required(objectFields('credentials', 'JSONPath'))).toEqual([]);
  });

  // Where the old hand-written matrix disagreed with the schema, the schema wins (each fails on the old matrix).
  it('schema wins: a nested Choice rule may have a Comment', () => {
    expect(names(objectFields('nestedRule', 'JSONPath'))).toContain('Comment');
    expect(fieldInfo('nestedRule', 'Comment', undefined, 'JSONPath')?.doc).toBe('A human-readable description.');
  });

  it('schema wins: Condition of a JSONata Choice rule, OutputType of WriterConfig and RoleArn of JSONata Credentials are required', () => {
    expect(fieldInfo('choiceRule', 'Condition', undefined, 'JSONata')?.required).toBe(true);
    expect(fieldInfo('writerConfig', 'OutputType', undefined, 'JSONPath')?.required).toBe(true);
    expect(fieldInfo('writerConfig', 'Transformation', undefined, 'JSONPath')?.required).toBeUndefined();
    expect(fieldInfo('credentials', 'RoleArn', undefined, 'JSONata')?.required).toBe(true);
    expect(fieldInfo('credentials', 'RoleArn', undefined, 'JSONPath')?.required).toBeUndefined();
  });

  it("fields.ts copies no schema enum: its only stated values are those the schema cannot say (the state types in the editor's order, ItemReader's and ResultWriter's S3 APIs)", () => {
    const source = readFileSync(join(import.meta.dirname, '..', 'src', 'lsp', 'fields.ts'), 'utf8');
    const stated = [...source.matchAll(/\{\s*values: (\[[^\]]*\]|\w+)/g)].map((m) => m[1].replace(/\s+/g, ' '));
    expect(stated).toEqual(['STATE_TYPES', "['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2']", "['arn:aws:states:::s3:putObject']"]);
    // The values, and what the field accepts said in words, come from the schema.
    expect(fieldInfo('retrier', 'JitterStrategy', undefined, 'JSONPath')).toMatchObject({ values: ['FULL', 'NONE'], accepts: 'FULL or NONE' });
    expect(fieldInfo('readerConfig', 'CSVDelimiter', undefined, 'JSONata')).toMatchObject({ values: ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'], accepts: 'COMMA, PIPE, SEMICOLON, SPACE or TAB' });
    expect(fieldInfo('state', 'QueryLanguage', 'Task', 'JSONPath')).toMatchObject({ values: ['JSONPath', 'JSONata'], accepts: 'JSONPath or JSONata' });
    expect(fieldInfo('root', 'Version', undefined, 'JSONPath')).toMatchObject({ values: ['1.0'], accepts: '"1.0"' });
  });

  it('the values offered for a field are the schema enum, where the schema has one', () => {
    let checked = 0;
    const check = (info: { name: string; values?: readonly string[] }, node: SchemaNode | undefined, where: string) => {
      const n = node && resolveRef(defs, node);
      const alternatives = n && Array.isArray(n.anyOf) ? (n.anyOf as SchemaNode[]).map((a) => resolveRef(defs, a)) : n ? [n] : [];
      const e = alternatives.find((a) => Array.isArray(a.enum))?.enum as unknown[] | undefined;
      if (!e) return;
      checked++;
      expect(sorted([...(info.values ?? [])]), `${where} ${info.name}`).toEqual(sorted(e.map(String)));
    };
    for (const type of TYPES) {
      for (const ql of LANGUAGES) for (const info of stateFields(type, ql)) check(info, objectProperties(defs, `${type}.${ql}`)[info.name] as SchemaNode, `${type}.${ql}`);
    }
    for (const kind of NESTED) {
      for (const ql of LANGUAGES) {
        for (const info of objectFields(kind, ql)) check(info, objectProperties(defs, definitionOf(kind, undefined, ql))[info.name] as SchemaNode, `${kind} ${ql}`);
      }
    }
    // Type, QueryLanguage, Version, JitterStrategy, Mode, ExecutionType, InputType, CSVHeaderLocation, CSVDelimiter, ManifestType, OutputType, Transformation.
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('each kind of object is described by the definition the validator reaches it through', () => {
    const cases: { type: string; ql: QueryLanguage; rest: (string | number)[]; value: unknown }[] = [
      { type: 'Task', ql: 'JSONPath', rest: ['Retry', 0], value: { Retry: [{}] } },
      { type: 'Task', ql: 'JSONata', rest: ['Catch', 0], value: { Catch: [{}] } },
      { type: 'Task', ql: 'JSONPath', rest: ['Catch', 0], value: { Catch: [{}] } },
      { type: 'Task', ql: 'JSONata', rest: ['Credentials'], value: { Credentials: {} } },
      { type: 'Task', ql: 'JSONPath', rest: ['Credentials'], value: { Credentials: {} } },
      { type: 'Choice', ql: 'JSONPath', rest: ['Choices', 0], value: { Choices: [{}] } },
      { type: 'Choice', ql: 'JSONata', rest: ['Choices', 0], value: { Choices: [{}] } },
      { type: 'Choice', ql: 'JSONPath', rest: ['Choices', 0, 'And', 1], value: { Choices: [{ And: [{}, {}] }] } },
      { type: 'Choice', ql: 'JSONPath', rest: ['Choices', 0, 'Not'], value: { Choices: [{ Not: {} }] } },
      { type: 'Map', ql: 'JSONata', rest: ['ItemReader'], value: { ItemReader: {} } },
      { type: 'Map', ql: 'JSONPath', rest: ['ItemReader', 'ReaderConfig'], value: { ItemReader: { ReaderConfig: {} } } },
      { type: 'Map', ql: 'JSONPath', rest: ['ItemBatcher'], value: { ItemBatcher: {} } },
      { type: 'Map', ql: 'JSONata', rest: ['ResultWriter'], value: { ResultWriter: {} } },
      { type: 'Map', ql: 'JSONPath', rest: ['ResultWriter', 'WriterConfig'], value: { ResultWriter: { WriterConfig: {} } } },
    ];
    for (const c of cases) {
      const kind = nestedKind(c.type, c.rest);
      expect(kind, c.rest.join('.')).toBeDefined();
      expect(nodeAt(defs, `${c.type}.${c.ql}`, c.value, c.rest).name, `${c.type}.${c.ql} ${c.rest.join('.')}`).toBe(definitionOf(kind!, undefined, c.ql));
    }
    expect(nodeAt(defs, 'Map.JSONPath', { ItemProcessor: { ProcessorConfig: {} } }, ['ItemProcessor', 'ProcessorConfig']).name).toBe(definitionOf('processorConfig', undefined, 'JSONPath'));
    expect(nodeAt(defs, 'Parallel.JSONPath', { Branches: [{}] }, ['Branches', 0]).name).toBe(definitionOf('branch', undefined, 'JSONPath'));
    expect(nodeAt(defs, 'Map.JSONata', { ItemProcessor: {} }, ['ItemProcessor']).name).toBe(definitionOf('processor', undefined, 'JSONata'));
    for (const type of TYPES) for (const ql of LANGUAGES) expect(VALIDATOR_NAMES).toContain(definitionOf('state', type, ql));
    expect(VALIDATOR_NAMES).toContain(definitionOf('root', undefined, 'JSONPath'));
  });
});
