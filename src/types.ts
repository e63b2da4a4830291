/** Shared public types: the diagnostic every adapter consumes. */

export type Severity = 'ERROR' | 'WARNING';
export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A segment of a path into the JSON value: an object key or an array index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Zero-based line/character position (LSP convention, UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

/** A line/character range (LSP convention): what a diagnostic shows. */
export interface Range {
  start: Position;
  end: Position;
}

/** Characters [offset, offset + length) of the document text (UTF-16 code units). */
export interface Span {
  offset: number;
  length: number;
}

/** Replace the span (offsets into the original text) with `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * How far the edit can be trusted without a person looking at it (ESLint's fix/suggestion split):
   * - 'fix': keeps what the workflow does (only its form changes): applied by `--fix` and by the
   *   editor's fix-all.
   * - 'suggestion': the one clear edit, but it changes what the workflow does at run time or
   *   guesses what the author meant (add `.$`, use the `...Path` field, the closest state name):
   *   a quick fix in the editor, applied by the CLI only with `--fix-type suggestion`.
   * - absent: one of several candidates; a quick fix in the editor only.
   */
  kind?: 'fix' | 'suggestion';
}

export interface Diagnostic {
  /** AWS's code where AWS has one (SCHEMA_VALIDATION_FAILED, NO_DOLLAR ...). */
  code: string;
  /** Our fine-grained rule id, kebab-case. */
  rule: string;
  severity: Severity;
  /** Says what is wrong and, where possible, what to write instead. */
  message: string;
  /** AWS-style location (`/States/A/Next`); undefined where AWS gives none. */
  location?: string;
  range: Range;
  /** Character offsets of the range, for editors and fixes. */
  offset: number;
  length: number;
  /** Edits that resolve the finding, where one exists (see Fix.kind for which are applied automatically). */
  fixes?: Fix[];
  /** Structured extras for editor features (e.g. the unknown field name). */
  data?: Record<string, unknown>;
}
