/**
 * Intrinsic functions (JSONPath states): `States.Format('Hello {}', $.name)`.
 *
 * The parser is hand-written: the language is ASL's own. A call is the whole string:
 * `Name(arg, ...)` where an argument is a single-quoted string literal (escapes `\'`, `\{`, `\}`,
 * `\\` and nothing else: AWS refuses `\n` and `\"` in a literal), a number, `true`, `false`,
 * `null`, a path (`$...`, `$$...`, `$name...`) or a nested call. Blanks between tokens are allowed.
 *
 * What AWS checks when the definition is created, and what only fails at run time
 * (`States.IntrinsicFailure`), is partly unknown: an unknown function name or a syntax error is
 * refused (the whole value is "not a valid intrinsic function call"); argument counts and literal
 * argument types are checked here as warnings (see `checkArguments`).
 */
import { parseJsonPath, type JsonPathInfo } from './jsonpath.js';
import { memo } from '../memo.js';
import type { OffsetRange } from './text.js';

export type IntrinsicArg =
  | ({ kind: 'string'; value: string; /** Unescaped '{}' pairs (Format placeholders). */ holes: number } & OffsetRange)
  | ({ kind: 'number'; value: number; text: string } & OffsetRange)
  | ({ kind: 'boolean'; value: boolean } & OffsetRange)
  | ({ kind: 'null' } & OffsetRange)
  | ({ kind: 'path'; text: string; path: JsonPathInfo } & OffsetRange)
  | ({ kind: 'call'; call: IntrinsicCall } & OffsetRange);

export interface IntrinsicCall extends OffsetRange {
  name: string;
  nameStart: number;
  nameEnd: number;
  args: IntrinsicArg[];
}

export interface IntrinsicProblem extends OffsetRange {
  message: string;
  /**
   * The call was not read because it passes our own bound on work (MAX_PARSED_NESTING), not
   * because it is known to be malformed: AWS's answer is unknown, so this is a warning.
   */
  notRead?: true;
}

export interface IntrinsicParse {
  call?: IntrinsicCall;
  error?: IntrinsicProblem;
}

/**
 * The string starts like a function call, `Name(` (so it is meant as one, not as a path or plain
 * text); the rest is not looked at (`parseIntrinsic` reads the whole call).
 */
export function startsLikeIntrinsicCall(s: string): boolean {
  // A dotted name (States.Format) may have blanks before '('; a plain word must touch it, so that
  // text such as 'hello (world)' is not taken for a call.
  return /^\s*(?:[A-Za-z_]\w*(?:\.\w+)+\s*|[A-Za-z_]\w*)\(/.test(s);
}

/** Parses a whole intrinsic function call. Results are cached; callers must not modify them. */
export const parseIntrinsic: (s: string) => IntrinsicParse = memo(parseUncached, 5000);

function parseUncached(s: string): IntrinsicParse {
  const p = new Parser(s);
  try {
    const start = p.skip(0);
    const call = p.call(start);
    const end = p.skip(call.end);
    if (end < s.length) p.fail(`Unexpected text '${s.slice(end, end + 12)}' after the closing ')'`, end, s.length);
    return { call };
  } catch (err) {
    if (err instanceof ParseError) return { error: err.problem };
    throw err;
  }
}

class ParseError extends Error {
  constructor(readonly problem: IntrinsicProblem) {
    super(problem.message);
  }
}

/**
 * Calls nested deeper than this are not read: the parse stops at the call past it with a problem
 * marked `notRead` (a LINT_INTRINSIC_NOT_READ warning at the field: AWS's answer is unknown).
 * Step Functions documents at most 10 nested calls in one field (MAX_INTRINSIC_NESTING, a warning
 * below this); 2,500 overflowed the stack.
 */
const MAX_PARSED_NESTING = 100;

class Parser {
  private depth = 0;
  constructor(private readonly s: string) {}

  fail(message: string, start: number, end = start + 1, notRead?: true): never {
    const problem: IntrinsicProblem = { message, start, end: Math.min(Math.max(end, start), this.s.length) };
    if (notRead) problem.notRead = true;
    throw new ParseError(problem);
  }

  skip(i: number): number {
    while (i < this.s.length && /\s/.test(this.s[i])) i++;
    return i;
  }

  call(start: number): IntrinsicCall {
    const s = this.s;
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(start));
    if (!m) this.fail('Expected an intrinsic function name such as States.Format', start);
    const nameEnd = start + m[0].length;
    if (this.depth >= MAX_PARSED_NESTING) {
      this.fail(`Intrinsic functions are nested more than ${MAX_PARSED_NESTING} deep here; Step Functions documents at most ${MAX_INTRINSIC_NESTING} nested calls in one field`, start, nameEnd, true);
    }
    const open = this.skip(nameEnd);
    if (s[open] !== '(') this.fail(`Expected '(' after '${m[0]}'`, open);
    const args: IntrinsicArg[] = [];
    let i = this.skip(open + 1);
    if (s[i] === ')') return { name: m[0], nameStart: start, nameEnd, args, start, end: i + 1 };
    for (;;) {
      if (i >= s.length) this.fail(`Missing ')' to close '${m[0]}('`, open, s.length);
      this.depth++;
      const arg = this.arg(i);
      this.depth--;
      args.push(arg);
      i = this.skip(arg.end);
      if (s[i] === ',') {
        i = this.skip(i + 1);
        if (s[i] === ')' || i >= s.length) this.fail("Expected an argument after ','", i);
        continue;
      }
      if (s[i] === ')') return { name: m[0], nameStart: start, nameEnd, args, start, end: i + 1 };
      if (i >= s.length) this.fail(`Missing ')' to close '${m[0]}('`, open, s.length);
      this.fail(`Expected ',' or ')' but found '${s[i]}'`, i);
    }
  }

  arg(i: number): IntrinsicArg {
    const s = this.s;
    const c = s[i];
    if (c === "'") return this.string(i);
    if (c === '$') {
      const end = this.pathEnd(i);
      const text = s.slice(i, end);
      const path = parseJsonPath(text)!;
      if (path.error) this.fail(`Invalid path '${text}': ${path.error.message}`, i + path.error.start, i + path.error.end);
      return { kind: 'path', text, path, start: i, end };
    }
    const num = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
    if (num && /[-+.\d]/.test(c)) {
      const end = i + num[0].length;
      if (end < s.length && /[A-Za-z_]/.test(s[end])) this.fail(`Invalid number '${s.slice(i, end + 1)}'`, i, end + 1);
      return { kind: 'number', value: Number(num[0]), text: num[0], start: i, end };
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i));
    if (word) {
      const after = this.skip(i + word[0].length);
      if (s[after] === '(') {
        const call = this.call(i);
        return { kind: 'call', call, start: i, end: call.end };
      }
      const end = i + word[0].length;
      if (word[0] === 'true' || word[0] === 'false') return { kind: 'boolean', value: word[0] === 'true', start: i, end };
      if (word[0] === 'null') return { kind: 'null', start: i, end };
      this.fail(`'${word[0]}' is not an argument: string literals are written in single quotes ('${word[0]}'), paths start with '$'`, i, end);
    }
    if (c === '"') this.fail('String literals in intrinsic functions use single quotes, not double quotes', i);
    this.fail(`Unexpected '${c}' where an argument was expected`, i);
  }

  /** A single-quoted literal with the four escapes AWS accepts. */
  string(start: number): IntrinsicArg {
    const s = this.s;
    let value = '';
    let i = start + 1;
    while (i < s.length) {
      const c = s[i];
      if (c === "'") return { kind: 'string', value, holes: countHoles(s.slice(start + 1, i)), start, end: i + 1 };
      if (c === '\\') {
        const n = s[i + 1];
        if (n === "'" || n === '{' || n === '}' || n === '\\') {
          value += n;
          i += 2;
          continue;
        }
        if (n === undefined) this.fail('A string literal ends with a lone backslash', i, i + 1);
        this.fail(
          `The escape '\\${n}' is not allowed in an intrinsic function string literal: only \\', \\{, \\} and \\\\ are` +
            (n === 'n' ? ' (a line break cannot be written in an intrinsic function)' : ''),
          i,
          i + 2,
        );
      }
      value += c;
      i += 1;
    }
    this.fail("Unclosed string literal: missing the closing '", start, s.length);
  }

  /** The end of a path argument: the first blank, ',' or ')' outside brackets, parentheses and quotes. */
  pathEnd(i: number): number {
    const s = this.s;
    let bracket = 0;
    let paren = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === "'" || c === '"') {
        let j = i + 1;
        while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
        i = j + 1;
        continue;
      }
      if (c === '[') bracket++;
      else if (c === ']') bracket--;
      else if (c === '(') paren++;
      else if (c === ')') {
        if (paren === 0 && bracket <= 0) break;
        paren--;
      } else if ((c === ',' || /\s/.test(c)) && bracket <= 0 && paren === 0) break;
      i++;
    }
    return i;
  }
}

/** `{}` pairs that are not escaped (`\\{\\}` is a literal brace pair, not a placeholder). */
function countHoles(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '{' && raw[i + 1] === '}') n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// The 18 functions.

type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'any' | 'scalar';

export interface IntrinsicSignature {
  min: number;
  /** Infinity for variadic functions. */
  max: number;
  /** Parameter names and types; the last one repeats for variadic functions. */
  params: { name: string; type: ValueType }[];
  returns: ValueType;
  /**
   * Allowed in Fail ErrorPath/CausePath: returns a string. `ArrayGetItem` returns whatever the
   * array holds; AWS's language service counts it among the string-returning functions, and so do we.
   */
  stringResult: boolean;
  /** What the function does, for people (editor hover and completion, docs/languages.md). */
  doc: string;
}

const sig = (min: number, max: number, params: [string, ValueType][], returns: ValueType, doc: string, stringResult = returns === 'string'): IntrinsicSignature => ({
  min,
  max,
  params: params.map(([name, type]) => ({ name, type })),
  returns,
  stringResult,
  doc,
});

/** The algorithms of States.Hash and JSONata's $hash. */
export const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
/** The longest input (characters) of States.Base64Encode, Base64Decode and Hash. */
export const MAX_INTRINSIC_INPUT = 10000;
/** The most items States.ArrayRange (and JSONata's $range) may produce. */
export const MAX_RANGE_ITEMS = 1000;
/** $hash's algorithm when none is given. */
export const DEFAULT_HASH_ALGORITHM = 'SHA-256';

/** The Developer Guide's list of the intrinsic functions (linked where a name is unknown). */
export const INTRINSICS_DOC_URL = 'https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html';

export const INTRINSICS: Readonly<Record<string, IntrinsicSignature>> = {
  'States.Format': sig(
    1,
    Infinity,
    [
      ['template', 'string'],
      ['value', 'scalar'],
    ],
    'string',
    "Fills each `{}` of the template with the next argument: `States.Format('Hello, {}', $.name)`.",
  ),
  'States.StringToJson': sig(1, 1, [['string', 'string']], 'any', 'Parses a JSON string.'),
  'States.JsonToString': sig(1, 1, [['value', 'any']], 'string', 'Serialises the value at a path to a JSON string (the argument must be a path).'),
  'States.Array': sig(0, Infinity, [['item', 'any']], 'array', 'An array of the arguments.'),
  'States.ArrayPartition': sig(
    2,
    2,
    [
      ['array', 'array'],
      ['chunk size', 'integer'],
    ],
    'array',
    'Splits an array into chunks of at most chunk size items.',
  ),
  'States.ArrayContains': sig(
    2,
    2,
    [
      ['array', 'array'],
      ['value', 'any'],
    ],
    'boolean',
    'True when the array contains the value.',
  ),
  'States.ArrayRange': sig(
    3,
    3,
    [
      ['start', 'integer'],
      ['end', 'integer'],
      ['step', 'integer'],
    ],
    'array',
    `The integers from start to end (inclusive) by step; at most ${MAX_RANGE_ITEMS.toLocaleString('en-US')} items.`,
  ),
  'States.ArrayGetItem': sig(
    2,
    2,
    [
      ['array', 'array'],
      ['index', 'integer'],
    ],
    'any',
    'The item at a zero-based index.',
    true,
  ),
  'States.ArrayLength': sig(1, 1, [['array', 'array']], 'integer', 'The number of items of an array.'),
  'States.ArrayUnique': sig(1, 1, [['array', 'array']], 'array', 'The array without duplicate values.'),
  'States.Base64Encode': sig(1, 1, [['string', 'string']], 'string', `Base64-encodes a string (up to ${MAX_INTRINSIC_INPUT.toLocaleString('en-US')} characters).`),
  'States.Base64Decode': sig(1, 1, [['base64 string', 'string']], 'string', `Decodes a base64 string (up to ${MAX_INTRINSIC_INPUT.toLocaleString('en-US')} characters).`),
  'States.Hash': sig(
    2,
    2,
    [
      ['data', 'any'],
      ['algorithm', 'string'],
    ],
    'string',
    `The hash of a value; algorithm is one of ${HASH_ALGORITHMS.map((a) => `'${a}'`).join(', ')}.`,
  ),
  'States.JsonMerge': sig(
    3,
    3,
    [
      ['object 1', 'object'],
      ['object 2', 'object'],
      ['deep merge', 'boolean'],
    ],
    'object',
    'Merges two objects; the third argument must be false (shallow merge: keys of object 2 win).',
  ),
  'States.MathRandom': sig(
    2,
    3,
    [
      ['start', 'integer'],
      ['end', 'integer'],
      ['seed', 'integer'],
    ],
    'integer',
    'A random integer from start (inclusive) to end (exclusive); the optional seed makes it repeatable.',
  ),
  'States.MathAdd': sig(
    2,
    2,
    [
      ['number 1', 'integer'],
      ['number 2', 'integer'],
    ],
    'integer',
    'The sum of two integers.',
  ),
  'States.StringSplit': sig(
    2,
    2,
    [
      ['string', 'string'],
      ['delimiter', 'string'],
    ],
    'array',
    'Splits a string at each delimiter character.',
  ),
  'States.UUID': sig(0, 0, [], 'string', 'A random version 4 UUID.'),
};

/** `States.ArrayPartition(array: array, chunk size: integer) -> array`: optional parameters in brackets, a repeated one with `...`. */
export function intrinsicSignature(name: string, sig: IntrinsicSignature): string {
  const shown = sig.params.map((p, i) => {
    const text = `${p.name}: ${p.type}`;
    if (sig.max === Infinity && i === sig.params.length - 1) return `...${text}`;
    return i >= sig.min ? `[${text}]` : text;
  });
  return `${name}(${shown.join(', ')}) -> ${sig.returns}`;
}

/** The functions allowed in Fail ErrorPath/CausePath (INTRINSICS' stringResult), in the table's order. */
export const STRING_RESULT_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(INTRINSICS).filter((name) => INTRINSICS[name].stringResult));

/** Documented limit of nested intrinsic calls in one field. */
const MAX_INTRINSIC_NESTING = 10;

/** Calls in the tree, outermost first, each with its nesting depth (1 = outermost). */
function walkCalls(call: IntrinsicCall, visit: (c: IntrinsicCall, depth: number) => void, depth = 1): void {
  visit(call, depth);
  for (const a of call.args) if (a.kind === 'call') walkCalls(a.call, visit, depth + 1);
}

/** Unknown function names in the tree (errors: AWS knows only its 18 functions). */
export function unknownFunctions(call: IntrinsicCall): IntrinsicCall[] {
  const out: IntrinsicCall[] = [];
  walkCalls(call, (c) => {
    if (!Object.hasOwn(INTRINSICS, c.name)) out.push(c);
  });
  return out;
}

/**
 * Argument checks whose failure AWS reports at run time (`States.IntrinsicFailure`) or may not
 * check at all before: counts, literal types and values, the `{}` count of a literal Format
 * template, the nesting limit.
 */
export function checkArguments(root: IntrinsicCall): IntrinsicProblem[] {
  const out: IntrinsicProblem[] = [];
  let deepest: { call: IntrinsicCall; depth: number } | undefined;
  walkCalls(root, (call, depth) => {
    if (depth > MAX_INTRINSIC_NESTING && !deepest) deepest = { call, depth };
    const sg = INTRINSICS[call.name];
    if (!sg || !Object.hasOwn(INTRINSICS, call.name)) return;
    const n = call.args.length;
    if (n < sg.min || n > sg.max) {
      const expected = sg.min === sg.max ? `${sg.min}` : sg.max === Infinity ? `at least ${sg.min}` : `${sg.min} to ${sg.max}`;
      out.push({
        message: `${call.name} takes ${expected} argument${expected === '1' || expected === 'at least 1' ? '' : 's'}, not ${n}; it fails at run time with States.IntrinsicFailure`,
        start: call.nameStart,
        end: call.end,
      });
      return;
    }
    call.args.forEach((arg, k) => {
      const param = sg.params[Math.min(k, sg.params.length - 1)];
      const problem = argProblem(call.name, k, param, arg);
      if (problem) out.push({ message: problem, start: arg.start, end: arg.end });
    });
    out.push(...valueChecks(call));
  });
  if (deepest) {
    out.push({
      message: `Intrinsic functions are nested ${deepest.depth} deep here; Step Functions allows at most ${MAX_INTRINSIC_NESTING} nested calls in one field`,
      start: deepest.call.nameStart,
      end: deepest.call.end,
    });
  }
  return out;
}

function typeOfArg(arg: IntrinsicArg): ValueType | undefined {
  switch (arg.kind) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(arg.value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return undefined; // null is accepted or refused at run time depending on the function
    case 'path':
      return undefined; // unknown until run time
    case 'call': {
      const sg = Object.hasOwn(INTRINSICS, arg.call.name) ? INTRINSICS[arg.call.name] : undefined;
      return sg && sg.returns !== 'any' ? sg.returns : undefined;
    }
  }
}

function fits(actual: ValueType, wanted: ValueType): boolean {
  if (wanted === 'any' || actual === wanted) return true;
  if (wanted === 'number' && actual === 'integer') return true;
  if (wanted === 'scalar') return actual !== 'array' && actual !== 'object';
  return false;
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

function argProblem(fn: string, k: number, param: { name: string; type: ValueType }, arg: IntrinsicArg): string | undefined {
  const actual = typeOfArg(arg);
  if (!actual || fits(actual, param.type)) return undefined;
  const what = arg.kind === 'call' ? `${arg.call.name}(...) returns ${article(actual)}` : `this is ${article(actual)}`;
  const pos = ORDINAL[k] ?? `argument ${k + 1}`;
  const wanted = param.type === 'scalar' ? 'a string, number, boolean or null' : article(param.type);
  return `The ${pos} argument of ${fn} (${param.name}) must be ${wanted}, but ${what}`;
}

function article(t: ValueType): string {
  return t === 'integer' || t === 'array' || t === 'object' || t === 'any' ? `an ${t}` : `a ${t}`;
}

/** Checks on literal values beyond their type. */
function valueChecks(call: IntrinsicCall): IntrinsicProblem[] {
  const out: IntrinsicProblem[] = [];
  const a = call.args;
  const at = (arg: IntrinsicArg, message: string) => out.push({ message, start: arg.start, end: arg.end });
  switch (call.name) {
    case 'States.Format': {
      const t = a[0];
      if (t?.kind === 'string') {
        const holes = t.holes;
        if (holes !== a.length - 1) {
          at(t, `The template has ${holes} '{}' placeholder${holes === 1 ? '' : 's'} but States.Format is given ${a.length - 1} value${a.length === 2 ? '' : 's'}; the counts must match`);
        }
      }
      break;
    }
    case 'States.JsonToString':
      if (a[0] && a[0].kind !== 'path' && a[0].kind !== 'call') at(a[0], 'The argument of States.JsonToString must be a path (or a call), not a literal');
      break;
    case 'States.ArrayPartition':
      if (a[1]?.kind === 'number' && Number.isInteger(a[1].value) && a[1].value <= 0) at(a[1], 'The chunk size of States.ArrayPartition must be a positive integer');
      break;
    case 'States.ArrayRange': {
      const [s, e, st] = a;
      if (st?.kind === 'number' && st.value === 0) at(st, 'The step of States.ArrayRange must not be 0');
      if (s?.kind === 'number' && e?.kind === 'number' && st?.kind === 'number' && st.value !== 0) {
        const count = Math.floor((e.value - s.value) / st.value) + 1;
        if (count > 1000) at(st, `States.ArrayRange(${s.text}, ${e.text}, ${st.text}) would produce ${count} items; at most 1000 are allowed`);
      }
      break;
    }
    case 'States.ArrayGetItem':
      if (a[1]?.kind === 'number' && a[1].value < 0) at(a[1], 'The index of States.ArrayGetItem must not be negative');
      break;
    case 'States.Hash':
      if (a[1]?.kind === 'string' && !HASH_ALGORITHMS.includes(a[1].value)) {
        at(a[1], `'${a[1].value}' is not a hash algorithm States.Hash knows; use one of ${HASH_ALGORITHMS.join(', ')}`);
      }
      break;
    case 'States.JsonMerge':
      if (a[2]?.kind === 'boolean' && a[2].value) at(a[2], 'States.JsonMerge supports only the shallow merge: the third argument must be false');
      break;
    case 'States.Base64Encode':
    case 'States.Base64Decode':
      if (a[0]?.kind === 'string' && a[0].value.length > 10000) at(a[0], `${call.name} accepts at most 10,000 characters`);
      if (call.name === 'States.Base64Decode' && a[0]?.kind === 'string' && !/^[A-Za-z0-9+/]*={0,2}$/.test(a[0].value)) {
        at(a[0], `'${a[0].value}' is not base64 data`);
      }
      break;
  }
  return out;
}

/** Does the value of this call's tree contain `$name` variable references? (their names) */
export function variablesIn(call: IntrinsicCall): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const visit = (c: IntrinsicCall) => {
    for (const arg of c.args) {
      if (arg.kind === 'path' && arg.path.root === 'variable' && arg.path.variable) {
        out.push({ name: arg.path.variable, start: arg.start, end: arg.start + 1 + arg.path.variable.length });
      } else if (arg.kind === 'call') visit(arg.call);
    }
  };
  visit(call);
  return out;
}
