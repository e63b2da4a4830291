/**
 * Linting a file as found in a repository: a plain definition (JSON or YAML), or a template
 * (CloudFormation/SAM/CDK, Serverless, Terraform) holding one or more definitions. Diagnostics
 * come back in the coordinates of the file the user wrote, with locations prefixed by the
 * resource name (`OrderFlow: /States/A/Next`). `lintSource()` is the one way in for the CLI and
 * the editor (with options from `optionsFromConfig()`); `lintFile()` is its public form.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { EngineOptions, EngineResult } from './engine/engine.js';
import { Document } from './parse/document.js';
import { DEFAULT_MAX_LENGTH, parse, formatForFile, type DocumentFormat } from './parse/index.js';
import { substituteJson, identity, type OffsetMap } from './parse/substitute.js';
import { extractTemplate, isTemplateWithoutMachine, templateFormatOf, type EmbeddedDefinition, type TemplateKind } from './parse/templates/index.js';
import { FileReadError, MAX_DEFINITION_FILE_BYTES, readRegularFile, systemReason } from './read-file.js';
import { analyzeDocument, rulesMeta, toDiagnostic } from './api.js';
import type { Diagnostic, Fix, Severity, Span, StateMachineType, TextEdit } from './types.js';
import { fixIsSound } from './fix/edits.js';
import { isObject } from './model/model.js';
import { severityOf } from './engine/rule.js';

export interface LintFileOptions extends Omit<EngineOptions, 'format' | 'fileName' | 'awsOnly'> {
  /**
   * The type of a machine whose template declares none (and of plain definitions). A template's
   * own declaration (SAM `Type`, `StateMachineType`, Serverless/Terraform `type`) wins over it;
   * `forceType` wins over both.
   */
  type?: StateMachineType;
  /** Every machine is checked as this type, whatever its template says (`--type`). */
  forceType?: StateMachineType;
  /** Known placeholder values (`--substitute KEY=VALUE`); when given, unquoted `${X}` placeholders are accepted too. */
  substitutions?: ReadonlyMap<string, string>;
  /** Read a file referenced by a template (DefinitionUri, file()); default: regular files of at most 10 MiB. */
  readFile?: (path: string) => string;
  /**
   * Files a template references (DefinitionUri, file()) must be inside this folder (after
   * following symbolic links); default: the template's own folder.
   */
  root?: string;
  /** Read referenced files wherever they are (`--allow-outside-references`). */
  allowOutsideRoot?: boolean;
  /**
   * 'auto' (default, a file the user named): a template is recognised by content, a template
   * without a state machine passes with a note, anything else is a plain definition;
   * 'asl': always a plain definition;
   * 'discover' (a file found by a folder walk or a glob): a template, or a text that is a state
   * machine (an object with `States` or `StartAt`); anything else gives no result.
   */
  mode?: 'auto' | 'asl' | 'discover';
  /** Definitions (by `fingerprint`) already linted elsewhere: not linted again (CDK's cdk.out copies). */
  skipDefinitions?: ReadonlySet<string>;
  /** Fill `fingerprints` in the results. */
  fingerprint?: boolean;
  /** Fill `linted` in lintSource()'s results: each definition's analysis (`asl-lint graph` draws their models). */
  linted?: boolean;
  /** The format of a plain definition (an editor's language mode); default: by the file's name, else by content. */
  format?: DocumentFormat;
}

export interface FileLintResult {
  filePath: string;
  /** The text that was linted (for a referenced file, as read). */
  text: string;
  /** How the file was read. */
  kind: 'asl' | TemplateKind;
  result: 'OK' | 'FAIL';
  diagnostics: Diagnostic[];
  /** Number of definitions linted in this file. */
  definitions: number;
  /** Things the user should know that are not problems ("holds no state machine"). */
  notes?: string[];
  /** With `fingerprint`: one canonical text per definition linted. */
  fingerprints?: string[];
}

/** What lintSource() answers: lintFile()'s results, and for a plain definition its analysis. */
export interface SourceLintResult extends FileLintResult {
  /**
   * A plain definition linted as written (no substitution moved its text): the parsed document
   * and model the diagnostics come from, for editor features that read the same analysis.
   */
  analysis?: EngineResult;
  /**
   * Each definition of the file, in the order written (a template's embedded ones and those its
   * files hold; a plain definition's one), with the analysis it was linted from (its model, in
   * the text linted: substituted, or the template's string), or why it was not linted. For
   * pictures of the machines (`asl-lint graph`). With the `linted` option; lintFile() leaves it out.
   */
  linted?: LintedDefinition[];
}

interface LintedDefinition {
  /** The template resource (undefined for a plain definition). */
  name?: string;
  /** The file the definition was read from (a template's DefinitionUri names another). */
  filePath: string;
  analysis?: EngineResult;
  /** Its diagnostics, as in the file's result. */
  diagnostics: Diagnostic[];
  /** Not linted, and why: "DefinitionS3Location points to S3; ...". */
  notLinted?: string;
}

/** Lints a file as found in a repository (a definition, or a template holding definitions). */
export function lintFile(text: string, filePath: string, options: LintFileOptions = {}): FileLintResult[] {
  const results: FileLintResult[] = lintSourceAs('lintFile', text, filePath, options);
  for (const r of results) {
    delete (r as SourceLintResult).analysis;
    delete (r as SourceLintResult).linted;
  }
  return results;
}

/**
 * The one way adapters lint a source file (the CLI for each input, the editor for each document
 * version), with options from optionsFromConfig() (config/config.ts): templates and the types they
 * declare, substitutions, directives. The same text and options give the same problems in both.
 */
export function lintSource(text: string, filePath: string, options: LintFileOptions = {}): SourceLintResult[] {
  return lintSourceAs('lintSource', text, filePath, options);
}

/** `caller`: the public function called, named in the errors thrown for bad arguments. */
function lintSourceAs(caller: string, text: string, filePath: string, options: LintFileOptions = {}): SourceLintResult[] {
  if (typeof text !== 'string') throw new TypeError(`${caller}(): text must be a string (the file's content), got ${text === null ? 'null' : typeof text}`);
  options ??= {};
  if (options.substitutions !== undefined && !(options.substitutions instanceof Map)) throw new TypeError(`${caller}(): substitutions must be a Map from placeholder name to value`);
  const engine: EngineOptions = { type: options.forceType ?? options.type, rules: options.rules, directives: options.directives, reportUnusedDirectives: options.reportUnusedDirectives };
  const mode = options.mode ?? 'auto';
  const tf = /\.tf$/i.test(filePath);
  const template = mode === 'asl' ? undefined : templateOf(text, filePath, options.substitutions, options.maxLength);
  if (!template || template.definitions.length === 0) {
    if (mode === 'asl') return [lintPlain(text, filePath, options, engine)];
    // A template that declares no state machine: nothing to lint (named: say so).
    if (tf || template || (!isPlainDefinitionName(filePath) && holdsNoMachine(text, options.maxLength))) {
      return mode === 'discover'
        ? []
        : [
            {
              filePath,
              text,
              kind: tf ? 'terraform' : (template?.kind ?? 'cloudformation'),
              result: 'OK',
              diagnostics: [],
              definitions: 0,
              notes: [`${tf ? 'no aws_sfn_state_machine resource' : 'no state machine'} in this template: nothing to check`],
            },
          ];
    }
    if (mode === 'discover' && !isPlainDefinitionName(filePath)) {
      // Parsed once: the look at the text (substituted, as it is linted) is the parse.
      // The cheap look first: a file that names no StartAt or States is not substituted at all.
      if (!MACHINE_KEY.test(text)) return [];
      const format = options.format ?? contentFormat(text, filePath);
      const sub = substitute(text, format, options.substitutions);
      const seen = definitionDocument(sub.text, format, options.maxLength);
      if (!seen) return [];
      return [lintPlain(text, filePath, options, engine, undefined, { ...sub, doc: seen })];
    }
    return [lintPlain(text, filePath, options, engine)];
  }

  const results: SourceLintResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const fingerprints: string[] = [];
  // Kept only when asked for: the CLI holds a template's results until their turn.
  const linted: LintedDefinition[] = [];
  const fileDoc = template.doc ?? new Document({ text, format: 'json', value: undefined, parsed: false, syntaxErrors: [] });
  let count = 0;
  for (const def of template.definitions) {
    const type = options.forceType ?? def.type ?? options.type;
    const defEngine = type === engine.type ? engine : { ...engine, type };
    if (def.doc) {
      const print = options.skipDefinitions || options.fingerprint ? fingerprintOf(def.doc) : undefined;
      if (print !== undefined && options.skipDefinitions?.has(print)) continue;
      if (print !== undefined) fingerprints.push(print);
      count++;
      const analysis = analyzeDocument(def.doc, defEngine);
      // A string-held definition's fixes may follow it only where the string holds it as written (a YAML block, a heredoc).
      let written: boolean | undefined;
      const writtenAsIs = () => (written ??= !!def.mapOffset && isWrittenAsIs(def.doc!.text, def.mapOffset, fileDoc.text));
      const own: Diagnostic[] = [];
      linted.push({ name: def.name, filePath, analysis, diagnostics: own });
      for (const f of analysis.findings) {
        // Positions from the template's document: one line index for all its definitions.
        const d = toDiagnostic(def.doc, f, def.mapOffset ? undefined : fileDoc);
        if (def.mapOffset) remap(d, def.mapOffset, fileDoc, def.doc.text, writtenAsIs);
        d.location = `${def.name}: ${d.location ?? '/'}`;
        diagnostics.push(d);
        own.push(d);
      }
    } else if (def.file) {
      const referenced = readReference(def, filePath, options, fileDoc);
      if ('missing' in referenced) {
        pushNotice(diagnostics, notice(fileDoc, def.span, `${def.name}: not checked: ${def.optionalFile}.`, def.name, 'WARNING', options));
        linted.push({ name: def.name, filePath, diagnostics: [], notLinted: `not checked: ${def.optionalFile}` });
      } else if ('error' in referenced) {
        pushNotice(diagnostics, referenced.error);
        linted.push({ name: def.name, filePath, diagnostics: [], notLinted: referenced.why });
      } else {
        const subs = new Map([...(options.substitutions ?? []), ...(def.substitutions ?? [])]);
        const r = lintPlain(referenced.body, referenced.path, { ...options, format: undefined, substitutions: subs }, defEngine, { viaTemplate: `${def.name}'s ${def.field}` });
        if (options.skipDefinitions && r.fingerprints?.[0] !== undefined && options.skipDefinitions.has(r.fingerprints[0])) continue;
        results.push(r);
        linted.push({ name: def.name, filePath: r.filePath, analysis: r.linted?.[0]?.analysis, diagnostics: r.diagnostics });
      }
    } else if (def.notCheckable) {
      pushNotice(diagnostics, notice(fileDoc, def.span, `${def.name}: not checked: ${def.notCheckable}.`, def.name, 'WARNING', options));
      linted.push({ name: def.name, filePath, diagnostics: [], notLinted: def.notCheckable });
    }
  }
  diagnostics.sort((a, b) => a.offset - b.offset);
  const own: SourceLintResult = { filePath, text, kind: template.kind, result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK', diagnostics, definitions: count };
  if (options.linted) own.linted = linted;
  if (options.fingerprint) own.fingerprints = fingerprints;
  results.unshift(own);
  return results;
}

/** A definition's canonical text: the same machine in two files gives the same fingerprint. */
function fingerprintOf(doc: Document): string | undefined {
  return doc.parsed ? JSON.stringify(doc.value) : undefined;
}

/** `*.asl.json`, `*.asl.yaml`: a definition by its name. */
function isPlainDefinitionName(filePath: string): boolean {
  return /\.asl\.(json|ya?ml)$/i.test(filePath);
}

function contentFormat(text: string, filePath: string): DocumentFormat {
  if (/\.(json|ya?ml)$/i.test(filePath)) return formatForFile(filePath);
  return templateFormatOf(text);
}

/** `StartAt` or `States` written as a key (`"StartAt":`, `States:`), not a word in prose ("the United States"). */
const MACHINE_KEY = /\b(States|StartAt)["']?\s*:/;

/**
 * A found file that is a state machine (an object with `States` or `StartAt`, or a broken text
 * naming them): its document; undefined for anything else.
 */
function definitionDocument(text: string, format: DocumentFormat, maxLength: number | undefined): Document | undefined {
  if (!MACHINE_KEY.test(text)) return undefined;
  const doc = parse(text, format, { maxLength: maxLength ?? DEFAULT_MAX_LENGTH[format] });
  if (!doc.parsed) return doc; // broken (or too large to read), but it speaks of states: a definition to report on
  return holdsStateMachine(doc.value) ? doc : undefined;
}

/**
 * What a JSON or YAML value must be for a found file (`asl-lint .`, a glob, the editor's JSON and
 * YAML files not named as ASL) to be linted as a state machine: an object with a `StartAt` string
 * or a `States` object, so a draft missing one of them is still checked, while a package.json
 * that happens to have a "States" key is not. The CLI and the editor both decide with this.
 */
function holdsStateMachine(v: unknown): boolean {
  return isObject(v) && (typeof v.StartAt === 'string' || isObject(v.States));
}

/** A SAM/CloudFormation template or serverless.yml that declares no state machine. */
function holdsNoMachine(text: string, maxLength: number | undefined): boolean {
  if (!/AWSTemplateFormatVersion|Transform|Resources|service|provider/.test(text)) return false;
  const format = templateFormatOf(text);
  const doc = parse(text, format, { cloudFormationTags: true, maxLength: maxLength ?? DEFAULT_MAX_LENGTH[format] });
  return doc.parsed && isTemplateWithoutMachine(doc.value);
}

/** `maxLength`: the template's, and each definition's held in a string (the caller's option, else the defaults). */
function templateOf(text: string, filePath: string, subs: ReadonlyMap<string, string> | undefined, maxLength: number | undefined) {
  // Cheap gates before a second parse: a template names its resource types or stepFunctions.
  if (/\.tf$/i.test(filePath)) return extractTemplate(text, filePath, subs, maxLength);
  if (!/AWS::(StepFunctions|Serverless)::StateMachine|stepFunctions/.test(text)) return undefined;
  return extractTemplate(text, filePath, subs, maxLength);
}

/**
 * The text of a file a template names, read as CloudFormation would: only a regular file of at
 * most 10 MiB, inside the project root unless allowed.
 */
function readReference(
  def: EmbeddedDefinition,
  filePath: string,
  options: LintFileOptions,
  fileDoc: Document,
): { body: string; path: string } | { error: Diagnostic | undefined; why: string } | { missing: true } {
  const target = resolve(dirname(filePath), def.file!);
  const refuse = (reason: string) => {
    const why = `${def.field} names '${def.file}', which cannot be read (${reason})`;
    return { error: notice(fileDoc, def.span, `${def.name}: ${why}.`, def.name, 'ERROR', options), why };
  };
  if (!options.allowOutsideRoot) {
    const root = resolve(options.root ?? dirname(filePath));
    let real = target;
    let realRoot = root;
    try {
      realRoot = realpathSync(root);
      real = realpathSync(target);
    } catch {
      // a missing file is reported by the read below
    }
    if (!within(realRoot, real)) return refuse(`it is outside the project folder ${root}; pass --allow-outside-references to read it`);
  }
  try {
    const read: unknown = (options.readFile ?? ((p: string) => readRegularFile(p, MAX_DEFINITION_FILE_BYTES, 'definition file')))(target);
    if (typeof read !== 'string') throw new TypeError(`readFile gave ${read === null ? 'null' : typeof read}, not the file's text`);
    return { body: read.replace(/^\uFEFF/, ''), path: target };
  } catch (err) {
    if (def.optionalFile && (err as NodeJS.ErrnoException)?.code === 'ENOENT') return { missing: true };
    return refuse(err instanceof FileReadError ? err.message : systemReason((err as NodeJS.ErrnoException)?.code, err));
  }
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** The text a plain definition is linted as: its placeholders filled (JSON with substitutions), and the map back to the file. */
function substitute(text: string, format: DocumentFormat, substitutions: ReadonlyMap<string, string> | undefined): { text: string; map: OffsetMap } {
  return substitutions && format === 'json' ? substituteJson(text, substitutions) : { text, map: identity };
}

/** `read`: the text already substituted and parsed (a found file, parsed to see whether it is a state machine). */
function lintPlain(
  text: string,
  filePath: string,
  options: LintFileOptions,
  engine: EngineOptions,
  via?: { viaTemplate: string },
  read?: { text: string; map: OffsetMap; doc: Document },
): SourceLintResult {
  const format = options.format ?? contentFormat(text, filePath);
  const { text: body, map } = read ?? substitute(text, format, options.substitutions);
  let doc = read?.doc ?? parse(body, format, { maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH[format] });
  const notes: string[] = [];
  let lenient = false;
  if (via && format === 'json' && (!doc.parsed || doc.duplicateKeys.length > 0)) {
    // CloudFormation's handler reads DefinitionUri/file() definitions as JSON or YAML: trailing
    // commas (valid in YAML flow collections) and duplicate keys (the last wins) deploy.
    const asYaml = parse(body, 'yaml', { maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH.yaml });
    if (asYaml.parsed) {
      doc = asYaml;
      lenient = true;
      notes.push(`read as ${via.viaTemplate} is deployed: CloudFormation reads the file as JSON or YAML (trailing commas accepted, the last of duplicate keys wins), not with the API's strict JSON`);
    }
  }
  const analysis = analyzeDocument(doc, engine);
  const fileDoc = map === identity ? doc : new Document({ text, format, value: undefined, parsed: false, syntaxErrors: [] });
  const diagnostics = analysis.findings.map((f) => {
    const d = toDiagnostic(doc, f);
    if (map !== identity) remap(d, map, fileDoc, doc.text);
    if (lenient && d.rule === 'duplicate-json-key') {
      // Not refused on this path (the handler keeps the last); still never what was meant.
      d.severity = 'WARNING';
      d.message += ' CloudFormation keeps the last one when it deploys this file.';
    }
    return d;
  });
  diagnostics.sort((a, b) => a.offset - b.offset || (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1));
  const r: SourceLintResult = { filePath, text, kind: 'asl', result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK', diagnostics, definitions: 1 };
  if (notes.length) r.notes = notes;
  if (map === identity) r.analysis = analysis;
  if (options.linted) r.linted = [{ filePath, analysis, diagnostics }];
  if (options.fingerprint || options.skipDefinitions) {
    const p = fingerprintOf(doc);
    r.fingerprints = p === undefined ? [] : [p];
  }
  return r;
}

/**
 * Moves a diagnostic from a derived text's offsets (`derived`: a definition with its placeholders
 * filled, or held in a template's string) to the file's. A fix follows only where each edit's
 * text, and the characters around it, read the same in both texts and the moved fix is sound in
 * the file (no YAML anchor or alias touched); in a string-held definition, only where the string
 * holds the definition as written (`writtenAsIs`) and the edit adds no line, quote mark or escape
 * that the string would have to encode. The others are dropped.
 */
function remap(d: Diagnostic, map: OffsetMap, fileDoc: Document, derived: string, writtenAsIs?: () => boolean): void {
  // A piece with no text of its own (an intrinsic at the very end of the file) maps to where
  // it is written: keep the range inside the file.
  const size = fileDoc.text.length;
  const start = Math.min(map(d.offset), size);
  // The end maps best as the start of what follows (an escaped quote is two bytes in the file).
  const end = d.length > 0 ? Math.min(Math.max(map(d.offset + d.length - 1) + 1, map(d.offset + d.length)), size) : start;
  d.offset = start;
  d.length = Math.max(0, end - start);
  d.range = fileDoc.rangeOf(d.offset, d.length);
  if (!d.fixes) return;
  const fixes = writtenAsIs && !writtenAsIs() ? [] : d.fixes.map((f) => remapFix(f, map, fileDoc, derived, writtenAsIs !== undefined)).filter((f): f is Fix => f !== undefined);
  if (fixes.length) d.fixes = fixes;
  else delete d.fixes;
}

function remapFix(fix: Fix, map: OffsetMap, fileDoc: Document, derived: string, inString: boolean): Fix | undefined {
  const file = fileDoc.text;
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    // In a string: a new line would not be indented as the string's lines are; ' and \ may need encoding.
    if (inString && /[\n'\\]/.test(e.newText)) return undefined;
    const offset = map(e.offset);
    // The edited text and one character either side read the same in the file: nothing filled in
    // (or unescaped) touches the edit, so it means in the file what it meant in the derived text.
    const from = Math.max(0, e.offset - 1);
    const to = Math.min(derived.length, e.offset + e.length + 1);
    const before = e.offset - from;
    if (file.slice(offset - before, offset - before + (to - from)) !== derived.slice(from, to)) return undefined;
    edits.push({ offset, length: e.length, newText: e.newText });
  }
  const moved = { ...fix, edits };
  return fixIsSound(fileDoc, moved) ? moved : undefined;
}

/**
 * Whether every line of a string-held definition is written in the file as it reads (a YAML block
 * scalar, a heredoc), rather than encoded (a JSON or YAML quoted string, with \" and \n).
 */
function isWrittenAsIs(derived: string, map: OffsetMap, file: string): boolean {
  for (let start = 0; start <= derived.length;) {
    const nl = derived.indexOf('\n', start);
    const end = nl < 0 ? derived.length : nl;
    const at = map(start);
    if (file.slice(at, at + (end - start)) !== derived.slice(start, end)) return false;
    if (nl < 0) break;
    start = nl + 1;
  }
  return true;
}

/** A finding of the template-definition rule (metadata only: reported here), under its settings; undefined when it is off. */
function notice(fileDoc: Document, span: Span, message: string, name: string, defaultSeverity: Severity, options: LintFileOptions): Diagnostic | undefined {
  const meta = rulesMeta['template-definition'];
  const setting = options.rules?.[meta.id] ?? options.rules?.[meta.code];
  const severity = severityOf(meta, setting, defaultSeverity);
  if (severity === undefined) return undefined;
  return {
    code: meta.code,
    rule: meta.id,
    severity,
    message,
    location: `${name}: /`,
    range: fileDoc.rangeOf(span.offset, span.length),
    offset: span.offset,
    length: span.length,
  };
}

function pushNotice(diagnostics: Diagnostic[], d: Diagnostic | undefined): void {
  if (d) diagnostics.push(d);
}
