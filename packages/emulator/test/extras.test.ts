import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, startApi } from "./helpers.js";

let api: Api;
let sessionId: string;
let modelId: string;
let path: string;

beforeAll(async () => {
  api = await startApi();
  sessionId = await api.session();
  modelId = await api.createModel(sessionId);
  const f = await api.postJson<{ request_id: string }>("/api/v1/save_weights", { model_id: modelId, path: "src", seq_id: 1, overwrite: false, type: "save_weights" });
  path = (await api.result<{ path: string }>(f.request_id)).path;
});
afterAll(async () => {
  await api.emulator.close();
});

describe("0.38.0 additions", () => {
  it("copy_weights copies a checkpoint into a new run, once per idempotency key", async () => {
    const headers = { "x-idempotency-key": "k-1" };
    const body = { source_path: path, destination_project_id: "proj-archive", ttl_seconds: 7200 };
    const first = await api.postJson<{ tinker_path: string }>("/api/v1/copy_weights", body, headers);
    const again = await api.postJson<{ tinker_path: string }>("/api/v1/copy_weights", body, headers);
    expect(again.tinker_path).toBe(first.tinker_path);
    expect(first.tinker_path).toMatch(/^tinker:\/\/copy-[^/]+\/weights\/src$/);
    const load = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { session_id: sessionId, model_seq_id: 5, path: first.tinker_path, optimizer: true, type: "load_weights" });
    expect((await api.result(load.request_id))["model_id"]).toBe(`${sessionId}:train:5`);
    const missing = await api.post("/api/v1/copy_weights", { source_path: `tinker://${modelId}/weights/none`, destination_project_id: "p" });
    expect(missing.status).toBe(404);
  });

  it("copy_weights and weights_info read another user's private checkpoint only with the owner's access token", async () => {
    const other = { "x-api-key": "tml-someone-else" };
    expect((await api.post("/api/v1/weights_info", { tinker_path: path }, other)).status).toBe(404);
    expect((await api.post("/api/v1/copy_weights", { source_path: path, destination_project_id: "p" }, other)).status).toBe(404);
    const copied = await api.postJson<{ tinker_path: string }>("/api/v1/copy_weights", { source_path: path, destination_project_id: "p" }, { ...other, "x-tinker-weights-access-token": api.emulator.apiKey });
    expect(copied.tinker_path).toMatch(/^tinker:\/\/copy-[^/]+\/weights\/src$/);
    expect((await api.post("/api/v1/weights_info", { tinker_path: copied.tinker_path }, other)).status).toBe(200);
  });

  it("retrieve_futures long-polls the sampling session's completions with a cursor", async () => {
    const ss = await api.postJson<{ sampling_session_id: string }>("/api/v1/create_sampling_session", { session_id: sessionId, sampling_session_seq_id: 0, base_model: "Qwen/Qwen3-8B", type: "create_sampling_session" });
    const target = { type: "sampling_session", sampling_session_id: ss.sampling_session_id, cloned_sampler_id: 0 };
    const sample = await api.postJson<{ request_id: string }>("/api/v1/asample", {
      num_samples: 1, prompt: { chunks: [{ tokens: [1], type: "encoded_text" }] }, sampling_params: { max_tokens: 2, seed: 1, temperature: 1, top_k: -1, top_p: 1 },
      sampling_session_id: ss.sampling_session_id, seq_id: 0, prompt_logprobs: false, topk_prompt_logprobs: 0, topk_sample_logprobs: 0, prompt_alt_tokens_k: 0, type: "sample",
    });
    const polled = await api.postJson<{ completions: Array<Record<string, unknown>>; cursor: number }>("/api/v1/retrieve_futures", { target, prev_cursor: 0, retrieved_request_ids: [] });
    expect(polled.completions).toHaveLength(1);
    expect(polled.completions[0]).toMatchObject({ state: "finished", request_id: sample.request_id });
    expect(polled.completions[0]!["response_payload_uncompressed_size"]).toBeGreaterThan(0);
    expect(polled.cursor).toBe(1);
    const empty = await api.postJson<{ completions: unknown[]; cursor: number }>("/api/v1/retrieve_futures", { target, prev_cursor: 1, timeout: 0, retrieved_request_ids: [sample.request_id] });
    expect(empty).toEqual({ completions: [], cursor: 1 });
    const joined = await api.postJson("/api/v1/join_sampling_session", { sampling_session_id: ss.sampling_session_id, type: "join_sampling_session" });
    expect(joined["client_counter"]).toBe(1);
  });

  it("assigns a session's project (filters training_runs), exports a trace, and logs checkpoint events", async () => {
    expect((await api.send("PUT", `/api/v1/sessions/${sessionId}/project`, { project_id: "proj-7" })).status).toBe(200);
    const runs = (await (await api.get("/api/v1/training_runs?project_id=proj-7")).json()) as { training_runs: Array<{ training_run_id: string }> };
    expect(runs.training_runs.map((r) => r.training_run_id)).toContain(modelId);
    const none = (await (await api.get("/api/v1/training_runs?project_id=other")).json()) as { training_runs: unknown[] };
    expect(none.training_runs).toEqual([]);
    const trace = (await (await api.get(`/api/v1/sessions/${sessionId}/trace_export`)).json()) as { status: string; url: string };
    expect(trace.status).toBe("ready");
    const audit = (await (await api.get("/api/v1/audit?event_type=checkpoints")).json()) as { entries: Array<{ event: string; tinker_path: string }> };
    expect(audit.entries.some((e) => e.event === "checkpoint_saved" && e.tinker_path === path)).toBe(true);
    const storage = (await (await api.get("/api/v1/billing/usage/checkpoints/current")).json()) as { data: Array<{ checkpoint_count: number; size_bytes: number }> };
    expect(storage.data[0]!.checkpoint_count).toBeGreaterThanOrEqual(2);
  });

  it("verifies and deletes the presented API key", async () => {
    const key = { "x-api-key": "tml-doomed" };
    expect((await api.get("/api/v1/auth/apikey/me", key)).status).toBe(200);
    expect((await api.send("DELETE", "/api/v1/auth/apikey/me", undefined, key)).status).toBe(200);
    expect((await api.get("/api/v1/auth/apikey/me", key)).status).toBe(401);
  });

  it("searches sessions newest first with a cursor, by status and metadata", async () => {
    const key = { "x-api-key": "tml-searcher" };
    const make = async (meta: Record<string, string>): Promise<string> =>
      (await api.postJson<{ session_id: string }>("/api/v1/create_session", { tags: [], user_metadata: meta, sdk_version: "0.38.0", type: "create_session" }, key)).session_id;
    const a = await make({ team: "x" });
    const b = await make({ team: "y" });
    const c = await make({ team: "x" });
    await api.post(`/api/v1/sessions/${b}/finish`, { reason: { type: "errored" }, detail: "boom" }, key);
    const search = (extra: Record<string, unknown>) => api.postJson<{ sessions: Array<{ session_id: string; status: { type: string } }>; next_cursor: Record<string, string> | null }>("/api/v1/sessions/search", { user_metadata: {}, owner: { type: "own" }, limit: 10, ...extra }, key);
    const all = await search({});
    expect(new Set(all.sessions.map((s) => s.session_id))).toEqual(new Set([a, b, c]));
    expect(all.next_cursor).toBeNull();
    const first = await search({ limit: 2 });
    expect(first.sessions).toHaveLength(2);
    const rest = await search({ limit: 2, cursor: first.next_cursor });
    expect([...first.sessions, ...rest.sessions].map((s) => s.session_id)).toEqual(all.sessions.map((s) => s.session_id));
    expect((await search({ user_metadata: { team: "x" } })).sessions.map((s) => s.session_id).sort()).toEqual([a, c].sort());
    const finished = await search({ statuses: [{ type: "client_finished", reasons: ["errored"] }] });
    expect(finished.sessions.map((s) => [s.session_id, s.status.type])).toEqual([[b, "client_finished"]]);
    expect((await search({ statuses: [{ type: "active" }] })).sessions).toHaveLength(2);
  });
});
