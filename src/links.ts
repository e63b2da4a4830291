/**
 * Every link asl-lint shows (SARIF, the editor, --list-rules) comes from here, and every URL from
 * the package's own metadata: package.json's "homepage" (the repository's web page) once the
 * package has a verified public home. Until then, the rule reference shipped in the package,
 * rules/README.md, as a file: URL; where neither exists (a server bundled into the editor
 * extension), no link rather than a guessed one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown; homepage?: unknown };
    if (pkg.name === 'asl-lint' && typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage)) {
      return `${pkg.homepage.replace(/[#?].*$/, '').replace(/\/$/, '')}/blob/main/rules/README.md`;
    }
  } catch {
    // no readable package.json: the shipped file, if any
  }
  const file = join(root, 'rules', 'README.md');
  return existsSync(file) ? pathToFileURL(file).href : null;
}
