// Sampler weights against the emulator: a sampling client made from a save samples from the weights
// as they were at the save, not from the model's current weights.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors.js";
import { ModelInput } from "../../src/data/index.js";
import type { SamplingClient } from "../../src/sampling/sampling-client.js";
import type { TrainingClient } from "../../src/training/training-client.js";
import { BASE_MODEL, startHarness, type Harness } from "../training/emulator-harness.js";

const prompt = ModelInput.fromInts([11, 22, 33, 44, 55]);
const batch = [{ model_input: ModelInput.fromInts([11, 22, 33, 44]), loss_fn_inputs: { target_tokens: [22, 33, 44, 55], weights: [1, 1, 1, 1] } }];

async function train(tc: TrainingClient, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.all([tc.forwardBackward(batch, "cross_entropy"), tc.optimStep({ learning_rate: 0.1 })]);
}

const draw = (sc: SamplingClient) => sc.sample(prompt, { numSamples: 3, samplingParams: { max_tokens: 6, seed: 5, temperature: 1 } });
/** What was sampled, without the per-request sequence ids. */
const content = (r: Awaited<ReturnType<typeof draw>>) => r.sequences.map(({ sequence_id: _id, ...rest }) => rest);

describe("sampling from saved weights", () => {
  let h: Harness;
  let tc: TrainingClient;
  let named: SamplingClient;
  let unnamed: SamplingClient;
  let namedPath: string;
  let atSave: { logprobs: (number | null)[]; samples: Awaited<ReturnType<typeof draw>> };

  beforeAll(async () => {
    h = await startHarness();
    tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 4, seed: 3 });
    await train(tc, 2);
    namedPath = (await tc.saveWeightsForSampler("snap", { ttlSeconds: 7200 })).path;
    unnamed = await tc.saveWeightsAndGetSamplingClient();
    named = await h.service.createSamplingClient({ modelPath: namedPath });
    atSave = { logprobs: await unnamed.computeLogprobs(prompt), samples: await draw(unnamed) };
    await train(tc, 3);
  });
  afterAll(() => h.close());

  it("each sampled sequence carries the id the service gave it at submission", () => {
    expect(atSave.samples.sequences).toHaveLength(3);
    const ids = atSave.samples.sequences.map((s) => s.sequence_id);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it("the named save is a sampler_weights path of the model (its public response has a null type, as Python's)", async () => {
    expect(await tc.saveWeightsForSampler("again")).toEqual({ path: `tinker://${tc.modelId}/sampler_weights/again`, type: null });
    expect(namedPath).toBe(`tinker://${tc.modelId}/sampler_weights/snap`);
  });

  it("named and unnamed saves send tinker 0.38.0's bodies (unnamed saves share the session's sampling counter)", () => {
    const bodies = h.to("/api/v1/save_weights_for_sampler").map((r) => r.text).slice(0, 2);
    // 2 steps = seq 1..4
    expect(bodies).toEqual([
      `{"model_id":"${tc.modelId}","path":"snap","kind":"snapshot","seq_id":5,"ttl_seconds":7200,"type":"save_weights_for_sampler"}`,
      `{"model_id":"${tc.modelId}","sampling_session_seq_id":0,"kind":"snapshot","seq_id":6,"type":"save_weights_for_sampler"}`,
    ]);
    const sessions = h.to("/api/v1/create_sampling_session").map((r) => JSON.parse(r.text) as Record<string, unknown>);
    expect(sessions).toEqual([{ session_id: expect.any(String), sampling_session_seq_id: 1, model_path: namedPath, type: "create_sampling_session" }]);
  });

  it("after more training, both savers still answer with the saved weights", async () => {
    expect(await unnamed.computeLogprobs(prompt)).toEqual(atSave.logprobs);
    expect(await named.computeLogprobs(prompt)).toEqual(atSave.logprobs);
    expect(content(await draw(unnamed))).toEqual(content(atSave.samples));
    expect(content(await draw(named))).toEqual(content(atSave.samples));
  });

  it("while a fresh snapshot of the current weights answers differently", async () => {
    const now = await tc.saveWeightsAndGetSamplingClient();
    const current = await now.computeLogprobs(prompt);
    expect(current).toHaveLength(atSave.logprobs.length);
    expect(current).not.toEqual(atSave.logprobs);
    expect(current[0]).toBeNull();
  });

  it("sample requests carry the backpressure header and seq_id = the client's counter (from 0)", () => {
    const samples = h.to("/api/v1/asample");
    expect(samples.every((r) => r.headers["x-tinker-sampling-backpressure"] === "1")).toBe(true);
    const bySampler = new Map<string, number[]>();
    for (const r of samples) {
      const body = JSON.parse(r.text) as { sampling_session_id: string; seq_id: number };
      bySampler.set(body.sampling_session_id, [...(bySampler.get(body.sampling_session_id) ?? []), body.seq_id]);
    }
    for (const seqs of bySampler.values()) expect(seqs).toEqual(seqs.map((_, i) => i));
    expect(samples[0]?.text).toBe(
      `{"num_samples":1,"prompt":{"chunks":[{"tokens":[11,22,33,44,55],"type":"encoded_text"}]},"sampling_params":{"max_tokens":1,"temperature":1.0,"top_k":-1,"top_p":1.0},"sampling_session_id":"${unnamed.samplingSessionId}","seq_id":0,"prompt_logprobs":true,"topk_prompt_logprobs":0,"topk_sample_logprobs":0,"prompt_alt_tokens_k":0,"record_stability_info":false,"type":"sample"}`,
    );
  });

  it("a base-model sampler knows its base model; bad arguments are refused before any request", async () => {
    const base = await h.service.createSamplingClient({ baseModel: BASE_MODEL });
    expect(base.getBaseModel()).toBe(BASE_MODEL);
    expect(unnamed.getBaseModel()).toBe(BASE_MODEL);
    const requests = () => h.sent.filter((r) => r.path !== "/api/v1/session_heartbeat").length;
    const before = requests();
    expect(() => base.sample(prompt, { numSamples: 0 })).toThrow(ValidationError);
    expect(() => base.sample(prompt, { samplingParams: { temperature: Number.NaN } })).toThrow(/temperature/);
    expect(() => base.sample(prompt, { includePromptLogprobs: 1 as unknown as boolean })).toThrow(/includePromptLogprobs/);
    expect(() => tc.saveWeightsForSampler("a/b")).toThrow(ValidationError);
    expect(() => tc.saveWeightsForSampler("ok", { ttlSeconds: 60 })).toThrow(/ttlSeconds/);
    await expect(h.service.createSamplingClient({ modelPath: "weights/x" })).rejects.toThrow(ValidationError);
    expect(requests()).toBe(before);
    // null means the default (false), as undefined does.
    await expect(base.sample(prompt, { includePromptLogprobs: null as unknown as boolean, samplingParams: { max_tokens: 1 } })).resolves.toMatchObject({ sequences: [expect.any(Object)] });
    expect(h.to("/api/v1/asample").at(-1)?.text).toContain('"prompt_logprobs":false');
  });
});
