/** Edits that keep the file's own style: JSON strings stay JSON strings, plain YAML scalars stay plain. */
import type { Document } from '../parse/document.js';
import type { Path, TextEdit } from '../types.js';

const PLAIN_YAML = /^[A-Za-z_$][A-Za-z0-9_.$ -]*[A-Za-z0-9_.$]$|^[A-Za-z_$]$/;

function quoteLike(doc: Document, original: string, value: string): string {
  if (doc.format === 'yaml') {
    if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
    if (!original.startsWith('"') && PLAIN_YAML.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)) return value;
  }
  return JSON.stringify(value);
}

/** Renames the key of the member at `path`. */
export function renameKeyEdit(doc: Document, path: Path, newKey: string): TextEdit {
  const span = doc.spanOf(path, 'key');
  return { ...span, newText: quoteLike(doc, doc.text.slice(span.offset, span.offset + span.length), newKey) };
}

/** Replaces the string value at `path`. */
export function replaceStringEdit(doc: Document, path: Path, value: string): TextEdit {
  const span = doc.spanOf(path, 'value');
  return { ...span, newText: quoteLike(doc, doc.text.slice(span.offset, span.offset + span.length), value) };
}
