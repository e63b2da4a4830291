/**
 * Formatting that keeps the file's style: JSON through jsonc-parser's formatter with the file's
 * own indentation (tabs or N spaces, found in the text; the client's options only when the file
 * has no indented line), line ending and final newline; document and range. YAML definitions
 * through the yaml package's printer, which keeps comments, quoting and flow collections, with the
 * file's indentation (document only: a YAML range cannot be reprinted on its own). Templates are
 * left to their own tools: no edits.
 */
import type { FormattingOptions, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { parseDocument } from 'yaml';
import type { Analysis } from './analysis.js';
import { jsonc } from '../parse/jsonc.js';

/** The file's indentation unit: the first indented line that follows a shallower one. */
function detectIndent(text: string): { insertSpaces: boolean; tabSize: number } | undefined {
  const lines = text.split(/\r?\n/, 2000);
  let prev = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    const m = /^[ \t]*/.exec(line)![0];
    if (m.startsWith('\t')) return { insertSpaces: false, tabSize: 4 };
    if (m.length > prev) return { insertSpaces: true, tabSize: m.length - prev };
    prev = m.length;
  }
  return undefined;
}

export function formatDocument(analysis: Analysis, options: FormattingOptions, range?: Range): LspTextEdit[] {
  const { doc } = analysis;
  if (analysis.template || doc.isBlank) return [];
  const text = doc.text;
  const style = detectIndent(text) ?? { insertSpaces: options.insertSpaces, tabSize: options.tabSize };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const finalNewline = /\n$/.test(text);
  if (doc.format === 'json') {
    if (analysis.tolerant) return []; // never reformat text that does not parse
    const r = range ? { offset: doc.offsetAt(range.start), length: doc.offsetAt(range.end) - doc.offsetAt(range.start) } : undefined;
    return jsonc.format(text, r, { ...style, eol, insertFinalNewline: finalNewline && !range }).map((e) => ({
      range: doc.rangeOf(e.offset, e.length),
      newText: e.content,
    }));
  }
  if (range) return [];
  const parsed = parseDocument(text, { keepSourceTokens: false });
  if (parsed.errors.length || parsed.warnings.length) return []; // e.g. an unknown tag: leave the text alone
  let out = parsed.toString({ indent: style.insertSpaces ? style.tabSize : 2, lineWidth: 0, indentSeq: !/^\s*-\s/m.test(text) || /^( +)\S[^\n]*:\s*\n\1 +- /m.test(text) });
  if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  if (!finalNewline) out = out.replace(/\r?\n$/, '');
  return out === text ? [] : [{ range: doc.rangeOf(0, text.length), newText: out }];
}
