// Bodies that must NOT pass: the seed's broken checkpoint load and its relatives. A wrong field name
// has to be caught here, with a message that names the field, before any request is sent.
import { describe, expect, it } from "vitest";
import { check } from "./helpers/validator.js";

const path = "tinker://r/weights/x";

describe("LoadWeightsRequest", () => {
  it("rejects the seed's body, naming load_optimizer_state and the missing optimizer", () => {
    const seed = { model_id: "m", path, seq_id: 1, load_optimizer_state: true, type: "load_weights" };
    const { ok, problems } = check("LoadWeightsRequest", seed);
    expect(ok).toBe(false);
    expect(problems).toContain('(body): unexpected property "load_optimizer_state"');
    expect(problems).toContain('(body): missing required property "optimizer"');
  });

  it("rejects a body with neither addressing", () => {
    const { ok, problems } = check("LoadWeightsRequest", { path, optimizer: false, type: "load_weights" });
    expect(ok).toBe(false);
    expect(problems).toContain('(body): missing required property "model_id"');
    expect(problems).toContain('(body): missing required property "session_id"');
  });

  it("rejects a body with both addressings", () => {
    const body = { model_id: "m", seq_id: 1, session_id: "s", model_seq_id: 0, path, optimizer: true, type: "load_weights" };
    const { ok, problems } = check("LoadWeightsRequest", body);
    expect(ok).toBe(false);
    expect(problems).toEqual(expect.arrayContaining(["/session_id: must not be present", "/model_id: must not be present"]));
  });

  it("rejects half an addressing", () => {
    expect(check("LoadWeightsRequest", { model_id: "m", path, optimizer: true, type: "load_weights" }).problems).toContain(
      '(body): missing required property "seq_id"',
    );
    expect(check("LoadWeightsRequest", { session_id: "s", path, optimizer: true, type: "load_weights" }).problems).toContain(
      '(body): missing required property "model_seq_id"',
    );
  });

  it("rejects a path that is not a tinker:// checkpoint path", () => {
    for (const bad of ["r/weights/x", "tinker://r/x", "tinker://r/checkpoints/x", "tinker://r/weights/x/y"]) {
      const body = { model_id: "m", seq_id: 1, path: bad, optimizer: false, type: "load_weights" };
      expect(check("LoadWeightsRequest", body).problems, bad).toEqual([expect.stringMatching(/^\/path: must match pattern/)]);
    }
  });

  it("rejects a wrong type literal and a null optional field", () => {
    const wrongType = { model_id: "m", seq_id: 1, path, optimizer: false, type: "save_weights" };
    expect(check("LoadWeightsRequest", wrongType).problems).toEqual(["/type: must be equal to constant"]);
    const nullToken = { model_id: "m", seq_id: 1, path, optimizer: false, weights_access_token: null, type: "load_weights" };
    expect(check("LoadWeightsRequest", nullToken).ok).toBe(false);
  });
});

describe("other weights requests", () => {
  it("SaveWeightsRequest needs overwrite and takes a name, not a URI", () => {
    expect(check("SaveWeightsRequest", { model_id: "m", path: "ckpt", seq_id: 1, type: "save_weights" }).problems).toEqual([
      '(body): missing required property "overwrite"',
    ]);
    const uri = { model_id: "m", path: "tinker://r/weights/ckpt", seq_id: 1, overwrite: false, type: "save_weights" };
    expect(check("SaveWeightsRequest", uri).problems).toEqual([expect.stringMatching(/^\/path: must match pattern/)]);
  });

  it("SaveWeightsRequest rejects a TTL under one hour", () => {
    const body = { model_id: "m", path: "ckpt", ttl_seconds: 60, overwrite: false, type: "save_weights" };
    expect(check("SaveWeightsRequest", body).problems).toEqual(["/ttl_seconds: must be >= 3600"]);
  });

  it("SaveWeightsForSamplerRequest takes exactly one of path and sampling_session_seq_id", () => {
    const both = { model_id: "m", path: "s", sampling_session_seq_id: 1, type: "save_weights_for_sampler" };
    expect(check("SaveWeightsForSamplerRequest", both).ok).toBe(false);
    const neither = { model_id: "m", seq_id: 1, type: "save_weights_for_sampler" };
    expect(check("SaveWeightsForSamplerRequest", neither).ok).toBe(false);
  });

  it("OptimStepRequest takes exactly one of adam_params and optimizer_params", () => {
    const adam = { learning_rate: 0.0001, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0, grad_clip_norm: 0 };
    expect(check("OptimStepRequest", { model_id: "m", seq_id: 1, type: "optim_step" }).ok).toBe(false);
    const both = { model_id: "m", type: "optim_step", adam_params: adam, optimizer_params: { type: "dimuon", learning_rate: 1, grad_clip_norm: 0, beta1: 0.9 } };
    expect(check("OptimStepRequest", both).ok).toBe(false);
    const partial = { model_id: "m", type: "optim_step", adam_params: { learning_rate: 0.1 } };
    expect(check("OptimStepRequest", partial).problems).toContain('/adam_params: missing required property "beta1"');
  });

  it("SetCheckpointTtlRequest requires ttl_seconds, null included", () => {
    expect(check("SetCheckpointTtlRequest", { ttl_seconds: null }).ok).toBe(true);
    expect(check("SetCheckpointTtlRequest", {}).problems).toEqual(['(body): missing required property "ttl_seconds"']);
  });
});

describe("CreateSamplingSessionRequest", () => {
  it("needs a base model or a sampler checkpoint path", () => {
    const base = { session_id: "s", sampling_session_seq_id: 0, type: "create_sampling_session" };
    expect(check("CreateSamplingSessionRequest", base).ok).toBe(false);
    expect(check("CreateSamplingSessionRequest", { ...base, model_path: "s3://x" }).problems).toContainEqual(
      expect.stringMatching(/^\/model_path: must match pattern/),
    );
    expect(check("CreateSamplingSessionRequest", { ...base, base_model: "Qwen/Qwen3-8B" }).ok).toBe(true);
  });
});

describe("response schemas", () => {
  it("tolerate fields they do not know", () => {
    expect(check("SaveWeightsResponse", { path: "tinker://r/weights/x", type: "save_weights", extra: 1 }).ok).toBe(true);
    expect(check("GetInfoResponse", { model_id: "m", model_data: { future_field: true }, type: null }).ok).toBe(true);
  });

  it("classify retrieve_future answers", () => {
    expect(check("TryAgainResponse", { type: "try_again", request_id: "r", queue_state: "paused_capacity" }).ok).toBe(true);
    expect(check("TryAgainResponse", { type: "try_again", request_id: "r", queue_state: "busy" }).ok).toBe(false);
    expect(check("RequestFailedResponse", { error: "boom", category: "user" }).ok).toBe(true);
    expect(check("CompleteMetadataResponse", { status: "complete_metadata", response_payload_size: 10 }).ok).toBe(true);
    for (const answer of [
      { type: "try_again", request_id: "r", queue_state: "active" },
      { status: "complete_metadata", response_payload_size: 10 },
      { error: "boom", category: "server" },
      { path: "tinker://r/weights/x", type: "save_weights" },
    ]) {
      expect(check("FutureRetrieveResponse", answer).ok, JSON.stringify(answer)).toBe(true);
    }
  });
});
