/**
 * Raw problems in words: AWS's where they are known (`Field 'X' is not supported`, `These fields
 * are required: [...]`, the QueryLanguage messages), located the way AWS locates them, never an
 * ajv dump; a hint for people (did you mean, what the field takes, what was found). The schema
 * itself is read (only when there is an error) to describe what a field takes.
 */
import type { Path, PathSegment } from '../types.js';
import { formatLocation } from '../model/location.js';
import { isTerminalType } from '../model/state-types.js';
import { closest } from '../lang/suggest.js';
import { has, propertiesOf, resolveRef, type Definitions, type SchemaNode } from './navigation.js';
import { valueAt } from '../value-at.js';
import type { Raw, SchemaFinding, SchemaRuleId, Subject } from './types.js';

const JSONATA_HINT = '{% ... %}';

/** A raw problem in words, located: AWS's message where it is known, the hint for people. */
export function toFinding(subject: Subject, r: Raw, defs: Definitions, rule: SchemaRuleId): SchemaFinding {
  const abs = (segs: PathSegment[]): Path => [...subject.base, ...segs];
  const objPath = abs(r.segs);
  const objLoc = formatLocation(objPath);
  const p = r.problem;
  switch (r.kind) {
    case 'unknown': {
      const hint = r.suggestion ? `did you mean '${r.suggestion}'?` : fieldHint(subject, r.definition!, r.field!, defs);
      const f: SchemaFinding = {
        rule,
        message: `Field '${r.field}' is not supported`,
        hint: hint ? `(${hint})` : undefined,
        location: objLoc,
        path: [...objPath, r.field!],
        part: 'key',
        data: { field: r.field, ...(r.suggestion ? { suggestion: r.suggestion } : {}) },
      };
      if (r.suggestion) f.replace = { part: 'key', text: r.suggestion, title: `Rename '${r.field}' to '${r.suggestion}'` };
      return f;
    }
    case 'wrongLanguage': {
      const ql = subject.queryLanguage ?? 'JSONPath';
      const other = ql === 'JSONPath' ? 'JSONata' : 'JSONPath';
      // AWS locates it at the state; inside a state's own objects (ResultWriter ...) at the field.
      const fieldPath = [...objPath, r.field!];
      return {
        rule,
        message: `The QueryLanguage is set to '${ql}', but field '${r.field}' is only supported for the '${other}' QueryLanguage`,
        location: r.segs.length ? formatLocation(fieldPath) : objLoc,
        path: fieldPath,
        part: 'key',
        data: { field: r.field, queryLanguage: ql },
      };
    }
    case 'required':
      return {
        rule,
        message: `These fields are required: [${r.missing!.join(', ')}]`,
        location: objLoc,
        path: objPath,
        part: 'key',
        atStart: objPath.length === 0,
        data: { fields: r.missing },
      };
    case 'enum': {
      const name = fieldName(objPath);
      const value = valueAt(subject.value, r.segs);
      const allowed = r.allowed!.map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      // AWS words the state Type differently from every other enum.
      const isType = subject.kind === 'state' && r.segs.length === 1 && r.segs[0] === 'Type';
      const f: SchemaFinding = {
        rule,
        message: isType ? `The field 'Type' should have one of these values: [${allowed.join(', ')}]` : `Value should be one of the following: [${allowed.join(', ')}]`,
        hint: suggestion ? `(${isType ? '' : `'${name}': `}did you mean '${suggestion}'?)` : isType ? undefined : `('${name}' is ${render(value)})`,
        location: objLoc,
        path: objPath,
        part: 'value',
        data: { field: name, allowed, ...(suggestion ? { suggestion } : {}) },
      };
      if (suggestion) f.replace = { part: 'value', text: suggestion, title: `Change to '${suggestion}'` };
      return f;
    }
    case 'credentials': {
      const found = r.others ?? [];
      const takes = subject.queryLanguage === 'JSONata' ? "'RoleArn'" : "'RoleArn' (or 'RoleArn.$' with a path)";
      const typo = found.length === 1 ? found[0] : undefined;
      const seen = found.map((u) => `'${u.field}'${u.suggestion ? ` (did you mean '${u.suggestion}'?)` : ''}`);
      const f: SchemaFinding = {
        rule,
        message: "The field 'RoleArn' is required but was missing",
        hint: `(Credentials takes ${takes}${seen.length ? `; found ${seen.join(', ')}` : ''})`,
        location: objLoc,
        path: objPath,
        part: 'key',
        data: { fields: ['RoleArn'] },
      };
      if (typo?.suggestion) f.replace = { path: [...objPath, typo.field!], part: 'key', text: typo.suggestion, title: `Rename '${typo.field}' to '${typo.suggestion}'` };
      return f;
    }
    case 'empty': {
      // AWS's words name no field; the hint does (lint(), CLI, editor).
      const name = fieldName(objPath);
      const value = valueAt(subject.value, r.segs);
      const what = Array.isArray(value) ? 'at least one item' : typeof value === 'string' ? 'at least one character' : 'at least one field';
      return { rule, message: 'Value cannot be empty', hint: name ? `('${name}' needs ${what})` : undefined, location: objLoc, path: objPath, part: 'value' };
    }
    case 'value':
      return valueFinding(subject, r, defs, rule, objPath);
    case 'exclusive': {
      const { group, present } = p as { group: string[]; present: string[] };
      // Located at the first of the group that is set (MaxConcurrency rather than MaxConcurrencyPath).
      const at = [...objPath, present[0]];
      return {
        rule,
        message: `Only one of ${group.map(quote).join(', ')} may be set`,
        hint: present.length < group.length ? `(found ${present.map(quote).join(' and ')})` : undefined,
        location: formatLocation(at),
        path: at,
        part: 'key',
        data: { fields: present },
      };
    }
    case 'requireOne': {
      const { group } = p as { group: string[] };
      return { rule, message: `One of these fields is required: [${group.join(', ')}]`, location: objLoc, path: objPath, part: 'key', atStart: objPath.length === 0, data: { fields: group } };
    }
    case 'requiredWhen': {
      const { field, equals, missing } = p as { field: string; equals?: string; missing: string[] };
      const what = missing.length === 1 ? `The field '${missing[0]}' is required` : `These fields are required: [${missing.join(', ')}]`;
      const when = equals === undefined ? `when '${field}' is set` : `when '${field}' is '${equals}'`;
      return { rule, message: `${what} ${when}`, location: objLoc, path: [...objPath, field], part: 'key', data: { fields: missing } };
    }
    case 'nextOrEnd': {
      const which = (p as { problem: string }).problem;
      if (which === 'both') return { rule, message: "Only one of 'Next', 'End' may be set", location: objLoc, path: [...objPath, 'End'], part: 'key' };
      if (which === 'endFalse') {
        return {
          rule,
          message: `'"End": false' does not end the state and there is no 'Next'`,
          hint: "Set 'Next' to the state that follows, or 'End' to true.",
          location: objLoc,
          path: [...objPath, 'End'],
          part: 'value',
        };
      }
      return { rule, message: `A ${subject.stateType} state must have either 'Next' or '"End": true'`, location: objLoc, path: objPath, part: 'key' };
    }
    case 'lessThan': {
      const { field, than, limit } = p as { field: string; than: string; limit: number };
      return {
        rule,
        message: `The field '${field}' must be smaller than '${than}' (${limit}), got ${render(valueAt(subject.value, [...r.segs, field]))}`,
        location: formatLocation([...objPath, field]),
        path: [...objPath, field],
        part: 'value',
      };
    }
    case 'statesAll': {
      const { index, at, alone, last } = p as { index: number; at: number; alone: boolean; last: boolean };
      const array = String(r.segs[r.segs.length - 1]);
      const what = array === 'Retry' ? 'retrier' : 'catcher';
      const why = [alone ? "it is not the only error name in its 'ErrorEquals'" : '', last ? `its ${what} is not the last one in '${array}'` : ''].filter(Boolean).join(', and ');
      const path = [...objPath, index, 'ErrorEquals', at];
      return { rule, message: 'States.ALL must appear alone and at end of list', hint: `(${why})`, location: formatLocation(path), path, part: 'value' };
    }
    case 'choiceRule': {
      const { problem, fields } = p as { problem: string; fields: string[] };
      const at = (f: string): Path => [...objPath, f];
      switch (problem) {
        case 'boolMany':
          return { rule, message: "Only one of 'And', 'Or', 'Not' may be set", location: objLoc, path: at(fields[1]), part: 'key' };
        case 'mixed':
          return {
            rule,
            message: `A Choice rule is either a comparison ('Variable' with one operator) or a Boolean expression ('And', 'Or', 'Not'), not both: found ${fields.map(quote).join(', ')}`,
            location: objLoc,
            path: at(fields[0]),
            part: 'key',
          };
        case 'opMany':
          return { rule, message: `Each Choice rule can only have one comparison operator, found ${fields.map(quote).join(', ')}`, location: objLoc, path: at(fields[1]), part: 'key' };
        case 'noVariable':
          return { rule, message: `The comparison operator '${fields[0]}' needs a 'Variable' (the path of the value to compare)`, location: objLoc, path: at(fields[0]), part: 'key' };
        case 'noOperator':
          return {
            rule,
            message: "The Choice rule has a 'Variable' but no comparison operator (such as 'StringEquals', 'NumericGreaterThan' or 'IsPresent')",
            location: objLoc,
            path: objPath,
            part: 'value',
          };
        default:
          return {
            rule,
            message: "A Choice rule must be a comparison ('Variable' with an operator such as 'StringEquals') or a Boolean expression ('And', 'Or' or 'Not')",
            location: objLoc,
            path: objPath,
            part: 'value',
          };
      }
    }
  }
}

/**
 * A value of the wrong type or out of range. AWS's validator words these "Expected value of type
 * [INTEGER]", "Minimum value is 0", "Maximum value is 100"; the hint says what the field takes.
 */
function valueFinding(subject: Subject, r: Raw, defs: Definitions, rule: SchemaRuleId, path: Path): SchemaFinding {
  const value = valueAt(subject.value, r.segs);
  const node = resolveRef(defs, r.node ?? {});
  const location = formatLocation(path);
  const name = fieldName(path);
  if (isBadTimestamp(defs, node, value)) {
    return {
      rule,
      message: 'String does not match RFC3339 timestamp',
      hint: `(write '${name}' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)`,
      location,
      path,
      part: 'value',
    };
  }
  const sentence = `The field '${name}' must be ${describe(defs, node)}, got ${render(value)}`;
  if (Array.isArray(node.anyOf)) return { rule, message: sentence, location, path, part: 'value' };
  const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
  let message: string | undefined;
  if (!types.some((t) => hasJsonType(value, t))) message = `Expected value of type [${types.map((t) => t.toUpperCase()).join(', ')}]`;
  else if (typeof value === 'number' && typeof node.minimum === 'number' && value < node.minimum) message = `Minimum value is ${node.minimum}`;
  else if (typeof value === 'number' && typeof node.maximum === 'number' && value > node.maximum) message = `Maximum value is ${node.maximum}`;
  return message ? { rule, message, hint: `${sentence}.`, location, path, part: 'value' } : { rule, message: sentence, location, path, part: 'value' };
}

function hasJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** Why a known field does not fit here, when that helps (it belongs to other state types ...). */
function fieldHint(subject: Subject, definition: string, field: string, defs: Definitions): string | undefined {
  if (definition === 'choiceRule.JSONPath.nested' && (field === 'Next' || field === 'Assign')) {
    return `a Choice rule inside 'And', 'Or' or 'Not' cannot have '${field}'`;
  }
  if (subject.kind !== 'state' || definition !== subject.definition) return undefined;
  if (subject.stateType === 'Choice' && field === 'Next') return "a Choice state moves on through the 'Next' of its rules and its 'Default'";
  if (isTerminalType(subject.stateType) && (field === 'Next' || field === 'End')) {
    return `a ${subject.stateType} state is always a terminal state`;
  }
  const types = (defs.stateType?.enum as string[] | undefined) ?? [];
  const owners = types.filter((t) => t !== subject.stateType && has(propertiesOf(defs[`${t}.${subject.queryLanguage}`]), field));
  if (owners.length) return `it is supported on ${joinAnd(owners)} states`;
  return undefined;
}

/** What a schema node accepts, as a phrase: "an integer from 1 to 99999999 or a JSONata expression ({% ... %})". */
function describe(defs: Definitions, node: SchemaNode): string {
  const n = resolveRef(defs, node);
  if (Array.isArray(n.anyOf)) return (n.anyOf as SchemaNode[]).map((a) => describe(defs, a)).join(' or ');
  if (Array.isArray(n.enum)) return `one of ${(n.enum as unknown[]).map(String).join(', ')}`;
  const types = Array.isArray(n.type) ? (n.type as string[]) : typeof n.type === 'string' ? [n.type] : [];
  if (!types.length) return 'a JSON value';
  return types.map((t) => describeType(defs, t, n)).join(' or ');
}

function describeType(defs: Definitions, type: string, n: SchemaNode): string {
  switch (type) {
    case 'integer':
    case 'number': {
      const fmt = (x: number) => (type === 'number' && Number.isInteger(x) ? x.toFixed(1) : String(x));
      const min = n.minimum as number | undefined;
      const max = n.maximum as number | undefined;
      const what = type === 'integer' ? 'an integer' : 'a number';
      if (min !== undefined && max !== undefined) return `${what} from ${fmt(min)} to ${fmt(max)}`;
      if (min !== undefined) return `${what} of at least ${fmt(min)}`;
      if (max !== undefined) return `${what} of at most ${fmt(max)}`;
      return what;
    }
    case 'string':
      if (n.pattern !== undefined && n.pattern === defs.jsonata?.pattern) return `a JSONata expression (${JSONATA_HINT})`;
      if (n.pattern !== undefined && n.pattern === defs.timestamp?.pattern) return 'an RFC 3339 timestamp (such as 2016-03-14T01:59:00Z)';
      return n.minLength ? 'a non-empty string' : 'a string';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return type;
  }
}

/** A string that should be a timestamp (and does not try to be a JSONata expression). */
function isBadTimestamp(defs: Definitions, node: SchemaNode, value: unknown): boolean {
  if (typeof value !== 'string' || value.trimStart().startsWith('{%')) return false;
  const alts = Array.isArray(node.anyOf) ? (node.anyOf as SchemaNode[]).map((a) => resolveRef(defs, a)) : [node];
  return alts.some((a) => a.pattern !== undefined && a.pattern === defs.timestamp?.pattern);
}

/** The name a message uses for the value at a path: `BackoffRate`, `ErrorEquals[1]`, `Branches[0]`. */
function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const prev = path[path.length - 2];
    return `${typeof prev === 'string' ? prev : ''}[${last}]`;
  }
  return String(last ?? '');
}

/** A value as a message shows it: JSON for scalars (long strings shortened), the kind for the rest. */
export function render(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}..."` : s;
}

function quote(s: string): string {
  return `'${s}'`;
}

function joinAnd(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
