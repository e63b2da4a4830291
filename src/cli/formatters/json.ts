/**
 * Machine-readable output: one JSON array, an entry per linted file (clean ones included, so a
 * consumer can tell "checked and clean" from "not checked"). Positions are 1-based; the end is
 * exclusive, as in ESLint's endLine/endColumn. `location` is null where AWS gives none, so every
 * diagnostic has the same keys.
 */
import { streamingFormatter, type FileResult } from './types.js';

export interface JsonDiagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  rule: string;
  message: string;
  location: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFileResult {
  filePath: string;
  result: 'OK' | 'FAIL';
  errorCount: number;
  warningCount: number;
  diagnostics: JsonDiagnostic[];
}

export function toJson(file: FileResult): JsonFileResult {
  return {
    filePath: file.filePath,
    result: file.result,
    errorCount: file.errorCount,
    warningCount: file.warningCount,
    diagnostics: file.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      rule: d.rule,
      message: d.message,
      location: d.location ?? null,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    })),
  };
}

/** One array, written an entry at a time: byte for byte what JSON.stringify of the whole array gives. */
const json = streamingFormatter(() => {
  let files = 0;
  return {
    file: (file) => `${files++ === 0 ? '[' : ','}${JSON.stringify(toJson(file))}`,
    end: () => (files === 0 ? '[]\n' : ']\n'),
  };
});

export default json;
