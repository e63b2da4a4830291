/** Text edits in the editor's coordinates (the edits themselves come from src/fix/edits.ts). */
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Document } from '../parse/document.js';
import type { TextEdit } from '../types.js';

export function toLspEdit(doc: Document, edit: TextEdit): LspTextEdit {
  return { range: doc.rangeOf(edit.offset, edit.length), newText: edit.newText };
}
