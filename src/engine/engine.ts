/**
 * Runs the rules it is handed (the catalogue, bound once by src/api.ts) over one document: gating
 * by parse state, per-rule configuration, inline directives, and a stable order. Produces
 * findings; adapters (validate, lint, CLI, LSP) shape them.
 */
import { parse, formatForFile, DEFAULT_MAX_LENGTH, type Document, type DocumentFormat } from '../parse/index.js';
import { buildModel, type StateMachine } from '../model/model.js';
import { formatLocation } from '../model/location.js';
import { perCallerObject } from '../memo.js';
import type { Severity, StateMachineType } from '../types.js';
import { severityOf, type Report, type Rule, type RuleSetting } from './rule.js';
import type { Finding } from './finding.js';
import { applyDirectives, collectDirectives, unusedDirectiveReports, type DirectiveProblem } from './directives.js';
import { fixerFor } from '../fix/edits.js';

export type { Finding } from './finding.js';

export type { RuleSetting } from './rule.js';

export interface EngineOptions {
  type?: StateMachineType;
  format?: DocumentFormat;
  fileName?: string;
  /** By rule id or AWS code. */
  rules?: Record<string, RuleSetting>;
  /** Honour asl-lint-disable directives (lint: yes; validate(), which mirrors AWS: no). */
  directives?: boolean;
  /**
   * Report directives that suppress nothing (--report-unused-disable-directives): turns the
   * default-off unused-disable-directive rule on at its default severity, unless `rules` sets it.
   */
  reportUnusedDirectives?: boolean;
  /**
   * Only what AWS itself reports (validate()): our own LINT_* findings are left out, and rules
   * that report nothing else are not run.
   */
  awsOnly?: boolean;
  /**
   * Texts longer than this are refused before parsing, with DEFINITION_TOO_LARGE (default:
   * DEFAULT_MAX_LENGTH of the format, 4 MiB for JSON, 2 MiB for YAML).
   */
  maxLength?: number;
}

/**
 * One run: the options and the rule catalogue to run, in the order findings are reported. The
 * engine imports no rule; the API binds the catalogue (src/api.ts).
 */
export interface EngineRun extends EngineOptions {
  catalogue: readonly Rule[];
}

export interface EngineResult {
  doc: Document;
  model: StateMachine | undefined;
  findings: Finding[];
}

export function analyze(text: string, options: EngineRun): EngineResult {
  const format = options.format ?? formatForFile(options.fileName);
  const doc = parse(text, format, { maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH[format] });
  return analyzeDocument(doc, options);
}

export function analyzeDocument(doc: Document, options: EngineRun): EngineResult {
  const type = options.type ?? 'STANDARD';
  const rules = options.catalogue;
  const known = catalogueInfo(rules);
  const findings: Finding[] = [];
  const canModel = doc.parsed && !doc.isBlank;
  const model = canModel ? buildModel(doc) : undefined;
  let seq = 0;
  const fixer = fixerFor(doc);
  rules.forEach((rule, ruleIndex) => {
    const setting = settingFor(rule, options);
    if (severityOf(rule.meta, setting) === undefined) return;
    if (rule.meta.phase !== 'document' && !model) return;
    if (options.awsOnly && rule.meta.code.startsWith('LINT_') && !rule.meta.mixedCodes) return;
    const ctx = {
      doc,
      model: model ?? buildModel(doc),
      type,
      fixer,
      report(r: Report) {
        if (options.awsOnly && (r.code ?? rule.meta.code).startsWith('LINT_')) return;
        findings.push({
          rule,
          code: r.code ?? rule.meta.code,
          // On (checked above): a setting's severity, else the finding's own, else the rule's.
          severity: severityOf(rule.meta, setting, r.severity ?? rule.meta.severity) as Severity,
          message: r.message,
          hint: r.hint,
          location: r.location === null ? undefined : (r.location ?? formatLocation(r.path)),
          path: r.path,
          part: r.part ?? 'value',
          span: r.span,
          fix: r.fix,
          data: r.data,
          order: ruleIndex * 1e7 + seq++,
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must not take the whole run down; say which rule failed.
      findings.push({
        rule,
        code: 'INTERNAL_ERROR',
        severity: 'ERROR',
        message: `Rule '${rule.meta.id}' failed on this input: ${(err as Error)?.message ?? String(err)}`,
        location: undefined,
        path: [],
        part: 'value',
        order: ruleIndex * 1e7 + seq++,
      });
    }
  });
  let kept = findings;
  if (options.directives !== false && model) {
    const problems: DirectiveProblem[] = [];
    const directives = collectDirectives(doc, known.isName, problems);
    kept = applyDirectives(doc, findings, directives);
    // The engine's own findings, under the catalogue's rule objects and their settings.
    const invalidRule = known.invalidDirective;
    const invalidSeverity = invalidRule && severityOf(invalidRule.meta, settingFor(invalidRule, options));
    if (invalidRule && invalidSeverity) {
      for (const p of problems) {
        kept.push({
          rule: invalidRule,
          code: invalidRule.meta.code,
          severity: invalidSeverity,
          message: p.message,
          location: formatLocation(p.path),
          path: p.path,
          part: 'value',
          span: p.span,
          order: rules.length * 1e7 + seq++,
        });
      }
    }
    const unusedRule = known.unusedDirective;
    const unusedSetting = unusedRule && settingFor(unusedRule, options);
    // The flag turns the (default-off) rule on at its default severity; a setting, where there is one, decides.
    const unusedSeverity = unusedRule && (options.reportUnusedDirectives && unusedSetting === undefined ? unusedRule.meta.severity : severityOf(unusedRule.meta, unusedSetting));
    if (unusedRule && unusedSeverity) {
      for (const r of unusedDirectiveReports(directives)) {
        kept.push({
          rule: unusedRule,
          code: unusedRule.meta.code,
          severity: unusedSeverity,
          message: r.message,
          location: formatLocation(r.path),
          path: r.path,
          part: 'value',
          span: r.span,
          order: rules.length * 1e7 + seq++,
        });
      }
    }
  }
  kept.sort((a, b) => a.order - b.order);
  return { doc, model, findings: kept };
}

/** The rules whose findings the engine reports itself (while reading and applying directives), found in the catalogue by id. */
const INVALID_DIRECTIVE = 'invalid-disable-directive';
const UNUSED_DIRECTIVE = 'unused-disable-directive';

interface CatalogueInfo {
  /** A rule id or AWS code a directive may name. */
  isName: (name: string) => boolean;
  invalidDirective: Rule | undefined;
  unusedDirective: Rule | undefined;
}

/** Derived once per catalogue (the API hands the same array to every run; a caller may hand its own: not written to). */
const catalogueInfo = perCallerObject((rules: readonly Rule[]): CatalogueInfo => {
  const names = new Set(rules.flatMap((r) => [r.meta.id, r.meta.code]));
  return {
    isName: (name) => names.has(name),
    invalidDirective: rules.find((r) => r.meta.id === INVALID_DIRECTIVE),
    unusedDirective: rules.find((r) => r.meta.id === UNUSED_DIRECTIVE),
  };
});

/**
 * A rule's setting in the options: by its id, else its AWS code (lint()'s callers may write
 * either; the configuration, --rule and the editor's settings arrive keyed by rule id).
 */
function settingFor(rule: Rule, options: EngineOptions): RuleSetting | undefined {
  return options.rules?.[rule.meta.id] ?? options.rules?.[rule.meta.code];
}

/** Errors first, then warnings; within each, the catalogue order. */
export function compareForAws(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === 'ERROR' ? -1 : 1;
  return a.order - b.order;
}
