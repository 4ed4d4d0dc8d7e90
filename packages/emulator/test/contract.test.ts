/**
 * The emulator's JSON answers conform to the spec: a broad scenario is recorded, then every JSON response
 * body is validated against the spec's response schema of its operation (errors against ErrorResponse).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { componentSchemas } from "@tinker-ts/types/schemas";
import { describe, expect, it } from "vitest";
import { BATCH, forwardBackward, optimStep, startApi } from "./helpers.js";

const RESPONSE_SCHEMAS: Array<[method: string, path: RegExp, schema: string]> = [
  ["POST", /^\/api\/v1\/client\/config$/, "ClientConfigResponse"],
  ["POST", /^\/api\/v1\/client\/dynamic_config$/, "ClientDynamicConfigResponse"],
  ["POST", /^\/api\/v1\/auth\/token$/, "AuthTokenResponse"],
  ["POST", /^\/api\/v1\/create_session$/, "CreateSessionResponse"],
  ["POST", /^\/api\/v1\/session_heartbeat$/, "SessionHeartbeatResponse"],
  ["GET", /^\/api\/v1\/get_server_capabilities$/, "GetServerCapabilitiesResponse"],
  ["GET", /^\/api\/v1\/healthz$/, "HealthResponse"],
  ["POST", /^\/api\/v1\/(create_model|unload_model|forward_backward|optim_step|save_weights|save_weights_for_sampler|load_weights|asample)$/, "UntypedAPIFuture"],
  ["POST", /^\/api\/v1\/get_info$/, "GetInfoResponse"],
  ["POST", /^\/api\/v1\/retrieve_future$/, "FutureRetrieveResponse"],
  ["POST", /^\/api\/v1\/weights_info$/, "WeightsInfoResponse"],
  ["POST", /^\/api\/v1\/create_sampling_session$/, "CreateSamplingSessionResponse"],
  ["GET", /^\/api\/v1\/samplers\/[^/]+$/, "GetSamplerResponse"],
  ["GET", /^\/api\/v1\/training_runs$/, "TrainingRunsResponse"],
  ["GET", /^\/api\/v1\/training_runs\/[^/]+$/, "TrainingRun"],
  ["GET", /^\/api\/v1\/training_runs\/[^/]+\/checkpoints$/, "CheckpointsListResponse"],
  ["GET", /^\/api\/v1\/checkpoints$/, "CheckpointsListResponse"],
  ["GET", /^\/api\/v1\/training_runs\/[^/]+\/checkpoints\/.+\/archive$/, "CheckpointArchiveUrlResponse"],
  ["GET", /^\/api\/v1\/sessions$/, "ListSessionsResponse"],
  ["GET", /^\/api\/v1\/sessions\/[^/]+$/, "GetSessionResponse"],
  ["POST", /^\/api\/v1\/copy_weights$/, "CopyWeightsResponse"],
  ["POST", /^\/api\/v1\/sessions\/search$/, "SessionSearchResponse"],
  ["POST", /^\/api\/v1\/retrieve_futures$/, "FuturesRetrieveResponse"],
  ["POST", /^\/api\/v1\/join_sampling_session$/, "JoinSamplingSessionResponse"],
  ["GET", /^\/api\/v1\/sessions\/[^/]+\/trace_export$/, "SessionTraceExportResponse"],
  ["GET", /^\/api\/v1\/auth\/apikey\/me$/, "SelfApiKeyResponse"],
  ["GET", /^\/api\/v1\/audit$/, "AuditLogResponse"],
  ["GET", /^\/api\/v1\/billing\/usage\/events$/, "BillingUsageResponse"],
  ["GET", /^\/api\/v1\/billing\/usage\/checkpoints\/current$/, "CurrentCheckpointStorageUsageResponse"],
];

interface Exchange {
  request: { method: string; path: string };
  response: { status: number; body: { kind: string; text?: string } | null };
}

describe("responses match the spec", () => {
  it("every JSON answer of a broad scenario validates against its operation's schema", async () => {
    const record = join(mkdtempSync(join(tmpdir(), "emu-contract-")), "x.jsonl");
    const api = await startApi({ record, archiveResponse: "json", clientConfig: { pjwt_auth_enabled: true } });
    try {
      await api.postJson("/api/v1/client/config", { sdk_version: "0.38.0" });
      await api.postJson("/api/v1/client/dynamic_config", { sdk_version: "0.38.0" });
      await api.postJson("/api/v1/auth/token", {});
      await api.get("/api/v1/healthz");
      await api.get("/api/v1/get_server_capabilities");
      const s = await api.session();
      await api.post("/api/v1/session_heartbeat", { session_id: s, type: "session_heartbeat" });
      const m = await api.createModel(s);
      await api.post("/api/v1/get_info", { model_id: m, type: "get_info" });
      await forwardBackward(api, m, 1, BATCH);
      await optimStep(api, m, 2);
      const saved = await api.postJson<{ request_id: string }>("/api/v1/save_weights", { model_id: m, path: "c", seq_id: 3, overwrite: false, type: "save_weights" });
      const path = (await api.result<{ path: string }>(saved.request_id)).path;
      const sampler = await api.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: m, path: "s", kind: "snapshot", seq_id: 4, type: "save_weights_for_sampler" });
      const samplerPath = (await api.result<{ path: string }>(sampler.request_id)).path;
      const unnamed = await api.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: m, sampling_session_seq_id: 0, kind: "snapshot", seq_id: 5, type: "save_weights_for_sampler" });
      await api.result(unnamed.request_id);
      const load = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { model_id: m, seq_id: 6, path, optimizer: true, type: "load_weights" });
      await api.result(load.request_id);
      const viaLoad = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { session_id: s, model_seq_id: 1, path, optimizer: false, type: "load_weights" });
      await api.result(viaLoad.request_id);
      const ss = await api.postJson<{ sampling_session_id: string }>("/api/v1/create_sampling_session", { session_id: s, sampling_session_seq_id: 1, model_path: samplerPath, type: "create_sampling_session" });
      await api.get(`/api/v1/samplers/${ss.sampling_session_id}`);
      const sample = await api.postJson<{ request_id: string }>("/api/v1/asample", {
        num_samples: 2, prompt: { chunks: [{ tokens: [1, 2], type: "encoded_text" }] }, sampling_params: { max_tokens: 3, seed: 1, temperature: 1, top_k: -1, top_p: 1 },
        sampling_session_id: ss.sampling_session_id, seq_id: 0, prompt_logprobs: true, topk_prompt_logprobs: 2, topk_sample_logprobs: 0, prompt_alt_tokens_k: 0, type: "sample",
      });
      await api.result(sample.request_id);
      const failing = await api.postJson<{ request_id: string }>("/api/v1/optim_step", { model_id: m, seq_id: 7, type: "optim_step", adam_params: { learning_rate: 0.1, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0, grad_clip_norm: 0 } }, { "x-emulator-fault": "fail=server" });
      await api.result(failing.request_id);
      await api.post("/api/v1/retrieve_future", { request_id: failing.request_id, allow_metadata_only: false }, { "x-emulator-fault": "try-again=1" });
      await api.post("/api/v1/weights_info", { tinker_path: path });
      await api.get("/api/v1/training_runs");
      await api.get(`/api/v1/training_runs/${m}`);
      await api.get(`/api/v1/training_runs/${m}/checkpoints`);
      await api.get("/api/v1/checkpoints?limit=1");
      await api.get(`/api/v1/training_runs/${m}/checkpoints/weights/c/archive`);
      await api.get("/api/v1/sessions");
      await api.get(`/api/v1/sessions/${s}`);
      await api.post("/api/v1/copy_weights", { source_path: path, destination_project_id: "p" });
      await api.post("/api/v1/retrieve_futures", { target: { type: "sampling_session", sampling_session_id: ss.sampling_session_id, cloned_sampler_id: 0 }, prev_cursor: 0, timeout: 0, retrieved_request_ids: [] });
      await api.post("/api/v1/join_sampling_session", { sampling_session_id: ss.sampling_session_id, type: "join_sampling_session" });
      await api.get(`/api/v1/sessions/${s}/trace_export`);
      await api.get("/api/v1/auth/apikey/me");
      await api.post(`/api/v1/sessions/${s}/finish`, { reason: { type: "success" }, detail: null });
      await api.post("/api/v1/sessions/search", { user_metadata: {}, owner: { type: "own" }, limit: 1 });
      await api.get("/api/v1/audit?event_type=all");
      await api.get("/api/v1/billing/usage/events?starting_on=2026-01-01T00:00:00Z&ending_before=2026-02-01T00:00:00Z");
      await api.get("/api/v1/billing/usage/checkpoints/current");
      await api.post("/api/v1/load_weights", { model_id: m, seq_id: 8, path: samplerPath, optimizer: false, type: "load_weights" });
      await api.post("/api/v1/create_session", { tags: [], user_metadata: {}, type: "create_session", extra: 1 });
    } finally {
      await api.emulator.close();
    }

    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: "tinker", components: { schemas: componentSchemas } });
    const exchanges = readFileSync(record, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Exchange);
    const problems: string[] = [];
    const covered = new Set<string>();
    for (const e of exchanges) {
      if (e.response.body?.kind !== "json") continue;
      const entry = e.response.status >= 400 ? ["", /./, "ErrorResponse"] : RESPONSE_SCHEMAS.find(([method, re]) => method === e.request.method && re.test(e.request.path));
      if (!entry) {
        problems.push(`no schema mapped for ${e.request.method} ${e.request.path}`);
        continue;
      }
      const validate = ajv.getSchema(`tinker#/components/schemas/${entry[2]}`)!;
      covered.add(entry[2] as string);
      if (!validate(JSON.parse(e.response.body.text!))) problems.push(`${e.request.method} ${e.request.path} → ${entry[2]}: ${ajv.errorsText(validate.errors)} in ${e.response.body.text}`);
    }
    expect(problems).toEqual([]);
    expect(covered.size).toBe(new Set(RESPONSE_SCHEMAS.map((r) => r[2])).size + 1);
  });
});
