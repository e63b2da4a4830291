/**
 * One question about a place in a state: what kind of value does the field there hold, for this
 * state type and query language? A path (and which kind), a payload template's `.$` member (a
 * path or an intrinsic function call), a string read as JSONata, or none of ASL's languages.
 *
 * Answered from lang/state-fields.ts's tables, the facts lang/sites.ts collects its sites from,
 * for a place that may not hold a value yet (the editor asks while a value is typed).
 * test/field-values.test.ts checks that this answer and sitesOf() agree on every place of every
 * corpus definition, rule example and fixture.
 */
import type { Path, QueryLanguage } from '../types.js';
import { CATCHER_PATH_FIELDS, CHOICE_PATH_OPERATORS, FIELDS_BY_TYPE, isStateType, JSONATA_FIELDS, JSONATA_PAYLOADS, NOT_JSONATA, RESULT_TYPES, type PathFieldKind } from './state-fields.js';

export type FieldValue =
  /** A path field (InputPath, ItemsPath, a Choice rule's Variable...), of this kind. */
  | { kind: 'path'; path: PathFieldKind }
  /** A member of a JSONPath payload template whose key ends in `.$`: a path or an intrinsic function call. */
  | { kind: 'template' }
  /** A string read as JSONata when it is written `{% ... %}`. */
  | { kind: 'jsonata' };

const TEMPLATE: FieldValue = { kind: 'template' };
const JSONATA: FieldValue = { kind: 'jsonata' };
const RESULT = new Set<string>(RESULT_TYPES);

/**
 * What the value at `rest` (the path from the state object: `['InputPath']`,
 * `['Choices', 0, 'Not', 'Variable']`, `['Parameters', 'id.$']`) holds in a state of `type`;
 * undefined for a place none of ASL's languages reads (a plain template member, a Comment, a
 * field the type does not accept).
 */
export function fieldValueAt(type: string | undefined, language: QueryLanguage, rest: Path): FieldValue | undefined {
  if (type === undefined || !isStateType(type) || rest.length === 0) return undefined;
  return language === 'JSONata' ? (readsJsonata(type, rest) ? JSONATA : undefined) : jsonPathValue(type, rest);
}

/** Whether a path field of this kind may read the context object (`$$`): not ResultPath, not Map's number fields. */
export function readsContextObject(kind: PathFieldKind): boolean {
  return kind !== 'result' && kind !== 'number';
}

function jsonPathValue(type: keyof typeof JSONATA_FIELDS, rest: Path): FieldValue | undefined {
  const fields = FIELDS_BY_TYPE[type];
  for (const f of fields.paths) if (samePath(rest, f.at)) return { kind: 'path', path: f.kind };
  if (isDollarMember(rest)) {
    for (const f of fields.templates) if (startsWith(rest, f.at, 0)) return TEMPLATE;
  }
  const [first, index, field] = rest;
  if (typeof index !== 'number') return undefined;
  if (type === 'Choice' && first === 'Choices') {
    if (field === 'Assign') return isDollarMember(rest) ? TEMPLATE : undefined;
    return choiceRuleValue(rest, 2);
  }
  if (RESULT.has(type) && first === 'Catch') {
    if (rest.length === 3) {
      const f = CATCHER_PATH_FIELDS.find((c) => c.field === field);
      return f ? { kind: 'path', path: f.kind } : undefined;
    }
    if (field === 'Assign' && isDollarMember(rest)) return TEMPLATE;
  }
  return undefined;
}

/** A Choice rule's Variable and `...Path` operators, through And/Or/Not; `at`: where the rule's members start in `rest`. */
function choiceRuleValue(rest: Path, at: number): FieldValue | undefined {
  for (let i = at; i < rest.length;) {
    const key = rest[i];
    if (i === rest.length - 1) return key === 'Variable' || (typeof key === 'string' && CHOICE_PATH_OPERATORS.has(key)) ? { kind: 'path', path: 'choice' } : undefined;
    if ((key === 'And' || key === 'Or') && typeof rest[i + 1] === 'number') i += 2;
    else if (key === 'Not') i += 1;
    else return undefined;
  }
  return undefined;
}

/**
 * Whether a string at `rest` in a JSONata state is read as JSONata, as sites.ts walks such a state:
 * the type's JSONata fields; in a catcher or Choice rule, its members but NOT_JSONATA; inside ASL
 * structures every member but NOT_JSONATA; inside a payload (JSONATA_PAYLOADS), everything.
 */
function readsJsonata(type: keyof typeof JSONATA_FIELDS, rest: Path): boolean {
  const first = rest[0];
  if (typeof first !== 'string' || NOT_JSONATA.has(first) || !JSONATA_FIELDS[type].has(first)) return false;
  let i = 1;
  if ((first === 'Catch' || first === 'Choices') && typeof rest[1] === 'number') {
    // A catcher or rule that is not an object is not read; in one, each member but NOT_JSONATA.
    const member = rest[2];
    if (typeof member !== 'string' || NOT_JSONATA.has(member)) return false;
    if (JSONATA_PAYLOADS.has(member)) return true;
    i = 3;
  } else if (JSONATA_PAYLOADS.has(first)) {
    return true;
  }
  for (; i < rest.length; i++) {
    const key = rest[i];
    if (typeof key === 'number') continue;
    if (NOT_JSONATA.has(key)) return false;
    if (JSONATA_PAYLOADS.has(key)) return true;
  }
  return true;
}

function isDollarMember(rest: Path): boolean {
  const last = rest[rest.length - 1];
  return typeof last === 'string' && last.endsWith('.$');
}

function samePath(a: Path, b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `rest` starts with `prefix` (from `from`) and goes deeper. */
function startsWith(rest: Path, prefix: readonly string[], from: number): boolean {
  if (rest.length <= from + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (rest[from + i] !== prefix[i]) return false;
  return true;
}
