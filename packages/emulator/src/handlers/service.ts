/** Session lifecycle and server metadata endpoints. */
import { randomUUID } from "node:crypto";
import type { Route } from "../server/types.js";
import { noContent, ok } from "../server/types.js";
import type { CancelFutureRequest, CreateSessionRequest, FinishSessionRequest, SessionHeartbeatRequest } from "../wire.js";
import { type HandlerContext, SUPPORTED_MODELS } from "./context.js";

export function serviceRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;
  return [
    { method: "GET", pattern: "/api/v1/healthz", auth: false, handler: () => ok({ status: "ok" }) },
    {
      method: "POST",
      pattern: "/api/v1/client/config",
      plainKey: true,
      handler: (req) => {
        req.json("ClientConfigRequest");
        return ok({ ...ctx.clientConfig });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/client/dynamic_config",
      plainKey: true,
      handler: (req) => {
        req.json("ClientConfigRequest");
        return ok({ refresh_interval_sec: 300, sample_cancel_enabled: false, sample_cancel_max_batch_size: 100 });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/auth/token",
      plainKey: true,
      handler: (req) => {
        req.json("AuthTokenRequest");
        return ok({ jwt: ctx.auth.issueJwt(req.principal) });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/create_session",
      handler: (req) => {
        const body = req.json<CreateSessionRequest>("CreateSessionRequest");
        const sessionId = `sess-${randomUUID()}`;
        const now = world.nowIso();
        world.saveSession({
          session_id: sessionId,
          owner: req.principal.owner,
          created_at: now,
          tags: body.tags ?? [],
          user_metadata: body.user_metadata ?? null,
          project_id: body.project_id ?? null,
          display_name: body.display_name ?? null,
          sdk_version: body.sdk_version ?? null,
          training_run_ids: [],
          sampler_ids: [],
          finished: null,
          last_heartbeat: now,
        });
        return ok({ type: "create_session", info_message: null, warning_message: null, error_message: null, session_id: sessionId });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/session_heartbeat",
      handler: (req) => {
        const body = req.json<SessionHeartbeatRequest>("SessionHeartbeatRequest");
        const session = world.session(body.session_id, req.principal.owner);
        session.last_heartbeat = world.nowIso();
        return ok({ type: "session_heartbeat" });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/sessions/{session_id}/finish",
      handler: (req) => {
        const body = req.json<FinishSessionRequest>("FinishSessionRequest");
        const session = world.session(req.params["session_id"]!, req.principal.owner);
        if (!session.finished) {
          session.finished = { reason: body.reason.type, detail: body.detail ?? null };
          world.saveSession(session);
        }
        return noContent();
      },
    },
    { method: "GET", pattern: "/api/v1/get_server_capabilities", handler: () => ok({ supported_models: SUPPORTED_MODELS }) },
    {
      method: "POST",
      pattern: "/api/v1/telemetry",
      handler: (req) => {
        req.json("TelemetrySendRequest");
        return ok({ status: "accepted" });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/cancel_future",
      handler: (req) => {
        const body = req.json<CancelFutureRequest>("CancelFutureRequest");
        const future = world.futures.get(body.request_id);
        if (future) future.cancelled = true;
        return noContent();
      },
    },
  ];
}
