import type { Deadline } from "../core/deadline.js";
import { APIResponseValidationError, APIStatusError } from "../core/errors.js";
import type { ClientContext } from "../core/context.js";
import { httpDateToIso } from "./datetime.js";
import type { CheckpointArchiveUrlResponse } from "./wire.js";

/** Wait between asks while the archive is still being built (HTTP 503), as the Python SDK. */
export const ARCHIVE_BUILD_WAIT_MS = 30_000;
/** Asks before giving up on a 503, as the Python SDK. */
export const ARCHIVE_BUILD_ATTEMPTS = 6;
/** Validity assumed when a 302 carries no `Expires` (Python: 15 min). */
const DEFAULT_VALIDITY_MS = 15 * 60_000;

export interface ArchiveWaitOptions {
  /** Wait between asks while the server answers 503 "still building" (default 30 s). */
  buildWaitMs?: number | undefined;
  /** Asks before the 503 is surfaced (default 6). */
  buildAttempts?: number | undefined;
}

/**
 * GET …/checkpoints/{id}/archive without following the redirect: a 302 gives the signed URL in
 * `Location` (expiry in `Expires`), a 200 gives it as JSON. A 503 means the archive is being built:
 * wait and ask again (abortable, bounded by the call's deadline), logging while waiting.
 */
export async function fetchArchiveUrl(
  ctx: ClientContext,
  trainingRunId: string,
  checkpointId: string,
  deadline: Deadline,
  wait: ArchiveWaitOptions = {},
): Promise<CheckpointArchiveUrlResponse> {
  const buildWaitMs = wait.buildWaitMs ?? ARCHIVE_BUILD_WAIT_MS;
  const attempts = wait.buildAttempts ?? ARCHIVE_BUILD_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const outcome = await ctx.withRetries(async (d) => {
      try {
        const response = await ctx.http.call(
          "GET",
          "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/archive",
          {
            params: { path: { training_run_id: trainingRunId, checkpoint_id: checkpointId } },
            accept: "application/json",
            redirect: "manual",
          },
          // A 503 "still building" is answered by the wait loop below, not by fast retries.
          { deadline: d, maxRetries: 0 },
        );
        return archiveUrlFrom(response.status, response.headers, response.data);
      } catch (error) {
        if (error instanceof APIStatusError && error.status === 503) return { building: error };
        throw error;
      }
    }, deadline, "getCheckpointArchiveUrl");
    if (!("building" in outcome)) return outcome;
    if (attempt >= attempts) throw outcome.building;
    ctx.logger.warn(
      `Checkpoint archive for ${trainingRunId}/${checkpointId} is still being built; asking again in ${Math.round(buildWaitMs / 1000)} s (attempt ${attempt} of ${attempts})`,
    );
    await deadline.sleep(buildWaitMs, outcome.building);
  }
}

function archiveUrlFrom(status: number, headers: { get(name: string): string | null }, data: unknown): CheckpointArchiveUrlResponse {
  if (status === 0) {
    // A browser answers a manual redirect with an opaque response: the Location cannot be read.
    throw new APIResponseValidationError(
      "The archive URL came as a redirect, which browsers do not let scripts read; ask for it from Node.js (or a server that answers 200 JSON)",
      status,
    );
  }
  if (status >= 300 && status < 400) {
    const url = headers.get("location");
    if (!url) throw new APIResponseValidationError(`Archive redirect (HTTP ${status}) has no Location header`, status);
    const expires = httpDateToIso(headers.get("expires")) ?? new Date(Date.now() + DEFAULT_VALIDITY_MS).toISOString();
    return { url, expires };
  }
  const body = data as Partial<CheckpointArchiveUrlResponse> | undefined;
  if (!body || typeof body.url !== "string" || typeof body.expires !== "string") {
    throw new APIResponseValidationError(`Archive URL response (HTTP ${status}) has no url/expires`, status);
  }
  return { url: body.url, expires: body.expires };
}
