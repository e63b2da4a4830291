/**
 * ESLint's "stylish" layout: each file with problems, one aligned row per diagnostic, then a
 * one-line summary. Nothing at all when there is no problem (silence is success in CI logs).
 *
 *   path/to/machine.asl.json
 *     3:13  error    Missing 'Next' target: C  MISSING_TRANSITION_TARGET (transition-target)
 *     5:3   warning  ...                        NO_DOLLAR (no-dollar)
 *
 *   ✖ 2 problems (1 error, 1 warning)
 */
import type { Diagnostic } from '../../types.js';
import { streamingFormatter } from './types.js';
import { printable } from '../printable.js';

interface Row {
  line: string;
  column: string;
  severity: 'error' | 'warning';
  message: string;
  code: string;
}

function rowOf(d: Diagnostic): Row {
  return {
    line: String(d.range.start.line + 1),
    column: String(d.range.start.character + 1),
    severity: d.severity === 'ERROR' ? 'error' : 'warning',
    // A row is one line: a message with a line break would break the alignment. Names from the
    // file may hold terminal escape sequences: shown, never obeyed.
    message: printable(d.message.replace(/\s*[\r\n]+\s*/g, ' ')),
    code: printable(`${d.code} (${d.rule})`),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const stylish = streamingFormatter(({ colors: c }) => {
  let errors = 0;
  let warnings = 0;
  return {
    file(file) {
      if (file.diagnostics.length === 0) return '';
      let out = '';
      errors += file.errorCount;
      warnings += file.warningCount;
      const rows = file.diagnostics.map(rowOf);
      // Widths are measured on plain text; colour is applied after padding.
      const w = { line: 0, column: 0, severity: 0, message: 0 };
      for (const r of rows) {
        w.line = Math.max(w.line, r.line.length);
        w.column = Math.max(w.column, r.column.length);
        w.severity = Math.max(w.severity, r.severity.length);
        w.message = Math.max(w.message, r.message.length);
      }
      out += `\n${c.underline(printable(file.filePath))}\n`;
      for (const r of rows) {
        // Line numbers right-aligned and columns left-aligned, so the colons line up.
        const pos = c.dim(`${r.line.padStart(w.line)}:${r.column}`) + ' '.repeat(w.column - r.column.length);
        const sev = (r.severity === 'error' ? c.red : c.yellow)(r.severity) + ' '.repeat(w.severity - r.severity.length);
        out += `  ${pos}  ${sev}  ${r.message.padEnd(w.message)}  ${c.dim(r.code)}\n`;
      }
      return out;
    },
    end() {
      const total = errors + warnings;
      if (total === 0) return '';
      const summary = `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
      return `\n${c.bold((errors > 0 ? c.red : c.yellow)(summary))}\n`;
    },
  };
});

export default stylish;
