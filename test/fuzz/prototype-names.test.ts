/**
 * Names of Object.prototype members (constructor, toString, __proto__ ...) in every place a name
 * goes in a rich definition, as JSON and YAML, through validate() and lint().
 *
 * CI runs a small, fixed number of iterations. To hunt bugs locally:
 *   FUZZ_ITERATIONS=20000 FUZZ_SEED=7 FUZZ_DUMP=/tmp/fuzz npx vitest run test/fuzz/
 * (FUZZ_DUMP writes each failing input, with what broke, to that folder; FUZZ_BUDGET_MS lowers
 * the time a call may take, to find slow paths; FUZZ_STATS=1 prints the diagnostic codes reached).
 * The invariants: test/fuzz/invariants.ts; the generators: test/fuzz/generators.ts.
 */
import { describe, expect, it } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import { lint, validate } from '../../src/index.js';
import { RICH, clone, toJson, type Val } from './generators.js';
import { diagnosticProblems, timed } from './invariants.js';
import { get, renameKey, set, slots } from './mutations.js';

// ---------------------------------------------------------------------------------------------
// Names of Object.prototype members, everywhere a name goes: a lookup in a plain-object table
// (`TABLE[state.type]`) finds a function there instead of nothing.

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', 'toLocaleString'];

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

describe('fuzz: Object.prototype names', () => {
  it('Object.prototype member names anywhere (state, Type, field, service, function, variable) lint cleanly', () => {
    const problems: string[] = [];
    for (const { name, how, value } of protoVariants()) {
      const json = toJson(value, '');
      // YAML builds its own objects from keys; values go the same way as JSON's after that.
      const yaml = how === 'key' ? yamlStringify(value) : undefined;
      const before = problems.length;
      const v = timed('validate', json, problems, () => validate(json));
      for (const d of v?.diagnostics ?? []) if (d.code === 'INTERNAL_ERROR') problems.push(`validate: INTERNAL_ERROR: ${d.message}`);
      for (const [text, fileName] of yaml === undefined
        ? [[json, 'a.asl.json']]
        : [
            [json, 'a.asl.json'],
            [yaml, 'a.asl.yaml'],
          ]) {
        const l = timed(`lint(${fileName})`, text, problems, () => lint(text, { fileName }));
        if (l) problems.push(...diagnosticProblems(l.diagnostics, text, `lint(${fileName})`));
      }
      for (let i = before; i < problems.length; i++) problems[i] = `[${name}] ${problems[i]}`;
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
