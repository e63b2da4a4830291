/**
 * Deploy-time placeholders: values unknown until a template engine fills them in.
 *   ${Name}              SAM/CloudFormation DefinitionSubstitutions, Serverless, Terraform templatefile
 *   ${Token[TOKEN.123]}  CDK tokens
 *   #{AWS::Region}       serverless-pseudo-parameters
 * A placeholder can stand for anything (a number, an ARN, a path), so no rule may report a value
 * that is, or contains, one as wrong on the part the placeholder covers.
 *
 * The one grammar of placeholders: substitution (parse/substitute.ts), the model (an `End` that
 * is a placeholder) and the language checks (lang/, rules/) all read it from here, the lowest
 * layer that needs it.
 */

/** `${...}` (one level of nested braces, as CDK tokens have) or `#{...}`; the name in group 1 or 2. */
const ONE = String.raw`\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}|#\{([^{}]+)\}`;
const WHOLE = new RegExp(`^(?:${ONE})$`);
const ANY = new RegExp(ONE);
const ALL = new RegExp(ONE, 'g');

/** The whole string is one placeholder: `${TimeoutSeconds}`. */
export function isPlaceholder(value: unknown): value is string {
  // Asked of nearly every value: the regular expression only for `${...}` and `#{...}`.
  if (typeof value !== 'string' || value.length < 3 || value.charCodeAt(value.length - 1) !== 125 /* } */) return false;
  const first = value.charCodeAt(0);
  return (first === 36 /* $ */ || first === 35) /* # */ && WHOLE.test(value);
}

/** The string contains a placeholder somewhere: `arn:aws:lambda:${AWS::Region}:...`. */
export function hasPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('${') || value.includes('#{')) && ANY.test(value);
}

/** Replaces each placeholder with a stand-in, e.g. for syntax checks of the known parts. */
export function replacePlaceholders(value: string, standIn: string): string {
  return value.replace(ALL, () => standIn);
}

export interface PlaceholderMatch {
  /** Offset of the `$` or `#`. */
  offset: number;
  /** The whole placeholder, delimiters included. */
  text: string;
  /** What stands between the braces (`Name` of `${Name}`). */
  name: string;
}

/** Every placeholder of a text, in order. */
export function* placeholdersIn(text: string): Generator<PlaceholderMatch> {
  for (const m of text.matchAll(ALL)) yield { offset: m.index ?? 0, text: m[0], name: m[1] ?? m[2] ?? '' };
}
