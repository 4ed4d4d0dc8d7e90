// Every expected string below is what tinker 0.38.0 puts on the wire for the same call: produced by
// running its pydantic request models through its own dump (model_dump(exclude_none=True,
// mode="json")) and httpx's compact JSON, in /work/pyref.
import { describe, expect, it } from "vitest";
import { ModelInput } from "../../src/data/index.js";
import { createSamplingSessionBody, sampleBody } from "../../src/sampling/request-bodies.js";
import {
  createModelBody,
  DEFAULT_ADAM_PARAMS,
  getInfoBody,
  loadWeightsBody,
  optimStepBody,
  saveWeightsBody,
  saveWeightsExternalBody,
  saveWeightsForSamplerBody,
} from "../../src/training/request-bodies.js";

describe("training request bodies are byte-for-byte tinker 0.38.0's", () => {
  it("optim_step reuses the Adam JSON only for equal parameters (-0 and 0 differ)", () => {
    const adam = { ...DEFAULT_ADAM_PARAMS };
    expect(optimStepBody("m", 1, adam)).toContain('"weight_decay":0.0,');
    adam.weight_decay = -0;
    expect(optimStepBody("m", 2, adam)).toContain('"weight_decay":-0.0,');
    adam.learning_rate = 0.5;
    expect(optimStepBody("m", 3, adam)).toContain('"learning_rate":0.5,');
    expect(optimStepBody('m"x', 4, DEFAULT_ADAM_PARAMS)).toBe(
      '{"model_id":"m\\"x","seq_id":4,"type":"optim_step","adam_params":{"learning_rate":0.0001,"beta1":0.9,"beta2":0.95,"eps":1e-12,"weight_decay":0.0,"grad_clip_norm":0.0}}',
    );
  });

  it("optim_step puts adam_params last, every field written as a Python float", () => {
    expect(optimStepBody("m", 2, DEFAULT_ADAM_PARAMS)).toBe(
      '{"model_id":"m","seq_id":2,"type":"optim_step","adam_params":{"learning_rate":0.0001,"beta1":0.9,"beta2":0.95,"eps":1e-12,"weight_decay":0.0,"grad_clip_norm":0.0}}',
    );
    expect(optimStepBody("m", 2, { learning_rate: 1e-5, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01, grad_clip_norm: 1 })).toBe(
      '{"model_id":"m","seq_id":2,"type":"optim_step","adam_params":{"learning_rate":1e-05,"beta1":0.9,"beta2":0.999,"eps":1e-08,"weight_decay":0.01,"grad_clip_norm":1.0}}',
    );
  });

  it("save_weights always sends overwrite; ttl and metadata only when given", () => {
    expect(saveWeightsBody({ modelId: "m", name: "n", seqId: 3, overwrite: false })).toBe(
      '{"model_id":"m","path":"n","seq_id":3,"overwrite":false,"type":"save_weights"}',
    );
    expect(saveWeightsBody({ modelId: "m", name: "n", seqId: 3, ttlSeconds: 7200, overwrite: true, userMetadata: { k: "v" } })).toBe(
      '{"model_id":"m","path":"n","seq_id":3,"ttl_seconds":7200,"overwrite":true,"user_metadata":{"k":"v"},"type":"save_weights"}',
    );
  });

  it("save_weights_for_sampler: named carries path, unnamed the sampling_session_seq_id; kind snapshot always", () => {
    expect(saveWeightsForSamplerBody({ modelId: "m", target: { name: "n" }, seqId: 4 })).toBe(
      '{"model_id":"m","path":"n","kind":"snapshot","seq_id":4,"type":"save_weights_for_sampler"}',
    );
    expect(saveWeightsForSamplerBody({ modelId: "m", target: { name: "n" }, seqId: 4, ttlSeconds: 3600, userMetadata: { k: "v" } })).toBe(
      '{"model_id":"m","path":"n","kind":"snapshot","seq_id":4,"ttl_seconds":3600,"user_metadata":{"k":"v"},"type":"save_weights_for_sampler"}',
    );
    expect(saveWeightsForSamplerBody({ modelId: "m", target: { samplingSessionSeqId: 2 }, seqId: 4 })).toBe(
      '{"model_id":"m","sampling_session_seq_id":2,"kind":"snapshot","seq_id":4,"type":"save_weights_for_sampler"}',
    );
    expect(saveWeightsForSamplerBody({ modelId: "m", target: { samplingSessionSeqId: 2 }, seqId: 4, ttlSeconds: 7200, userMetadata: { a: "b" } })).toBe(
      '{"model_id":"m","sampling_session_seq_id":2,"kind":"snapshot","seq_id":4,"ttl_seconds":7200,"user_metadata":{"a":"b"},"type":"save_weights_for_sampler"}',
    );
  });

  it("load_weights in both addressings, with optimizer (never load_optimizer_state)", () => {
    expect(loadWeightsBody({ modelId: "m", seqId: 1, path: "tinker://r/weights/x", optimizer: false })).toBe(
      '{"model_id":"m","seq_id":1,"path":"tinker://r/weights/x","optimizer":false,"type":"load_weights"}',
    );
    expect(loadWeightsBody({ modelId: "m", seqId: 1, path: "tinker://r/weights/x", optimizer: true, weightsAccessToken: "tok" })).toBe(
      '{"model_id":"m","seq_id":1,"path":"tinker://r/weights/x","optimizer":true,"weights_access_token":"tok","type":"load_weights"}',
    );
    expect(loadWeightsBody({ sessionId: "s", modelSeqId: 0, path: "tinker://r/weights/x", optimizer: false })).toBe(
      '{"session_id":"s","model_seq_id":0,"path":"tinker://r/weights/x","optimizer":false,"type":"load_weights"}',
    );
    expect(
      loadWeightsBody({ sessionId: "s", modelSeqId: 0, baseModel: "B", userMetadata: { a: "b" }, path: "tinker://r/weights/x", optimizer: true, weightsAccessToken: "t" }),
    ).toBe('{"session_id":"s","model_seq_id":0,"base_model":"B","user_metadata":{"a":"b"},"path":"tinker://r/weights/x","optimizer":true,"weights_access_token":"t","type":"load_weights"}');
  });

  it("create_model sends every LoRA flag, the seed only when given, and the adamw optimizer_config", () => {
    expect(createModelBody({ sessionId: "s", modelSeqId: 0, baseModel: "B", lora: { rank: 32, trainUnembed: true, trainMlp: true, trainAttn: true } })).toBe(
      '{"session_id":"s","model_seq_id":0,"base_model":"B","lora_config":{"rank":32,"train_unembed":true,"train_mlp":true,"train_attn":true},"optimizer_config":{"type":"adamw"},"type":"create_model"}',
    );
    expect(
      createModelBody({ sessionId: "s", modelSeqId: 0, baseModel: "B", userMetadata: { a: "b" }, lora: { rank: 8, seed: 3, trainUnembed: true, trainMlp: false, trainAttn: true } }),
    ).toBe(
      '{"session_id":"s","model_seq_id":0,"base_model":"B","user_metadata":{"a":"b"},"lora_config":{"rank":8,"seed":3,"train_unembed":true,"train_mlp":false,"train_attn":true},"optimizer_config":{"type":"adamw"},"type":"create_model"}',
    );
  });

  it("save_weights_external: ttl and encryption recipients only when given", () => {
    expect(saveWeightsExternalBody({ modelId: "m", name: "n", seqId: 2 })).toBe('{"model_id":"m","path":"n","seq_id":2,"type":"save_weights_external"}');
    expect(saveWeightsExternalBody({ modelId: "m", name: "n", seqId: 2, ttlSeconds: 7200, ageEncryptionRecipients: ["age1x"] })).toBe(
      '{"model_id":"m","path":"n","seq_id":2,"ttl_seconds":7200,"age_encryption_recipients":["age1x"],"type":"save_weights_external"}',
    );
  });

  it("get_info", () => {
    expect(getInfoBody("m")).toBe('{"model_id":"m","type":"get_info"}');
  });
});

describe("sampling request bodies are byte-for-byte tinker 0.38.0's", () => {
  it("sample with default params", () => {
    expect(
      sampleBody({ numSamples: 1, prompt: ModelInput.fromInts([1, 2, 3]), samplingParams: {}, samplingSessionId: "x", seqId: 0, includePromptLogprobs: false, topkPromptLogprobs: 0 }),
    ).toBe(
      '{"num_samples":1,"prompt":{"chunks":[{"tokens":[1,2,3],"type":"encoded_text"}]},"sampling_params":{"temperature":1.0,"top_k":-1,"top_p":1.0},"sampling_session_id":"x","seq_id":0,"prompt_logprobs":false,"topk_prompt_logprobs":0,"topk_sample_logprobs":0,"prompt_alt_tokens_k":0,"record_stability_info":false,"type":"sample"}',
    );
  });

  it("sample with every sampling param; nulls left out like exclude_none", () => {
    expect(
      sampleBody({
        numSamples: 2,
        prompt: { chunks: [{ tokens: [1], type: "encoded_text" }] },
        samplingParams: { max_tokens: 5, seed: 3, stop: [1, 2], temperature: 1, top_k: 3, top_p: 0.5 },
        samplingSessionId: "x",
        seqId: 7,
        includePromptLogprobs: true,
        topkPromptLogprobs: 4,
      }),
    ).toBe(
      '{"num_samples":2,"prompt":{"chunks":[{"tokens":[1],"type":"encoded_text"}]},"sampling_params":{"max_tokens":5,"seed":3,"stop":[1,2],"temperature":1.0,"top_k":3,"top_p":0.5},"sampling_session_id":"x","seq_id":7,"prompt_logprobs":true,"topk_prompt_logprobs":4,"topk_sample_logprobs":0,"prompt_alt_tokens_k":0,"record_stability_info":false,"type":"sample"}',
    );
    const imagePrompt = { chunks: [{ data: "AAE=", format: "png", expected_tokens: null, type: "image" }] } as unknown as Parameters<typeof sampleBody>[0]["prompt"];
    expect(sampleBody({ numSamples: 1, prompt: imagePrompt, samplingParams: {}, samplingSessionId: "x", seqId: 0, includePromptLogprobs: false, topkPromptLogprobs: 0 })).toContain(
      '"prompt":{"chunks":[{"data":"AAE=","format":"png","type":"image"}]}',
    );
    expect(sampleBody({ numSamples: 1, prompt: ModelInput.fromInts([1]), samplingParams: { max_tokens: null, stop: null }, samplingSessionId: "x", seqId: 0, includePromptLogprobs: false, topkPromptLogprobs: 0 })).toContain(
      '"sampling_params":{"temperature":1.0,"top_k":-1,"top_p":1.0}',
    );
  });

  it("create_sampling_session by base model or by path", () => {
    expect(createSamplingSessionBody("s", 1, { baseModel: "B" })).toBe('{"session_id":"s","sampling_session_seq_id":1,"base_model":"B","type":"create_sampling_session"}');
    expect(createSamplingSessionBody("s", 1, { modelPath: "tinker://a/sampler_weights/b" })).toBe(
      '{"session_id":"s","sampling_session_seq_id":1,"model_path":"tinker://a/sampler_weights/b","type":"create_sampling_session"}',
    );
  });
});
