/**
 * The schema stage's data: a finding (what the schema rules report), the subject validated (the
 * root object or one state), and a raw problem between collapsing ajv's errors and rendering them.
 */
import type { Path, PathSegment, QueryLanguage } from '../types.js';
import type { KeywordProblem } from './keywords.js';
import type { SchemaNode } from './navigation.js';

export type SchemaRuleId =
  'root-structure' | 'state-type' | 'query-language' | 'field-not-supported' | 'field-required' | 'field-value' | 'field-exclusive' | 'next-or-end' | 'retry-catch' | 'choice-rule';

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

/** A raw problem before collapsing: what kind, on which object, about which fields. */
export interface Raw {
  kind: 'unknown' | 'wrongLanguage' | 'required' | 'value' | 'empty' | 'enum' | 'credentials' | KeywordProblem['kind'];
  /** Segments of the object (for object-level problems) or of the value (for value problems), relative to the subject. */
  segs: PathSegment[];
  field?: string;
  problem?: KeywordProblem;
  suggestion?: string;
  /** The innermost schema definition on the way to an unknown field (what the hint says about it). */
  definition?: string;
  /** Schema definition that holds the field (for value descriptions and wrong-language twins). */
  node?: SchemaNode;
  allowed?: unknown[];
  missing?: string[];
  /** Problems folded into this one (the unknown fields of a Credentials object without RoleArn). */
  others?: Raw[];
}
