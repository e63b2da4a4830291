/**
 * From command-line arguments to the inputs to lint, and their text.
 * - an existing file: linted whatever its name (the user named it);
 * - a directory: walked for files that may hold state machines (.json, .yaml, .yml, .tf,
 *   .template); each is read and linted when it is a definition or a template with one;
 * - anything else with glob characters: matched (picomatch) on a walk of the pattern's base
 *   folder, with the same rules as a directory walk;
 * - '-': standard input.
 * Walks skip build output and vendored code (node_modules, .git, .aws-sam, .terraform), follow
 * .gitignore files (the `ignore` package), never follow a symbolic link out of the folder the
 * user named, and visit each real folder once (symlink loops). `cdk.out` is walked last, for
 * `*.template.json` only: its copies of machines already linted elsewhere are dropped by content
 * (lint-file's `skipDefinitions`), so a machine that exists only there is still checked.
 * An argument that yields nothing is a UsageError: in CI a typo must not pass as "clean".
 */
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_TEMPLATE_BYTES, FileReadError, MAX_DEFINITION_FILE_BYTES, formatBytes, readRegularFile } from '../read-file.js';
import { RunError, UsageError, describeSystemError } from './errors.js';
import { globTooComplex } from '../glob-limit.js';

export type Input =
  | {
      kind: 'file';
      path: string;
      display: string;
      /** Found in a directory or by a glob, rather than named. */
      discovered: boolean;
      /** The argument it came from (an index into the patterns). */
      arg: number;
      /** Inside a cdk.out folder: CDK's synthesized copy, linted only where no other copy was. */
      cdkOut: boolean;
    }
  | { kind: 'stdin'; display: string; fileName: string | undefined; arg: number };

const STDIN_DISPLAY = '<stdin>';
const ASL_FILE = /\.asl\.(json|ya?ml)$/i;
/** What a walk looks at: JSON, YAML, Terraform, and CloudFormation's `.template`. */
const WALK_CANDIDATE = /\.(json|ya?ml|tf|template)$/i;
/** Build output and vendored code: copies, not sources. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.aws-sam', '.terraform']);
const CDK_OUT = 'cdk.out';
const CDK_TEMPLATE = /\.template\.json$/i;
/** Characters that make an argument a pattern rather than a path (picomatch's syntax). */
const GLOB_CHARS = /[*?[\]{}()!]/;

/**
 * `notes` receives one line per thing a walk left out that the user may not expect: a symbolic
 * link leading out of the folder they named.
 */
export async function resolveInputs(patterns: readonly string[], cwd: string, stdinFilename: string | undefined, notes: string[] = []): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (absPath: string, discovered: boolean, arg: number, cdkOut = false): void => {
    if (seen.has(absPath)) return;
    seen.add(absPath);
    inputs.push({ kind: 'file', path: absPath, display: displayPath(absPath, cwd), discovered, arg, cdkOut });
  };
  for (const [arg, pattern] of patterns.entries()) {
    if (pattern === '-') {
      inputs.push({ kind: 'stdin', display: stdinFilename ?? STDIN_DISPLAY, fileName: stdinFilename, arg });
      continue;
    }
    const abs = resolve(cwd, pattern);
    const kind = entryKind(abs, pattern);
    if (kind === 'file') {
      add(abs, false, arg);
    } else if (kind === 'directory') {
      const found = await walk(abs, pattern, (f) => WALK_CANDIDATE.test(f), notes, cwd);
      if (found.length === 0) throw new UsageError(`no files that may hold state machines (.json, .yaml, .yml, .tf, .template) found in directory '${pattern}'`);
      for (const f of found) add(f.path, true, arg, f.cdkOut);
    } else if (GLOB_CHARS.test(pattern)) {
      const tooComplex = globTooComplex(pattern);
      if (tooComplex) throw new UsageError(tooComplex);
      const { default: picomatch } = await import('picomatch');
      const scan = picomatch.scan(pattern);
      const base = resolve(cwd, scan.base || '.');
      const absolutePattern = isAbsolute(pattern);
      const isMatch = picomatch(absolutePattern ? pattern.split(sep).join('/') : pattern, { dot: true });
      const baseKind = entryKind(base, scan.base || '.');
      const found =
        baseKind === 'directory'
          ? (await walk(base, scan.base || '.', () => true, notes, cwd, scan.glob.includes('**') ? Infinity : scan.glob.split('/').length)).filter((f) =>
              isMatch(absolutePattern ? f.path.split(sep).join('/') : relative(cwd, f.path).split(sep).join('/')),
            )
          : [];
      if (found.length === 0) throw new UsageError(`no files match the pattern '${pattern}'`);
      for (const f of found) add(f.path, true, arg, f.cdkOut);
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

interface Found {
  path: string;
  cdkOut: boolean;
}

type Ignore = import('ignore').Ignore;
interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

/**
 * Files below `root` (sorted by path, cdk.out copies last) whose path `want` accepts. Folders that
 * cannot be read are a RunError: a walk that silently skipped them would report "clean".
 */
async function walk(root: string, shown: string, want: (path: string) => boolean, notes: string[], cwd: string, maxDepth = Infinity): Promise<Found[]> {
  const { default: ignore } = await import('ignore');
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (err) {
    throw new RunError(`cannot read directory '${shown}': ${describeSystemError(err)}`);
  }
  const files: Found[] = [];
  const cdk: Found[] = [];
  const visited = new Set<string>();
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);

  const loadIgnore = (dir: string): IgnoreLayer | undefined => {
    const file = join(dir, '.gitignore');
    if (!existsSync(file)) return undefined;
    let text: string;
    try {
      text = readRegularFile(file, MAX_DEFINITION_FILE_BYTES, '.gitignore file');
    } catch (err) {
      throw new RunError(`cannot read '${displayFrom(root, shown, file)}': ${(err as Error).message}`);
    }
    return { dir, ig: ignore().add(text) };
  };
  // .gitignore files of the folders above the root, up to the repository's top (git applies them
  // too); none when the root is not inside a repository.
  let above: IgnoreLayer[] = [];
  if (!existsSync(join(root, '.git'))) {
    let top = false;
    for (let d = dirname(root), prev = root; d !== prev && !top; prev = d, d = dirname(d)) {
      const layer = loadIgnore(d);
      if (layer) above.unshift(layer);
      top = existsSync(join(d, '.git'));
    }
    if (!top) above = [];
  }
  const ignored = (layers: readonly IgnoreLayer[], path: string, isDir: boolean): boolean => {
    for (const l of layers) {
      const rel = relative(l.dir, path).split(sep).join('/');
      if (rel === '' || rel.startsWith('../')) continue;
      if (l.ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  };

  // A folder the user named is walked even when a .gitignore above ignores it (`asl-lint build/`).
  if (above.length && ignored(above, root, true)) above = [];

  const visit = (dir: string, layers: readonly IgnoreLayer[], inCdk: boolean, depth: number): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (err) {
      throw new RunError(`cannot read directory '${displayFrom(root, shown, dir)}': ${describeSystemError(err)}`);
    }
    if (visited.has(real)) return; // a symlink loop, or a second link to the same folder
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw new RunError(`cannot read directory '${displayFrom(root, shown, dir)}': ${describeSystemError(err)}`);
    }
    const own = loadIgnore(dir);
    const here = own ? [...layers, own] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Followed only while it stays inside the folder the user named.
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          continue; // dangling, or a loop the system refuses to resolve
        }
        if (!inside(target)) {
          if (e.isSymbolicLink() && (WALK_CANDIDATE.test(e.name) || isDirectoryQuiet(target)))
            notes.push(`asl-lint: note: ${displayPath(path, cwd)}: skipped: a symbolic link out of '${shown}' (to ${target})`);
          continue;
        }
        try {
          const st = statSync(path);
          isDir = st.isDirectory();
          isFile = !isDir;
        } catch {
          continue;
        }
      } else if (!isDir && !isFile) {
        isFile = true; // a FIFO or device with a candidate's name: refused when read, never skipped silently
      }
      if (isDir) {
        if (SKIPPED_DIRECTORIES.has(e.name)) continue;
        if (ignored(here, path, true)) continue;
        if (inCdk && e.name.startsWith('asset.')) continue; // copies of the app's own files
        // A glob without ** reaches only as deep as its segments.
        if (depth + 1 < maxDepth) visit(path, here, inCdk || e.name === CDK_OUT, depth + 1);
      } else if (isFile) {
        if (inCdk ? !CDK_TEMPLATE.test(e.name) : !want(path)) continue;
        if (ignored(here, path, false)) continue;
        (inCdk ? cdk : files).push({ path, cdkOut: inCdk });
      }
    }
  };
  visit(root, above, false, 0);
  const byPath = (a: Found, b: Found) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return [...files.sort(byPath), ...cdk.sort(byPath)];
}

function isDirectoryQuiet(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function displayFrom(root: string, shown: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' ? shown : join(shown, rel);
}

/** A named *.asl.* file is a definition by name; anything else is read by content. */
export function isAslFile(path: string): boolean {
  return ASL_FILE.test(path);
}

/**
 * The folder a template's DefinitionUri/file() must stay inside: the working directory when the
 * template is in it (a CI run from the repository's top), else the template's own folder.
 */
export function projectRoot(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? dirname(file) : cwd;
}

/** Relative to the working directory when inside it, absolute otherwise. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && rel.split(sep, 1)[0] !== '..' && !isAbsolute(rel) ? rel : absPath;
}

/**
 * For a file a walk found that is not named *.asl.*: a file over the limit or not a regular file
 * (a data dump, a FIFO) cannot be a deployable template; it is skipped with `{ skipped: why }`,
 * where a named file is refused. A folder or file that cannot be read still stops the run.
 */
export function readOrSkip(input: { path: string; display: string }, maxBytes: number, skippable: boolean): string | { skipped: string } {
  try {
    return readRegularFile(input.path, maxBytes);
  } catch (err) {
    const why = err instanceof FileReadError ? err.message : describeSystemError(err);
    if (skippable && err instanceof FileReadError && (err.code === 'TOO_LARGE' || err.code === 'NOT_REGULAR')) return { skipped: why };
    throw new RunError(`cannot read '${input.display}': ${why}`);
  }
}

/** Standard input, refused beyond `maxBytes` (`yes | asl-lint -` must not fill the memory). */
export async function readStdin(stream: AsyncIterable<Buffer | string>, maxBytes: number = DEFAULT_MAX_TEMPLATE_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > maxBytes) throw new RunError(`standard input is larger than the limit of ${formatBytes(maxBytes)}`);
      chunks.push(b);
    }
  } catch (err) {
    if (err instanceof RunError) throw err;
    throw new RunError(`cannot read standard input: ${describeSystemError(err)}`);
  }
  return stripBom(Buffer.concat(chunks).toString('utf8'));
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
