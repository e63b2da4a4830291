/** Mutations: structural ones on the parsed value, and text ones on the serialized text. */
import { FIELDS, Gen, NUMBERS, RULE_NAMES, STATE_TYPES, DUPS, clone, isObj, type Obj, type Val } from './generators.js';

// ---------------------------------------------------------------------------------------------
// Structural mutations on the parsed value

export interface Slot {
  parent: Obj | Val[];
  key: string | number;
}

export function slots(root: Val, max = 20_000): Slot[] {
  const out: Slot[] = [];
  const stack: Val[] = [root];
  while (stack.length && out.length < max) {
    const v = stack.pop()!;
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), stack.push(x)));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) (out.push({ parent: v, key: k }), stack.push(x));
  }
  return out;
}

export function get(s: Slot): Val {
  return (s.parent as Record<string | number, Val>)[s.key];
}
export function set(s: Slot, v: Val): void {
  (s.parent as Record<string | number, Val>)[s.key] = v;
}

/** State objects: values of a `States` member. */
function stateObjects(root: Val): Obj[] {
  return slots(root)
    .filter((s) => s.key === 'States' && isObj(get(s)))
    .flatMap((s) => Object.values(get(s) as Obj).filter(isObj));
}

export function objects(root: Val): Obj[] {
  const out = isObj(root) ? [root] : [];
  for (const s of slots(root)) {
    const v = get(s);
    if (isObj(v)) out.push(v);
  }
  return out;
}

export function renameKey(o: Obj, from: string, to: string): void {
  // Keep the member's position: rebuild the object in order.
  const entries = Object.entries(o).map(([k, v]) => [k === from ? to : k, v] as [string, Val]);
  for (const k of Object.keys(o)) delete o[k];
  // defineProperty: a key such as "__proto__" must become a member, as JSON.parse makes it.
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export function depthOf(root: Val): number {
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
export function mutate(root: Val, g: Gen): { root: Val; label: string } {
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

/** What a person types mid-edit (brackets, half keys, paths, calls, JSONata marks): the LSP fuzz types these too. */
export const TYPED_SNIPPETS = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"Next": "',
  '"Type": "Ta',
  '{% $states.',
  '"x.$": "States.Format(',
  '\n    - ',
  '\n  ',
  '$.',
  'States.',
  ' ',
  '\\',
  '"Done"',
  'Next: ',
  '- ',
  '\t',
  '{%',
  '%}',
  '\u00e9\u{1F600}',
];

/** Those, broken escapes, and what a file may hold that nobody types mid-edit (control characters, YAML anchors and tags, comments, placeholders, directives). */
const SNIPPETS = [
  ...TYPED_SNIPPETS,
  '\\u',
  '\\ud800',
  '\u0000',
  '\r',
  '\r\n',
  '\ufeff',
  '&a',
  '*a',
  '!Ref ',
  '? ',
  '|',
  '>-',
  '#',
  '//',
  '/*',
  '1e400',
  'NaN',
  '-',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '<<: *a\n',
  '${X}',
  '${Timeout}',
  '"${X}"',
  '\n# asl-lint-disable-next-line NO_DOLLAR\n',
  '# asl-lint-disable\n',
  ' # asl-lint-disable SCHEMA_VALIDATION_FAILED\n',
];

export function mutateText(text: string, g: Gen): { text: string; label: string } {
  const r = g.r;
  const at = r.int(text.length + 1);
  switch (r.int(8)) {
    case 0:
      return { text: text.slice(0, at), label: `truncate ${at}` };
    case 1:
    case 2:
      return { text: text.slice(0, at) + r.pick(SNIPPETS) + text.slice(at), label: `insert at ${at}` };
    case 3:
      return { text: text.slice(0, at) + text.slice(at + 1 + r.int(12)), label: `delete at ${at}` };
    case 4:
      return { text: text.slice(0, at) + String.fromCharCode(r.int(0x80)) + text.slice(at + 1), label: `byte at ${at}` };
    case 5:
      return { text: text.replace(/\n/g, '\r\n'), label: 'CRLF' };
    case 6:
      return { text: '\ufeff' + text, label: 'BOM' };
    default: {
      const end = Math.min(text.length, at + r.int(40));
      const at2 = r.int(text.length + 1);
      return { text: text.slice(0, at2) + text.slice(at, end) + text.slice(at2), label: `copy range to ${at2}` };
    }
  }
}
