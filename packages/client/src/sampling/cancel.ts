import type { SessionContext } from "../core/context.js";
import { encodePythonJson } from "../core/python-json.js";

/** Per-attempt timeout of a cancel_future request (as the Python SDK). */
const CANCEL_TIMEOUT_MS = 30_000;

/**
 * Tells the service to stop a sample nobody waits for any more (the caller's timeout or abort ended
 * the wait after submission), when the dynamic config enables it — as tinker 0.38.0 does. Best
 * effort: without it the service stops the work when the session's heartbeats end.
 */
export function cancelAbandonedSample(ctx: SessionContext, requestId: string): void {
  if (ctx.closed || !ctx.dynamicConfig.sample_cancel_enabled) return;
  ctx
    .withRetries(
      (deadline) =>
        ctx.http.request(
          { method: "POST", path: "/api/v1/cancel_future", body: encodePythonJson({ request_id: requestId }), contentType: "application/json" },
          { deadline, maxRetries: 0, attemptTimeout: CANCEL_TIMEOUT_MS },
        ),
      undefined,
      `cancel_future ${requestId}`,
    )
    .catch((error: unknown) => {
      if (!ctx.closed) ctx.logger.error(`Failed to cancel sampling request ${requestId}`, error);
    });
}
