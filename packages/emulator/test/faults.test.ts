import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, startApi } from "./helpers.js";

let api: Api;
beforeAll(async () => {
  api = await startApi({ faults: [{ method: "POST", path: "/api/v1/client/dynamic_config", fault: "status=429;retry-after=1", times: 1 }] });
});
afterAll(async () => {
  await api.emulator.close();
});

const config = { sdk_version: "0.38.0" };

describe("fault injection", () => {
  it("status with Retry-After-Ms for the first `times` requests, then normal answers", async () => {
    const fault = { "x-emulator-fault": "status=503;retry-after-ms=10;times=2;id=a" };
    const first = await api.post("/api/v1/client/config", config, fault);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after-ms")).toBe("10");
    expect(((await first.json()) as { detail: string }).detail).toContain("503");
    expect((await api.post("/api/v1/client/config", config, fault)).status).toBe(503);
    expect((await api.post("/api/v1/client/config", config, fault)).status).toBe(200);
  });

  it("408 carries a queue_state; x-should-retry is settable", async () => {
    const res = await api.post("/api/v1/client/config", config, { "x-emulator-fault": "status=408;queue-state=paused_capacity;should-retry=false" });
    expect(res.status).toBe(408);
    expect(res.headers.get("x-should-retry")).toBe("false");
    expect(await res.json()).toMatchObject({ queue_state: "paused_capacity" });
  });

  it("option rules match method and path and count", async () => {
    const first = await api.post("/api/v1/client/dynamic_config", config);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await api.post("/api/v1/client/dynamic_config", config)).status).toBe(200);
  });

  it("reset drops the connection", async () => {
    await expect(api.post("/api/v1/client/config", config, { "x-emulator-fault": "reset" })).rejects.toThrow();
  });

  it("stall=ms delays the answer; stall alone never answers", async () => {
    expect((await api.post("/api/v1/client/config", config, { "x-emulator-fault": "stall=30" })).status).toBe(200);
    const never = fetch(`${api.emulator.url}/api/v1/client/config`, {
      method: "POST",
      headers: { "x-api-key": "tml-emulator", "content-type": "application/json", "x-emulator-fault": "stall" },
      body: JSON.stringify(config),
      signal: AbortSignal.timeout(100),
    });
    await expect(never).rejects.toThrow();
  });

  it("delay-body sends headers first and the body later (or never)", async () => {
    const res = await api.post("/api/v1/client/config", config, { "x-emulator-fault": "delay-body=30" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, unknown>)["fwdbwd_max_chunk_len"]).toBe(1024);
    const controller = new AbortController();
    const hanging = await api.post("/api/v1/client/config", config, { "x-emulator-fault": "delay-body" });
    expect(hanging.status).toBe(200);
    const body = hanging.text();
    setTimeout(() => controller.abort(), 50);
    await expect(Promise.race([body, new Promise((_, reject) => controller.signal.addEventListener("abort", () => reject(new Error("body never came"))))])).rejects.toThrow("body never came");
    await hanging.body?.cancel().catch(() => undefined);
  });

  it("try-again storms, expired (410) futures and failed futures with a category", async () => {
    const s = await api.session();
    const f = await api.postJson<{ request_id: string; model_id: string }>("/api/v1/create_model", {
      session_id: s, model_seq_id: 0, base_model: "Qwen/Qwen3-8B", lora_config: { rank: 2, train_unembed: true, train_mlp: true, train_attn: true }, optimizer_config: { type: "adamw" }, type: "create_model",
    });
    const retrieve = (fault: string): Promise<Response> => api.post("/api/v1/retrieve_future", { request_id: f.request_id, allow_metadata_only: false }, { "x-emulator-fault": fault });
    const storm = "try-again=2;queue-state=paused_rate_limit";
    const a = (await (await retrieve(storm)).json()) as Record<string, unknown>;
    expect(a).toMatchObject({ type: "try_again", request_id: f.request_id, queue_state: "paused_rate_limit" });
    expect(((await (await retrieve(storm)).json()) as Record<string, unknown>)["type"]).toBe("try_again");
    expect(((await (await retrieve(storm)).json()) as Record<string, unknown>)["model_id"]).toBe(f.model_id);
    expect((await retrieve("expire")).status).toBe(410);

    const failing = await api.postJson<{ request_id: string }>("/api/v1/optim_step", { model_id: f.model_id, seq_id: 1, type: "optim_step", adam_params: { learning_rate: 0.1, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0, grad_clip_norm: 0 } }, { "x-emulator-fault": "fail=user" });
    expect(await api.result(failing.request_id)).toEqual({ error: "injected user failure", category: "user" });
  });

  it("a malformed fault header is a 400 naming it", async () => {
    const res = await api.post("/api/v1/client/config", config, { "x-emulator-fault": "explode=1" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain("explode");
  });
});

describe("long-poll and metadata", () => {
  it("answers try_again with queue_state active when a future stays pending past the long-poll", async () => {
    const slow = await startApi({ longPollMs: 20, seqGapTimeoutMs: 60_000 });
    try {
      const s = await slow.session();
      const m = await slow.createModel(s);
      // seq 2 waits for seq 1, so it stays pending.
      const f = await slow.postJson<{ request_id: string }>("/api/v1/optim_step", { model_id: m, seq_id: 2, type: "optim_step", adam_params: { learning_rate: 0.1, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0, grad_clip_norm: 0 } });
      const r = await slow.postJson("/api/v1/retrieve_future", { request_id: f.request_id, allow_metadata_only: false });
      expect(r).toEqual({ type: "try_again", request_id: f.request_id, queue_state: "active" });
    } finally {
      await slow.emulator.close();
    }
  });

  it("sends complete_metadata first when allow_metadata_only and the result is over the inline limit", async () => {
    const small = await startApi({ inlinePayloadLimitBytes: 0 });
    try {
      const s = await small.session();
      const f = await small.postJson<{ request_id: string }>("/api/v1/create_model", {
        session_id: s, model_seq_id: 0, base_model: "b", lora_config: { rank: 1, train_unembed: true, train_mlp: true, train_attn: true }, optimizer_config: { type: "adamw" }, type: "create_model",
      });
      const meta = await small.postJson("/api/v1/retrieve_future", { request_id: f.request_id, allow_metadata_only: true });
      expect(meta["status"]).toBe("complete_metadata");
      expect(meta["response_payload_size"]).toBe(Buffer.byteLength(JSON.stringify({ model_id: `${s}:train:0`, type: "create_model" })));
      const full = await small.postJson("/api/v1/retrieve_future", { request_id: f.request_id, allow_metadata_only: false });
      expect(full["model_id"]).toBe(`${s}:train:0`);
    } finally {
      await small.emulator.close();
    }
  });
});

describe("future retention", () => {
  it("forgets settled futures after the retention period (retrieve then answers 404)", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const aged = await startApi({ now: () => now });
    try {
      const s = await aged.session();
      const f = await aged.postJson<{ request_id: string }>("/api/v1/create_model", {
        session_id: s, model_seq_id: 0, base_model: "b", lora_config: { rank: 1, train_unembed: true, train_mlp: true, train_attn: true }, optimizer_config: { type: "adamw" }, type: "create_model",
      });
      await aged.result(f.request_id);
      const { FUTURE_RETENTION_MS } = await import("../src/state/futures.js");
      now += FUTURE_RETENTION_MS + 1;
      // Eviction runs on a submission at most once a minute.
      await aged.post("/api/v1/create_model", { session_id: s, model_seq_id: 0, base_model: "b", lora_config: { rank: 1, train_unembed: true, train_mlp: true, train_attn: true }, optimizer_config: { type: "adamw" }, type: "create_model" });
      expect((await aged.post("/api/v1/retrieve_future", { request_id: f.request_id, allow_metadata_only: false })).status).toBe(404);
    } finally {
      await aged.emulator.close();
    }
  });
});
