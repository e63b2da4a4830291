/** Text edits that respect the document's format: quoting names, adding a member to an object. */
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Document } from '../parse/document.js';
import type { Path, TextEdit } from '../types.js';

export function toLspEdit(doc: Document, edit: TextEdit): LspTextEdit {
  return { range: doc.rangeOf(edit.offset, edit.length), newText: edit.newText };
}

const YAML_SPECIAL = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;
const YAML_PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./()-]*$/;

/**
 * A string as a scalar token of the document's format. In YAML, the style of the token it
 * replaces is kept where it can be (plain, 'single', "double").
 */
export function scalarText(doc: Document, value: string, replacing?: string): string {
  if (doc.format === 'json') return JSON.stringify(value);
  const quote = replacing?.[0];
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(value);
  const plainOk = YAML_PLAIN.test(value) && !value.endsWith(' ') && !YAML_SPECIAL.test(value) && !value.includes(' #');
  return plainOk ? value : JSON.stringify(value);
}

/** The text of a token, as written. */
export function rawText(doc: Document, span: { offset: number; length: number }): string {
  return doc.text.slice(span.offset, span.offset + span.length);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/**
 * An edit adding `key: value` as the last member of the object at `objectPath`, with the
 * indentation of its other members. `valueJson` is the value as JSON (also valid YAML flow).
 */
export function addMemberEdit(doc: Document, objectPath: Path, key: string, valueJson: string): TextEdit | undefined {
  const found = doc.nodeAt(objectPath);
  if (!found?.exact || found.node.type !== 'object') return undefined;
  const obj = found.node;
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  if (doc.format === 'json') {
    if (!last) return { offset: obj.offset + 1, length: 0, newText: `${JSON.stringify(key)}: ${valueJson}` };
    const end = last.offset + last.length;
    const sameLine = !doc.text.slice(obj.offset, end).includes('\n');
    const sep = sameLine ? ', ' : `,\n${indentOf(doc.text, last.offset)}`;
    return { offset: end, length: 0, newText: `${sep}${JSON.stringify(key)}: ${valueJson}` };
  }
  const yamlKey = scalarText(doc, key);
  if (!last) return undefined;
  const text = doc.text;
  // Flow mapping `{Type: Pass}`: insert inside the braces.
  if (text[obj.offset] === '{') return { offset: last.offset + last.length, length: 0, newText: `, ${yamlKey}: ${valueJson}` };
  // Block mapping: a new line after the last member (and after its nested lines).
  const indent = indentOf(text, props[0].offset).replace(/-/g, ' ');
  const col = props[0].offset - lineStartOf(text, props[0].offset);
  const end = last.offset + last.length;
  const nl = text.indexOf('\n', end);
  const at = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const pad = indent.length === col ? indent : ' '.repeat(col);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset: at, length: 0, newText: `${eol}${pad}${yamlKey}: ${valueJson}` };
}
