/**
 * Every link asl-lint shows (SARIF, the editor, --list-rules) comes from here, and every URL from
 * the package's own metadata: package.json's "homepage" (the repository's web page) once the
 * package has a verified public home. Until then, the rule reference shipped in the package,
 * rules/README.md, as a file: URL; where neither exists (a server bundled into the editor
 * extension), no link rather than a guessed one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageInfo } from './package-info.js';
import { packageRoot } from './paths.js';

let docsBase: string | null | undefined;

/** The rule reference, or one rule's section of it (`#rule-id`, the generated heading's anchor). */
export function ruleDocsUrl(ruleId?: string): string | undefined {
  if (docsBase === undefined) docsBase = rulesReadme();
  if (docsBase === null) return undefined;
  return ruleId ? `${docsBase}#${ruleId}` : docsBase;
}

function rulesReadme(): string | null {
  let root: string;
  try {
    root = packageRoot();
  } catch {
    return null;
  }
  const homepage = packageInfo()?.homepage;
  if (homepage && /^https:\/\//.test(homepage)) return `${homepage.replace(/[#?].*$/, '').replace(/\/$/, '')}/blob/main/rules/README.md`;
  const file = join(root, 'rules', 'README.md');
  return existsSync(file) ? pathToFileURL(file).href : null;
}
