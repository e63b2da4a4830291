/**
 * Run-time errors as Step Functions names them. A `StatesError` is an error a state raises
 * (caught by Retry/Catch when its name matches); the `cause` is AWS's text without the
 * "An error occurred while executing the state ..." prefix, which the interpreter adds where an
 * execution (not TestState) reports it.
 */

export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
    /** Raised by the machine's own logic (a Task's mock, a Fail state): AWS reports its cause as is. */
    readonly external = false,
  ) {
    super(`${error}: ${cause}`);
  }
}

/** The caller's mistake (bad request, missing mock, bad option): not a run-time error of the machine. */
export class RunUsageError extends Error {
  override name = 'RunUsageError';
}

/** A definition the static checks refuse: the diagnostics validate() gives. */
export class InvalidDefinitionError extends Error {
  override name = 'InvalidDefinitionError';
  constructor(readonly diagnostics: { severity: string; code: string; message: string; location?: string }[]) {
    super(
      `invalid definition: ${diagnostics
        .slice(0, 3)
        .map((d) => `${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`)
        .join('; ')}${diagnostics.length > 3 ? ` (and ${diagnostics.length - 3} more)` : ''}`,
    );
  }
}

/**
 * Errors that States.ALL does not match. AWS's error handling page: "A retry or catch on
 * States.ALL won't catch States.Runtime errors" and States.DataLimitExceeded "can't be caught by
 * the States.ALL error type" (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
 */
export const NOT_MATCHED_BY_ALL = new Set(['States.Runtime', 'States.DataLimitExceeded']);

/** States.Runtime "isn't retriable, and will always cause the execution to fail" (same page). */
export const TERMINAL = new Set(['States.Runtime']);

/** AWS's prefix of a cause in an execution's history. */
export function causePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). `;
}
