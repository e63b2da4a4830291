/** What a CLI command reads of the process and what it answers: shared by main.ts and the subcommands it starts. */
/** The process, as far as the CLI reads it (tests and embedders can pass their own). */
export interface Io {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called only when '-' is given: merely touching process.stdin opens it. */
  stdin: () => AsyncIterable<Buffer | string>;
  stdoutIsTTY: boolean;
  /**
   * Where the report goes while the run goes on (the bin: stdout, waiting while it drains), so
   * results are not all kept until the end. Without it the report is returned in Outcome.stdout.
   */
  write?: (text: string) => void | Promise<void>;
}

/**
 * What the run says and how it ends: the exit code, the report (unless it went to Io.write as
 * the run went on) and the failure message. A reader closing the pipe mid-report does not change
 * the exit code.
 */
export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}
