/**
 * One open document's analysis: the lint result (diagnostics, Document, model) that every editor
 * feature reads. Built once per document version; features never parse or check again.
 *
 * Editors send half-typed text most of the time. When JSON does not parse, lint() reports the
 * syntax error and builds no model; editor features still need one (to complete `"Ne|`), so the
 * model is then built from the tolerant jsonc-parser tree the Document already holds for ranges.
 * When YAML does not parse there is no tree at all; the last good model is kept for names and
 * types (completion), never for positions.
 */
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optionsFromConfig } from '../config/config.js';
import { lintSource, type LintFileOptions, type SourceLintResult } from '../lint-file.js';
import { lintViaTemplate } from './viaTemplate.js';
import type { TemplateKind } from '../parse/templates/index.js';
import type { Diagnostic } from '../types.js';
import { DEFAULT_MAX_LENGTH, parse } from '../parse/index.js';
import { Document, type DocumentFormat } from '../parse/document.js';
import { buildModel, type StateMachine } from '../model/model.js';
import { jsonc } from '../parse/jsonc.js';
import type { Settings } from './settings.js';

export interface AslTextDocument {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
}

export interface Analysis {
  uri: string;
  version: number;
  format: DocumentFormat;
  /** The diagnostics, exactly as the CLI (lintFile) reports them for this file. */
  lint: { result: 'OK' | 'FAIL'; diagnostics: Diagnostic[] };
  /**
   * A template (SAM/CloudFormation/CDK, Serverless, Terraform) holding state machines: the
   * diagnostics are the template's; `model` is undefined (editor features work in definitions).
   */
  template?: TemplateKind;
  /** The definition files a template names (DefinitionUri, file()...), as absolute paths. */
  references?: string[];
  /** The parsed text: positions, the node tree (the text as written, parsed on first use when substitutions moved it). */
  readonly doc: Document;
  /** The model of the current text: lint's own, or built from the tolerant tree (on first use). */
  readonly model: StateMachine | undefined;
  /** True when the text has a syntax error: `model`, if any, comes from the tolerant tree. */
  readonly tolerant: boolean;
  /** The project's configuration file ignores the document: features work, no diagnostics. */
  ignored: boolean;
  /**
   * The model of the last version that parsed, for names and types only (its positions are stale).
   * When the configuration's substitutions apply, a version's text as written is parsed only if a
   * feature read it, so a version no feature read is skipped here (editors ask for symbols or
   * folding after each change, so in practice none is).
   */
  readonly lastGood: StateMachine | undefined;
}

interface DocumentKind {
  format: DocumentFormat;
  /** A Terraform file: only ever a template. */
  terraform?: boolean;
  /** Named or tagged as ASL: always linted. Otherwise linted only when the content is a state machine. */
  dedicated: boolean;
}

const ASL_NAME = /\.asl\.(json|ya?ml)$/i;

/** Which documents the server handles, and in which format. */
function documentKind(uri: string, languageId: string): DocumentKind | undefined {
  const path = uri.replace(/[?#].*$/, '');
  const named = ASL_NAME.exec(path);
  if (named) return { format: named[1].toLowerCase() === 'json' ? 'json' : 'yaml', dedicated: true };
  if (languageId === 'asl') return { format: 'json', dedicated: true };
  if (languageId === 'asl-yaml') return { format: 'yaml', dedicated: true };
  if (languageId === 'json' || languageId === 'jsonc') return { format: 'json', dedicated: false };
  if (languageId === 'yaml') return { format: 'yaml', dedicated: false };
  if (languageId === 'terraform' || /\.tf$/i.test(path)) return { format: 'json', dedicated: false, terraform: true };
  if (/\.json$/i.test(path)) return { format: 'json', dedicated: false };
  if (/\.ya?ml$/i.test(path)) return { format: 'yaml', dedicated: false };
  return undefined;
}

/**
 * Analyses one document version, or answers undefined when it is not a state machine the server
 * should lint (a package.json, a YAML workflow file...). The text is linted once, by lintSource()
 * with the options the CLI would use for this file (optionsFromConfig): templates, substitutions
 * and directives as CI sees them.
 */
export function analyzeTextDocument(textDocument: AslTextDocument, settings: Settings, previous?: Analysis): Analysis | undefined {
  const kind = documentKind(textDocument.uri, textDocument.languageId);
  if (!kind) return undefined;
  const text = textDocument.getText();
  const filePath = filePathOf(textDocument.uri, kind);
  const options: LintFileOptions = { ...(settings.lint ?? optionsFromConfig(NO_CONFIG, filePath, settings).options), format: kind.format, root: settings.root };
  // A template is linted with its definitions; anything else that is not named or tagged as ASL
  // only when lintSource's discover mode finds a state machine in it (holdsStateMachine: the
  // CLI's own test). A definition a template names is linted through it, with its substitutions (below).
  const references: string[] = [];
  const results = lintSource(text, filePath, { ...options, mode: kind.dedicated ? 'asl' : 'discover', readFile: kind.dedicated ? undefined : readableOnly(references) });
  const own = results[0];
  if (!own) return undefined;
  if (own.kind !== 'asl') return templateAnalysis(textDocument, kind, own, references, settings);
  if (kind.terraform) return undefined;
  // When the definition is linted through a template and that gives the same problems as the
  // plain text, the plain result is kept: its quick fixes (fixes cannot follow a template's
  // substitutions, lintSource drops them).
  const via = textDocument.uri.startsWith('file:') ? lintViaTemplate(filePath, text, options) : undefined;
  const lint = via && !sameProblems(via.diagnostics, own.diagnostics) ? via : own;
  // The document the features read: the linted one. When substitutions moved the text, lintSource
  // linted the substituted text only; the text as written is parsed when a feature first asks for
  // it, so a version that no feature reads is parsed once.
  return new DefinitionAnalysis(
    textDocument.uri,
    textDocument.version,
    text,
    kind.format,
    { result: lint.result, diagnostics: lint.diagnostics },
    own.analysis ? { doc: own.analysis.doc, model: own.analysis.model } : null,
    settings.ignored === true,
    // Read now, without parsing anything: the previous version's model (when this one has none yet, or never will).
    previous?.lastGood,
  );
}

/**
 * A definition's analysis, whose text as written is parsed on first use. A class, not an object
 * literal with getters: such a literal gets a V8 hidden class of its own per call, kept in the
 * old generation with the getters' closures, and every version's document and model outlived
 * it until a full collection (test/gc-retention.test.ts).
 */
class DefinitionAnalysis implements Analysis {
  /** `null`: the text as written is not parsed yet. */
  #written: { doc: Document; model: StateMachine | undefined } | null;
  /** The tolerant model costs a full tree of the text: built only when a feature asks for it (`null`: not yet), so the syntax error's diagnostic is not delayed. */
  #tolerant: StateMachine | undefined | null = null;

  constructor(
    readonly uri: string,
    readonly version: number,
    /** This version's text (the editor's document object changes in place with later versions). */
    private readonly text: string,
    readonly format: DocumentFormat,
    readonly lint: Analysis['lint'],
    written: { doc: Document; model: StateMachine | undefined } | null,
    readonly ignored: boolean,
    private readonly previousGood: StateMachine | undefined,
  ) {
    this.#written = written;
  }

  #asWritten(): { doc: Document; model: StateMachine | undefined } {
    if (this.#written === null) {
      const doc = parse(this.text, this.format, { maxLength: DEFAULT_MAX_LENGTH[this.format] });
      this.#written = { doc, model: doc.parsed && !doc.isBlank ? buildModel(doc) : undefined };
    }
    return this.#written;
  }

  get doc(): Document {
    return this.#asWritten().doc;
  }

  get model(): StateMachine | undefined {
    const { doc, model } = this.#asWritten();
    if (model) return model;
    if (this.#tolerant === null) this.#tolerant = doc.isBlank ? undefined : tolerantModel(doc);
    return this.#tolerant;
  }

  get tolerant(): boolean {
    return !this.#asWritten().model;
  }

  /** The model of this version once read (never parsing for it), else the previous version's. */
  get lastGood(): StateMachine | undefined {
    return this.#written?.model ?? this.previousGood;
  }
}

const NO_CONFIG = { config: {} };

/**
 * A referenced definition is linted in its own document: for a template, only whether it can be
 * read, as the CLI reports it, and where it is (for document links).
 */
function readableOnly(references: string[]): (path: string) => string {
  return (path) => {
    references.push(path);
    accessSync(path, constants.R_OK);
    return '';
  };
}

function sameProblems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d.code === b[i].code && d.offset === b[i].offset && d.length === b[i].length && d.message === b[i].message && d.severity === b[i].severity);
}

/** A path for lintSource: the file's own, or one with the right extension for an unsaved document. */
function filePathOf(uri: string, kind: DocumentKind): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through
    }
  }
  const name = uri.replace(/[?#].*$/, '').replace(/^.*[\\/:]/, '');
  const ext = kind.terraform ? '.tf' : kind.format === 'json' ? '.json' : '.yaml';
  return `/${name.toLowerCase().endsWith(ext) ? name : name + ext}`;
}

/**
 * A template holding state machines, linted as the CLI lints it: the diagnostics of its inline
 * definitions and of the references it cannot follow. Definitions in other files (DefinitionUri,
 * file()) are linted when opened; the document links lead there.
 */
function templateAnalysis(textDocument: AslTextDocument, kind: DocumentKind, own: SourceLintResult, references: string[], settings: Settings): Analysis | undefined {
  // One that holds no state machine: nothing for the editor to show.
  if (own.definitions === 0 && own.diagnostics.length === 0) return undefined;
  // Positions only, no second parse: a JSON template's tree is built if a feature asks (folding).
  const doc = new Document({ text: own.text, format: kind.terraform ? 'json' : kind.format, value: undefined, parsed: false, syntaxErrors: [] });
  return {
    uri: textDocument.uri,
    version: textDocument.version,
    format: kind.format,
    lint: { result: own.result, diagnostics: own.diagnostics },
    template: own.kind as TemplateKind,
    references,
    doc,
    model: undefined,
    tolerant: false,
    ignored: settings.ignored === true,
    lastGood: undefined,
  };
}

/** The model of a JSON text with syntax errors, from jsonc-parser's error-tolerant tree. */
function tolerantModel(doc: Document): StateMachine | undefined {
  if (doc.format !== 'json' || doc.tooDeep) return undefined;
  const tree = doc.tree();
  if (!tree) return undefined;
  let value: unknown;
  try {
    value = jsonc.getNodeValue(tree);
  } catch {
    return undefined;
  }
  const tolerantDoc = new Document({ text: doc.text, format: doc.format, value, parsed: true, syntaxErrors: [], tree });
  return buildModel(tolerantDoc);
}
