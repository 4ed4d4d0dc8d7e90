// Compiled by types-compile.test.ts (and by `pnpm typecheck`): representative wire bodies must
// type-check against the generated types, and the broken ones must not (each `@ts-expect-error`
// fails the compilation if its line stops being an error).
import type {
  CreateModelRequest,
  FutureRetrieveResponse,
  LoadWeightsRequest,
  OptimStepRequest,
  SampleRequest,
  SaveWeightsForSamplerRequest,
  SaveWeightsRequest,
  SetCheckpointTtlRequest,
  TryAgainResponse,
  UntypedAPIFuture,
  operations,
  paths,
} from "../../src/index.js";

export const loadExisting = {
  model_id: "sess-1:train:0",
  seq_id: 1,
  path: "tinker://sess-1:train:0/weights/step-100",
  optimizer: false,
  type: "load_weights",
} satisfies LoadWeightsRequest;

export const loadCreate = {
  session_id: "sess-1",
  model_seq_id: 0,
  user_metadata: { a: "b" },
  path: "tinker://run-1/weights/step-100",
  optimizer: true,
  type: "load_weights",
} satisfies LoadWeightsRequest;

export const seedBroken = {
  model_id: "m",
  path: "tinker://r/weights/x",
  seq_id: 1,
  // @ts-expect-error -- the seed's misnamed field: the wire name is `optimizer`
  load_optimizer_state: true,
  type: "load_weights",
} satisfies LoadWeightsRequest;

// @ts-expect-error -- both addressings at once
export const loadBoth: LoadWeightsRequest = { model_id: "m", seq_id: 1, session_id: "s", model_seq_id: 0, path: "tinker://r/weights/x", optimizer: true, type: "load_weights" };

export const save = { model_id: "m", path: "ckpt", seq_id: 3, overwrite: false, type: "save_weights" } satisfies SaveWeightsRequest;
// @ts-expect-error -- overwrite is always sent
export const saveNoOverwrite: SaveWeightsRequest = { model_id: "m", path: "ckpt", type: "save_weights" };

export const samplerNamed = { model_id: "m", path: "s1", kind: "snapshot", seq_id: 4, type: "save_weights_for_sampler" } satisfies SaveWeightsForSamplerRequest;
export const samplerUnnamed = { model_id: "m", sampling_session_seq_id: 2, seq_id: 4, type: "save_weights_for_sampler" } satisfies SaveWeightsForSamplerRequest;

export const ttl = { ttl_seconds: null } satisfies SetCheckpointTtlRequest;

export const optim = {
  model_id: "m",
  seq_id: 2,
  type: "optim_step",
  adam_params: { learning_rate: 1e-4, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0, grad_clip_norm: 0 },
} satisfies OptimStepRequest;

export const createModel = {
  session_id: "s",
  model_seq_id: 0,
  base_model: "Qwen/Qwen3-8B",
  lora_config: { rank: 32, train_unembed: true, train_mlp: true, train_attn: true },
  optimizer_config: { type: "adamw" },
  type: "create_model",
} satisfies CreateModelRequest;

export const sample = {
  num_samples: 1,
  prompt: { chunks: [{ tokens: [1, 2], type: "encoded_text" }] },
  sampling_params: { max_tokens: 2, temperature: 1, top_k: -1, top_p: 1 },
  sampling_session_id: "s:sample:0",
  seq_id: 0,
  prompt_logprobs: false,
  topk_prompt_logprobs: 0,
  topk_sample_logprobs: 0,
  prompt_alt_tokens_k: 0,
  record_stability_info: false,
  type: "sample",
} satisfies SampleRequest;

export const future: UntypedAPIFuture = { request_id: "r" };
export const tryAgain: FutureRetrieveResponse = { type: "try_again", request_id: "r", queue_state: "active" } satisfies TryAgainResponse;

// Operations and paths line up with the named types.
export type LoadBody = NonNullable<operations["loadWeights"]["requestBody"]>["content"]["application/json"];
export const sameLoad: LoadBody = loadExisting;
export type SaveFuture = paths["/api/v1/save_weights"]["post"]["responses"]["200"]["content"]["application/json"];
export const saveFuture: SaveFuture = future;
