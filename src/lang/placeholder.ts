/**
 * Deploy-time placeholders: values unknown until a template engine fills them in.
 *   ${Name}              SAM/CloudFormation DefinitionSubstitutions, Serverless, Terraform templatefile
 *   ${Token[TOKEN.123]}  CDK tokens
 *   #{AWS::Region}       serverless-pseudo-parameters
 * A placeholder can stand for anything (a number, an ARN, a path), so no rule may report a value
 * that is, or contains, one as wrong on the part the placeholder covers.
 */

const ONE = String.raw`(?:\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|#\{[^{}]+\})`;
const WHOLE = new RegExp(`^${ONE}$`);
const ANY = new RegExp(ONE);
const ALL = new RegExp(ONE, 'g');

/** The whole string is one placeholder: `${TimeoutSeconds}`. */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && WHOLE.test(value);
}

/** The string contains a placeholder somewhere: `arn:aws:lambda:${AWS::Region}:...`. */
export function hasPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('${') || value.includes('#{')) && ANY.test(value);
}

/**
 * A regular expression source that matches what the string can become: its literal parts
 * escaped, each placeholder replaced by `.*`. For checking an ARN on the parts that are known.
 */
export function placeholderPattern(value: string): RegExp {
  let out = '';
  let last = 0;
  for (const m of value.matchAll(ALL)) {
    out += escapeRegExp(value.slice(last, m.index)) + '[\\s\\S]*';
    last = (m.index ?? 0) + m[0].length;
  }
  out += escapeRegExp(value.slice(last));
  return new RegExp(`^${out}$`);
}

/** Replaces each placeholder with a stand-in, e.g. for syntax checks of the known parts. */
export function replacePlaceholders(value: string, standIn: string): string {
  return value.replace(ALL, standIn);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
