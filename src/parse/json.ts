/** JSON: strict parsing (as AWS does: no comments, no trailing commas) into a Document. */
import { jsonc } from './jsonc.js';
import { Document, MAX_JSON_DEPTH, type SyntaxProblem } from './document.js';

export function parseJson(text: string): Document {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const tooDeep = err instanceof RangeError;
    const problem = tooDeep ? { message: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`, offset: 0, length: 0 } : findJsonSyntaxError(text);
    return new Document({ text, format: 'json', value: undefined, parsed: false, syntaxErrors: tooDeep ? [] : [problem], tooDeep });
  }
  const valueKeys = countKeysWithin(value, MAX_JSON_DEPTH);
  if (valueKeys < 0) {
    return new Document({ text, format: 'json', value: undefined, parsed: false, syntaxErrors: [], tooDeep: true });
  }
  return new Document({ text, format: 'json', value, parsed: true, syntaxErrors: [], valueKeys });
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between members",
  CloseBraceExpected: "Expected '}' to close the object",
  CloseBracketExpected: "Expected ']' to close the array",
  EndOfFileExpected: 'Expected the end of the text after the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Comments are not allowed in JSON',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Invalid number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

const STOP = new Error('first syntax error found');

/** The first syntax error, located and described for a person. */
function findJsonSyntaxError(text: string): SyntaxProblem {
  let first: SyntaxProblem | undefined;
  try {
    jsonc.visit(
      text,
      {
        onError(code, offset, length) {
          const name = jsonc.printParseErrorCode(code);
          let message = MESSAGES[name] ?? name;
          if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
            const before = previousSignificantChar(text, offset);
            if (before === ',' && (text[offset] === '}' || text[offset] === ']')) message = 'Trailing commas are not allowed in JSON';
            if (offset >= text.length) message = 'Unexpected end of the text';
          }
          if (name === 'InvalidSymbol' && text.startsWith('//', offset)) message = 'Comments are not allowed in JSON';
          first = { message, offset, length: Math.max(length, offset < text.length ? 1 : 0) };
          // Only the first error is reported: stop the walk (the rest of a 1 MB text is not read).
          throw STOP;
        },
      },
      { disallowComments: true, allowTrailingComma: false },
    );
  } catch {
    // fall through to the generic message
  }
  return first ?? { message: 'The text is not valid JSON', offset: 0, length: 0 };
}

function previousSignificantChar(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return undefined;
}

/** One walk over a parsed value: its object key count, or -1 when it nests deeper than `limit`. */
export function countKeysWithin(value: unknown, limit: number): number {
  let n = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object') return true;
    if (depth >= limit) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!walk(v[i], depth + 1)) return false;
    } else {
      for (const k in v as Record<string, unknown>) {
        n++;
        if (!walk((v as Record<string, unknown>)[k], depth + 1)) return false;
      }
    }
    return true;
  };
  return walk(value, 0) ? n : -1;
}
