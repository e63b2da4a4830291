/**
 * Reading files that someone else may have planted: only regular files, never more than a cap.
 * `/dev/zero`, a FIFO named `package.json` or a symlink to either would otherwise make a read grow
 * without end or block for ever. The file is opened without blocking (a FIFO opens at once),
 * checked with fstat on the open descriptor (no race between the check and the read), and read
 * up to the cap plus one byte (a file that grows while read is still refused).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** AWS's limit on a definition is 1 MiB; files of definitions are read up to ten times that. */
export const MAX_DEFINITION_FILE_BYTES = 10 * 1_048_576;
/** Templates (CloudFormation, Serverless, Terraform): the default cap, `--max-template-size` changes it. */
export const DEFAULT_MAX_TEMPLATE_BYTES = 10 * 1_048_576;
/** Configuration and substitution files. */
export const MAX_CONFIG_FILE_BYTES = 1_048_576;

/** A file refused before or while reading it; `message` says why in words (no errno). */
export class FileReadError extends Error {
  override name = 'FileReadError';
  constructor(
    message: string,
    /** The errno code when the operating system refused, else 'NOT_REGULAR' or 'TOO_LARGE'. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** "10 MiB", "512 KiB", "300 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1_048_576 && n % 1_048_576 === 0) return `${n / 1_048_576} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * The bytes of a regular file of at most `maxBytes`, as text (UTF-8, a leading byte-order mark
 * removed). Throws FileReadError otherwise.
 */
export function readRegularFile(path: string, maxBytes: number, what = 'file'): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileReadError(systemReason(code, err), code);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileReadError('is a directory', 'EISDIR');
    if (!st.isFile()) throw new FileReadError(`not a regular file (${kindOf(st)}); only regular files are read`, 'NOT_REGULAR');
    if (st.size > maxBytes) throw tooLarge(what, maxBytes, st.size);
    // The size is a hint (procfs files say 0): read until the end, never past the cap.
    let buf = Buffer.allocUnsafe(Math.min(Math.max(st.size, 65_536), maxBytes) + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > maxBytes) throw tooLarge(what, maxBytes);
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buf, got, buf.length - got, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
        throw new FileReadError(systemReason(code, err), code);
      }
      if (n === 0) break;
      got += n;
      if (got > maxBytes) throw tooLarge(what, maxBytes);
    }
    const text = buf.toString('utf8', 0, got);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

function tooLarge(what: string, maxBytes: number, size?: number): FileReadError {
  const actual = size === undefined ? 'more than that' : formatBytes(size);
  return new FileReadError(`the ${what} is larger than the limit of ${formatBytes(maxBytes)} (${actual})`, 'TOO_LARGE');
}

function kindOf(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/** What an operating-system error means to a person, without the errno noise (the CLI's messages too). */
export function systemReason(code: string | undefined, err: unknown): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EIO':
      return 'input/output error';
    case 'EAGAIN':
      return 'no data available without waiting (a FIFO or device?)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return (err instanceof Error ? err.message : String(err)).split(/\r?\n/, 1)[0];
  }
}
