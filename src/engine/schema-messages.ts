/**
 * From ajv errors to AWS-style findings: one finding per real problem, in AWS's words where they are
 * known (`Field 'X' is not supported`, `These fields are required: [...]`, the QueryLanguage
 * messages), located the way AWS locates them, never an ajv dump.
 *
 * How the cascades collapse:
 * - a value that is a deploy-time placeholder is never reported (it may stand for any value);
 * - an `anyOf` (a number or a JSONata expression, an object or a JSONata expression) gives one
 *   summary for a scalar, and the errors of the matching alternative for an object or array;
 * - `required` errors of one object become one list;
 * - a missing field is not reported when a misspelt or wrong-language field beside it already is
 *   (`"Nxt"` says "did you mean 'Next'?"; a JSONata Wait with `SecondsPath` says SecondsPath is
 *   JSONPath-only, not also that Seconds is missing).
 * The schema itself is read (lazily, only when there is an error) to describe what a field takes.
 */
import type { ErrorObject } from 'ajv';
import type { Path, PathSegment, QueryLanguage } from '../types.js';
import { formatLocation } from '../model/location.js';
import { closest } from '../lang/suggest.js';
import { hasPlaceholder, isPlaceholder } from '../lang/placeholder.js';
import type { KeywordProblem } from './schema-keywords.js';

export type SchemaRuleId =
  | 'root-structure'
  | 'state-type'
  | 'query-language'
  | 'field-not-supported'
  | 'field-required'
  | 'field-value'
  | 'field-exclusive'
  | 'next-or-end'
  | 'retry-catch'
  | 'choice-rule';

export interface SchemaFinding {
  rule: SchemaRuleId;
  /** AWS's wording where it is known (validate() shows only this). */
  message: string;
  /** Help for people (did you mean, what the field takes, what was found): lint(), CLI and editor. */
  hint?: string;
  /** AWS-style location; null where AWS gives none. */
  location: string | null;
  /** Where the range goes: a path into the document's value, and which part of that member. */
  path: Path;
  part: 'value' | 'key';
  /** The range covers only the first character of the node (a missing field of a whole document). */
  atStart?: boolean;
  data?: Record<string, unknown>;
  /** A safe quick fix: replace the key or value at `path` with this name or enum value (quoted as the document needs). */
  replace?: { part: 'key' | 'value'; text: string; title: string; /** Where, when not at `path`. */ path?: Path };
}

type SchemaNode = Record<string, unknown>;
export type Definitions = Record<string, SchemaNode>;

/** What is being validated: the root object or one state. */
export interface Subject {
  /** The object's path in the document. */
  base: Path;
  value: unknown;
  /** The schema definition it was validated against (`root`, `state`, `Task.JSONPath` ...). */
  definition: string;
  kind: 'root' | 'state';
  /** For states. */
  stateType?: string;
  queryLanguage?: QueryLanguage;
  /** A JSONPath state in a JSONata machine: AWS reports only that, not the other language's fields. */
  downgraded?: boolean;
}

const JSONATA_HINT = '{% ... %}';

/** A raw problem before collapsing: what kind, on which object, about which fields. */
interface Raw {
  kind:
    | 'unknown'
    | 'wrongLanguage'
    | 'required'
    | 'value'
    | 'empty'
    | 'enum'
    | 'credentials'
    | KeywordProblem['kind'];
  /** Segments of the object (for object-level problems) or of the value (for value problems), relative to the subject. */
  segs: PathSegment[];
  field?: string;
  problem?: KeywordProblem;
  suggestion?: string;
  hint?: string;
  /** Schema definition that holds the field (for value descriptions and wrong-language twins). */
  node?: SchemaNode;
  allowed?: unknown[];
  missing?: string[];
  /** Problems folded into this one (the unknown fields of a Credentials object without RoleArn). */
  others?: Raw[];
}

export function mapErrors(subject: Subject, errors: readonly ErrorObject[], defs: Definitions): SchemaFinding[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A value of the wrong type is one problem: "Expected value of type [STRING]", not also "should be one of".
  const kept = collapseAnyOf(subject, errors, defs).filter((e) => e.keyword !== 'enum' || !typed.has(e.instancePath));
  const raws: Raw[] = [];
  const required = new Map<string, Raw>();
  for (const e of kept) {
    const segs = toSegments(subject.value, e.instancePath);
    const instance = valueAt(subject.value, segs);
    if (e.keyword !== 'additionalProperties' && e.keyword !== 'required' && isPlaceholder(instance)) continue;
    switch (e.keyword) {
      case 'additionalProperties': {
        const field = (e.params as { additionalProperty: string }).additionalProperty;
        if (hasPlaceholder(field)) break;
        raws.push(unknownField(subject, segs, field, defs));
        break;
      }
      case 'required': {
        const field = (e.params as { missingProperty: string }).missingProperty;
        const key = segs.join('\u0000');
        const r = required.get(key);
        if (r) r.missing!.push(field);
        else {
          const raw: Raw = { kind: 'required', segs, missing: [field] };
          required.set(key, raw);
          raws.push(raw);
        }
        break;
      }
      case 'enum':
        raws.push({ kind: 'enum', segs, allowed: (e.params as { allowedValues: unknown[] }).allowedValues });
        break;
      case 'minLength':
      case 'minItems':
      case 'minProperties':
        if ((e.params as { limit: number }).limit === 1) {
          raws.push({ kind: 'empty', segs });
          break;
        }
        raws.push({ kind: 'value', segs, node: nodeAt(defs, subject, segs).node });
        break;
      default:
        if (e.keyword.startsWith('asl')) {
          for (const p of (e.params as { problems: KeywordProblem[] }).problems) raws.push({ kind: p.kind, segs, problem: p });
        } else {
          raws.push({ kind: 'value', segs, node: nodeAt(defs, subject, segs).node });
        }
    }
  }
  const raw = subject.downgraded ? raws.filter((r) => r.kind !== 'wrongLanguage') : raws;
  return suppressCascades(subject, credentialsAsAws(subject, raw), defs).map((r) => toFinding(subject, r, defs));
}

/** A Task's `Credentials` object (where AWS words a missing RoleArn its own way). */
function isCredentials(subject: Subject, segs: PathSegment[]): boolean {
  return subject.kind === 'state' && segs.length === 1 && segs[0] === 'Credentials';
}

/**
 * `Credentials` without RoleArn: AWS answers one diagnostic, "The field 'RoleArn' is required but
 * was missing" at the Credentials object (recorded for `{"InvalidField": "invalid"}`, issue 10), not
 * also the unknown fields beside it. Those move into the hint.
 */
function credentialsAsAws(subject: Subject, raws: Raw[]): Raw[] {
  const missing = raws.find((r) => (r.kind === 'required' || r.kind === 'requireOne') && isCredentials(subject, r.segs));
  if (!missing) return raws;
  const unknown = raws.filter((r) => r.kind === 'unknown' && isCredentials(subject, r.segs));
  missing.kind = 'credentials';
  missing.others = unknown;
  return raws.filter((r) => !unknown.includes(r));
}

/**
 * anyOf: for an object or array that one alternative takes, what that alternative said (drop the
 * summary and the other alternatives' type errors); otherwise one summary (drop what they said).
 */
function collapseAnyOf(subject: Subject, errors: readonly ErrorObject[], defs: Definitions): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (!anyOfs.length) return [...errors];
  const drop = new Set<ErrorObject>();
  for (const a of anyOfs) {
    // nodeAt enters the alternative of the value's type; if it still sees the anyOf, none matched.
    const segs = toSegments(subject.value, a.instancePath);
    const structured = !Array.isArray(nodeAt(defs, subject, segs).node.anyOf);
    for (const e of errors) {
      if (e === a) {
        if (structured) drop.add(e);
        continue;
      }
      const same = e.instancePath === a.instancePath;
      const below = e.instancePath.startsWith(a.instancePath + '/');
      if (structured ? same && e.keyword === 'type' : same || below) drop.add(e);
    }
  }
  return errors.filter((e) => !drop.has(e));
}

function unknownField(subject: Subject, segs: PathSegment[], field: string, defs: Definitions): Raw {
  const { node, name } = nodeAt(defs, subject, segs);
  const twinName = twinOf(name);
  const twin = twinName ? resolveRef(defs, defs[twinName]) : undefined;
  if (twin && has(propertiesOf(twin), field)) return { kind: 'wrongLanguage', segs, field, node };
  const candidates = Object.keys(propertiesOf(node));
  const suggestion = suggestField(field, candidates);
  let hint: string | undefined;
  if (suggestion) hint = `did you mean '${suggestion}'?`;
  else hint = fieldHint(subject, name, field, defs);
  return { kind: 'unknown', segs, field, suggestion, hint, node };
}

/** Why a known field does not fit here, when that helps (it belongs to other state types ...). */
function fieldHint(subject: Subject, definition: string, field: string, defs: Definitions): string | undefined {
  if (definition === 'choiceRule.JSONPath.nested' && (field === 'Next' || field === 'Assign')) {
    return `a Choice rule inside 'And', 'Or' or 'Not' cannot have '${field}'`;
  }
  if (subject.kind !== 'state' || definition !== subject.definition) return undefined;
  if (subject.stateType === 'Choice' && field === 'Next') return "a Choice state moves on through the 'Next' of its rules and its 'Default'";
  if ((subject.stateType === 'Succeed' || subject.stateType === 'Fail') && (field === 'Next' || field === 'End')) {
    return `a ${subject.stateType} state is always a terminal state`;
  }
  const types = (defs.stateType?.enum as string[] | undefined) ?? [];
  const owners = types.filter((t) => t !== subject.stateType && has(propertiesOf(defs[`${t}.${subject.queryLanguage}`]), field));
  if (owners.length) return `it is supported on ${joinAnd(owners)} states`;
  return undefined;
}

/**
 * One finding per real problem: a missing field is not reported when a misspelling of it, or the
 * other language's form of it, is reported on the same object.
 */
function suppressCascades(subject: Subject, raws: Raw[], defs: Definitions): Raw[] {
  const suggested = new Set<string>();
  const suggestedAt = new Set<string>();
  const wrongLanguage = new Map<string, string[]>();
  for (const r of raws) {
    const key = r.segs.join('\u0000');
    if (r.kind === 'unknown' && r.suggestion) {
      suggested.add(`${key}\u0000${r.suggestion}`);
      suggestedAt.add(key);
    }
    if (r.kind === 'wrongLanguage') wrongLanguage.set(key, [...(wrongLanguage.get(key) ?? []), r.field!]);
  }
  if (!suggested.size && !wrongLanguage.size) return raws;
  const out: Raw[] = [];
  for (const r of raws) {
    const key = r.segs.join('\u0000');
    const isSuggested = (f: string) => suggested.has(`${key}\u0000${f}`);
    const wrong = wrongLanguage.get(key) ?? [];
    if (r.kind === 'required') {
      const twin = wrong.length ? twinNode(defs, subject, r.segs) : undefined;
      r.missing = r.missing!.filter((f) => !isSuggested(f) && !(twin && !has(propertiesOf(twin), f)));
      if (r.missing.length) out.push(r);
    } else if (r.kind === 'requireOne') {
      const group = (r.problem as { group: string[] }).group;
      if (group.some(isSuggested) || wrong.some((w) => group.some((g) => w.startsWith(g)))) continue;
      out.push(r);
    } else if (r.kind === 'nextOrEnd') {
      if ((r.problem as { problem: string }).problem === 'none' && (isSuggested('Next') || isSuggested('End'))) continue;
      out.push(r);
    } else if (r.kind === 'choiceRule') {
      const which = (r.problem as { problem: string }).problem;
      if (which === 'empty' && wrong.length) continue;
      // "StringEqual" already says "did you mean 'StringEquals'?": the rule is not also missing an operator.
      if ((which === 'empty' || which === 'noOperator') && suggestedAt.has(key)) continue;
      out.push(r);
    } else out.push(r);
  }
  return out;
}

function toFinding(subject: Subject, r: Raw, defs: Definitions): SchemaFinding {
  const abs = (segs: PathSegment[]): Path => [...subject.base, ...segs];
  const objPath = abs(r.segs);
  const objLoc = formatLocation(objPath);
  const rule = ruleFor(subject, r);
  const p = r.problem;
  switch (r.kind) {
    case 'unknown': {
      const f: SchemaFinding = {
        rule,
        message: `Field '${r.field}' is not supported`,
        hint: r.hint ? `(${r.hint})` : undefined,
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
        rule: 'field-required',
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
    return { rule, message: 'String does not match RFC3339 timestamp', hint: `(write '${name}' like 2016-03-14T01:59:00Z: an uppercase T, and Z or an offset such as +02:00)`, location, path, part: 'value' };
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

/** Which rule reports a problem: by where it is (root, Retry/Catch, Choices ...), then by kind. */
function ruleFor(subject: Subject, r: Raw): SchemaRuleId {
  const segs = r.segs;
  const last = segs[segs.length - 1];
  if (r.kind === 'wrongLanguage' || r.field === 'QueryLanguage' || (r.kind === 'enum' && last === 'QueryLanguage')) return 'query-language';
  if (subject.kind === 'root') return 'root-structure';
  if (subject.definition === 'state') return 'state-type';
  if (segs.length === 1 && segs[0] === 'Type') return 'state-type';
  const first = segs[0];
  if (isScopeStructure(segs)) return 'root-structure';
  if (first === 'Retry' || first === 'Catch') return 'retry-catch';
  if (first === 'Choices') return 'choice-rule';
  switch (r.kind) {
    case 'nextOrEnd':
      return 'next-or-end';
    case 'exclusive':
      return 'field-exclusive';
    case 'required':
    case 'requireOne':
    case 'requiredWhen':
      return 'field-required';
    case 'unknown':
      return 'field-not-supported';
    default:
      return 'field-value';
  }
}

/** A Parallel branch or a Map processor object itself, or its StartAt/States/Comment. */
function isScopeStructure(segs: PathSegment[]): boolean {
  const depth = segs[0] === 'Branches' ? 2 : segs[0] === 'ItemProcessor' || segs[0] === 'Iterator' ? 1 : 0;
  if (!depth || segs.length < depth) return false;
  if (segs[0] === 'Branches' && typeof segs[1] !== 'number') return false;
  if (segs.length === depth) return true;
  return segs.length === depth + 1 && (segs[depth] === 'StartAt' || segs[depth] === 'States' || segs[depth] === 'Comment');
}

// ---------------------------------------------------------------------------------------------
// Schema navigation and descriptions

/** The definition a `$ref` names (`#/definitions/x`), or the node itself. */
function resolveRef(defs: Definitions, node: SchemaNode | undefined): SchemaNode {
  let n = node ?? {};
  for (let i = 0; i < 20 && typeof n.$ref === 'string'; i++) n = defs[refName(n.$ref)] ?? {};
  return n;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** The schema node for a value inside the subject, and the name of the innermost definition on the way. */
function nodeAt(defs: Definitions, subject: Subject, segs: PathSegment[]): { node: SchemaNode; name: string } {
  let name = subject.definition;
  let node: SchemaNode = defs[name] ?? {};
  let value: unknown = subject.value;
  const enter = () => {
    for (let i = 0; i < 20; i++) {
      if (typeof node.$ref === 'string') {
        name = refName(node.$ref);
        node = defs[name] ?? {};
      } else if (Array.isArray(node.anyOf)) {
        // The alternative of the value's own JSON type (object or array); scalars stop here.
        const t = Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : undefined;
        const alt = t && (node.anyOf as SchemaNode[]).find((a) => resolveRef(defs, a).type === t);
        if (!alt) return;
        node = alt;
      } else return;
    }
  };
  enter();
  for (const seg of segs) {
    const next = typeof seg === 'number' ? (node.items as SchemaNode | undefined) : (propertiesOf(node)[seg] as SchemaNode | undefined);
    node = next ?? {};
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
    enter();
  }
  return { node, name };
}

/** The same structure in the other query language (`catcher.JSONPath` <-> `catcher.JSONata`), if there is one. */
function twinOf(name: string): string | undefined {
  if (name.endsWith('.JSONPath')) return name.replace(/\.JSONPath$/, '.JSONata');
  if (name.endsWith('.JSONata')) return name.replace(/\.JSONata$/, '.JSONPath');
  return undefined;
}

function twinNode(defs: Definitions, subject: Subject, segs: PathSegment[]): SchemaNode | undefined {
  const twin = twinOf(nodeAt(defs, subject, segs).name);
  return twin ? resolveRef(defs, defs[twin]) : undefined;
}

function propertiesOf(node: SchemaNode | undefined): Record<string, unknown> {
  return (node?.properties as Record<string, unknown> | undefined) ?? {};
}

function has(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
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

// ---------------------------------------------------------------------------------------------
// Small helpers

/** ajv's instancePath (`/Retry/0/BackoffRate`) as path segments, array indices as numbers. */
export function toSegments(root: unknown, pointer: string): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: PathSegment = Array.isArray(cur) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(seg);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}

export function valueAt(root: unknown, segs: readonly PathSegment[]): unknown {
  let cur = root;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
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

const suggestions = new Map<string, string | undefined>();

/**
 * "Did you mean": a typo (closest by edit distance), or the one field the word begins (Timeout -> TimeoutSeconds).
 * Memoized: a generated definition repeats the same misspelling in every state.
 */
export function suggestField(word: string, candidates: string[]): string | undefined {
  const key = `${word}\u0000${candidates.join('\u0000')}`;
  if (suggestions.has(key)) return suggestions.get(key);
  const found = findSuggestion(word, candidates);
  if (suggestions.size > 1000) suggestions.clear();
  suggestions.set(key, found);
  return found;
}

function findSuggestion(word: string, candidates: string[]): string | undefined {
  // closest() accepts at most 3 edits, and an edit distance is at least the difference in length.
  const near = closest(
    word,
    candidates.filter((c) => Math.abs(c.length - word.length) <= 3),
  );
  if (near) return near;
  if (word.length < 4) return undefined;
  const lower = word.toLowerCase();
  // The shortest field the word begins, when the others begin with it too (TimeoutSeconds, not TimeoutSecondsPath).
  const starts = candidates.filter((c) => c.toLowerCase().startsWith(lower)).sort((a, b) => a.length - b.length);
  return starts.length && starts.every((c) => c.startsWith(starts[0])) ? starts[0] : undefined;
}
