/** An error the CLI reports as `Error: <message>` (plus optional details) on stderr, then exits. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly details?: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
