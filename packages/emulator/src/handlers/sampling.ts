/** Sampling endpoints: create_sampling_session, asample, samplers/{id}. */
import { randomUUID } from "node:crypto";
import { initAdapter, type Adapter } from "../model/lm.js";
import { imagePlaceholderTokens } from "../model/placeholders.js";
import { MASK_LOGPROB, type PromptScores, sampleSequence, scorePrompt } from "../model/sample.js";
import { encodeSampleResponse, sampleResponseJson, type SampleResult } from "../proto/sample.js";
import { badRequest, notFound } from "../server/errors.js";
import type { EmRequest, Route } from "../server/types.js";
import { ok } from "../server/types.js";
import type { SamplingSession } from "../state/world.js";
import type { CreateSamplingSessionRequest, SampleRequest, SamplingParams } from "../wire.js";
import type { HandlerContext } from "./context.js";
import { submitImmediate } from "./submit.js";

const DEFAULT_MAX_TOKENS = 16;
const MAX_MAX_TOKENS = 4096;

export function samplingRoutes(ctx: HandlerContext): Route[] {
  const { world } = ctx;

  /** Weights for a tinker:// path (either checkpoint kind) or a base model (the untrained adapter). */
  const weightsFor = (req: EmRequest, modelPath: string | undefined, baseModel: string | undefined): { adapter: Adapter; baseModel: string } => {
    if (modelPath !== undefined) {
      if (!modelPath.startsWith("tinker://")) throw badRequest(`model_path must start with tinker:// (got "${modelPath}")`, "model_path");
      const record = world.checkpoint(modelPath);
      if (!record || !(record.owner === req.principal.owner || record.public)) throw notFound(`checkpoint ${modelPath} not found`);
      const { params } = world.checkpoints.read(record);
      return { adapter: { baseModel: record.base_model, rank: record.lora_rank, params }, baseModel: record.base_model };
    }
    if (baseModel !== undefined) {
      const adapter = initAdapter(baseModel, 1, 0);
      adapter.params.fill(0);
      return { adapter, baseModel };
    }
    throw badRequest(`give model_path or base_model`, "model_path");
  };

  return [
    {
      method: "POST",
      pattern: "/api/v1/create_sampling_session",
      handler: (req) => {
        const body = req.json<CreateSamplingSessionRequest>("CreateSamplingSessionRequest");
        const session = world.activeSession(body.session_id, req.principal.owner);
        const { adapter, baseModel } = weightsFor(req, body.model_path, body.base_model);
        const samplerId = `${body.session_id}:sample:${body.sampling_session_seq_id}`;
        world.samplers.set(samplerId, { samplerId, sessionId: body.session_id, owner: req.principal.owner, baseModel, modelPath: body.model_path ?? null, adapter });
        if (!session.sampler_ids.includes(samplerId)) {
          session.sampler_ids.push(samplerId);
          world.saveSession(session);
        }
        return ok({ type: "create_sampling_session", sampling_session_id: samplerId });
      },
    },
    {
      method: "GET",
      pattern: "/api/v1/samplers/{sampler_id}",
      handler: (req) => {
        const sampler = world.samplers.get(req.params["sampler_id"]!);
        if (!sampler || sampler.owner !== req.principal.owner) throw notFound(`sampler ${req.params["sampler_id"]} not found`);
        return ok({ sampler_id: sampler.samplerId, base_model: sampler.baseModel, model_path: sampler.modelPath });
      },
    },
    {
      method: "POST",
      pattern: "/api/v1/asample",
      handler: (req) => {
        const body = req.json<SampleRequest>("SampleRequest");
        let sampler: Pick<SamplingSession, "adapter" | "baseModel">;
        if (body.sampling_session_id !== undefined) {
          const found = world.samplers.get(body.sampling_session_id);
          if (!found || found.owner !== req.principal.owner) throw notFound(`sampling session ${body.sampling_session_id} not found`);
          sampler = found;
        } else {
          sampler = weightsFor(req, body.model_path, body.base_model);
        }
        const prompt: number[] = [];
        for (const [i, chunk] of body.prompt.chunks.entries()) {
          if (chunk.type === "encoded_text") {
            prompt.push(...chunk.tokens);
          } else if (chunk.type === "image" || chunk.type === "image_asset_pointer") {
            if (chunk.expected_tokens === undefined || chunk.expected_tokens === null) throw badRequest(`prompt.chunks[${i}]: an ${chunk.type} chunk needs expected_tokens`, "expected_tokens");
            prompt.push(...imagePlaceholderTokens(chunk.expected_tokens, chunk.type === "image" ? chunk.data : chunk.location));
          } else {
            throw badRequest(`prompt.chunks[${i}]: the emulator takes encoded_text and image chunks (got ${chunk.type})`, "chunks");
          }
        }
        const numSamples = body.num_samples ?? 1;
        if (!Number.isInteger(numSamples) || numSamples < 1) throw badRequest(`num_samples must be a positive integer (got ${numSamples})`, "num_samples");
        const options = samplingOptions(body.sampling_params);
        const topk = body.topk_prompt_logprobs ?? 0;
        const includePromptLogprobs = body.prompt_logprobs === true;
        const sequenceIds = Array.from({ length: numSamples }, () => `seq-${randomUUID()}`);
        const samplerId = body.sampling_session_id;
        const clone = Math.floor((body.seq_id ?? 0) / 1_000_000_000);
        const onSettled = (requestId: string, failed: boolean, size: number | undefined): void => {
          if (samplerId !== undefined) world.completions.push(samplerId, clone, failed ? { state: "failed", request_id: requestId } : { state: "finished", request_id: requestId, ...(size === undefined ? {} : { response_payload_uncompressed_size: size }) });
        };
        const reply = submitImmediate(ctx, req, "Sample", undefined, () => {
          const sequences = Array.from({ length: numSamples }, (_, i) =>
            ctx.skipModel ? { tokens: new Array<number>(options.maxTokens).fill(0), logprobs: new Array<number>(options.maxTokens).fill(0), stopReason: "length" as const } : sampleSequence(sampler.adapter, prompt, options, i),
          );
          const wantsScores = includePromptLogprobs || topk > 0;
          const scored = !wantsScores ? undefined : ctx.skipModel ? constantScores(prompt.length, topk) : scorePrompt(sampler.adapter, prompt, topk);
          const result: SampleResult = { sequences, prompt: scored, includePromptLogprobs, topk, promptLength: prompt.length };
          return { kind: "proto", binary: () => encodeSampleResponse(result), json: () => sampleResponseJson(result) };
        }, onSettled);
        return { ...reply, json: { ...(reply as { json: object }).json, sample_sequence_ids: sequenceIds } };
      },
    },
  ];
}

function samplingOptions(params: SamplingParams): Parameters<typeof sampleSequence>[2] {
  const maxTokens = params.max_tokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 0 || maxTokens > MAX_MAX_TOKENS) throw badRequest(`sampling_params.max_tokens must be an integer from 0 to ${MAX_MAX_TOKENS} (got ${maxTokens})`, "max_tokens");
  const stop = params.stop ?? [];
  const list = typeof stop === "string" ? [stop] : stop;
  return {
    maxTokens,
    temperature: params.temperature ?? 1,
    topK: params.top_k ?? -1,
    topP: params.top_p ?? 1,
    seed: params.seed ?? undefined,
    stopTokens: list.filter((s): s is number => typeof s === "number"),
    stopStrings: list.filter((s): s is string => typeof s === "string"),
  };
}

/** The skipModel stand-in for prompt scores: right shapes, zero logprobs, masked top-k. */
function constantScores(length: number, k: number): PromptScores {
  const logprobs = new Float64Array(length);
  if (length > 0) logprobs[0] = NaN;
  return { logprobs, topkTokenIds: new Int32Array(length * k), topkLogprobs: new Float64Array(length * k).fill(MASK_LOGPROB) };
}
