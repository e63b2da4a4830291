/**
 * JSONata in Step Functions: `{% expression %}` strings, parsed with the jsonata package (2.0.6,
 * the version AWS runs) and analysed for what AWS refuses when the definition is created.
 *
 * The jsonata module is loaded on first use only, so definitions without JSONata never pay for
 * it, and each distinct expression is parsed once (results are cached). Parsing only: nothing is
 * ever evaluated.
 *
 * What AWS refuses (measured, see asl-rules.md §8 and floci's `JsonataTopLevelReferencesTest`,
 * whose expressions were run through `validate-state-machine-definition`):
 * - an expression that does not parse: INVALID_JSONATA_EXPRESSION with the parser's message
 *   (without the `S0xxx` code);
 * - a name read from the top-level context: `phone`, `phone.number`, `{phone: 1}`, a lambda body
 *   `function($x){ phone }`, and `$` itself: "Reference to 'phone' at the top level is not
 *   supported." Only the first step of a path reads the top-level context; later steps,
 *   predicates, sort terms, group-by and transforms read the value before them and are fine;
 * - `$$`: "Reference to '$$' is not supported.";
 * - `$states.errorOutput` outside a catcher's Output/Assign: "Field '$states.errorOutput' does
 *   not exist."
 * Undefined variables (`$phone`) and unknown `$states` members are accepted by AWS.
 */
import { lazyPackage } from '../lazy.js';
import { memo } from '../memo.js';
import type { OffsetRange } from './text.js';

/** Positions inside the expression text (between the delimiters). */
type ExpressionRange = OffsetRange;

interface JsonataSyntaxError extends ExpressionRange {
  message: string;
  /**
   * The expression was not read because it passes our own bound on work (brackets nested past
   * MAX_JSONATA_NESTING, or the stack ran out), not because it is known not to parse: AWS's
   * answer is unknown, so this is a warning, not INVALID_JSONATA_EXPRESSION.
   */
  notRead?: true;
}

interface JsonataCall extends ExpressionRange {
  name: string;
  /** Arguments written, plus one when the call is the right side of `~>`. */
  args: number;
  /** A partial application (`$f(?, 1)`): arity is not checked. */
  partial: boolean;
}

export interface JsonataAnalysis {
  error?: JsonataSyntaxError;
  /** Distinct names read at the top level, in writing order (`$` for the context item). */
  topLevel: (ExpressionRange & { name: string })[];
  /** First `$$` reference. */
  rootReference?: ExpressionRange;
  /** `$states.<member>` reads. */
  states: (ExpressionRange & { member: string })[];
  /** Free variable reads (`$name`, not bound inside the expression, not `$states`). */
  variables: (ExpressionRange & { name: string })[];
  /** Calls of `$name(...)` functions that are not bound inside the expression. */
  calls: JsonataCall[];
}

// ---------------------------------------------------------------------------------------------
// Delimiters.

/** A JSONata expression string: starts with `{%` and ends with `%}`. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** The text between the delimiters (offset 2 in the string). */
export function expressionText(value: string): string {
  return value.slice(2, -2);
}

// ---------------------------------------------------------------------------------------------
// Loading and caching.

interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  [k: string]: unknown;
}

type JsonataFactory = (expr: string) => { ast(): JsonataNode };

const loadJsonata = lazyPackage<JsonataFactory>('jsonata');

const CACHE_LIMIT = 5000;

/**
 * Analyses a whole `{% ... %}` string. Cached by the string itself, which is the very string object
 * the document holds, so the lookup does not rehash a fresh substring each time. A memo of its own:
 * a whole string and the expression between its delimiters are different keys even when their
 * text is the same (`{% $x %}` as an expression is a syntax error; as a string it is `$x`).
 */
export const analyzeJsonataString: (value: string) => JsonataAnalysis = memo((value: string) => analyzeUncached(expressionText(value)), CACHE_LIMIT);

/** Parses and analyses one expression (the text between the delimiters). */
export const analyzeJsonata: (expr: string) => JsonataAnalysis = memo(analyzeUncached, CACHE_LIMIT);

/**
 * Brackets (`(`, `[`, `{`) nested deeper than this are not parsed: the jsonata parser and the
 * analysis below recurse once per level, and around 2,000 levels the stack overflows (where
 * exactly depends on the caller's stack: the CLI, the LSP and a test differ). The expression is
 * not read: a warning (LINT_JSONATA_NOT_READ, AWS's answer unknown) at the bracket past the limit.
 */
const MAX_JSONATA_NESTING = 200;

/** The offset of the first bracket nested deeper than `limit`, outside strings, or -1. */
function tooDeepAt(expr: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x22 || c === 0x27 || c === 0x60) {
      // A string or a `quoted name`: up to the same quote (strings escape with a backslash).
      let j = i + 1;
      while (j < expr.length && expr.charCodeAt(j) !== c) j += c !== 0x60 && expr.charCodeAt(j) === 0x5c ? 2 : 1;
      i = j;
    } else if (c === 0x2f && expr.charCodeAt(i + 1) === 0x2a) {
      const end = expr.indexOf('*/', i + 2);
      i = end < 0 ? expr.length : end + 1;
    }
  }
  return -1;
}

function analyzeUncached(expr: string): JsonataAnalysis {
  const empty: JsonataAnalysis = { topLevel: [], states: [], variables: [], calls: [] };
  const deep = tooDeepAt(expr, MAX_JSONATA_NESTING);
  if (deep >= 0) return { ...empty, error: { message: `The expression nests brackets more than ${MAX_JSONATA_NESTING} deep`, start: deep, end: deep + 1, notRead: true } };
  try {
    return analyzeParsed(expr, empty);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    // The stack ran out all the same (a chain of thousands of operators): refused as a whole.
    return { ...empty, error: { message: 'The expression is too deeply nested to be read (the stack ran out)', start: 0, end: expr.length, notRead: true } };
  }
}

function analyzeParsed(expr: string, empty: JsonataAnalysis): JsonataAnalysis {
  let ast: JsonataNode;
  try {
    ast = loadJsonata()(expr).ast();
  } catch (err) {
    if (err instanceof RangeError) throw err;
    const e = err as { message?: string; position?: number; token?: string; code?: string };
    const message = String(e.message ?? err).replace(/^S0\d{3}:\s*/, '');
    let start = 0;
    let end = expr.length;
    if (typeof e.position === 'number') {
      const tokenLength = typeof e.token === 'string' && e.token !== '(end)' ? e.token.length : 0;
      end = Math.min(e.position, expr.length);
      start = Math.max(0, end - tokenLength);
      if (tokenLength === 0) start = end;
    }
    return { ...empty, error: { message, start, end } };
  }
  return new Analyzer(expr).run(ast);
}

// ---------------------------------------------------------------------------------------------
// Analysis.

class Analyzer {
  private readonly out: JsonataAnalysis = { topLevel: [], states: [], variables: [], calls: [] };
  private readonly seenTop = new Set<string>();
  /** Names bound inside the expression (`$x := ...`, lambda parameters). */
  private readonly bound = new Set<string>();

  constructor(private readonly expr: string) {}

  run(ast: JsonataNode): JsonataAnalysis {
    this.collectBindings(ast);
    this.topLevel(ast);
    this.everywhere(ast);
    const byStart = (a: ExpressionRange, b: ExpressionRange) => a.start - b.start;
    this.out.states.sort(byStart);
    this.out.variables.sort(byStart);
    this.out.calls.sort(byStart);
    return this.out;
  }

  /** The range of a name or variable token whose `position` is its end. */
  private tokenRange(node: JsonataNode, text: string, sigil: number): ExpressionRange {
    const end = typeof node.position === 'number' ? node.position : 0;
    const quoted = end > 0 && /[`'"]/.test(this.expr[end - 1] ?? '') && node.type === 'name';
    const start = Math.max(0, end - text.length - sigil - (quoted ? 2 : 0));
    return { start, end };
  }

  private addTop(name: string, range: ExpressionRange): void {
    if (this.seenTop.has(name)) return;
    this.seenTop.add(name);
    this.out.topLevel.push({ name, ...range });
  }

  /** What AWS reads against the top-level context (mirrors the measured rule set). */
  private topLevel(node: unknown): void {
    if (!isNode(node)) return;
    switch (node.type) {
      case 'path': {
        const steps = node.steps as JsonataNode[] | undefined;
        if (steps?.length) this.topLevel(steps[0]);
        break;
      }
      case 'name':
        this.addTop(String(node.value), this.tokenRange(node, String(node.value), 0));
        break;
      case 'variable':
        if (node.value === '') this.addTop('$', this.tokenRange(node, '', 1));
        else if (node.value === '$') this.out.rootReference ??= this.tokenRange(node, '$', 1);
        break;
      case 'unary':
        if (node.value === '[') this.each(node.expressions);
        else if (node.value === '{') this.pairs(node.lhs);
        else this.topLevel(node.expression);
        break;
      case 'binary':
      case 'apply':
        this.topLevel(node.lhs);
        this.topLevel(node.rhs);
        break;
      case 'function':
      case 'partial':
        this.topLevel(node.procedure);
        this.each(node.arguments);
        break;
      case 'lambda':
        this.topLevel(node.body);
        break;
      case 'condition':
        this.topLevel(node.condition);
        this.topLevel(node.then);
        this.topLevel(node.else);
        break;
      case 'block':
        this.each(node.expressions);
        break;
      case 'bind':
        this.topLevel(node.rhs);
        break;
      default:
      // literals, regex, wildcard, descendant, transform, sort: no top-level read
    }
  }

  private each(list: unknown): void {
    if (Array.isArray(list)) for (const n of list) this.topLevel(n);
  }

  private pairs(list: unknown): void {
    if (!Array.isArray(list)) return;
    for (const pair of list) {
      if (Array.isArray(pair)) {
        this.topLevel(pair[0]);
        this.topLevel(pair[1]);
      }
    }
  }

  private collectBindings(node: unknown): void {
    walk(node, (n) => {
      if (n.type === 'bind' && isNode(n.lhs) && n.lhs.type === 'variable') this.bound.add(String(n.lhs.value));
      if (n.type === 'lambda' && Array.isArray(n.arguments)) {
        for (const a of n.arguments) if (isNode(a) && a.type === 'variable') this.bound.add(String(a.value));
      }
    });
  }

  /** Variable reads, `$states` members and function calls, anywhere in the tree. */
  private everywhere(root: unknown): void {
    const procedures = new Set<JsonataNode>();
    const applied = new Set<JsonataNode>();
    walk(root, (n) => {
      if ((n.type === 'function' || n.type === 'partial') && isNode(n.procedure)) procedures.add(n.procedure);
      if (n.type === 'apply' && isNode(n.rhs) && (n.rhs.type === 'function' || n.rhs.type === 'partial')) applied.add(n.rhs);
      if (n.type === 'path' && Array.isArray(n.steps)) {
        const [first, second] = n.steps as JsonataNode[];
        if (isNode(first) && first.type === 'variable' && first.value === 'states' && !this.bound.has('states')) {
          if (isNode(second) && second.type === 'name') {
            const r = this.tokenRange(first, 'states', 1);
            this.out.states.push({ member: String(second.value), start: r.start, end: this.tokenRange(second, String(second.value), 0).end });
          }
        }
      }
    });
    walk(root, (n) => {
      if (n.type === 'variable') {
        const name = String(n.value);
        if (name === '' || name === '$' || name === 'states' || this.bound.has(name) || procedures.has(n)) return;
        this.out.variables.push({ name, ...this.tokenRange(n, name, 1) });
      }
      if ((n.type === 'function' || n.type === 'partial') && isNode(n.procedure) && n.procedure.type === 'variable') {
        const name = String(n.procedure.value);
        if (this.bound.has(name)) return;
        const args = (Array.isArray(n.arguments) ? n.arguments.length : 0) + (applied.has(n) ? 1 : 0);
        const r = this.tokenRange(n.procedure, name, 1);
        this.out.calls.push({ name, args, partial: n.type === 'partial', start: r.start, end: r.end });
      }
    });
  }
}

function isNode(v: unknown): v is JsonataNode {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as JsonataNode).type === 'string';
}

/** Visits every node of the tree (objects with a `type`), depth first. */
function walk(node: unknown, visit: (n: JsonataNode) => void): void {
  const stack: unknown[] = [node];
  const seen = new Set<unknown>();
  while (stack.length) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== 'object' || seen.has(cur)) continue;
    seen.add(cur);
    if (Array.isArray(cur)) {
      for (let i = cur.length - 1; i >= 0; i--) stack.push(cur[i]);
      continue;
    }
    if (isNode(cur)) visit(cur);
    for (const k in cur as Record<string, unknown>) {
      if (k === 'position' || k === 'value' || k === 'type') continue;
      const v = (cur as Record<string, unknown>)[k];
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}
