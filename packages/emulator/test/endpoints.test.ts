import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, fwdBwdBody, startApi } from "./helpers.js";

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.emulator.close();
});

describe("service endpoints", () => {
  it("answers healthz without a key and rejects a wrong key with 401", async () => {
    const health = await fetch(`${api.emulator.url}/api/v1/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const wrong = await api.post("/api/v1/client/config", { sdk_version: "0.38.0" }, { "x-api-key": "not-a-key" });
    expect(wrong.status).toBe(401);
    const missing = await fetch(`${api.emulator.url}/api/v1/client/config`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
  });

  it("serves client/config with every flag and the configured overrides", async () => {
    const custom = await startApi({ clientConfig: { proto_compress_fwdbwd: true, fwdbwd_max_chunk_len: 2 } });
    try {
      const config = await custom.postJson("/api/v1/client/config", { sdk_version: "0.38.0" });
      expect(config["proto_compress_fwdbwd"]).toBe(true);
      expect(config["fwdbwd_max_chunk_len"]).toBe(2);
      expect(config["pjwt_auth_enabled"]).toBe(false);
      expect(config["sample_max_concurrent_requests"]).toBe(2000);
    } finally {
      await custom.emulator.close();
    }
  });

  it("creates a session, heartbeats, lists capabilities and dynamic config", async () => {
    const sessionId = await api.session();
    expect(await api.postJson("/api/v1/session_heartbeat", { session_id: sessionId, type: "session_heartbeat" })).toEqual({ type: "session_heartbeat" });
    const caps = (await (await api.get("/api/v1/get_server_capabilities")).json()) as { supported_models: unknown[] };
    expect(caps.supported_models.length).toBeGreaterThan(0);
    const dyn = await api.postJson("/api/v1/client/dynamic_config", { sdk_version: "0.38.0" });
    expect(dyn["refresh_interval_sec"]).toBe(300);
    const unknownSession = await api.post("/api/v1/session_heartbeat", { session_id: "nope", type: "session_heartbeat" });
    expect(unknownSession.status).toBe(404);
  });

  it("answers 404 for an unknown endpoint and 405 for a wrong method", async () => {
    expect((await api.post("/api/v1/no_such_thing", {})).status).toBe(404);
    expect((await api.get("/api/v1/create_session")).status).toBe(405);
  });
});

describe("request validation", () => {
  it("rejects the seed's load_optimizer_state body, naming the field", async () => {
    const sessionId = await api.session();
    const modelId = await api.createModel(sessionId);
    const res = await api.post("/api/v1/load_weights", { model_id: modelId, seq_id: 1, path: `tinker://${modelId}/weights/a`, load_optimizer_state: true, type: "load_weights" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { detail: string; field: string };
    expect(body.field).toBe("load_optimizer_state");
    expect(body.detail).toContain("load_optimizer_state");
  });

  it("names a missing required field", async () => {
    const res = await api.post("/api/v1/create_session", { tags: [], user_metadata: {}, type: "create_session" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe("sdk_version");
  });

  it("names a field of the wrong type and bad JSON", async () => {
    const res = await api.post("/api/v1/create_session", { tags: "x", user_metadata: {}, sdk_version: "0.38.0", type: "create_session" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe("tags");
    const bad = await api.post("/api/v1/create_session", "{not json");
    expect(bad.status).toBe(400);
  });

  it("accepts the exact bodies the Python SDK 0.38.0 sends", async () => {
    const sessionId = await api.session();
    const created = await api.postJson<{ request_id: string }>("/api/v1/create_model", {
      session_id: sessionId,
      model_seq_id: 0,
      base_model: "Qwen/Qwen3-8B",
      user_metadata: { k: "v" },
      lora_config: { rank: 8, seed: 7, train_unembed: true, train_mlp: true, train_attn: false },
      optimizer_config: { type: "adamw" },
      type: "create_model",
    });
    const { model_id } = await api.result<{ model_id: string }>(created.request_id);
    const steps = [
      ["/api/v1/save_weights", { model_id, path: "ck1", seq_id: 1, overwrite: false, type: "save_weights" }],
      ["/api/v1/save_weights", { model_id, path: "ck2", seq_id: 2, ttl_seconds: 7200, overwrite: true, type: "save_weights" }],
      ["/api/v1/save_weights_for_sampler", { model_id, path: "s1", kind: "snapshot", seq_id: 3, type: "save_weights_for_sampler" }],
      ["/api/v1/save_weights_for_sampler", { model_id, sampling_session_seq_id: 0, kind: "snapshot", seq_id: 4, type: "save_weights_for_sampler" }],
      ["/api/v1/load_weights", { model_id, seq_id: 5, path: `tinker://${model_id}/weights/ck1`, optimizer: true, type: "load_weights" }],
      ["/api/v1/optim_step", { model_id, seq_id: 6, type: "optim_step", adam_params: { learning_rate: 0.001, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0.0, grad_clip_norm: 0.0 } }],
    ] as const;
    for (const [path, body] of steps) {
      const f = await api.postJson<{ request_id: string }>(path, body);
      const r = await api.result(f.request_id);
      expect(r["error"], `${path}: ${JSON.stringify(r)}`).toBeUndefined();
    }
    const info = await api.postJson("/api/v1/get_info", { model_id, type: "get_info" });
    expect(info["lora_rank"]).toBe(8);
  });
});

describe("training semantics", () => {
  it("forward_backward with an unsupported loss answers 400 naming what is supported", async () => {
    const sessionId = await api.session();
    const modelId = await api.createModel(sessionId);
    const res = await api.post("/api/v1/forward_backward", fwdBwdBody(modelId, 1, [{ tokens: [1], targets: [2] }], { lossFn: "ppo" }), { "content-type": "application/x-protobuf" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { detail: string; field: string };
    expect(body.field).toBe("loss_fn");
    expect(body.detail).toContain("cross_entropy");
  });

  it("409 on an existing name without overwrite, 400 on a short TTL, 400 on a sampler path for training, 404 on an unknown path", async () => {
    const sessionId = await api.session();
    const modelId = await api.createModel(sessionId);
    const save = async (seq: number, extra: Record<string, unknown>): Promise<Response> => api.post("/api/v1/save_weights", { model_id: modelId, path: "dup", seq_id: seq, overwrite: false, type: "save_weights", ...extra });
    const first = (await (await save(1, {})).json()) as { request_id: string };
    expect((await api.result(first.request_id))["path"]).toBe(`tinker://${modelId}/weights/dup`);
    expect((await save(2, {})).status).toBe(409);
    const overwritten = (await (await save(2, { overwrite: true })).json()) as { request_id: string };
    expect((await api.result(overwritten.request_id))["path"]).toBe(`tinker://${modelId}/weights/dup`);
    const shortTtl = await api.post("/api/v1/save_weights", { model_id: modelId, path: "short", seq_id: 3, ttl_seconds: 60, overwrite: false, type: "save_weights" });
    expect(shortTtl.status).toBe(400);
    expect(((await shortTtl.json()) as { field: string }).field).toBe("ttl_seconds");

    const sampler = await api.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: modelId, path: "samp", kind: "snapshot", seq_id: 3, type: "save_weights_for_sampler" });
    const samplerPath = (await api.result(sampler.request_id))["path"] as string;
    expect(samplerPath).toBe(`tinker://${modelId}/sampler_weights/samp`);
    const loadSampler = await api.post("/api/v1/load_weights", { model_id: modelId, seq_id: 4, path: samplerPath, optimizer: false, type: "load_weights" });
    expect(loadSampler.status).toBe(400);
    expect(((await loadSampler.json()) as { detail: string }).detail).toContain("sampler checkpoint");
    const unknown = await api.post("/api/v1/load_weights", { model_id: modelId, seq_id: 4, path: `tinker://${modelId}/weights/never-saved`, optimizer: false, type: "load_weights" });
    expect(unknown.status).toBe(404);
  });

  it("create_model again with the same ids is a retry (same model); another model under a used model_seq_id is 400", async () => {
    const sessionId = await api.session();
    const first = await api.createModel(sessionId, 0, 4, 1);
    expect(await api.createModel(sessionId, 0, 4, 1)).toBe(first);
    const clash = await api.post("/api/v1/create_model", { session_id: sessionId, model_seq_id: 0, base_model: "other/model", lora_config: { rank: 4, train_unembed: true, train_mlp: true, train_attn: true }, optimizer_config: { type: "adamw" }, type: "create_model" });
    expect(clash.status).toBe(400);
    expect(((await clash.json()) as { field: string }).field).toBe("model_seq_id");
  });

  it("creates a training client via load_weights (session_id + model_seq_id)", async () => {
    const sessionId = await api.session();
    const modelId = await api.createModel(sessionId, 0, 3);
    const saved = await api.postJson<{ request_id: string }>("/api/v1/save_weights", { model_id: modelId, path: "c", seq_id: 1, overwrite: false, type: "save_weights" });
    const path = (await api.result(saved.request_id))["path"] as string;
    const loaded = await api.postJson<{ request_id: string; model_id: string }>("/api/v1/load_weights", { session_id: sessionId, model_seq_id: 1, path, optimizer: true, type: "load_weights" });
    expect(loaded.model_id).toBe(`${sessionId}:train:1`);
    expect(await api.result(loaded.request_id)).toMatchObject({ model_id: `${sessionId}:train:1`, path });
    const info = await api.postJson("/api/v1/get_info", { model_id: `${sessionId}:train:1`, type: "get_info" });
    expect(info["lora_rank"]).toBe(3);
  });
});
