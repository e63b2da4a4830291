/**
 * Which schema rule reports a raw problem: by where it is (the root, a Parallel branch or Map
 * processor, Retry/Catch, Choices ...), then by what kind of problem it is.
 */
import type { PathSegment } from '../types.js';
import type { Raw, SchemaRuleId, Subject } from './types.js';

/** Which rule reports a problem: by where it is (root, Retry/Catch, Choices ...), then by kind. */
export function ruleFor(subject: Subject, r: Raw): SchemaRuleId {
  // A Credentials object without RoleArn: AWS's own wording of a missing field.
  if (r.kind === 'credentials') return 'field-required';
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
