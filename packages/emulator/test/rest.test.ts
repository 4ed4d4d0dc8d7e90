import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, startApi } from "./helpers.js";
import { readTar } from "./tar.js";

let clock = Date.parse("2026-01-01T00:00:00Z");
let api: Api;
let sessionId: string;
let modelId: string;
let seq = 1;

async function save(name: string, kind: "weights" | "sampler_weights" = "weights", ttl?: number): Promise<string> {
  const body =
    kind === "weights"
      ? { model_id: modelId, path: name, seq_id: seq++, overwrite: false, type: "save_weights", ...(ttl ? { ttl_seconds: ttl } : {}) }
      : { model_id: modelId, path: name, kind: "snapshot", seq_id: seq++, type: "save_weights_for_sampler", ...(ttl ? { ttl_seconds: ttl } : {}) };
  const f = await api.postJson<{ request_id: string }>(kind === "weights" ? "/api/v1/save_weights" : "/api/v1/save_weights_for_sampler", body);
  clock += 1000;
  return (await api.result<{ path: string }>(f.request_id)).path;
}

const ckptUrl = (id: string): string => `/api/v1/training_runs/${modelId}/checkpoints/${id}`;

beforeAll(async () => {
  api = await startApi({ now: () => clock, archivePaddingBytes: 3 * 1024 * 1024 + 5 });
  sessionId = await api.session();
  modelId = await api.createModel(sessionId);
});
afterAll(async () => {
  await api.emulator.close();
});

describe("checkpoints", () => {
  it("lists per run and per user, newest first, with a cursor", async () => {
    await save("a");
    await save("b");
    await save("s", "sampler_weights");
    const all = (await (await api.get(`/api/v1/training_runs/${modelId}/checkpoints`)).json()) as { checkpoints: Array<Record<string, unknown>>; cursor: Record<string, number> };
    expect(all.checkpoints.map((c) => c["checkpoint_id"])).toEqual(["sampler_weights/s", "weights/b", "weights/a"]);
    expect(all.checkpoints[0]).toMatchObject({ checkpoint_type: "sampler", tinker_path: `tinker://${modelId}/sampler_weights/s`, public: false, expires_at: null });
    const page = (await (await api.get("/api/v1/checkpoints?limit=2&offset=1")).json()) as { checkpoints: Array<Record<string, unknown>>; cursor: Record<string, number> };
    expect(page.checkpoints.map((c) => c["checkpoint_id"])).toEqual(["weights/b", "weights/a"]);
    expect(page.cursor).toEqual({ offset: 1, limit: 2, total_count: 3 });
    const other = await api.get("/api/v1/checkpoints", { "x-api-key": "tml-someone-else" });
    expect(((await other.json()) as { checkpoints: unknown[] }).checkpoints).toEqual([]);
  });

  it("publishes and unpublishes; a public checkpoint is loadable by another user", async () => {
    const path = await save("pub");
    expect((await api.post(`${ckptUrl("weights/pub")}/publish`, undefined)).status).toBe(200);
    const listed = (await (await api.get(`/api/v1/training_runs/${modelId}/checkpoints`)).json()) as { checkpoints: Array<Record<string, unknown>> };
    expect(listed.checkpoints.find((c) => c["checkpoint_id"] === "weights/pub")!["public"]).toBe(true);
    const otherKey = { "x-api-key": "tml-someone-else" };
    const otherSession = await api.postJson<{ session_id: string }>("/api/v1/create_session", { tags: [], user_metadata: {}, sdk_version: "0.38.0", type: "create_session" }, otherKey);
    const load = async (): Promise<Response> => api.post("/api/v1/load_weights", { session_id: otherSession.session_id, model_seq_id: 0, path, optimizer: false, type: "load_weights" }, otherKey);
    expect((await load()).status).toBe(200);
    expect((await api.send("DELETE", `${ckptUrl("weights/pub")}/publish`)).status).toBe(200);
    const again = await api.post("/api/v1/load_weights", { session_id: otherSession.session_id, model_seq_id: 1, path, optimizer: false, type: "load_weights" }, otherKey);
    expect(again.status).toBe(404);
    // ...unless the owner's key is given as weights_access_token.
    const withToken = await api.post("/api/v1/load_weights", { session_id: otherSession.session_id, model_seq_id: 2, path, optimizer: false, weights_access_token: "tml-emulator", type: "load_weights" }, otherKey);
    expect(withToken.status).toBe(200);
  });

  it("sets a TTL (null clears it), rejects a TTL under an hour, and expired checkpoints disappear", async () => {
    const path = await save("ttl", "weights", 7200);
    const find = async (): Promise<Record<string, unknown> | undefined> => {
      const body = (await (await api.get(`/api/v1/training_runs/${modelId}/checkpoints`)).json()) as { checkpoints: Array<Record<string, unknown>> };
      return body.checkpoints.find((c) => c["tinker_path"] === path);
    };
    expect((await find())!["expires_at"]).toBe(new Date(clock - 1000 + 7200 * 1000).toISOString());
    expect((await api.send("PUT", `${ckptUrl("weights/ttl")}/ttl`, { ttl_seconds: null })).status).toBe(200);
    expect((await find())!["expires_at"]).toBeNull();
    const short = await api.send("PUT", `${ckptUrl("weights/ttl")}/ttl`, { ttl_seconds: 10 });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { field: string }).field).toBe("ttl_seconds");
    expect((await api.send("PUT", `${ckptUrl("weights/ttl")}/ttl`, { ttl_seconds: 3600 })).status).toBe(200);
    clock += 3601 * 1000;
    expect(await find()).toBeUndefined();
    const load = await api.post("/api/v1/load_weights", { session_id: sessionId, model_seq_id: 50, path, optimizer: false, type: "load_weights" });
    expect(load.status).toBe(404);
  });

  it("deletes a checkpoint; deleting it again is 404", async () => {
    await save("gone");
    expect((await api.send("DELETE", ckptUrl("weights/gone"))).status).toBe(200);
    expect((await api.send("DELETE", ckptUrl("weights/gone"))).status).toBe(404);
    expect((await api.send("DELETE", ckptUrl("weights/never"))).status).toBe(404);
  });

  it("archive: 302 to a local URL that streams a real tar holding the exact weights (with padding)", async () => {
    await save("arch");
    const res = await api.get(`${ckptUrl("weights/arch")}/archive`, { accept: "application/json" });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location.startsWith(api.emulator.url)).toBe(true);
    expect(res.headers.get("expires")).toBeTruthy();
    const download = await fetch(location);
    expect(download.headers.get("content-type")).toBe("application/x-tar");
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(Number(download.headers.get("content-length"))).toBe(bytes.length);
    const files = readTar(bytes);
    expect([...files.keys()].sort()).toEqual(["adam.f64", "adapter_config.json", "meta.json", "padding.bin", "params.f64"]);
    const dir = join(api.emulator.dataDir!, "runs", encodeURIComponent(modelId), "checkpoints", "weights", "arch");
    expect(Buffer.from(files.get("params.f64")!).equals(readFileSync(join(dir, "params.f64")))).toBe(true);
    expect(files.get("padding.bin")!.length).toBe(3 * 1024 * 1024 + 5);
    expect((await api.get(`${ckptUrl("weights/missing")}/archive`)).status).toBe(404);
  });

  it("archive answers JSON {url, expires} when configured", async () => {
    const jsonApi = await startApi({ archiveResponse: "json" });
    try {
      const s = await jsonApi.session();
      const m = await jsonApi.createModel(s);
      const f = await jsonApi.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: m, path: "x", kind: "snapshot", seq_id: 1, type: "save_weights_for_sampler" });
      await jsonApi.result(f.request_id);
      const body = (await (await jsonApi.get(`/api/v1/training_runs/${m}/checkpoints/sampler_weights/x/archive`)).json()) as { url: string; expires: string };
      const files = readTar(new Uint8Array(await (await fetch(body.url)).arrayBuffer()));
      expect(files.has("params.f64")).toBe(true);
      expect(files.has("adam.f64")).toBe(false);
    } finally {
      await jsonApi.emulator.close();
    }
  });
});

describe("runs, sessions, weights_info", () => {
  it("lists and gets training runs, sessions and weights info", async () => {
    const runs = (await (await api.get("/api/v1/training_runs?limit=20&offset=0&access_scope=owned")).json()) as { training_runs: Array<Record<string, unknown>>; cursor: Record<string, number> };
    expect(runs.training_runs.map((r) => r["training_run_id"])).toContain(modelId);
    expect(runs.cursor["total_count"]).toBeGreaterThanOrEqual(1);
    const run = (await (await api.get(`/api/v1/training_runs/${modelId}?access_scope=owned`)).json()) as Record<string, unknown>;
    expect(run).toMatchObject({ training_run_id: modelId, base_model: "Qwen/Qwen3-8B", is_lora: true, lora_rank: 4 });
    expect((run["last_checkpoint"] as Record<string, unknown>)["checkpoint_type"]).toBe("training");
    expect((await api.get(`/api/v1/training_runs/${modelId}`, { "x-api-key": "tml-someone-else" })).status).toBe(404);

    const sessions = (await (await api.get("/api/v1/sessions")).json()) as { sessions: string[] };
    expect(sessions.sessions).toContain(sessionId);
    const session = (await (await api.get(`/api/v1/sessions/${sessionId}`)).json()) as { training_run_ids: string[]; sampler_ids: string[] };
    expect(session.training_run_ids).toContain(modelId);

    const info = await api.postJson("/api/v1/weights_info", { tinker_path: `tinker://${modelId}/weights/a` });
    expect(info).toMatchObject({ base_model: "Qwen/Qwen3-8B", is_lora: true, lora_rank: 4 });
    expect((await api.post("/api/v1/weights_info", { tinker_path: `tinker://${modelId}/weights/zzz` })).status).toBe(404);
    expect((await api.post("/api/v1/weights_info", { tinker_path: "s3://bucket/x" })).status).toBe(400);
  });

  it("finishes a session first-wins", async () => {
    const s = await api.session();
    expect((await api.post(`/api/v1/sessions/${s}/finish`, { reason: { type: "success" }, detail: null })).status).toBe(200);
    expect((await api.post(`/api/v1/sessions/${s}/finish`, { reason: { type: "errored" }, detail: "late" })).status).toBe(200);
    const record = JSON.parse(readFileSync(join(api.emulator.dataDir!, "sessions", `${encodeURIComponent(s)}.json`), "utf8")) as { finished: { reason: string } };
    expect(record.finished.reason).toBe("success");
    const late = await api.post("/api/v1/create_sampling_session", { session_id: s, sampling_session_seq_id: 0, base_model: "b", type: "create_sampling_session" });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { field: string }).field).toBe("session_id");
  });
});
