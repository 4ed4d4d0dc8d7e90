// JSON bodies of the sampling endpoints, in tinker 0.38.0's field order; tests pin the exact strings.
import type { SamplingParams } from "@tinker-ts/types";
import type { ModelInput } from "../data/model-input.js";
import { encodePythonJson, pyFloat } from "../core/python-json.js";


/**
 * Generation settings as callers give them: the wire `SamplingParams` with every field optional
 * (temperature 1, top_k -1 = off, top_p 1 when left out, as in the Python SDK); null means unset.
 */
export type SamplingParamsInput = { [K in keyof SamplingParams]?: SamplingParams[K] | null | undefined };

export function samplingParamsJson(p: SamplingParamsInput): Record<string, unknown> {
  return {
    max_tokens: p.max_tokens ?? undefined,
    seed: p.seed ?? undefined,
    stop: p.stop ?? undefined,
    temperature: pyFloat(p.temperature ?? 1),
    top_k: p.top_k ?? -1,
    top_p: pyFloat(p.top_p ?? 1),
  };
}

export interface SampleFields {
  numSamples: number;
  prompt: ModelInput;
  samplingParams: SamplingParamsInput;
  samplingSessionId: string;
  seqId: number;
  includePromptLogprobs: boolean;
  topkPromptLogprobs: number;
}

/** pydantic's exclude_none also drops `null` members inside the prompt's chunks. */
function withoutNulls(prompt: ModelInput): unknown {
  return {
    chunks: prompt.chunks.map((chunk) => Object.fromEntries(Object.entries(chunk).filter(([, v]) => v !== null && v !== undefined))),
  };
}

export function sampleBody(f: SampleFields): string {
  return encodePythonJson({
    num_samples: f.numSamples,
    prompt: withoutNulls(f.prompt),
    sampling_params: samplingParamsJson(f.samplingParams),
    sampling_session_id: f.samplingSessionId,
    seq_id: f.seqId,
    prompt_logprobs: f.includePromptLogprobs,
    topk_prompt_logprobs: f.topkPromptLogprobs,
    topk_sample_logprobs: 0,
    prompt_alt_tokens_k: 0,
    record_stability_info: false,
    type: "sample",
  });
}

export type SamplingSource = { modelPath: string } | { baseModel: string };

export function createSamplingSessionBody(sessionId: string, samplingSessionSeqId: number, source: SamplingSource): string {
  return encodePythonJson({
    session_id: sessionId,
    sampling_session_seq_id: samplingSessionSeqId,
    base_model: "baseModel" in source ? source.baseModel : undefined,
    model_path: "modelPath" in source ? source.modelPath : undefined,
    type: "create_sampling_session",
  });
}
