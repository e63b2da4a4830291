/**
 * The invariants every answer keeps: nothing throws; no INTERNAL_ERROR; every message is a
 * readable sentence (no "undefined", "[object Object]", "NaN", no ajv jargon); every range lies in
 * the text and agrees with its offsets; validate() says FAIL exactly when an ERROR exists; each
 * call is quick.
 */
import { afterAll } from 'vitest';
import { parse as yamlParse } from 'yaml';
import { lint, validate, type Diagnostic, type RuleSetting, type StateMachineType } from '../../src/index.js';
import { lintFile } from '../../src/lint-file.js';
import { fixText } from '../../src/fix/fix.js';
import { CALL_BUDGET_MS, DUPS, RULE_NAMES, RawNumber, SETTINGS, SMALL, isObj, plain, type Rand, type Val } from './generators.js';

// ---------------------------------------------------------------------------------------------
// Invariants

const FORBIDDEN: [RegExp, string][] = [
  [/\bundefined\b/, 'undefined'],
  [/\[object Object\]/, '[object Object]'],
  [/\bNaN\b/, 'NaN'],
  // ajv's own phrasing leaking out.
  [/must match (pattern|format|exactly|a schema|"then"|"else")/, 'must match pattern'],
  [/\boneOf\b/, 'oneOf'],
  [/\banyOf\b/, 'anyOf'],
  [/must NOT have/, 'must NOT have'],
  [/must have required property/, 'must have required property'],
  [/must be equal to one of the allowed values/, 'must be equal to one of the allowed values'],
  [/must pass ".*" keyword/, 'must pass keyword'],
  // Engine and library internals.
  [/Maximum call stack|is not a function|Cannot read propert|is not iterable/, 'a JavaScript error'],
  [/YAML\.[A-Za-z]+\(|parseAllDocuments/, 'yaml package API advice'],
];

function messageProblems(message: unknown, input: string): string[] {
  if (typeof message !== 'string' || message.trim() === '') return [`empty message ${JSON.stringify(message)}`];
  const out: string[] = [];
  // JSONata's own "undefined" (no value), said on purpose, is not a leaked JavaScript undefined.
  const text = message.replace(/\bis undefined (here|at run time)\b/g, '');
  for (const [re, what] of FORBIDDEN) {
    // A message may quote the user's own text: only flag what the input does not contain.
    if (re.test(text) && !input.includes(what) && !re.test(input)) out.push(`message has "${what}": ${text.slice(0, 300)}`);
  }
  return out;
}

/** Written out on purpose, not Document's: the invariant checks Document's positions against a second implementation. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; character: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Diagnostic codes seen, printed with FUZZ_STATS=1: what the mutations reach. */
const seenCodes = new Map<string, number>();

export function diagnosticProblems(ds: Diagnostic[], text: string, where: string): string[] {
  const out: string[] = [];
  let starts: number[] | undefined;
  for (const d of ds) {
    seenCodes.set(`${d.code} (${d.rule})`, (seenCodes.get(`${d.code} (${d.rule})`) ?? 0) + 1);
    const tag = `${where} ${d.code} ${d.location ?? ''}`;
    if (d.code === 'INTERNAL_ERROR') out.push(`${tag}: INTERNAL_ERROR: ${d.message}`);
    if (d.severity !== 'ERROR' && d.severity !== 'WARNING') out.push(`${tag}: severity ${String(d.severity)}`);
    for (const p of messageProblems(d.message, text)) out.push(`${tag}: ${p}`);
    const leaked = typeof d.location === 'string' && /undefined|\[object Object\]|NaN/.test(d.location) && !/undefined|NaN/.test(text);
    if (d.location !== undefined && (typeof d.location !== 'string' || leaked)) out.push(`${tag}: location ${String(d.location)}`);
    const { offset, length } = d;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > text.length) {
      out.push(`${tag}: offset ${offset} length ${length} outside text of ${text.length}`);
      continue;
    }
    starts ??= lineStarts(text);
    const s = positionOf(starts, offset);
    const e = positionOf(starts, offset + length);
    if (d.range.start.line !== s.line || d.range.start.character !== s.character || d.range.end.line !== e.line || d.range.end.character !== e.character) {
      out.push(`${tag}: range ${JSON.stringify(d.range)} disagrees with offset ${offset}+${length} (${JSON.stringify({ s, e })})`);
    }
    for (const f of d.fixes ?? []) {
      if (typeof f.title !== 'string' || !f.title || /undefined|\[object Object\]/.test(f.title)) out.push(`${tag}: fix title ${String(f.title)}`);
      for (const edit of f.edits) {
        if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > text.length || typeof edit.newText !== 'string')
          out.push(`${tag}: fix edit ${JSON.stringify(edit)} outside text of ${text.length}`);
      }
    }
  }
  return out;
}

/** Runs one call, turning a throw or a slow answer into a problem. */
export function timed<T>(what: string, text: string, problems: string[], fn: () => T): T | undefined {
  const t0 = performance.now();
  try {
    const out = fn();
    const ms = performance.now() - t0;
    if (text.length < SMALL && ms > CALL_BUDGET_MS) problems.push(`${what}: took ${Math.round(ms)} ms on ${text.length} chars`);
    return out;
  } catch (err) {
    problems.push(`${what}: threw ${(err as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(err)}`);
    return undefined;
  }
}

export function checkValidate(text: string, type: StateMachineType, r: Rand, problems: string[]): void {
  const severity = r.chance(0.5) ? 'WARNING' : 'ERROR';
  const maxResults = r.pick([0, 1, 3, 100]);
  const v = timed(`validate(${type},${severity},${maxResults})`, text, problems, () => validate(text, { type, severity, maxResults }));
  if (!v) return;
  for (const d of v.diagnostics) for (const p of messageProblems(d.message, text)) problems.push(`validate ${d.code} ${d.location ?? ''}: ${p}`);
  for (const d of v.diagnostics) if (d.code === 'INTERNAL_ERROR') problems.push(`validate: INTERNAL_ERROR: ${d.message}`);
  // Errors sort first, so the first diagnostic is an ERROR exactly when there is one.
  const hasError = v.diagnostics[0]?.severity === 'ERROR';
  if ((v.result === 'FAIL') !== hasError) problems.push(`validate: result ${v.result} but first diagnostic ${v.diagnostics[0]?.severity ?? 'none'}`);
  if (severity === 'ERROR' && v.diagnostics.some((d) => d.severity !== 'ERROR')) problems.push('validate: a WARNING with severity ERROR');
  if (v.diagnostics.length > (maxResults || 100)) problems.push(`validate: ${v.diagnostics.length} diagnostics over maxResults ${maxResults}`);
  const l = timed('lint(json, no directives)', text, problems, () => lint(text, { type, format: 'json', directives: false }));
  if (l && l.result !== v.result) problems.push(`validate says ${v.result}, lint says ${l.result}`);
}

/** A value both serializers write the same: no raw number literals, no duplicate keys. */
export function samePlainValue(root: Val): boolean {
  const stack: Val[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (v instanceof RawNumber || Object.is(v, -0)) return false;
    if (Array.isArray(v)) stack.push(...v);
    else if (isObj(v)) {
      if (DUPS.has(v)) return false;
      stack.push(...Object.values(v));
    }
  }
  return true;
}

/** yaml.stringify wrote what parses back to the value (it does not always: deep long strings). */
export function yamlReadsBack(yaml: string, value: Val): boolean {
  try {
    return JSON.stringify(yamlParse(yaml, { logLevel: 'silent' })) === JSON.stringify(plain(value));
  } catch {
    return false;
  }
}

/** The same value written as JSON and as YAML gets the same findings. */
export function checkSameFindings(json: string, yaml: string, type: StateMachineType, problems: string[]): void {
  const rows = (text: string, fileName: string) =>
    timed(`lint(${fileName})`, text, problems, () => lint(text, { type, fileName }))
      ?.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location ?? '-'} ${d.message}`)
      .sort();
  const a = rows(json, 'same.asl.json');
  const b = rows(yaml, 'same.asl.yaml');
  if (!a || !b) return;
  const onlyJson = a.filter((x) => !b.includes(x));
  const onlyYaml = b.filter((x) => !a.includes(x));
  if (onlyJson.length || onlyYaml.length) problems.push(`JSON and YAML of one value differ: only JSON ${JSON.stringify(onlyJson.slice(0, 3))}, only YAML ${JSON.stringify(onlyYaml.slice(0, 3))}`);
}

export function checkLint(text: string, format: 'json' | 'yaml', type: StateMachineType, r: Rand, problems: string[]): void {
  const fileName = format === 'yaml' ? 'fuzz.asl.yaml' : 'fuzz.asl.json';
  const rules: Record<string, RuleSetting> = {};
  if (r.chance(0.3)) for (let i = r.int(6); i > 0; i--) rules[r.pick(RULE_NAMES)] = r.pick(SETTINGS);
  const l = timed(`lint(${format},${type})`, text, problems, () => lint(text, { type, fileName, rules, reportUnusedDirectives: r.chance(0.3) }));
  if (!l) return;
  problems.push(...diagnosticProblems(l.diagnostics, text, `lint(${format})`));
  if ((l.result === 'FAIL') !== l.diagnostics.some((d) => d.severity === 'ERROR')) problems.push(`lint: result ${l.result} disagrees with its diagnostics`);
  if (r.chance(0.15) && l.diagnostics.some((d) => d.fixes?.some((f) => f.kind !== undefined))) {
    const fx = timed('fixText', text, problems, () => fixText(text, (t) => lint(t, { type, fileName }).diagnostics, ['fix', 'suggestion']));
    if (fx) problems.push(...diagnosticProblems(fx.remaining, fx.output, 'after --fix'));
  }
  // Known substitutions also make lintFile accept unquoted placeholders (`"Seconds": ${Timeout}`).
  const substitutions = r.chance(0.4)
    ? new Map([
        ['X', r.pick(['x', '1', '', '"', '${Y}', '{}'])],
        ['Timeout', r.pick(['30', 'abc', '-1', '1e400'])],
      ])
    : undefined;
  const files = timed(`lintFile(${fileName})`, text, problems, () => lintFile(text, fileName, { type, rules, substitutions }));
  if (files) for (const f of files) problems.push(...diagnosticProblems(f.diagnostics, f.text, `lintFile(${fileName})`));
}

afterAll(() => {
  if (process.env.FUZZ_STATS)
    console.log(
      [...seenCodes]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${n}\t${k}`)
        .join('\n'),
    );
});
