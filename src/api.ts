/**
 * The public API's core, and the one place the rule catalogue is bound (rules/index.ts): the
 * engine is handed it, and adapters (config, formatters, the LSP, docs, the CLI) read rules and
 * their metadata from here.
 * - validate(): exactly the contract of AWS's ValidateStateMachineDefinition.
 * - lint(): every finding with rule id, range and fixes, for the CLI and editors.
 * src/index.ts, the package entry, re-exports it.
 */
import { analyze as engineAnalyze, analyzeDocument as engineAnalyzeDocument, compareForAws, type EngineOptions, type EngineResult, type Finding, type RuleSetting } from './engine/engine.js';
import type { Document } from './parse/document.js';
import type { Diagnostic, Fix, Severity, StateMachineType } from './types.js';
import type { RuleMeta } from './engine/rule.js';
import { fixIsSound } from './fix/edits.js';
import { allRules } from '../rules/index.js';

export { allRules };
export { ruleDocsUrl } from './links.js';

/** Every rule's metadata by rule id, in catalogue order (what ESLint's formatters get as `rulesMeta`). */
export const rulesMeta: Readonly<Record<string, RuleMeta>> = Object.freeze(Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta])));

/** Every finding of the catalogue's rules on a text (the engine's findings, before diagnostics are shaped). */
export function analyze(text: string, options: EngineOptions = {}): EngineResult {
  return engineAnalyze(text, { ...(options ?? {}), catalogue: allRules });
}

/** analyze() on a parsed document. */
export function analyzeDocument(doc: Document, options: EngineOptions = {}): EngineResult {
  return engineAnalyzeDocument(doc, { ...(options ?? {}), catalogue: allRules });
}

export interface ValidateOptions {
  type?: StateMachineType;
  severity?: Severity;
  maxResults?: number;
}

export interface ValidateDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  location?: string;
}

export interface ValidateResult {
  result: 'OK' | 'FAIL';
  diagnostics: ValidateDiagnostic[];
  truncated: boolean;
}

const TYPES = ['STANDARD', 'EXPRESS'];
const SEVERITIES = ['ERROR', 'WARNING'];

function checkOptions(options: unknown): Required<ValidateOptions> {
  if (options === undefined || options === null) return { type: 'STANDARD', severity: 'ERROR', maxResults: 100 };
  if (typeof options !== 'object') throw new TypeError('validate(): options must be an object such as {type, severity, maxResults}');
  const o = options as Record<string, unknown>;
  const type = o.type ?? 'STANDARD';
  const severity = o.severity ?? 'ERROR';
  const maxResults = o.maxResults ?? 0;
  if (typeof type !== 'string' || !TYPES.includes(type)) throw new RangeError(`validate(): type must be STANDARD or EXPRESS, got ${JSON.stringify(type)}`);
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) throw new RangeError(`validate(): severity must be ERROR or WARNING, got ${JSON.stringify(severity)}`);
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults)) throw new TypeError(`validate(): maxResults must be an integer from 0 to 100, got ${JSON.stringify(maxResults)}`);
  if (maxResults < 0 || maxResults > 100) throw new RangeError(`validate(): maxResults must be from 0 to 100 (0 means 100), got ${maxResults}`);
  return { type: type as StateMachineType, severity: severity as Severity, maxResults: maxResults === 0 ? 100 : maxResults };
}

/** The ValidateStateMachineDefinition contract, synchronously and offline. */
export function validate(definition: string, options?: ValidateOptions): ValidateResult {
  if (typeof definition !== 'string') throw new TypeError(`validate(): definition must be a string (the ASL JSON text), got ${definition === null ? 'null' : typeof definition}`);
  const opts = checkOptions(options);
  const { findings } = engineAnalyze(definition, { type: opts.type, format: 'json', directives: false, awsOnly: true, catalogue: allRules });
  return toValidateResult(findings, opts);
}

/** Shapes engine findings into AWS's response (validate()'s answer). */
export function toValidateResult(findings: Finding[], opts: { severity: Severity; maxResults: number }): ValidateResult {
  const hasError = findings.some((f) => f.severity === 'ERROR');
  const wanted = findings.filter((f) => opts.severity === 'WARNING' || f.severity === 'ERROR').sort(compareForAws);
  const diagnostics = wanted.slice(0, opts.maxResults).map((f) => {
    const d: ValidateDiagnostic = { severity: f.severity, code: f.code, message: f.message };
    if (f.location !== undefined) d.location = f.location;
    return d;
  });
  return { result: hasError ? 'FAIL' : 'OK', diagnostics, truncated: wanted.length > opts.maxResults };
}

export interface LintOptions {
  fileName?: string;
  type?: StateMachineType;
  format?: 'json' | 'yaml';
  rules?: Record<string, RuleSetting>;
  /** Honour asl-lint-disable directives (default true). */
  directives?: boolean;
  reportUnusedDirectives?: boolean;
  /**
   * Texts longer than this many characters are not read: one DEFINITION_TOO_LARGE error, and
   * nothing else is checked. Default 4,194,304 for JSON (four times AWS's limit), 2,097,152 for
   * YAML (reading YAML costs about 100 bytes per character).
   */
  maxLength?: number;
}

export interface LintResult {
  result: 'OK' | 'FAIL';
  diagnostics: Diagnostic[];
  /** The parsed document and model, for editor features that read the same analysis. */
  analysis: EngineResult;
}

/** Every finding, with rule id, range and fixes, sorted by position. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  if (typeof text !== 'string') throw new TypeError('lint(): text must be a string');
  const analysis = engineAnalyze(text, { ...((options ?? {}) as EngineOptions), catalogue: allRules });
  return lintResultOf(analysis);
}

export function lintDocument(doc: Document, options: LintOptions = {}): LintResult {
  return lintResultOf(engineAnalyzeDocument(doc, { ...((options ?? {}) as EngineOptions), catalogue: allRules }));
}

function lintResultOf(analysis: EngineResult): LintResult {
  const { doc, findings } = analysis;
  const diagnostics = findings.map((f) => toDiagnostic(doc, f));
  diagnostics.sort((a, b) => a.offset - b.offset || (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1));
  return { result: findings.some((f) => f.severity === 'ERROR') ? 'FAIL' : 'OK', diagnostics, analysis };
}

/** AWS's message, then the hint for people: "(did you mean ...)" or a sentence of its own. */
export function withHint(message: string, hint: string | undefined): string {
  if (!hint) return message;
  return `${message}${hint.startsWith('(') || /[.!?:]$/.test(message) ? ' ' : '. '}${hint}`;
}

/** `positions`: the document whose line index to use (a view's template: one index for all its definitions). */
export function toDiagnostic(doc: Document, f: Finding, positions: Document = doc): Diagnostic {
  const span = f.span ?? doc.spanOf(f.path, f.part);
  const d: Diagnostic = {
    code: f.code,
    rule: f.rule.meta.id,
    severity: f.severity,
    message: withHint(f.message, f.hint),
    range: positions.rangeOf(span.offset, span.length),
    offset: span.offset,
    length: span.length,
  };
  if (f.location !== undefined) d.location = f.location;
  if (f.data) d.data = f.data;
  if (f.fix) {
    const fx = f.fix();
    const fixes: Fix[] = fx === undefined ? [] : Array.isArray(fx) ? fx : [fx];
    // No fix that would reach outside the text or edit a YAML anchor or alias is offered at all.
    const sound = fixes.filter((x) => x && fixIsSound(doc, x));
    if (sound.length) d.fixes = sound;
  }
  return d;
}
