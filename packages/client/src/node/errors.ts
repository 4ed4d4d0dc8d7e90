import { TinkerError } from "../core/errors.js";

/** Errors raised by the Node-only checkpoint download helpers (all are TinkerErrors). */

/** The archive holds an entry that would land outside the target directory, or an unsupported entry. */
export class UnsafeArchiveError extends TinkerError {
  override name = "UnsafeArchiveError";
  constructor(
    readonly entryPath: string,
    readonly reason: string,
  ) {
    super(`Refusing to extract archive: entry ${JSON.stringify(entryPath)} ${reason}`);
  }
}

/** The destination already exists and `force` was not given. */
export class TargetExistsError extends TinkerError {
  override name = "TargetExistsError";
  constructor(readonly target: string) {
    super(`Target directory already exists: ${target} (pass force to overwrite it)`);
  }
}

/** A file could not be fetched (HTTP status other than 2xx, or the body ended early). */
export class DownloadError extends TinkerError {
  override name = "DownloadError";
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options ?? {});
  }
}
