/**
 * Document links from a template to the definition files it names (SAM's DefinitionUri,
 * Serverless' definition file, Terraform's file()/templatefile()): the referenced paths are the
 * ones lintFile resolved while linting the template (Analysis.references); the link covers where
 * the template writes that path.
 */
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';

export function documentLinks(analysis: Analysis): DocumentLink[] {
  if (!analysis.references?.length || !analysis.uri.startsWith('file:')) return [];
  const { doc } = analysis;
  const base = dirname(fileURLToPath(analysis.uri));
  const out: DocumentLink[] = [];
  const seen = new Set<number>();
  for (const target of new Set(analysis.references)) {
    const rel = relative(base, target).split(sep).join('/');
    const tooltip = `Open ${rel}`;
    let at = -1;
    let found = false;
    while ((at = doc.text.indexOf(rel, at + 1)) >= 0) {
      // The whole written path: `./statemachine/x.asl.json`, `${path.module}/x.asl.json`.
      let start = at;
      while (start > 0 && !/["'\s(:,=]/.test(doc.text[start - 1])) start--;
      if (seen.has(start)) continue;
      seen.add(start);
      found = true;
      out.push({ range: doc.rangeOf(start, at + rel.length - start), target: pathToFileURL(target).href, tooltip });
    }
    if (!found && rel.includes('/')) {
      // Written another way (an absolute path, a variable): link the file name at least.
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      const i = doc.text.indexOf(name);
      if (i >= 0 && !seen.has(i)) out.push({ range: doc.rangeOf(i, name.length), target: pathToFileURL(target).href, tooltip });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
