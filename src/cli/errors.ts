/** Failures the CLI reports as one line on stderr with exit code 2 (never a stack trace). */
import { systemReason } from '../read-file.js';

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_FATAL = 2;

/** A bad command line: unknown option, bad value, nothing to lint. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command line was fine but the run could not complete: a file could not be read or written. */
export class RunError extends Error {
  override name = 'RunError';
}

/** What an operating-system error means to a person, without the errno noise. */
export function describeSystemError(err: unknown): string {
  return systemReason((err as NodeJS.ErrnoException | undefined)?.code, err);
}

export function firstLine(s: string): string {
  return s.split(/\r?\n/, 1)[0];
}
