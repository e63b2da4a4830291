/**
 * Folding ranges: every object and array that spans lines, from the line of its key (or its
 * opening bracket) to the line before its closing bracket (JSON) or its last line (YAML). From the
 * Document's tree: definitions and JSON templates (a YAML template keeps no tree: none there).
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TreeNode } from '../parse/document.js';
import type { Analysis } from './analysis.js';

/** A bound on what one request returns, as editors do (VS Code keeps 5,000). */
const MAX_FOLDING_RANGES = 5000;

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { doc } = analysis;
  if (analysis.template === 'terraform') return []; // HCL: no tree of ours
  const root = doc.tree();
  if (!root) return [];
  const json = doc.format === 'json';
  const out: FoldingRange[] = [];
  const stack: TreeNode[] = [root];
  while (stack.length && out.length < MAX_FOLDING_RANGES) {
    const node = stack.pop()!;
    if (node.type === 'object' || node.type === 'array') {
      const from = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      const startLine = doc.positionAt(from).line;
      // YAML: the node ends after its last character, often a line break.
      let end = node.offset + node.length;
      if (!json) while (end > node.offset && /\s/.test(doc.text[end - 1])) end--;
      const lastLine = doc.positionAt(end).line;
      const endLine = json ? lastLine - 1 : lastLine;
      if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
