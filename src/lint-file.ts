/**
 * Linting a file as found in a repository: a plain definition (JSON or YAML), or a template
 * (CloudFormation/SAM/CDK, Serverless, Terraform) holding one or more definitions. Diagnostics
 * come back in the coordinates of the file the user wrote, with locations prefixed by the
 * resource name (`OrderFlow: /States/A/Next`).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyzeDocument, type EngineOptions } from './engine/engine.js';
import { Document } from './parse/document.js';
import { parse, formatForFile } from './parse/index.js';
import { substituteJson, identity, type OffsetMap } from './parse/substitute.js';
import { extractTemplate, type TemplateKind } from './parse/templates/index.js';
import { toDiagnostic } from './index.js';
import type { Diagnostic } from './types.js';

export interface LintFileOptions extends Omit<EngineOptions, 'format' | 'fileName'> {
  /** Known placeholder values (`--substitute KEY=VALUE`); when given, unquoted `${X}` placeholders are accepted too. */
  substitutions?: ReadonlyMap<string, string>;
  /** Read a file referenced by a template (DefinitionUri, file()); default: the file system. */
  readFile?: (path: string) => string;
  /**
   * 'auto' (default): templates are recognised by content, anything else is a plain definition;
   * 'asl': always a plain definition; 'template': templates only (a found template.yaml that
   * holds no state machine gives no result).
   */
  mode?: 'auto' | 'asl' | 'template';
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
}

const NOT_CHECKABLE = 'LINT_NOT_CHECKABLE';

export function lintFile(text: string, filePath: string, options: LintFileOptions = {}): FileLintResult[] {
  if (typeof text !== 'string') throw new TypeError(`lintFile(): text must be a string (the file's content), got ${text === null ? 'null' : typeof text}`);
  options ??= {};
  if (options.substitutions !== undefined && !(options.substitutions instanceof Map)) throw new TypeError('lintFile(): substitutions must be a Map from placeholder name to value');
  const engine: EngineOptions = { type: options.type, rules: options.rules, directives: options.directives, reportUnusedDirectives: options.reportUnusedDirectives };
  const template = options.mode === 'asl' ? undefined : templateOf(text, filePath, options.substitutions);
  if (!template || (options.mode === 'template' && template.definitions.length === 0)) {
    return options.mode === 'template' ? [] : [lintPlain(text, filePath, options, engine)];
  }

  const results: FileLintResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const fileDoc = template.doc ?? new Document({ text, format: 'json', value: undefined, parsed: false, syntaxErrors: [] });
  let count = 0;
  for (const def of template.definitions) {
    if (def.doc) {
      count++;
      const analysis = analyzeDocument(def.doc, engine);
      for (const f of analysis.findings) {
        const d = toDiagnostic(def.doc, f);
        if (def.mapOffset) remap(d, def.mapOffset, fileDoc);
        d.location = `${def.name}: ${d.location ?? '/'}`;
        diagnostics.push(d);
      }
    } else if (def.file) {
      const target = resolve(dirname(filePath), def.file);
      let body: string | undefined;
      try {
        const read: unknown = (options.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(target);
        if (typeof read !== 'string') throw new TypeError(`readFile gave ${read === null ? 'null' : typeof read}, not the file's text`);
        body = read;
      } catch (err) {
        const why = (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);
        diagnostics.push(notice(fileDoc, def.span, `${def.name}: ${def.field} names '${def.file}', which cannot be read (${why}).`, def.name, 'ERROR'));
      }
      if (body !== undefined) {
        const subs = new Map([...(options.substitutions ?? []), ...(def.substitutions ?? [])]);
        results.push(lintPlain(body.replace(/^\uFEFF/, ''), target, { ...options, substitutions: subs }, engine));
      }
    } else if (def.notCheckable) {
      diagnostics.push(notice(fileDoc, def.span, `${def.name}: not checked: ${def.notCheckable}.`, def.name, 'WARNING'));
    }
  }
  diagnostics.sort((a, b) => a.offset - b.offset);
  results.unshift({ filePath, text, kind: template.kind, result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK', diagnostics, definitions: count });
  return results;
}

function templateOf(text: string, filePath: string, subs: ReadonlyMap<string, string> | undefined) {
  // Cheap gates before a second parse: a template names its resource types or stepFunctions.
  if (/\.tf$/i.test(filePath)) return extractTemplate(text, filePath, subs);
  if (!/AWS::(StepFunctions|Serverless)::StateMachine|stepFunctions/.test(text)) return undefined;
  return extractTemplate(text, filePath, subs);
}

function lintPlain(text: string, filePath: string, options: LintFileOptions, engine: EngineOptions): FileLintResult {
  const format = formatForFile(filePath);
  let body = text;
  let map: OffsetMap = identity;
  if (options.substitutions && format === 'json') {
    const sub = substituteJson(text, options.substitutions);
    body = sub.text;
    map = sub.map;
  }
  const doc = parse(body, format);
  const analysis = analyzeDocument(doc, engine);
  const fileDoc = map === identity ? doc : new Document({ text, format, value: undefined, parsed: false, syntaxErrors: [] });
  const diagnostics = analysis.findings.map((f) => {
    const d = toDiagnostic(doc, f);
    if (map !== identity) remap(d, map, fileDoc);
    return d;
  });
  diagnostics.sort((a, b) => a.offset - b.offset || (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1));
  return { filePath, text, kind: 'asl', result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK', diagnostics, definitions: 1 };
}

/** Moves a diagnostic from a derived text's offsets to the file's. Fixes cannot follow reliably: dropped. */
function remap(d: Diagnostic, map: OffsetMap, fileDoc: Document): void {
  // A piece with no text of its own (an intrinsic at the very end of the file) maps to where
  // it is written: keep the range inside the file.
  const size = fileDoc.text.length;
  const start = Math.min(map(d.offset), size);
  // The end maps best as the start of what follows (an escaped quote is two bytes in the file).
  const end = d.length > 0 ? Math.min(Math.max(map(d.offset + d.length - 1) + 1, map(d.offset + d.length)), size) : start;
  d.offset = start;
  d.length = Math.max(0, end - start);
  d.range = fileDoc.rangeOf(d.offset, d.length);
  delete d.fixes;
}

function notice(fileDoc: Document, span: { offset: number; length: number }, message: string, name: string, severity: 'ERROR' | 'WARNING'): Diagnostic {
  return {
    code: NOT_CHECKABLE,
    rule: 'template-definition',
    severity,
    message,
    location: `${name}: /`,
    range: fileDoc.rangeOf(span.offset, span.length),
    offset: span.offset,
    length: span.length,
  };
}
