/**
 * The formatter interface: a formatter turns the results of one run into the text the CLI
 * prints. Formatters never lint, filter or decide the exit code; they only shape what they get.
 */
import type picocolors from 'picocolors';
import type { Diagnostic } from '../../types.js';

/** picocolors' styles (red, yellow, dim, bold, underline ...). */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** One linted file, as every formatter receives it. */
export interface FileResult {
  /** The path as shown to the user: relative to the working directory when inside it. */
  filePath: string;
  /** The text that was linted (BOM removed), for formatters that show source excerpts. */
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
}

export interface Formatter {
  /** Returns the whole output, ending in a newline, or '' when there is nothing to say. */
  format(results: readonly FileResult[], context: FormatContext): string;
}
