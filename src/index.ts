/**
 * The package entry: re-exports only (the API itself is src/api.ts).
 * - validate(): exactly the contract of AWS's ValidateStateMachineDefinition.
 * - lint(): every finding with rule id, range and fixes, for the CLI and editors.
 */
export type { Diagnostic, Severity, StateMachineType, Range, Position, Span, Fix, TextEdit, QueryLanguage } from './types.js';
export type { RuleSetting, EngineOptions } from './engine/engine.js';
export type { Rule, RuleMeta } from './engine/rule.js';
export { validate, toValidateResult, lint, lintDocument, withHint, toDiagnostic, analyze, analyzeDocument, allRules, rulesMeta, ruleDocsUrl } from './api.js';
export type { ValidateOptions, ValidateDiagnostic, ValidateResult, LintOptions, LintResult } from './api.js';

/** Linting a file as found in a repository (a definition, or a template holding definitions). */
export { lintFile } from './lint-file.js';
export type { LintFileOptions, FileLintResult } from './lint-file.js';
/** Rule metadata as `asl-lint --list-rules` shows it. */
export { ruleListing, type RuleListing } from './cli/list-rules.js';
/** What a formatter receives and returns (the CLI's stylish, json, sarif, github ... formatters). */
export type { Formatter, FileResult, FormatContext, Colors } from './cli/formatters/types.js';
export { parse, formatForFile } from './parse/index.js';
export { buildModel } from './model/model.js';
export { formatLocation } from './model/location.js';

// Running definitions offline (issue 12): AWS's TestState and executions, with mocks.
export { execute, testState, prepare as prepareExecution, StatesError, InvalidDefinitionError, RunUsageError, DEFAULT_START_TIME } from './run/api.js';
export type {
  ExecuteOptions,
  ExecutionResult,
  ExecutionStatus,
  TestStateRequest,
  TestStateResponse,
  HistoryEvent,
  Coverage,
  StateInspection,
  Mock,
  MockedResponses,
  MockedResponse,
  MockFunction,
} from './run/api.js';
