/**
 * A definition file that a template names (SAM's DefinitionUri, Serverless' definition file,
 * Terraform's file()/templatefile()) is linted by the CLI through that template, with the
 * template's substitutions (DefinitionSubstitutions, templatefile() variables), when CI runs
 * `asl-lint .`. The editor does the same: it looks for templates in the definition's folder and up
 * to three folders above (stopping at a repository root), asks lintSource to lint each with the
 * editor's text for the definition, and takes the definition's result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lintSource, type FileLintResult, type LintFileOptions } from '../lint-file.js';

const TEMPLATE_NAME = /^(template\.(ya?ml|json)|.+\.template\.(ya?ml|json)|serverless\.ya?ml|.+\.tf)$/i;
const LEVELS = 4;
/** Template files by folder (names only), read once until forgetTemplates(). */
const templatesIn = new Map<string, string[]>();

function templateFiles(dir: string): string[] {
  let names = templatesIn.get(dir);
  if (!names) {
    try {
      names = readdirSync(dir)
        .filter((n) => TEMPLATE_NAME.test(n))
        .sort();
    } catch {
      names = [];
    }
    templatesIn.set(dir, names);
  }
  return names.map((n) => join(dir, n));
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The definition's result through the first template that names it, or undefined. */
export function lintViaTemplate(definitionPath: string, text: string, options: LintFileOptions): FileLintResult | undefined {
  const name = basename(definitionPath);
  let dir = dirname(definitionPath);
  for (let level = 0; level < LEVELS; level++) {
    for (const template of templateFiles(dir)) {
      const body = readText(template);
      if (body === undefined || !body.includes(name)) continue;
      const results = lintSource(body, template, {
        ...options,
        mode: 'auto',
        format: undefined,
        // The definition as the editor holds it; other referenced files are not needed here.
        readFile: (p) => (p === definitionPath ? text : ''),
      });
      const mine = results.find((r) => r.filePath === definitionPath);
      if (mine) return mine;
    }
    if (existsSync(join(dir, '.git'))) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Files changed on disk: look for templates again. */
export function forgetTemplates(): void {
  templatesIn.clear();
}
