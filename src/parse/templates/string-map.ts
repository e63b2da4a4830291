/**
 * Offsets inside a string value mapped back to the template's bytes: exact for JSON string
 * literals (escapes decoded) and YAML block scalars (line by line); the string's start otherwise.
 */
import type { TreeNode } from '../document.js';
import type { OffsetMap } from '../substitute.js';

export function stringValueMap(templateText: string, node: TreeNode): OffsetMap {
  const raw = templateText.slice(node.offset, node.offset + node.length);
  if (raw.startsWith('"') && !raw.includes('\n')) return jsonStringMap(raw, node.offset);
  const block = /^(?:![A-Za-z:]+\s+)?[|>]/.exec(raw);
  if (block) return blockScalarMap(templateText, node.offset, node.offset + node.length);
  const start = node.offset + (raw.startsWith('"') || raw.startsWith("'") ? 1 : 0);
  return (o) => Math.min(start + o, node.offset + Math.max(0, node.length - 1));
}

/** Each decoded character of a JSON string literal -> its raw offset. */
function jsonStringMap(raw: string, base: number): OffsetMap {
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    offsets.push(base + i);
    if (raw[i] === '\\') i += raw[i + 1] === 'u' ? 5 : 1;
  }
  offsets.push(base + raw.length - 1);
  return (o) => offsets[Math.max(0, Math.min(o, offsets.length - 1))];
}

/** A literal/folded block: content lines start after the header, each with the block's indentation. */
function blockScalarMap(text: string, start: number, end: number): OffsetMap {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return () => start;
  const lineStarts: number[] = [];
  let indent = -1;
  for (let p = headerEnd + 1; p < end && p < text.length;) {
    const nl = text.indexOf('\n', p);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(p, lineEnd);
    if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
    lineStarts.push(p);
    p = lineEnd + 1;
  }
  const ind = Math.max(0, indent);
  // Content line i of the value begins at lineStarts[i] + ind.
  return (o) => {
    // Walk the value's lines by the same layout: each content line is (template line - indent) + '\n'.
    let remaining = o;
    for (let i = 0; i < lineStarts.length; i++) {
      const ls = lineStarts[i];
      const nl = text.indexOf('\n', ls);
      const lineLen = Math.max(0, (nl < 0 ? text.length : nl) - ls - ind);
      if (remaining <= lineLen) return ls + ind + remaining;
      remaining -= lineLen + 1;
    }
    return lineStarts.length ? lineStarts[lineStarts.length - 1] + ind : start;
  };
}
