/**
 * From ajv errors to raw problems: one per real problem, before classification (classify.ts) and
 * wording (messages.ts).
 *
 * How the cascades collapse:
 * - a value that is a deploy-time placeholder is never reported (it may stand for any value);
 * - an `anyOf` (a number or a JSONata expression, an object or a JSONata expression) gives one
 *   summary for a scalar, and the errors of the matching alternative for an object or array;
 * - `required` errors of one object become one list;
 * - a missing field is not reported when a misspelt or wrong-language field beside it already is
 *   (`"Nxt"` says "did you mean 'Next'?"; a JSONata Wait with `SecondsPath` says SecondsPath is
 *   JSONPath-only, not also that Seconds is missing);
 * - a Task's `Credentials` without RoleArn is one problem, AWS's (the unknown fields beside it fold into it).
 */
import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../types.js';
import { closest } from '../lang/suggest.js';
import { memo } from '../memo.js';
import { hasPlaceholder, isPlaceholder } from '../parse/placeholder.js';
import type { KeywordProblem } from './keywords.js';
import { has, nodeAt, propertiesOf, resolveRef, toSegments, twinNode, twinOf, type Definitions } from './navigation.js';
import { valueAt } from '../value-at.js';
import type { Raw, Subject } from './types.js';

/** The raw problems of one subject's ajv errors, one per real problem (see the header). */
export function collapse(subject: Subject, errors: readonly ErrorObject[], defs: Definitions): Raw[] {
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
        raws.push({ kind: 'value', segs, node: nodeAt(defs, subject.definition, subject.value, segs).node });
        break;
      default:
        if (e.keyword.startsWith('asl')) {
          for (const p of (e.params as { problems: KeywordProblem[] }).problems) raws.push({ kind: p.kind, segs, problem: p });
        } else {
          raws.push({ kind: 'value', segs, node: nodeAt(defs, subject.definition, subject.value, segs).node });
        }
    }
  }
  const raw = subject.downgraded ? raws.filter((r) => r.kind !== 'wrongLanguage') : raws;
  return suppressCascades(subject, credentialsAsAws(subject, raw), defs);
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
    const structured = !Array.isArray(nodeAt(defs, subject.definition, subject.value, segs).node.anyOf);
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
  const { node, name } = nodeAt(defs, subject.definition, subject.value, segs);
  const twinName = twinOf(name);
  const twin = twinName ? resolveRef(defs, defs[twinName]) : undefined;
  if (twin && has(propertiesOf(twin), field)) return { kind: 'wrongLanguage', segs, field, node };
  const candidates = Object.keys(propertiesOf(node));
  const suggestion = suggestField(field, candidates);
  return { kind: 'unknown', segs, field, suggestion, definition: name, node };
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
      const twin = wrong.length ? twinNode(defs, subject.definition, subject.value, r.segs) : undefined;
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

/** Memoized (boxed, so that "no suggestion" is remembered too): the key is `[word, candidates]` as JSON. */
const suggestionOf = memo((key: string): { found: string | undefined } => {
  const [word, candidates] = JSON.parse(key) as [string, string[]];
  return { found: findSuggestion(word, candidates) };
}, 1000);

/**
 * "Did you mean": a typo (closest by edit distance), or the one field the word begins (Timeout -> TimeoutSeconds).
 * Memoized: a generated definition repeats the same misspelling in every state.
 */
function suggestField(word: string, candidates: string[]): string | undefined {
  return suggestionOf(JSON.stringify([word, candidates])).found;
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
