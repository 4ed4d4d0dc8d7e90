/** Errors raised by the Node-only checkpoint download helpers. */

/** The archive holds an entry that would land outside the target directory, or an unsupported entry. */
export class UnsafeArchiveError extends Error {
  override readonly name = "UnsafeArchiveError";
  constructor(
    readonly entryPath: string,
    readonly reason: string,
  ) {
    super(`Refusing to extract archive: entry ${JSON.stringify(entryPath)} ${reason}`);
  }
}

/** The destination already exists and `force` was not given. */
export class TargetExistsError extends Error {
  override readonly name = "TargetExistsError";
  constructor(readonly target: string) {
    super(`Target directory already exists: ${target} (pass force to overwrite it)`);
  }
}

/** The archive could not be fetched (HTTP status other than 2xx, or the body ended early). */
export class DownloadError extends Error {
  override readonly name = "DownloadError";
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
