/**
 * The formatter interface: a formatter turns the results of one run into the text the CLI
 * prints. Formatters never lint, filter or decide the exit code; they only shape what they get.
 */
import type picocolors from 'picocolors';
import type { Diagnostic } from '../../types.js';
import type { RuleMeta } from '../../engine/rule.js';

/** picocolors' styles (red, yellow, dim, bold, underline ...). */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** One linted file, as every formatter receives it. */
export interface FileResult {
  /** The path as shown to the user: relative to the working directory when inside it. */
  filePath: string;
  /**
   * The text that was linted (BOM removed), for formatters that show source excerpts; '' for the
   * files the CLI lints ahead of the others (those that may be templates), whose texts it does
   * not keep. No formatter uses it today.
   */
  source: string;
  /** FAIL when the file has at least one error (errors are never hidden by options). */
  result: 'OK' | 'FAIL';
  /** Counts of the diagnostics listed below. */
  errorCount: number;
  warningCount: number;
  /** The diagnostics to report, in position order, after --severity and --quiet. */
  diagnostics: Diagnostic[];
}

export interface FormatContext {
  /** Styles to use; every style is the identity when colour is off. */
  colors: Colors;
  /** The working directory the display paths are relative to. */
  cwd: string;
  /** Every rule's metadata by rule id, in catalogue order (the API's `rulesMeta`; as ESLint's formatters get it). */
  rulesMeta: Readonly<Record<string, RuleMeta>>;
}

/**
 * One run's report, file by file: the CLI prints what file() returns as each file is linted, so a
 * run over 100,000 files never holds all their results. A format that needs the whole run (SARIF,
 * JUnit's totals up front) keeps only what its output needs, and returns it from end().
 */
export interface FormatStream {
  /** The text for one more file, to print now ('' for none). */
  file(result: FileResult): string;
  /** The rest of the report, ending in a newline, or '' when there is nothing more to say. */
  end(): string;
}

export interface Formatter {
  stream(context: FormatContext): FormatStream;
  /** The whole report at once: the stream's texts joined. */
  format(results: readonly FileResult[], context: FormatContext): string;
}

/** A Formatter from its stream. */
export function streamingFormatter(stream: (context: FormatContext) => FormatStream): Formatter {
  return {
    stream,
    format(results, context) {
      const s = stream(context);
      let out = '';
      for (const r of results) out += s.file(r);
      return out + s.end();
    },
  };
}
