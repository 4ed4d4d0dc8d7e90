/** The 0.38.0 additions: copy_weights, retrieve_futures, join_sampling_session, session project/trace, API key self-service, audit and billing. */
import { randomUUID } from "node:crypto";
import { badRequest, notFound, unauthorized } from "../server/errors.js";
import type { Route } from "../server/types.js";
import { noContent, ok } from "../server/types.js";
import { parseTinkerPath } from "../state/paths.js";
import type { AssignSessionProjectRequest, CopyWeightsRequest, FuturesRetrieveRequest, JoinSamplingSessionRequest } from "../wire.js";
import { readableCheckpoint } from "./access.js";
import type { HandlerContext } from "./context.js";
import { MIN_TTL_SECONDS } from "./weights.js";

const RATE_USD_PER_GB_MONTH = 0.1;

export function extraRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;
  const copies = new Map<string, string>();

  return [
    {
      method: "POST",
      pattern: "/api/v1/copy_weights",
      handler: (req) => {
        const body = req.json<CopyWeightsRequest>("CopyWeightsRequest");
        const idempotencyKey = req.header("x-idempotency-key");
        const earlier = idempotencyKey ? copies.get(`${req.principal.owner} ${idempotencyKey}`) : undefined;
        if (earlier) return ok({ tinker_path: earlier });
        const source = parseTinkerPath(body.source_path, "source_path");
        const record = readableCheckpoint(ctx, req.principal.owner, body.source_path, req.header("x-tinker-weights-access-token") ?? body.weights_access_token);
        if (body.ttl_seconds !== undefined && body.ttl_seconds < MIN_TTL_SECONDS) throw badRequest(`ttl_seconds must be at least ${MIN_TTL_SECONDS}`, "ttl_seconds");
        const sourceRun = world.run(record.training_run_id);
        const runId = `copy-${randomUUID()}`;
        const now = world.nowIso();
        world.checkpoints.saveRun({
          training_run_id: runId,
          session_id: body.session_id ?? "",
          owner: req.principal.owner,
          base_model: record.base_model,
          lora_rank: record.lora_rank,
          seed: sourceRun?.seed ?? 0,
          train_unembed: sourceRun?.train_unembed ?? true,
          train_mlp: sourceRun?.train_mlp ?? true,
          train_attn: sourceRun?.train_attn ?? true,
          user_metadata: sourceRun?.user_metadata ?? null,
          created_at: now,
          last_request_time: now,
        });
        const data = world.checkpoints.read(record);
        const copy = world.checkpoints.write(
          { kind: source.kind, name: source.name, training_run_id: runId, owner: req.principal.owner, time: now, public: false, expires_at: world.expiresAt(body.ttl_seconds), user_metadata: record.user_metadata, base_model: record.base_model, lora_rank: record.lora_rank },
          data,
        );
        world.logAudit(req.principal.owner, "checkpoint_copied", runId, copy.tinker_path);
        if (idempotencyKey) copies.set(`${req.principal.owner} ${idempotencyKey}`, copy.tinker_path);
        return ok({ tinker_path: copy.tinker_path });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/retrieve_futures",
      handler: async (req) => {
        const body = req.json<FuturesRetrieveRequest>("FuturesRetrieveRequest");
        const sampler = world.samplers.get(body.target.sampling_session_id);
        if (!sampler || sampler.owner !== req.principal.owner) throw notFound(`sampling session ${body.target.sampling_session_id} not found`);
        const waitMs = body.timeout === undefined || body.timeout === null ? ctx.longPollMs : Math.min(body.timeout * 1000, ctx.longPollMs);
        return ok(await world.completions.since(sampler.samplerId, body.target.cloned_sampler_id, body.prev_cursor, waitMs, req.signal));
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/join_sampling_session",
      handler: (req) => {
        const body = req.json<JoinSamplingSessionRequest>("JoinSamplingSessionRequest");
        const sampler = world.samplers.get(body.sampling_session_id);
        if (!sampler || sampler.owner !== req.principal.owner) throw notFound(`sampling session ${body.sampling_session_id} not found`);
        const counter = (world.samplerClients.get(sampler.samplerId) ?? 0) + 1;
        world.samplerClients.set(sampler.samplerId, counter);
        return ok({ type: "join_sampling_session", client_counter: counter });
      },
    },
    {
      method: "PUT",
      pattern: "/api/v1/sessions/{session_id}/project",
      handler: (req) => {
        const body = req.json<AssignSessionProjectRequest>("AssignSessionProjectRequest");
        const session = world.session(req.params["session_id"]!, req.principal.owner);
        session.project_id = body.project_id;
        world.saveSession(session);
        return noContent();
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/sessions/{session_id}/trace_export",
      handler: (req) => {
        const session = world.session(req.params["session_id"]!, req.principal.owner);
        return ok({ status: "ready", url: `data:application/json;base64,${Buffer.from(JSON.stringify(session)).toString("base64")}`, error: null });
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/auth/apikey/me",
      handler: (req) => {
        if (!req.principal.apiKey) throw unauthorized("this endpoint needs an API key, not a JWT");
        return ok({
          key_id: parseInt(req.principal.owner.slice(-8), 16),
          name: "emulator key",
          note: "",
          details: { org_details: { name: "emulator" }, user_details: { email: `${req.principal.owner}@emulator.local` } },
        });
      },
    },
    {
      method: "DELETE",
      pattern: "/api/v1/auth/apikey/me",
      handler: (req) => {
        if (!req.principal.apiKey) throw unauthorized("this endpoint needs an API key, not a JWT");
        ctx.auth.revoke(req.principal.apiKey);
        return noContent();
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/audit",
      handler: (req) => {
        const day = req.query.get("day");
        const type = req.query.get("event_type") ?? "all";
        const entries = world.audit
          .filter((e) => e.owner === req.principal.owner)
          .filter((e) => day === null || e.timestamp.startsWith(day))
          .filter((e) => type === "all" || e.event.startsWith("checkpoint"))
          .map(({ owner: _owner, ...entry }) => ({ ...entry, purpose: null }));
        return ok({ entries });
      },
    },
    { method: "GET", pattern: "/api/v1/billing/usage/events", handler: () => ok({ data: [], sessions: {}, cost_data_through: world.nowIso() }) },
    {
      method: "GET",
      pattern: "/api/v1/billing/usage/checkpoints/current",
      handler: (req) => {
        world.sweepExpired();
        const mine = [...world.checkpoints.checkpoints.values()].filter((c) => c.owner === req.principal.owner);
        const bytes = mine.reduce((n, c) => n + c.size_bytes, 0);
        const gigabytes = bytes / 1e9;
        return ok({
          effective_rate_usd_per_gigabyte_month: RATE_USD_PER_GB_MONTH,
          data: [{ project_id: null, org_user_urn: req.principal.owner, user_email: null, user_name: null, checkpoint_count: mine.length, size_bytes: bytes, size_gigabytes: gigabytes, estimated_monthly_cost_usd: gigabytes * RATE_USD_PER_GB_MONTH }],
        });
      },
    },
  ];
}

