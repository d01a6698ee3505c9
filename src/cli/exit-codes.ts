import { Problem } from "../rules/message";

/** Exit codes of `ntm`, one per class of failure (documented in docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** A fault in ntm itself: a bug to report. */
  internal: 1,
  /** Unknown command or option, a missing or malformed argument. */
  usage: 2,
  /** An input file is missing, not an .xlsx, corrupt, or password-protected. */
  inputFile: 3,
  /** A workbook was read but holds no usable table: empty sheet, no recognisable columns, no area rows. */
  noTable: 4,
  /** The ruleset file cannot be read or is faulty. */
  ruleset: 5,
  /** The report was not written: it exists (without --force), it is an input, or the disk refused. */
  output: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: located problems and the exit code of their class. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly problems: Problem[];
  constructor(exitCode: ExitCode, problems: Problem[]) {
    super(problems.map((p) => `${p.where}: ${p.message.en}`).join("\n"));
    this.name = "CliError";
    this.exitCode = exitCode;
    this.problems = problems;
  }
}
