// JSON bodies of the training endpoints, field for field and in the order tinker 0.38.0 sends them
// (pydantic declaration order, None omitted, defaults always sent). Tests pin the exact strings.
import type { AdamParams } from "@tinker-ts/types";
import { encodePythonJson, pyFloat } from "../core/python-json.js";


export type { AdamParams };

/** The Python SDK's `AdamParams` defaults (weight decay and gradient clipping off). */
export const DEFAULT_ADAM_PARAMS: Readonly<AdamParams> = {
  learning_rate: 1e-4,
  beta1: 0.9,
  beta2: 0.95,
  eps: 1e-12,
  weight_decay: 0,
  grad_clip_norm: 0,
};

function adamParamsJson(adam: AdamParams): string {
  return encodePythonJson({
    learning_rate: pyFloat(adam.learning_rate),
    beta1: pyFloat(adam.beta1),
    beta2: pyFloat(adam.beta2),
    eps: pyFloat(adam.eps),
    weight_decay: pyFloat(adam.weight_decay),
    grad_clip_norm: pyFloat(adam.grad_clip_norm),
  });
}

// A training loop sends the same Adam parameters step after step: their JSON is kept for reuse.
let lastAdam: AdamParams | undefined;
let lastAdamJson = "";

function sameAdam(a: AdamParams, b: AdamParams): boolean {
  return (
    Object.is(a.learning_rate, b.learning_rate) &&
    Object.is(a.beta1, b.beta1) &&
    Object.is(a.beta2, b.beta2) &&
    Object.is(a.eps, b.eps) &&
    Object.is(a.weight_decay, b.weight_decay) &&
    Object.is(a.grad_clip_norm, b.grad_clip_norm)
  );
}

export function optimStepBody(modelId: string, seqId: number, adam: AdamParams): string {
  if (lastAdam === undefined || !sameAdam(adam, lastAdam)) {
    lastAdamJson = adamParamsJson(adam);
    lastAdam = { ...adam };
  }
  // Same text as encodePythonJson of the whole object (model id a JSON string, seq_id an integer).
  return `{"model_id":${JSON.stringify(modelId)},"seq_id":${encodePythonJson(seqId)},"type":"optim_step","adam_params":${lastAdamJson}}`;
}

export interface SaveWeightsFields {
  modelId: string;
  name: string;
  seqId: number;
  ttlSeconds?: number | undefined;
  overwrite: boolean;
  userMetadata?: Readonly<Record<string, string>> | undefined;
}

export function saveWeightsBody(f: SaveWeightsFields): string {
  return encodePythonJson({
    model_id: f.modelId,
    path: f.name,
    seq_id: f.seqId,
    ttl_seconds: f.ttlSeconds,
    overwrite: f.overwrite,
    user_metadata: f.userMetadata,
    type: "save_weights",
  });
}

export interface SaveWeightsExternalFields {
  modelId: string;
  name: string;
  seqId: number;
  ttlSeconds?: number | undefined;
  ageEncryptionRecipients?: readonly string[] | undefined;
}

export function saveWeightsExternalBody(f: SaveWeightsExternalFields): string {
  return encodePythonJson({
    model_id: f.modelId,
    path: f.name,
    seq_id: f.seqId,
    ttl_seconds: f.ttlSeconds,
    age_encryption_recipients: f.ageEncryptionRecipients,
    type: "save_weights_external",
  });
}

/** Named saves carry `path`; unnamed (ephemeral) saves carry `sampling_session_seq_id` instead. */
export type SaveForSamplerTarget = { name: string } | { samplingSessionSeqId: number };

export interface SaveWeightsForSamplerFields {
  modelId: string;
  target: SaveForSamplerTarget;
  seqId: number;
  ttlSeconds?: number | undefined;
  userMetadata?: Readonly<Record<string, string>> | undefined;
}

export function saveWeightsForSamplerBody(f: SaveWeightsForSamplerFields): string {
  return encodePythonJson({
    model_id: f.modelId,
    path: "name" in f.target ? f.target.name : undefined,
    sampling_session_seq_id: "samplingSessionSeqId" in f.target ? f.target.samplingSessionSeqId : undefined,
    kind: "snapshot",
    seq_id: f.seqId,
    ttl_seconds: f.ttlSeconds,
    user_metadata: f.userMetadata,
    type: "save_weights_for_sampler",
  });
}

/** Legacy addressing: a load into an existing model, sequenced like any training request. */
export interface LoadIntoModelFields {
  modelId: string;
  seqId: number;
  path: string;
  optimizer: boolean;
  weightsAccessToken?: string | undefined;
}

/** Create-via-load addressing: the load creates the model (session + model_seq_id). */
export interface LoadCreatingModelFields {
  sessionId: string;
  modelSeqId: number;
  baseModel?: string | undefined;
  userMetadata?: Readonly<Record<string, string>> | undefined;
  path: string;
  optimizer: boolean;
  weightsAccessToken?: string | undefined;
}

export function loadWeightsBody(f: LoadIntoModelFields | LoadCreatingModelFields): string {
  if ("modelId" in f) {
    return encodePythonJson({
      model_id: f.modelId,
      seq_id: f.seqId,
      path: f.path,
      optimizer: f.optimizer,
      weights_access_token: f.weightsAccessToken,
      type: "load_weights",
    });
  }
  return encodePythonJson({
    session_id: f.sessionId,
    model_seq_id: f.modelSeqId,
    base_model: f.baseModel,
    user_metadata: f.userMetadata,
    path: f.path,
    optimizer: f.optimizer,
    weights_access_token: f.weightsAccessToken,
    type: "load_weights",
  });
}

export interface LoraFields {
  rank: number;
  seed?: number | undefined;
  trainUnembed: boolean;
  trainMlp: boolean;
  trainAttn: boolean;
}

export interface CreateModelFields {
  sessionId: string;
  modelSeqId: number;
  baseModel: string;
  userMetadata?: Readonly<Record<string, string>> | undefined;
  lora: LoraFields;
}

export function createModelBody(f: CreateModelFields): string {
  return encodePythonJson({
    session_id: f.sessionId,
    model_seq_id: f.modelSeqId,
    base_model: f.baseModel,
    user_metadata: f.userMetadata,
    lora_config: {
      rank: f.lora.rank,
      seed: f.lora.seed,
      train_unembed: f.lora.trainUnembed,
      train_mlp: f.lora.trainMlp,
      train_attn: f.lora.trainAttn,
    },
    optimizer_config: { type: "adamw" },
    type: "create_model",
  });
}

export function getInfoBody(modelId: string): string {
  return encodePythonJson({ model_id: modelId, type: "get_info" });
}
