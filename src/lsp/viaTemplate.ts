/**
 * A definition file that a template names (SAM's DefinitionUri, Serverless' definition file,
 * Terraform's file()/templatefile()) is linted by the CLI through that template, with the
 * template's substitutions (DefinitionSubstitutions, templatefile() variables), when CI runs
 * `asl-lint .`. The editor does the same: it looks for templates in the definition's folder and up
 * to three folders above (stopping at a repository root), and in the folders just below each of
 * them (a SAM template in infra/ naming ../statemachines/flow.asl.json), asks lintSource to lint
 * each with the editor's text for the definition, and takes the definition's result.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lintSource, type FileLintResult, type LintFileOptions } from '../lint-file.js';
import { DEFAULT_MAX_TEMPLATE_BYTES, readRegularFile } from '../read-file.js';

const TEMPLATE_NAME = /^(template\.(ya?ml|json)|.+\.template\.(ya?ml|json)|serverless\.ya?ml|.+\.tf)$/i;
const LEVELS = 4;
/** Folders just below one that are looked into: the first ones by name (bounded work). */
const MAX_SUBFOLDERS = 32;
const SKIPPED_FOLDER = /^(\.|node_modules$|cdk\.out$)/;
/** Template files and subfolders by folder (names only), read once until forgetTemplates(). */
const templatesIn = new Map<string, { templates: string[]; folders: string[] }>();

function listing(dir: string): { templates: string[]; folders: string[] } {
  let found = templatesIn.get(dir);
  if (!found) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      entries = [];
    }
    const names = (pick: (e: Dirent) => boolean) =>
      entries
        .filter(pick)
        .map((e) => e.name)
        .sort();
    found = {
      templates: names((e) => !e.isDirectory() && TEMPLATE_NAME.test(e.name)).map((n) => join(dir, n)),
      folders: names((e) => e.isDirectory() && !SKIPPED_FOLDER.test(e.name))
        .slice(0, MAX_SUBFOLDERS)
        .map((n) => join(dir, n)),
    };
    templatesIn.set(dir, found);
  }
  return found;
}

/** The templates in a folder, then those in the folders just below it (but `skip`, already looked into). */
function templateFiles(dir: string, skip: string | undefined): string[] {
  const { templates, folders } = listing(dir);
  return [...templates, ...folders.filter((f) => f !== skip).flatMap((f) => listing(f).templates)];
}

/** A template's text; undefined for one that cannot be read, is not a regular file (a FIFO would block the server) or is over the CLI's default cap. */
function readText(path: string): string | undefined {
  try {
    return readRegularFile(path, DEFAULT_MAX_TEMPLATE_BYTES, 'template');
  } catch {
    return undefined;
  }
}

/** The definition's result through the first template that names it, or undefined. */
export function lintViaTemplate(definitionPath: string, text: string, options: LintFileOptions): FileLintResult | undefined {
  const name = basename(definitionPath);
  let dir = dirname(definitionPath);
  let below: string | undefined;
  for (let level = 0; level < LEVELS; level++) {
    for (const template of templateFiles(dir, below)) {
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
    below = dir;
    dir = up;
  }
  return undefined;
}

/** Files changed on disk: look for templates again. */
export function forgetTemplates(): void {
  templatesIn.clear();
}
