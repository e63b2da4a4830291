/**
 * lang/state-fields.ts states ASL's field facts once; the schema (schemas/asl.schema.json) states
 * the allowed fields per state type and query language. These tests make the two agree, entry by
 * entry, so a field added to one and not the other fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ASSIGN_TYPES,
  CATCHER_PATH_FIELDS,
  CHOICE_OPERATORS,
  CHOICE_PATH_OPERATORS,
  FIELDS_BY_TYPE,
  isStateType,
  JSONATA_FIELDS,
  NOT_JSONATA,
  PATH_FIELDS,
  RESULT_TYPES,
  STATE_TYPES,
  TEMPLATE_FIELDS,
  TRANSITION_TYPES,
} from '../src/lang/state-fields.js';
import { isResultType, isTerminalType, TERMINAL_TYPES } from '../src/model/state-types.js';
import { evaluateRule } from '../src/run/choice.js';
import { fieldInfo } from '../src/lsp/fields.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; enum?: string[]; items?: Schema };
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'asl.schema.json'), 'utf8')) as { definitions: Record<string, Schema> };
const defs = schema.definitions;

/** A definition, following `$ref`s. */
function deref(s: Schema | undefined): Schema | undefined {
  let seen = 0;
  while (s?.$ref && seen++ < 20) s = defs[s.$ref.replace('#/definitions/', '')];
  return s;
}

/** The properties a (sub)schema declares, through $ref, anyOf/oneOf/allOf and array items. */
function properties(s: Schema | undefined): Record<string, Schema> {
  s = deref(s);
  if (!s) return {};
  const out: Record<string, Schema> = { ...(s.properties ?? {}) };
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) Object.assign(out, properties(sub));
  if (s.items) Object.assign(out, properties(s.items));
  return out;
}

/** The property at `at` under a state definition, or undefined when the schema does not declare it. */
function declared(def: string, at: readonly string[]): Schema | undefined {
  let s: Schema | undefined = defs[def];
  for (const key of at) {
    const props = properties(s);
    if (!Object.hasOwn(props, key)) return undefined;
    s = props[key];
  }
  return s;
}

const fieldsOf = (type: string, language: 'JSONPath' | 'JSONata') => Object.keys(defs[`${type}.${language}`].properties ?? {});

describe('lang/state-fields.ts agrees with the schema', () => {
  it("STATE_TYPES are the schema's state types (the editor's order; AWS's message order is the schema's)", () => {
    expect([...STATE_TYPES].sort()).toEqual([...defs.stateType.enum!].sort());
    expect(STATE_TYPES).toHaveLength(8);
    for (const t of STATE_TYPES) expect(isStateType(t)).toBe(true);
    for (const t of ['constructor', 'toString', 'task', '']) expect(isStateType(t)).toBe(false);
  });

  it('every path field and template exists exactly in the JSONPath states the table names', () => {
    for (const f of [...PATH_FIELDS, ...TEMPLATE_FIELDS]) {
      for (const t of STATE_TYPES) {
        expect({ field: f.at.join('.'), type: t, declared: declared(`${t}.JSONPath`, f.at) !== undefined }).toEqual({ field: f.at.join('.'), type: t, declared: f.types.includes(t) });
      }
    }
  });

  it("lists every '...Path' field of every JSONPath state (and its twin where the schema has one)", () => {
    for (const t of STATE_TYPES) {
      const inSchema = fieldsOf(t, 'JSONPath').filter((k) => k.endsWith('Path'));
      expect(
        FIELDS_BY_TYPE[t].paths
          .filter((f) => f.at.length === 1)
          .map((f) => f.at[0])
          .sort(),
      ).toEqual(inSchema.sort());
      for (const f of FIELDS_BY_TYPE[t].paths) {
        const name = f.at[f.at.length - 1];
        const literal = name.slice(0, -'Path'.length);
        const hasLiteral = declared(`${t}.JSONPath`, [...f.at.slice(0, -1), literal]) !== undefined;
        // ResultPath's Result (Pass) and ItemsPath's Items (JSONata) are not twins; every other is.
        expect({ field: f.at.join('.'), twin: f.twin }).toEqual({ field: f.at.join('.'), twin: hasLiteral && name !== 'ResultPath' ? literal : undefined });
      }
    }
    expect(FIELDS_BY_TYPE.Fail.twins).toEqual([
      { at: ['Error'], field: 'Error' },
      { at: ['Cause'], field: 'Cause' },
    ]);
    expect(FIELDS_BY_TYPE.Map.twins.map((t) => t.at.join('.'))).toEqual([
      'MaxConcurrency',
      'ToleratedFailureCount',
      'ToleratedFailurePercentage',
      'ItemReader.ReaderConfig.MaxItems',
      'ItemBatcher.MaxItemsPerBatch',
      'ItemBatcher.MaxInputBytesPerBatch',
    ]);
  });

  it('the type groups are the types whose schema declares the field', () => {
    const having = (field: string) => STATE_TYPES.filter((t) => fieldsOf(t, 'JSONPath').includes(field));
    expect([...RESULT_TYPES].sort()).toEqual(having('ResultSelector').sort());
    expect([...RESULT_TYPES].sort()).toEqual(having('Catch').sort());
    expect([...RESULT_TYPES].sort()).toEqual(having('Retry').sort());
    expect([...ASSIGN_TYPES].sort()).toEqual(having('Assign').sort());
    expect([...TRANSITION_TYPES].sort()).toEqual(having('Next').sort());
    expect([...TRANSITION_TYPES].sort()).toEqual(having('End').sort());
    for (const { field } of CATCHER_PATH_FIELDS) expect(Object.keys(properties(defs['catcher.JSONPath']))).toContain(field);
  });

  it("TERMINAL_TYPES (model/state-types.ts) are the types whose schema has no Next, End or Default, in both query languages; the model's predicates agree with the lists", () => {
    for (const language of ['JSONPath', 'JSONata'] as const) {
      const ending = STATE_TYPES.filter((t) => !['Next', 'End', 'Default'].some((f) => fieldsOf(t, language).includes(f)));
      expect([...TERMINAL_TYPES].sort()).toEqual(ending.sort());
      const having = (field: string) => STATE_TYPES.filter((t) => fieldsOf(t, language).includes(field));
      expect([...RESULT_TYPES].sort()).toEqual(having('Catch').sort());
    }
    // The switches the model asks for every state: exactly the lists, and nothing that is not a type.
    for (const t of STATE_TYPES) {
      expect({ type: t, terminal: isTerminalType(t), result: isResultType(t) }).toEqual({ type: t, terminal: TERMINAL_TYPES.includes(t), result: RESULT_TYPES.includes(t) });
    }
    for (const t of [undefined, '', 'succeed', 'constructor', 'toString']) expect([isTerminalType(t), isResultType(t)]).toEqual([false, false]);
  });

  it('no other module lists state types or compares a Type with several: they read model/state-types.ts or lang/state-fields.ts', () => {
    const ROOT = join(import.meta.dirname, '..');
    const FACTS = new Set(['src/model/state-types.ts', 'src/lang/state-fields.ts']);
    // AWS's behaviour for these two types, not a group of types: TestState refuses them; their failure events are ParallelStateFailed and MapStateFailed.
    const PER_TYPE_BEHAVIOUR = new Set(['src/run/api.ts', 'src/run/interpreter.ts']);
    const T = '(?:Task|Pass|Choice|Wait|Succeed|Fail|Parallel|Map)';
    // Two type names in a row (a list), or one value compared with two of them (a set spelt out).
    const restated = new RegExp(`'${T}',\\s*'${T}'|=== '${T}'\\s*\\|\\|\\s*[\\w.]+ === '${T}'|!== '${T}'\\s*&&\\s*[\\w.]+ !== '${T}'`, 'g');
    const found: string[] = [];
    for (const dir of ['src', 'rules']) {
      for (const f of readdirSync(join(ROOT, dir), { recursive: true }).map(String)) {
        const file = `${dir}/${f}`;
        if (!file.endsWith('.ts') || FACTS.has(file) || PER_TYPE_BEHAVIOUR.has(file)) continue;
        for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(restated)) found.push(`${file}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
    // The check can fail: the comparison model.ts made before it asked isTerminalType().
    expect("type === 'Succeed' || type === 'Fail'").toMatch(restated);
  });

  it("CHOICE_PATH_OPERATORS are the JSONPath choice rule's '...Path' operators", () => {
    const ops = Object.keys(properties(defs['choiceRule.JSONPath'])).filter((k) => k.endsWith('Path'));
    expect([...CHOICE_PATH_OPERATORS].sort()).toEqual(ops.sort());
  });

  it("CHOICE_OPERATORS (and their '...Path' twins) are the JSONPath choice rule's operators, with the schema's value types", () => {
    const notOperators = new Set(['Variable', 'And', 'Or', 'Not', 'Next', 'Assign', 'Comment']);
    for (const def of ['choiceRule.JSONPath', 'choiceRule.JSONPath.nested']) {
      const props = properties(defs[def]);
      const ops = Object.keys(props).filter((k) => !notOperators.has(k));
      expect([...CHOICE_OPERATORS.flatMap((o) => (o.path ? [o.name, `${o.name}Path`] : [o.name]))].sort()).toEqual(ops.sort());
      for (const o of CHOICE_OPERATORS) {
        const want = o.value === 'timestamp' ? { $ref: '#/definitions/timestamp' } : { type: o.value === 'test' ? 'boolean' : o.value === 'pattern' ? 'string' : o.value };
        expect({ op: o.name, schema: props[o.name] }).toEqual({ op: o.name, schema: want });
        if (o.path) expect({ op: o.name, schema: props[`${o.name}Path`] }).toEqual({ op: o.name, schema: { $ref: '#/definitions/path' } });
      }
    }
  });

  it.each(['src/lsp/fields.ts', 'src/run/choice.ts', 'src/graph/condition.ts'])('%s lists no Choice operator of its own: it imports CHOICE_OPERATORS', (file) => {
    const source = readFileSync(join(import.meta.dirname, '..', file), 'utf8');
    expect(source).toMatch(/import \{[^}]*\bCHOICE_OPERATORS\b[^}]*\} from '\.\.\/lang\/state-fields\.js'/);
    // A list is two operator names in a row (the cases of a switch are behaviour, not a list).
    expect(source.match(/'(?:String|Numeric|Boolean|Timestamp|Is)[A-Za-z]*',\s*'(?:String|Numeric|Boolean|Timestamp|Is)[A-Za-z]*'/g) ?? []).toEqual([]);
  });

  it('the interpreter and the editor read CHOICE_OPERATORS: each operator is evaluated and documented', () => {
    const roots = { input: { x: 1 }, context: {}, variables: {} };
    const sample = { string: 'a', pattern: 'a*', number: 1, boolean: true, timestamp: '2024-01-01T00:00:00Z', test: true } as const;
    for (const o of CHOICE_OPERATORS) {
      // Numeric and test operators are true of 1 (IsNull, IsString... false); a Path twin reads the same value.
      const expected = o.value === 'number' ? /Equals$/.test(o.name) : o.value === 'test' ? ['IsPresent', 'IsNumeric'].includes(o.name) : false;
      expect({ op: o.name, result: evaluateRule({ Variable: '$.x', [o.name]: sample[o.value] }, roots) }).toEqual({ op: o.name, result: expected });
      if (o.path)
        expect({ op: `${o.name}Path`, result: evaluateRule({ Variable: '$.x', [`${o.name}Path`]: '$.x' }, roots) }).toEqual({
          op: `${o.name}Path`,
          result: o.value === 'number' && /Equals$/.test(o.name),
        });
      for (const kind of ['choiceRule', 'nestedRule'] as const) {
        expect(fieldInfo(kind, o.name, 'Choice', 'JSONPath')?.name).toBe(o.name);
        if (o.path) expect(fieldInfo(kind, `${o.name}Path`, 'Choice', 'JSONPath')?.name).toBe(`${o.name}Path`);
      }
    }
  });

  it("JSONATA_FIELDS are each JSONata state's fields except NOT_JSONATA (and Map's Label)", () => {
    for (const t of STATE_TYPES) {
      const want = fieldsOf(t, 'JSONata').filter((k) => !NOT_JSONATA.has(k) && !(t === 'Map' && k === 'Label'));
      expect({ type: t, fields: [...JSONATA_FIELDS[t]].sort() }).toEqual({ type: t, fields: want.sort() });
    }
  });
});
