/**
 * Writing files the user did not create for us: the fixes (--fix) and the report (-o). Nothing
 * here follows a link it was not asked to follow or writes a byte it was not asked to write.
 *
 * --fix plans every file first (planFix: read the bytes again, refuse what cannot be fixed
 * safely), and only when every file of the run has been planned are they written (writeFix):
 * - through a symlinked file to its real file (the link stays a link), and only inside the
 *   roots the user named when the file was found by a folder walk or a glob;
 * - a file with one link: into a temporary file created exclusively (O_EXCL, a random name, in
 *   the real file's folder), given the original's owner and permission bits, renamed over it;
 *   a file with more hard links (or whose owner cannot be kept): rewritten in place, so every
 *   link sees the fix;
 * - never a read-only file (even as root), a file that is not valid UTF-8 (its other bytes
 *   could not be kept), or a file that changed since it was read (a concurrent edit is kept).
 * Set-id bits are never kept on a rewritten file (the kernel drops them on a write too).
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RunError, describeSystemError } from './errors.js';

export interface FixPlan {
  /** As shown to the user. */
  shown: string;
  /** The real file (symlinks resolved): the one written. */
  real: string;
  before: Buffer;
  stat: Stats;
  after: Buffer;
  /** Fixes applied to this file. */
  fixed: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const SET_ID_BITS = 0o6000;

/**
 * The roots a file found by a folder walk or a glob must stay inside: each folder or file named,
 * and for a glob the folder before its first wildcard, with symlinks resolved.
 */
export function fixRoots(patterns: readonly string[], cwd: string): string[] {
  const roots: string[] = [];
  for (const p of patterns) {
    if (p === '-') continue;
    let base = resolve(cwd, p);
    if (!existsSync(base)) {
      const parts = p.split(/[\\/]/);
      const firstGlob = parts.findIndex((s) => /[*?[\]{}()!]/.test(s));
      base = resolve(cwd, parts.slice(0, firstGlob < 0 ? parts.length : firstGlob).join('/') || '.');
    }
    try {
      roots.push(realpathSync(base));
    } catch {
      // A root that does not exist holds no file.
    }
  }
  return roots;
}

function inside(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));
}

/**
 * Checks that `path` can be fixed, and what to write: the file's bytes must decode (UTF-8,
 * optional BOM) to exactly the text that was linted and fixed.
 */
export function planFix(path: string, shown: string, linted: string, fixedText: string, fixed: number, discovered: boolean, roots: readonly string[]): FixPlan {
  const refuse = (why: string): never => {
    throw new RunError(`cannot fix '${shown}': ${why}; no file was changed`);
  };
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    return refuse(describeSystemError(err));
  }
  if (discovered && !inside(real, roots)) refuse(`it is '${real}', outside the folders named on the command line (reached through a symbolic link)`);
  let stat: Stats;
  try {
    stat = statSync(real);
  } catch (err) {
    return refuse(describeSystemError(err));
  }
  if (!stat.isFile()) refuse('it is not a regular file');
  if ((stat.mode & 0o222) === 0) refuse('it is read-only (asl-lint does not override file permissions)');
  try {
    accessSync(real, constants.W_OK);
  } catch (err) {
    refuse(describeSystemError(err));
  }
  const before = readWhole(real, shown);
  const hasBom = before.subarray(0, 3).equals(BOM);
  let text: string;
  try {
    text = utf8.decode(hasBom ? before.subarray(3) : before);
  } catch {
    return refuse('it is not valid UTF-8 (its other bytes could not be kept as they are)');
  }
  if (text !== linted) refuse('it changed while asl-lint was reading it');
  const body = Buffer.from(fixedText, 'utf8');
  return { shown, real, before, stat, after: hasBom ? Buffer.concat([BOM, body]) : body, fixed };
}

function readWhole(path: string, shown: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    return readFd(fd);
  } catch (err) {
    throw new RunError(`cannot fix '${shown}': ${describeSystemError(err)}; no file was changed`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFd(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    pos += n;
  }
  return Buffer.concat(chunks);
}

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off, off);
}

/** Whether the file at `real` is still the one planned, with the bytes planned. */
function unchanged(plan: FixPlan, fd: number): boolean {
  const now = fstatSync(fd);
  if (now.ino !== plan.stat.ino || now.dev !== plan.stat.dev || now.size !== plan.before.length) return false;
  if (!readFd(fd).equals(plan.before)) return false;
  // The name must still lead to this file (not replaced by a rename since).
  try {
    const named = statSync(plan.real);
    return named.ino === now.ino && named.dev === now.dev;
  } catch {
    return false;
  }
}

/** Re-checks every planned file before the first is written (a file changed since: nothing is written). */
export function checkPlans(plans: readonly FixPlan[]): void {
  for (const plan of plans) {
    let fd: number | undefined;
    try {
      fd = openSync(plan.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      if (!unchanged(plan, fd)) throw new RunError(`cannot fix '${plan.shown}': it changed while asl-lint ran; no file was changed`);
    } catch (err) {
      if (err instanceof RunError) throw err;
      throw new RunError(`cannot fix '${plan.shown}': ${describeSystemError(err)}; no file was changed`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** Writes one planned file (see the file comment). `done` names the files already written, for the message of a failure. */
export function writeFix(plan: FixPlan, done: number): void {
  const fail = (why: string): never => {
    const already = done ? ` (${done} file${done === 1 ? ' was' : 's were'} fixed before it)` : '';
    throw new RunError(`cannot write the fixes to '${plan.shown}': ${why}; it was left as it was${already}`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(plan.real, constants.O_RDWR | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    return fail(describeSystemError(err));
  }
  try {
    if (!unchanged(plan, fd)) fail('it changed while asl-lint ran');
    if (plan.stat.nlink > 1 || !replaceWithTemp(plan, fd)) {
      // In place: every hard link sees the fix, the owner and everything else stay.
      writeAll(fd, plan.after);
      ftruncateSync(fd, plan.after.length);
      if (plan.stat.mode & SET_ID_BITS) fchmodSync(fd, plan.stat.mode & 0o777);
      fsyncSync(fd);
    }
  } catch (err) {
    if (err instanceof RunError) throw err;
    fail(describeSystemError(err));
  } finally {
    closeSync(fd);
  }
}

/**
 * The new text in a temporary file beside the real one, then renamed over it: a reader never sees
 * half a file. False (nothing changed) when the folder takes no new file or the owner cannot be
 * kept: the caller writes in place.
 */
function replaceWithTemp(plan: FixPlan, fd: number): boolean {
  const dir = dirname(plan.real);
  let tmp: string | undefined;
  let tfd: number | undefined;
  try {
    for (let i = 0; tfd === undefined; i++) {
      tmp = join(dir, `.${basename(plan.real)}.asl-lint-${randomBytes(8).toString('hex')}.tmp`);
      try {
        tfd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' && i < 5) continue;
        if (code === 'EACCES' || code === 'EPERM') return false;
        throw err;
      }
    }
    const mine = fstatSync(tfd);
    if (mine.uid !== plan.stat.uid || mine.gid !== plan.stat.gid) {
      try {
        fchownSync(tfd, plan.stat.uid, plan.stat.gid);
      } catch {
        closeSync(tfd);
        tfd = undefined;
        unlinkSync(tmp!);
        tmp = undefined;
        return false;
      }
    }
    writeAll(tfd, plan.after);
    fchmodSync(tfd, plan.stat.mode & 0o777);
    fsyncSync(tfd);
    closeSync(tfd);
    tfd = undefined;
    // The last look before the rename: an edit made since the plan is kept, not replaced.
    if (!unchanged(plan, fd)) throw new RunError(`cannot write the fixes to '${plan.shown}': it changed while asl-lint ran; it was left as it was`);
    renameSync(tmp!, plan.real);
    tmp = undefined;
    return true;
  } finally {
    if (tfd !== undefined) closeSync(tfd);
    if (tmp !== undefined) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing left behind
      }
    }
  }
}

/**
 * -o FILE: never through a symbolic link or into a file with other hard links (a link planted in
 * a checkout must not make the report overwrite something else). Missing folders are created.
 *
 * The folders on the way: when the path the user gave lies inside the working directory `cwd`
 * (the checkout the GitHub Action runs in, whose content anyone may have planted), every folder
 * of it that exists must really be inside `cwd` too once symbolic links are resolved: a link to
 * another folder of the checkout is followed, a link out of it (`out -> /elsewhere` with
 * `-o out/report.sarif`) or to nowhere is refused before any folder is created. A path the user
 * named outside `cwd` (absolute, or `../`) is the user's own choice and its folders are used as
 * they are.
 */
export function writeOutputFile(path: string, shown: string, text: string, cwd: string): void {
  let fd: number | undefined;
  try {
    checkFoldersStayInside(path, shown, cwd);
    mkdirSync(dirname(path), { recursive: true });
    let st: Stats | undefined;
    try {
      st = lstatSync(path);
    } catch {
      // not there yet
    }
    if (st?.isSymbolicLink()) throw new RunError(`cannot write '${shown}': it is a symbolic link (asl-lint does not write a report through a link)`);
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o666);
    const now = fstatSync(fd);
    if (now.isFile()) {
      if (now.nlink > 1) throw new RunError(`cannot write '${shown}': it has ${now.nlink} hard links (asl-lint does not write a report through a link)`);
      ftruncateSync(fd, 0);
    } else if (now.isDirectory()) throw new RunError(`cannot write '${shown}': it is a directory`);
    const data = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
  } catch (err) {
    if (err instanceof RunError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // mkdir -p says EEXIST when a file stands where a folder of the path should be.
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a part of the path is not a directory'
        : code === 'ELOOP'
          ? 'it is a symbolic link (asl-lint does not write a report through a link)'
          : describeSystemError(err);
    throw new RunError(`cannot write '${shown}': ${why}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** See writeOutputFile: the existing folders of `path` under `cwd` must not lead out of it. */
function checkFoldersStayInside(path: string, shown: string, cwd: string): void {
  const rel = relative(cwd, dirname(path));
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return; // cwd itself, or outside it: the user's choice
  const realCwd = realpathSync(cwd);
  let folder = cwd;
  for (const part of rel.split(sep)) {
    folder = join(folder, part);
    let st: Stats;
    try {
      st = lstatSync(folder);
    } catch {
      return; // the rest of the path does not exist yet: created as plain folders inside the last one checked
    }
    if (!st.isSymbolicLink()) continue;
    const named = relative(cwd, folder);
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      throw new RunError(`cannot write '${shown}': '${named}' is a symbolic link that leads nowhere (asl-lint does not create a report's folders through a link)`);
    }
    if (real !== realCwd && !real.startsWith(realCwd.endsWith(sep) ? realCwd : realCwd + sep)) {
      throw new RunError(`cannot write '${shown}': '${named}' is a symbolic link to '${real}', outside the working directory (asl-lint does not follow a link out of it to write a report)`);
    }
  }
}
