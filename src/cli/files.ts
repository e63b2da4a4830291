/**
 * From command-line arguments to the inputs to lint, and their text.
 * - a directory: searched recursively for *.asl.json, *.asl.yaml, *.asl.yml (not node_modules, .git);
 * - an existing file: linted whatever its extension (the user named it);
 * - anything else with glob characters: expanded with tinyglobby, keeping .json/.yaml/.yml files;
 * - '-': standard input.
 * An argument that yields nothing is a UsageError: in CI a typo must not pass as "clean".
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { RunError, UsageError, describeSystemError } from './errors.js';

export type Input =
  | { kind: 'file'; path: string; display: string; /** Found in a directory or by a glob, rather than named. */ discovered: boolean }
  | { kind: 'stdin'; display: string; fileName: string | undefined };

export const STDIN_DISPLAY = '<stdin>';
const ASL_FILES_PATTERN = '**/*.asl.{json,yaml,yml}';
/** Files that may hold state machines: linted only when they do (SAM/CloudFormation, Serverless, CDK output, Terraform). */
const TEMPLATE_PATTERNS = ['**/template.{yaml,yml,json}', '**/*.template.{yaml,yml,json}', '**/serverless.{yml,yaml}', '**/cdk.out/*.template.json', '**/*.tf'];
const ASL_FILE = /\.asl\.(json|ya?ml)$/i;
const SKIPPED_DIRECTORIES = ['**/node_modules/**', '**/.git/**'];
const LINTABLE = /\.(json|ya?ml)$/i;
/** Characters that make an argument a pattern rather than a path (tinyglobby's syntax). */
const GLOB_CHARS = /[*?[\]{}()!]/;

export async function resolveInputs(patterns: readonly string[], cwd: string, stdinFilename: string | undefined): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (absPath: string, discovered: boolean): void => {
    if (seen.has(absPath)) return;
    seen.add(absPath);
    inputs.push({ kind: 'file', path: absPath, display: displayPath(absPath, cwd), discovered });
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      inputs.push({ kind: 'stdin', display: stdinFilename ?? STDIN_DISPLAY, fileName: stdinFilename });
      continue;
    }
    const abs = resolve(cwd, pattern);
    const kind = entryKind(abs, pattern);
    if (kind === 'file') {
      add(abs, false);
    } else if (kind === 'directory') {
      const found = await globFiles([ASL_FILES_PATTERN, ...TEMPLATE_PATTERNS], abs);
      if (found.length === 0) throw new UsageError(`no *.asl.json, *.asl.yaml, *.asl.yml or template files found in directory '${pattern}'`);
      for (const f of found) add(f, true);
    } else if (GLOB_CHARS.test(pattern)) {
      const matched = await globFiles(pattern, cwd);
      const found = matched.filter((f) => LINTABLE.test(f));
      if (found.length === 0) {
        throw new UsageError(
          matched.length === 0
            ? `no files match the pattern '${pattern}'`
            : `no .json, .yaml or .yml files match the pattern '${pattern}' (${matched.length} other file${matched.length === 1 ? '' : 's'})`,
        );
      }
      for (const f of found) add(f, true);
    } else {
      throw new RunError(`cannot read '${pattern}': no such file or directory`);
    }
  }
  return inputs;
}

function entryKind(abs: string, pattern: string): 'file' | 'directory' | 'missing' {
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'directory' : 'file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new RunError(`cannot read '${pattern}': ${describeSystemError(err)}`);
  }
}

/** Absolute paths, sorted, so the output does not depend on the order the file system lists entries. */
async function globFiles(pattern: string | string[], cwd: string): Promise<string[]> {
  // Loaded only when needed: linting named files (the common pre-commit case) does not pay for it.
  const { glob } = await import('tinyglobby');
  try {
    const files = await glob(pattern, { cwd, absolute: true, ignore: SKIPPED_DIRECTORIES, dot: true, onlyFiles: true });
    return files.sort();
  } catch (err) {
    throw new RunError(`cannot search '${pattern}': ${describeSystemError(err)}`);
  }
}

/** Relative to the working directory when inside it, absolute otherwise. */
/** A discovered file that is a template candidate rather than an *.asl.* definition. */
export function isTemplateCandidate(path: string): boolean {
  return !ASL_FILE.test(path);
}

export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && rel.split(sep, 1)[0] !== '..' && !isAbsolute(rel) ? rel : absPath;
}

/** The text of a file, without a UTF-8 byte-order mark (editors on Windows add one; AWS does not want it). */
export function readInputFile(input: { path: string; display: string }): string {
  try {
    return stripBom(readFileSync(input.path, 'utf8'));
  } catch (err) {
    throw new RunError(`cannot read '${input.display}': ${describeSystemError(err)}`);
  }
}

export async function readStdin(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (err) {
    throw new RunError(`cannot read standard input: ${describeSystemError(err)}`);
  }
  return stripBom(Buffer.concat(chunks).toString('utf8'));
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
