/** REST endpoints: training runs, checkpoints (list, delete, publish, TTL, archive), sessions, weights_info. */
import { randomBytes } from "node:crypto";
import { tarSize, tarStream, type TarEntry } from "../archive/tar.js";
import { badRequest, HttpError, notFound } from "../server/errors.js";
import type { EmRequest, Route } from "../server/types.js";
import { noContent, ok } from "../server/types.js";
import type { CheckpointRecord, RunRecord } from "../state/checkpoints.js";
import { parseTinkerPath, tinkerPath } from "../state/paths.js";
import type { SetCheckpointTtlRequest, WeightsInfoRequest } from "../wire.js";
import { readableCheckpoint } from "./access.js";
import type { HandlerContext } from "./context.js";
import { MIN_TTL_SECONDS } from "./weights.js";

const ARCHIVE_URL_TTL_MS = 15 * 60 * 1000;

export function checkpointJson(record: CheckpointRecord): Record<string, unknown> {
  return {
    checkpoint_id: record.checkpoint_id,
    checkpoint_type: record.checkpoint_type,
    time: record.time,
    tinker_path: record.tinker_path,
    size_bytes: record.size_bytes,
    public: record.public,
    user_metadata: record.user_metadata,
    expires_at: record.expires_at,
  };
}

export function restRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;
  const archiveTokens = new Map<string, { path: string; expires: number }>();

  const paging = (req: EmRequest, defaultLimit: number): { limit: number; offset: number } => {
    const read = (name: string, fallback: number): number => {
      const raw = req.query.get(name);
      if (raw === null || raw === "") return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw badRequest(`query parameter ${name} must be a non-negative integer (got "${raw}")`, name);
      return n;
    };
    return { limit: read("limit", defaultLimit), offset: read("offset", 0) };
  };

  const page = <T>(items: readonly T[], limit: number, offset: number): { items: T[]; cursor: { offset: number; limit: number; total_count: number } } => ({
    items: limit === 0 ? items.slice(offset) : items.slice(offset, offset + limit),
    cursor: { offset, limit, total_count: items.length },
  });

  const ownedRun = (req: EmRequest, runId: string): RunRecord => {
    const run = world.run(runId);
    if (!run || run.owner !== req.principal.owner) throw notFound(`training run ${runId} not found`);
    return run;
  };

  const runCheckpoints = (runId: string): CheckpointRecord[] => {
    world.sweepExpired();
    return [...world.checkpoints.checkpoints.values()].filter((c) => c.training_run_id === runId).sort(byTimeDesc);
  };

  const runJson = (run: RunRecord): Record<string, unknown> => {
    const checkpoints = runCheckpoints(run.training_run_id);
    const last = (type: string): Record<string, unknown> | null => {
      const found = checkpoints.find((c) => c.checkpoint_type === type);
      return found ? checkpointJson(found) : null;
    };
    return {
      training_run_id: run.training_run_id,
      base_model: run.base_model,
      model_owner: run.owner,
      is_lora: true,
      corrupted: false,
      lora_rank: run.lora_rank,
      last_request_time: run.last_request_time,
      last_checkpoint: last("training"),
      last_sampler_checkpoint: last("sampler"),
      user_metadata: run.user_metadata,
    };
  };

  /** The caller's checkpoint named by run id + checkpoint id ("weights/<name>"). */
  const ownedCheckpoint = (req: EmRequest): CheckpointRecord => {
    const runId = req.params["run_id"]!;
    const kind = req.params["kind"]!;
    const name = req.params["name"]!;
    if (kind !== "weights" && kind !== "sampler_weights") throw notFound(`checkpoint ${kind}/${name} not found: checkpoint ids are weights/<name> or sampler_weights/<name>`);
    const path = tinkerPath(runId, kind, name);
    const record = world.checkpoint(path);
    if (!record || record.owner !== req.principal.owner) throw notFound(`checkpoint ${path} not found`);
    return record;
  };

  const CKPT = "/api/v1/training_runs/{run_id}/checkpoints/{kind}/{name}";

  return [
    {
      method: "POST",
      pattern: "/api/v1/weights_info",
      handler: (req) => {
        const body = req.json<WeightsInfoRequest>("WeightsInfoRequest");
        parseTinkerPath(body.tinker_path, "tinker_path");
        const record = readableCheckpoint(ctx, req.principal.owner, body.tinker_path);
        const run = world.run(record.training_run_id);
        return ok({
          base_model: record.base_model,
          optimizer_config: { type: "adamw" },
          is_lora: true,
          lora_rank: record.lora_rank,
          train_unembed: run?.train_unembed ?? true,
          train_mlp: run?.train_mlp ?? true,
          train_attn: run?.train_attn ?? true,
        });
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/training_runs",
      handler: (req) => {
        const { limit, offset } = paging(req, 20);
        const projectId = req.query.get("project_id");
        const runs = [...world.checkpoints.runs.values()]
          .filter((r) => r.owner === req.principal.owner)
          .filter((r) => projectId === null || world.sessions.get(r.session_id)?.project_id === projectId)
          .sort((a, b) => (b.created_at < a.created_at ? -1 : b.created_at > a.created_at ? 1 : a.training_run_id.localeCompare(b.training_run_id)));
        const p = page(runs, limit, offset);
        return ok({ training_runs: p.items.map(runJson), cursor: p.cursor });
      },
    },
    { method: "GET", pattern: "/api/v1/training_runs/{run_id}", handler: (req) => ok(runJson(ownedRun(req, req.params["run_id"]!))) },
    {
      method: "GET",
      pattern: "/api/v1/training_runs/{run_id}/checkpoints",
      handler: (req) => {
        ownedRun(req, req.params["run_id"]!);
        const { limit, offset } = paging(req, 0);
        const p = page(runCheckpoints(req.params["run_id"]!), limit, offset);
        return ok({ checkpoints: p.items.map(checkpointJson), cursor: p.cursor });
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/checkpoints",
      handler: (req) => {
        const { limit, offset } = paging(req, 100);
        world.sweepExpired();
        const mine = [...world.checkpoints.checkpoints.values()].filter((c) => c.owner === req.principal.owner).sort(byTimeDesc);
        const p = page(mine, limit, offset);
        return ok({ checkpoints: p.items.map(checkpointJson), cursor: p.cursor });
      },
    },
    {
      method: "DELETE",
      pattern: CKPT,
      handler: (req) => {
        const record = ownedCheckpoint(req);
        world.checkpoints.delete(record);
        world.logAudit(record.owner, "checkpoint_deleted", record.training_run_id, record.tinker_path);
        return noContent();
      },
    },
    { method: "POST", pattern: `${CKPT}/publish`, handler: (req) => setPublic(req, true) },
    { method: "DELETE", pattern: `${CKPT}/publish`, handler: (req) => setPublic(req, false) },
    {
      method: "PUT",
      pattern: `${CKPT}/ttl`,
      handler: (req) => {
        const body = req.json<SetCheckpointTtlRequest>("SetCheckpointTtlRequest");
        const record = ownedCheckpoint(req);
        if (body.ttl_seconds !== null && body.ttl_seconds < MIN_TTL_SECONDS) throw badRequest(`ttl_seconds must be at least ${MIN_TTL_SECONDS} or null (got ${body.ttl_seconds})`, "ttl_seconds");
        record.expires_at = world.expiresAt(body.ttl_seconds);
        world.checkpoints.writeMeta(record);
        return noContent();
      },
    },
    {
      method: "GET",
      pattern: `${CKPT}/archive`,
      handler: (req) => {
        const record = ownedCheckpoint(req);
        const token = randomBytes(18).toString("base64url");
        const expires = world.options.now() + ARCHIVE_URL_TTL_MS;
        archiveTokens.set(token, { path: record.tinker_path, expires });
        // The Host the client used (a proxy or another interface), so the link works from where it asked.
        const host = req.header("host");
        const url = `${host ? `http://${host}` : ctx.baseUrl()}/_emulator/archive/${token}`;
        const expiresDate = new Date(expires);
        if (ctx.archiveResponse === "json") return ok({ url, expires: expiresDate.toISOString() });
        return { status: 302, empty: true, headers: { location: url, expires: expiresDate.toUTCString() } };
      },
    },
    {
      method: "GET",
      pattern: "/_emulator/archive/{token}",
      auth: false,
      handler: (req) => {
        const grant = archiveTokens.get(req.params["token"]!);
        if (!grant || grant.expires <= world.options.now()) throw new HttpError(403, "archive URL is invalid or expired; ask for a new one");
        const record = world.checkpoint(grant.path);
        if (!record) throw notFound(`checkpoint ${grant.path} not found`);
        const entries: TarEntry[] = [
          { name: "adapter_config.json", text: `${JSON.stringify({ base_model: record.base_model, lora_rank: record.lora_rank, vocab_size: 512, format: "emulator-bigram-lora-f64" }, null, 2)}\n` },
          ...world.checkpoints.archiveEntries(record),
        ];
        if (ctx.archivePaddingBytes > 0) entries.push({ name: "padding.bin", zeros: ctx.archivePaddingBytes });
        const size = tarSize(entries);
        const fileName = `${record.tinker_path.slice("tinker://".length).replace(/\//g, "_")}.tar`;
        return {
          status: 200,
          stream: tarStream(entries, Date.parse(record.time) / 1000),
          contentType: "application/x-tar",
          headers: { "content-length": String(size), "content-disposition": `attachment; filename="${fileName}"` },
        };
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/sessions",
      handler: (req) => {
        const { limit, offset } = paging(req, 20);
        const mine = [...world.sessions.values()].filter((s) => s.owner === req.principal.owner).sort((a, b) => (b.created_at < a.created_at ? -1 : b.created_at > a.created_at ? 1 : 0));
        return ok({ sessions: page(mine, limit, offset).items.map((s) => s.session_id) });
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/sessions/{session_id}",
      handler: (req) => {
        const session = world.session(req.params["session_id"]!, req.principal.owner);
        const metadata = session.user_metadata ? Object.fromEntries(Object.entries(session.user_metadata).filter(([, v]) => typeof v === "string")) : null;
        return ok({ training_run_ids: session.training_run_ids, sampler_ids: session.sampler_ids, user_metadata: metadata, display_name: session.display_name ?? null });
      },
    },
  ];

  function setPublic(req: EmRequest, value: boolean): ReturnType<typeof noContent> {
    const record = ownedCheckpoint(req);
    record.public = value;
    world.checkpoints.writeMeta(record);
    world.logAudit(record.owner, value ? "checkpoint_published" : "checkpoint_unpublished", record.training_run_id, record.tinker_path);
    return noContent();
  }
}

function byTimeDesc(a: CheckpointRecord, b: CheckpointRecord): number {
  return a.time < b.time ? 1 : a.time > b.time ? -1 : a.tinker_path.localeCompare(b.tinker_path);
}
