/**
 * JSONPath evaluation with Jayway's semantics (what AWS runs), on lang/'s parser.
 *
 * A definite path (no `..`, `*`, unions, slices, filters) names one node: it is walked directly
 * (the hot path: compiled once into segments) and a missing key is an error, as Jayway's
 * PathNotFoundException is. An array index past the end gives null (AWS's leniency, recorded by
 * floci-io/floci#3199). An indefinite path gives a list (possibly empty), evaluated by
 * jsonpath-plus; Jayway's trailing functions (`.length()`, `.min()`, ...) are applied to the
 * result of the path before them.
 */
import { lazy, lazyPackage } from '../lazy.js';
import { memo } from '../memo.js';
import { parseJsonPath, type PathRoot } from '../lang/jsonpath.js';
import type { Json } from '../model/model.js';
import { StatesError } from './errors.js';

export interface CompiledPath {
  text: string;
  root: PathRoot;
  variable?: string;
  definite: boolean;
  /** Definite paths: keys and indexes from the root. */
  segments: (string | number)[];
  /** Indefinite paths: the path for jsonpath-plus (root `$`). */
  query?: string;
  /** A trailing Jayway function (`length`, `min` ...). */
  fn?: string;
  error?: string;
}

export class PathNotFound extends Error {}

export const compilePath: (text: string) => CompiledPath = memo(compileUncached, 10000);

const FUNCTIONS = new Set(['length', 'size', 'min', 'max', 'avg', 'sum', 'stddev', 'keys', 'first', 'last']);

function compileUncached(text: string): CompiledPath {
  const info = parseJsonPath(text.trim());
  if (!info) return { text, root: 'input', definite: true, segments: [], error: `'${text}' is not a JSONPath` };
  if (info.error) return { text, root: info.root, definite: true, segments: [], error: info.error.message };
  const rootLength = info.root === 'context' ? 2 : info.root === 'variable' ? 1 + info.variable!.length : 1;
  let rest = text.trim().slice(rootLength);
  let fn: string | undefined;
  const fm = /\.([A-Za-z]+)\(\)$/.exec(rest);
  if (fm && FUNCTIONS.has(fm[1])) {
    fn = fm[1];
    rest = rest.slice(0, fm.index);
  }
  const multi = info.multi.filter((m) => m.kind !== 'function');
  const base = { text, root: info.root, variable: info.variable, fn };
  if (multi.length) return { ...base, definite: false, segments: [], query: '$' + (multi.some((m) => m.kind === 'filter') ? jaywayFilters(rest) : rest) };
  const segments = splitDefinite(rest);
  if (!segments) return { ...base, definite: false, segments: [], query: '$' + rest };
  return { ...base, definite: true, segments };
}

const OPERAND = String.raw`(@(?:\.[\w$]+|\[(?:'[^']*'|"[^"]*"|\d+)\])*)`;
const LIST = String.raw`(\[[^\]]*\])`;

/**
 * Jayway's filter operators that JavaScript lacks, rewritten for jsonpath-plus's evaluator:
 * `@.x in [..]`, `@.x nin [..]`, `@.x =~ /re/` (a whole match, as Jayway's Matcher.matches()),
 * `@.x size n`, `@.x empty true|false`. Other operators are left as written.
 */
function jaywayFilters(path: string): string {
  return (
    path
      // `[?(@.x)]` keeps items where x is present and not null (Jayway 2.0.0, measured), not where it is truthy (JavaScript).
      .replace(new RegExp(`\\[\\?\\(\\s*${OPERAND}\\s*\\)\\]`, 'g'), (_m, a: string) => `[?(${a} !== undefined && ${a} !== null)]`)
      .replace(new RegExp(`${OPERAND}\\s+nin\\s+${LIST}`, 'g'), (_m, a: string, l: string) => `!${l}.includes(${a})`)
      .replace(new RegExp(`${OPERAND}\\s+in\\s+${LIST}`, 'g'), (_m, a: string, l: string) => `${l}.includes(${a})`)
      .replace(
        new RegExp(`${OPERAND}\\s*=~\\s*\\/((?:\\\\.|[^/\\\\])*)\\/(?![A-Za-z])`, 'g'),
        (_m, a: string, re: string) => `(typeof ${a} === 'string' && ${a}.match('^(?:${re.replace(/\\\//g, '/').replace(/\\/g, '\\\\').replace(/'/g, "\\'")})$') !== null)`,
      )
      .replace(new RegExp(`${OPERAND}\\s+size\\s+(\\d+)`, 'g'), (_m, a: string, n: string) => `(${a} !== undefined && ${a} !== null && ${a}.length == ${n})`)
      .replace(new RegExp(`${OPERAND}\\s+empty\\s+(true|false)`, 'g'), (_m, a: string, b: string) => `((${a} !== undefined && ${a} !== null && ${a}.length == 0) == ${b})`)
  );
}

/** `.a['b c'][0].d` -> ['a', 'b c', 0, 'd']; undefined when something else is there. */
function splitDefinite(s: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      i++;
      if (s[i] === '[') continue;
      let name = '';
      while (i < s.length && s[i] !== '.' && s[i] !== '[') {
        if (s[i] === '\\' && i + 1 < s.length) i++;
        name += s[i++];
      }
      out.push(name.trimEnd());
    } else if (c === '[') {
      const q = s[i + 1];
      if (q === "'" || q === '"') {
        let j = i + 2;
        let name = '';
        while (j < s.length && s[j] !== q) {
          if (s[j] === '\\') j++;
          name += s[j++];
        }
        if (s[j + 1] !== ']') return undefined;
        out.push(name);
        i = j + 2;
      } else {
        const m = /^\[\s*(-?\d+)\s*\]/.exec(s.slice(i));
        if (!m) return undefined;
        out.push(Number(m[1]));
        i += m[0].length;
      }
    } else if (/\s/.test(c)) {
      i++;
    } else return undefined;
  }
  return out;
}

type JsonPathFn = (opts: { path: string; json: unknown; wrap: boolean; eval?: string | false }) => unknown[];
const jsonPathPlus = lazy(() => lazyPackage<{ JSONPath: JsonPathFn }>('jsonpath-plus')().JSONPath);

/** The root value a path reads, given the three roots. */
export interface PathRoots {
  input: unknown;
  context: unknown;
  variables: Record<string, Json>;
}

/**
 * Evaluates a path. Throws PathNotFound (message in Jayway's words: "No results for path:
 * $['a']['b']") when a definite path names nothing.
 */
export function evaluatePath(p: CompiledPath, roots: PathRoots): Json {
  if (p.error) throw new PathNotFound(`Invalid path '${p.text}': ${p.error}`);
  let root: unknown;
  if (p.root === 'input') root = roots.input;
  else if (p.root === 'context') root = roots.context;
  else {
    if (!Object.hasOwn(roots.variables, p.variable!)) throw new PathNotFound(`Variable '${p.variable}' is not defined`);
    root = roots.variables[p.variable!];
  }
  let value: unknown;
  if (p.definite) {
    value = root;
    const segs = p.segments;
    for (let i = 0; i < segs.length; i++) {
      const k = segs[i];
      if (typeof k === 'number') {
        if (!Array.isArray(value)) throw new PathNotFound(`No results for path: ${jaywayPath(segs, i + 1)}`);
        const idx = k < 0 ? value.length + k : k;
        value = idx >= 0 && idx < value.length ? value[idx] : null;
      } else {
        if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, k)) {
          throw new PathNotFound(`No results for path: ${jaywayPath(segs, i + 1)}`);
        }
        value = (value as Record<string, unknown>)[k];
      }
    }
  } else {
    try {
      value = jsonPathPlus()({ path: p.query!, json: root as object, wrap: true, eval: 'safe' }) ?? [];
    } catch (err) {
      // Filters use JavaScript-like expressions here; Jayway's own operators (in, nin, =~, size,
      // empty, subsetof ...) are not evaluated offline: a clear error, never a crash.
      throw new StatesError('States.Runtime', `Invalid path '${p.text}': the expression cannot be evaluated offline (${String((err as Error).message ?? err).split('\n')[0]})`);
    }
  }
  return p.fn ? applyFunction(p, value) : (value as Json);
}

/** Jayway's rendering of a path in its messages: $['a']['b'][0]. */
function jaywayPath(segs: readonly (string | number)[], upTo = segs.length): string {
  let s = '$';
  for (let i = 0; i < upTo; i++) s += typeof segs[i] === 'number' ? `[${segs[i]}]` : `['${segs[i]}']`;
  return s;
}

function applyFunction(p: CompiledPath, v: unknown): Json {
  const fn = p.fn!;
  if (fn === 'length' || fn === 'size') {
    if (Array.isArray(v)) return v.length;
    if (typeof v === 'string') return v.length;
    if (v && typeof v === 'object') return Object.keys(v).length;
    throw new PathNotFound(`Function ${fn}() cannot be applied to ${JSON.stringify(v)}`);
  }
  if (fn === 'keys') {
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.keys(v);
    throw new PathNotFound('Function keys() needs an object');
  }
  if (!Array.isArray(v)) throw new PathNotFound(`Function ${fn}() needs an array`);
  if (fn === 'first') return (v[0] ?? null) as Json;
  if (fn === 'last') return (v[v.length - 1] ?? null) as Json;
  const nums = v.filter((x): x is number => typeof x === 'number');
  if (nums.length === 0) throw new PathNotFound(`Aggregation function attempted to calculate value using empty array`);
  const sum = nums.reduce((a, b) => a + b, 0);
  switch (fn) {
    case 'min':
      return Math.min(...nums);
    case 'max':
      return Math.max(...nums);
    case 'sum':
      return sum;
    case 'avg':
      return sum / nums.length;
    default: {
      const mean = sum / nums.length;
      return Math.sqrt(nums.reduce((a, b) => a + (b - mean) * (b - mean), 0) / nums.length);
    }
  }
}
