/** What a rule module is: metadata (docs, examples that run as tests) and one check. */
import type { Document } from '../parse/document.js';
import type { StateMachine } from '../model/model.js';
import type { Fixer } from '../fix/edits.js';
import type { Fix, Path, Severity, StateMachineType, Span } from '../types.js';

/**
 * A rule's setting, as a configuration file, --rule, the editor's settings or lint()'s `rules`
 * give it: the words people write (RULE_SETTING_WORDS), or a Severity.
 */
export type RuleSetting = 'off' | 'warn' | 'error' | 'WARNING' | 'ERROR';

/** The words a configuration file, --rule and the editor's settings accept (the config schema's enum says the same; a test checks it). */
export const RULE_SETTING_WORDS = ['off', 'warn', 'error'] as const;

/**
 * A setting word as people write it, in any case ('warning' for 'warn', as the editor's settings
 * have always taken it); undefined for anything else.
 */
export function readRuleSetting(word: unknown): RuleSetting | undefined {
  if (typeof word !== 'string') return undefined;
  const w = word.toLowerCase();
  if (w === 'warning') return 'warn';
  return (RULE_SETTING_WORDS as readonly string[]).includes(w) ? (w as RuleSetting) : undefined;
}

/**
 * The severity a rule reports at under a setting (undefined: off). Without a setting: `fallback`
 * (the finding's own severity, else the rule's default), or off for a defaultOff rule.
 */
export function severityOf(meta: Pick<RuleMeta, 'severity' | 'defaultOff'>, setting: RuleSetting | undefined, fallback: Severity = meta.severity): Severity | undefined {
  switch (setting) {
    case 'off':
      return undefined;
    case 'warn':
    case 'WARNING':
      return 'WARNING';
    case 'error':
    case 'ERROR':
      return 'ERROR';
    default:
      return meta.defaultOff ? undefined : fallback;
  }
}

export interface RuleExample {
  /** What the example shows (used in generated docs). */
  title?: string;
  /** The definition text. */
  text: string;
  format?: 'json' | 'yaml';
  type?: StateMachineType;
  /** The example is a file of this name, linted as lintFile() lints it (a template, for rules reported on templates). */
  fileName?: string;
  /** Linted with `reportUnusedDirectives` (the flag, an alias of turning unused-disable-directive on). */
  reportUnusedDirectives?: boolean;
}

interface ExpectedDiagnostic {
  code: string;
  /** AWS location; omit the property for "no location". */
  location?: string;
  /** One-based line and column of the range start. */
  line: number;
  column: number;
  /** One-based line and column of the range end (exclusive: the character after the range). */
  endLine: number;
  endColumn: number;
  message?: string;
  severity?: Severity;
}

export interface InvalidExample extends RuleExample {
  /** Exactly what the rule reports on the example when it runs alone. */
  diagnostics: ExpectedDiagnostic[];
  /**
   * The other rules that report on the example under the default configuration (their ids), so
   * a reader knows what else lint() shows; their findings are their own examples' business.
   */
  alsoReported?: string[];
}

export interface RuleMeta {
  /** Stable kebab-case id. */
  id: string;
  /** The AWS diagnostic code the rule reports under (or our own `LINT_*`-style code). */
  code: string;
  severity: Severity;
  /** One line. */
  description: string;
  /** Why it matters; what AWS does. */
  rationale: string;
  /** Evidence: where the rule's behaviour comes from (asl-rules.md ids, AWS docs). */
  sources?: string[];
  /**
   * What its fixes are (Fix.kind): 'fix' keeps the meaning (applied by --fix); 'suggestion' changes
   * what the workflow does or guesses the author's intent (applied only with --fix-type
   * suggestion); 'editor' quick fixes offered in the editor only. false/absent: none. The strongest
   * kind the rule gives: a rule with suggestions may offer editor-only candidates beside them.
   */
  fixable?: 'fix' | 'suggestion' | 'editor' | false;
  /** 'document' rules run even when the text does not parse; others need the model. */
  phase?: 'document' | 'model';
  /** The rule also reports under AWS codes other than `code` (so validate() must still run it). */
  mixedCodes?: boolean;
  /** Off unless configured on (opinionated rules beyond AWS). */
  defaultOff?: boolean;
  examples: { valid: RuleExample[]; invalid: InvalidExample[] };
}

/**
 * The structured extras a rule attaches to its diagnostics (Diagnostic.data), declared per rule:
 * `defineRule<{ variable: string }>(...)`. A `type` alias of an object (not an interface), so it is
 * a Record<string, unknown>. A rule that declares none cannot attach any.
 */
export type RuleData = Record<string, unknown>;

export interface Report<D extends RuleData = RuleData> {
  /** Where: a path into the document's value. */
  path: Path;
  /** Which part of the member at `path` the range covers. Default 'value'. */
  part?: 'value' | 'key' | 'member';
  /** Explicit span, overriding path/part (e.g. a syntax error offset). */
  span?: Span;
  /** AWS's own wording where known (validate() returns exactly this). */
  message: string;
  /** Extra help for people (a did-you-mean, where the other state is): shown by lint(), the CLI and the editor, never by validate(). */
  hint?: string;
  /** AWS-style location; default: formatted from `path`. `null` means none (as AWS gives none). */
  location?: string | null;
  /** Overrides the rule's code (one rule may report under two AWS codes). */
  code?: string;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  /**
   * Built on demand (fixes need offsets, which need the position tree), with `ctx.fixer` only: a
   * rule never writes text edits by hand.
   */
  fix?: () => Fix | Fix[] | undefined;
  data?: D;
}

export interface RuleContext<D extends RuleData = RuleData> {
  doc: Document;
  model: StateMachine;
  type: StateMachineType;
  /** Builds the rule's fixes: edits in the document's own style, refused where unsafe. */
  fixer: Fixer;
  report(report: Report<D>): void;
}

export interface Rule<D extends RuleData = RuleData> {
  meta: RuleMeta;
  check(ctx: RuleContext<D>): void;
}

/** A rule; `D` is the type of its diagnostics' `data` (none unless declared). */
export function defineRule<D extends RuleData = Record<string, never>>(rule: Rule<D>): Rule<D> {
  return rule;
}
