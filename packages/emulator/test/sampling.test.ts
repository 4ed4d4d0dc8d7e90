import { fromBinary } from "@bufbuild/protobuf";
import { SampleResponseSchema, StopReason } from "@tinker-ts/types/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, BATCH, forwardBackward, optimStep, startApi } from "./helpers.js";

let api: Api;
let sessionId: string;
let samplerId: string;
let modelId: string;

beforeAll(async () => {
  api = await startApi();
  sessionId = await api.session();
  modelId = await api.createModel(sessionId);
  await forwardBackward(api, modelId, 1, BATCH);
  await optimStep(api, modelId, 2);
  const saved = await api.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: modelId, path: "for-sampling", kind: "snapshot", seq_id: 3, type: "save_weights_for_sampler" });
  const path = (await api.result<{ path: string }>(saved.request_id)).path;
  const session = await api.postJson<{ sampling_session_id: string }>("/api/v1/create_sampling_session", { session_id: sessionId, sampling_session_seq_id: 0, model_path: path, type: "create_sampling_session" });
  samplerId = session.sampling_session_id;
});
afterAll(async () => {
  await api.emulator.close();
});

interface JsonSample {
  sequences: Array<{ tokens: number[]; logprobs: number[]; stop_reason: string }>;
  prompt_logprobs?: Array<number | null>;
  topk_prompt_logprobs?: Array<Array<[number, number]> | null>;
}

async function sample(params: Record<string, unknown>, extra: Record<string, unknown> = {}, sampler = samplerId): Promise<{ future: Record<string, unknown>; result: JsonSample }> {
  const future = await api.postJson("/api/v1/asample", {
    num_samples: 2,
    prompt: { chunks: [{ tokens: [72, 105], type: "encoded_text" }] },
    sampling_params: { temperature: 1.0, top_k: -1, top_p: 1.0, ...params },
    sampling_session_id: sampler,
    seq_id: 0,
    prompt_logprobs: false,
    topk_prompt_logprobs: 0,
    topk_sample_logprobs: 0,
    prompt_alt_tokens_k: 0,
    record_stability_info: false,
    type: "sample",
    ...extra,
  });
  return { future, result: await api.result<JsonSample>(future["request_id"] as string) };
}

describe("asample", () => {
  it("is deterministic for a seed, differs across seeds, and returns one sequence id per sample", async () => {
    const a = await sample({ max_tokens: 8, seed: 123 });
    const b = await sample({ max_tokens: 8, seed: 123 });
    const c = await sample({ max_tokens: 8, seed: 124 });
    expect(b.result.sequences).toEqual(a.result.sequences);
    expect(c.result.sequences).not.toEqual(a.result.sequences);
    expect(a.result.sequences).toHaveLength(2);
    expect(a.result.sequences[0]!.tokens).toHaveLength(8);
    expect(a.result.sequences[0]!.stop_reason).toBe("length");
    expect(a.future["sample_sequence_ids"]).toHaveLength(2);
  });

  it("honours stop tokens, top_k=1 (greedy) and temperature", async () => {
    const greedy1 = await sample({ max_tokens: 6, seed: 1, top_k: 1 });
    const greedy2 = await sample({ max_tokens: 6, seed: 2, top_k: 1 });
    expect(greedy2.result.sequences).toEqual(greedy1.result.sequences);
    const firstToken = greedy1.result.sequences[0]!.tokens[0]!;
    const stopped = await sample({ max_tokens: 6, seed: 1, top_k: 1, stop: [firstToken] });
    expect(stopped.result.sequences[0]!.tokens).toEqual([firstToken]);
    expect(stopped.result.sequences[0]!.stop_reason).toBe("stop");
    const hot = await sample({ max_tokens: 6, seed: 1, temperature: 5 });
    const cold = await sample({ max_tokens: 6, seed: 1, temperature: 0.2 });
    expect(hot.result.sequences[0]!.logprobs[0]).not.toBe(cold.result.sequences[0]!.logprobs[0]);
  });

  it("returns prompt logprobs (first position null) and top-k prompt logprobs", async () => {
    const r = await sample({ max_tokens: 1, seed: 1 }, { prompt_logprobs: true, topk_prompt_logprobs: 3 });
    expect(r.result.prompt_logprobs).toHaveLength(2);
    expect(r.result.prompt_logprobs![0]).toBeNull();
    expect(r.result.prompt_logprobs![1]).toBeLessThan(0);
    expect(r.result.topk_prompt_logprobs![0]).toBeNull();
    const row = r.result.topk_prompt_logprobs![1]!;
    expect(row).toHaveLength(3);
    expect(row[0]![1]).toBeGreaterThanOrEqual(row[1]![1]);
    expect(row[0]![1]).toBeGreaterThanOrEqual(r.result.prompt_logprobs![1]!);
  });

  it("answers protobuf when the client accepts it", async () => {
    const future = await api.postJson<{ request_id: string }>("/api/v1/asample", {
      num_samples: 1,
      prompt: { chunks: [{ tokens: [1, 2], type: "encoded_text" }] },
      sampling_params: { max_tokens: 3, seed: 5, temperature: 1.0, top_k: -1, top_p: 0.9 },
      sampling_session_id: samplerId,
      seq_id: 1,
      prompt_logprobs: true,
      topk_prompt_logprobs: 0,
      topk_sample_logprobs: 0,
      prompt_alt_tokens_k: 0,
      type: "sample",
    });
    const message = fromBinary(SampleResponseSchema, await api.resultProto(future.request_id));
    expect(message.sequences).toHaveLength(1);
    expect(message.sequences[0]!.tokens.byteLength).toBe(12);
    expect(message.sequences[0]!.stopReason).toBe(StopReason.LENGTH);
    const prompt = new Float32Array(message.promptLogprobs!.slice().buffer);
    expect(Number.isNaN(prompt[0])).toBe(true);
  });

  it("samples from an unnamed save (save_weights_and_get_sampling_client) and from a base model", async () => {
    const unnamed = await api.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: modelId, sampling_session_seq_id: 1, kind: "snapshot", seq_id: 4, type: "save_weights_for_sampler" });
    const result = await api.result<{ sampling_session_id: string; path: string | null }>(unnamed.request_id);
    expect(result.sampling_session_id).toBe(`${sessionId}:sample:1`);
    const fromSnapshot = await sample({ max_tokens: 4, seed: 9 }, {}, result.sampling_session_id);
    const fromNamed = await sample({ max_tokens: 4, seed: 9 });
    expect(fromSnapshot.result.sequences).toEqual(fromNamed.result.sequences);
    const sampler = (await (await api.get(`/api/v1/samplers/${result.sampling_session_id}`)).json()) as Record<string, unknown>;
    expect(sampler["base_model"]).toBe("Qwen/Qwen3-8B");

    const base = await api.postJson<{ sampling_session_id: string }>("/api/v1/create_sampling_session", { session_id: sessionId, sampling_session_seq_id: 2, base_model: "Qwen/Qwen3-8B", type: "create_sampling_session" });
    const fromBase = await sample({ max_tokens: 4, seed: 9 }, {}, base.sampling_session_id);
    expect(fromBase.result.sequences).not.toEqual(fromNamed.result.sequences);
  });

  it("rejects an unknown sampling session with 404", async () => {
    const res = await api.post("/api/v1/asample", {
      num_samples: 1,
      prompt: { chunks: [{ tokens: [1], type: "encoded_text" }] },
      sampling_params: { temperature: 1, top_k: -1, top_p: 1 },
      sampling_session_id: "nope:sample:0",
      topk_prompt_logprobs: 0,
      topk_sample_logprobs: 0,
      prompt_alt_tokens_k: 0,
      type: "sample",
    });
    expect(res.status).toBe(404);
  });
});

describe("sampling options", () => {
  it("stops on a stop string (byte tokens decode as text)", async () => {
    for (let start = 0; start < 64; start++) {
      const greedy = await sample({ max_tokens: 16, seed: 1, top_k: 1 }, { prompt: { chunks: [{ tokens: [start], type: "encoded_text" }] } });
      const tokens = greedy.result.sequences[0]!.tokens;
      const at = tokens.findIndex((t) => t >= 32 && t < 127);
      if (at < 0) continue;
      const stop = String.fromCharCode(tokens[at]!);
      const stopped = await sample({ max_tokens: 16, seed: 1, top_k: 1, stop: [stop] }, { prompt: { chunks: [{ tokens: [start], type: "encoded_text" }] } });
      expect(stopped.result.sequences[0]!.tokens).toEqual(tokens.slice(0, at + 1));
      expect(stopped.result.sequences[0]!.stop_reason).toBe("stop");
      return;
    }
    throw new Error("no prompt produced a printable byte token");
  });

  it("a tiny top_p keeps only the most likely token (same as top_k=1)", async () => {
    const nucleus = await sample({ max_tokens: 6, seed: 3, top_p: 1e-9 });
    const greedy = await sample({ max_tokens: 6, seed: 4, top_k: 1 });
    expect(nucleus.result.sequences[0]!.tokens).toEqual(greedy.result.sequences[0]!.tokens);
  });

  it("answers forward_backward results as JSON TensorData when protobuf is not accepted", async () => {
    const { fwdBwdBody } = await import("./helpers.js");
    const res = await api.post("/api/v1/forward_backward", fwdBwdBody(modelId, 5, [{ tokens: [1, 2], targets: [2, 3] }], { forwardOnly: true }), { "content-type": "application/x-protobuf" });
    const { request_id } = (await res.json()) as { request_id: string };
    const out = await api.result<{ loss_fn_outputs: Array<Record<string, { data: number[]; dtype: string; shape: number[] }>>; metrics: Record<string, number> }>(request_id);
    expect(out.loss_fn_outputs[0]!["logprobs"]!.dtype).toBe("float32");
    expect(out.loss_fn_outputs[0]!["logprobs"]!.shape).toEqual([2]);
    const sum = out.loss_fn_outputs[0]!["logprobs"]!.data.reduce((a, b) => a + b, 0);
    expect(out.metrics["loss:sum"]).toBeCloseTo(-sum, 4);
  });
});

describe("skipModel", () => {
  it("answers with the right shapes and no model work", async () => {
    const fast = await startApi({ skipModel: true });
    try {
      const s = await fast.session();
      const m = await fast.createModel(s);
      const out = await forwardBackward(fast, m, 1, BATCH);
      expect(out.logprobs.map((l) => l.length)).toEqual([5, 5, 3]);
      expect(out.loss).toBe(0);
      const ss = await fast.postJson<{ sampling_session_id: string }>("/api/v1/create_sampling_session", { session_id: s, sampling_session_seq_id: 0, base_model: "b", type: "create_sampling_session" });
      const f = await fast.postJson<{ request_id: string }>("/api/v1/asample", {
        num_samples: 2, prompt: { chunks: [{ tokens: [1, 2, 3], type: "encoded_text" }] }, sampling_params: { max_tokens: 4, temperature: 1, top_k: -1, top_p: 1 },
        sampling_session_id: ss.sampling_session_id, seq_id: 0, prompt_logprobs: true, topk_prompt_logprobs: 0, topk_sample_logprobs: 0, prompt_alt_tokens_k: 0, type: "sample",
      });
      const r = await fast.result<JsonSample>(f.request_id);
      expect(r.sequences.map((q) => q.tokens.length)).toEqual([4, 4]);
      expect(r.prompt_logprobs).toEqual([null, 0, 0]);
    } finally {
      await fast.emulator.close();
    }
  });
});

describe("image chunks", () => {
  it("stand for expected_tokens placeholder tokens fixed by the image", async () => {
    const image = { data: Buffer.from("fake-png-bytes").toString("base64"), format: "png", expected_tokens: 3, type: "image" };
    const withImage = async (chunk: Record<string, unknown>) =>
      sample({ max_tokens: 1, seed: 1 }, { prompt: { chunks: [{ tokens: [1], type: "encoded_text" }, chunk] }, prompt_logprobs: true });
    const a = await withImage(image);
    const b = await withImage(image);
    const other = await withImage({ ...image, data: Buffer.from("another").toString("base64") });
    expect(a.result.prompt_logprobs).toHaveLength(4);
    expect(b.result.prompt_logprobs).toEqual(a.result.prompt_logprobs);
    expect(other.result.prompt_logprobs).not.toEqual(a.result.prompt_logprobs);
    const missing = await api.post("/api/v1/asample", {
      num_samples: 1, prompt: { chunks: [{ data: image.data, format: "png", type: "image" }] }, sampling_params: { temperature: 1, top_k: -1, top_p: 1 },
      sampling_session_id: samplerId, topk_prompt_logprobs: 0, topk_sample_logprobs: 0, prompt_alt_tokens_k: 0, type: "sample",
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { field: string }).field).toBe("expected_tokens");
  });
});
