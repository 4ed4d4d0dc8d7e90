/** asample results as tinker_public.SampleResponse protobuf, or JSON. */
import { create, toBinary } from "@bufbuild/protobuf";
import { SampledSequenceSchema, SampleResponseSchema, StopReason, TopkPromptLogprobsSchema } from "@tinker-ts/types/proto";
import type { SampledSequence } from "../model/sample.js";
import { MASK_LOGPROB, type PromptScores } from "../model/sample.js";

export interface SampleResult {
  readonly sequences: readonly SampledSequence[];
  readonly prompt: PromptScores | undefined;
  readonly includePromptLogprobs: boolean;
  readonly topk: number;
  readonly promptLength: number;
}

const f32 = (values: ArrayLike<number>): Uint8Array => new Uint8Array(Float32Array.from(values).buffer);
const i32 = (values: ArrayLike<number>): Uint8Array => new Uint8Array(Int32Array.from(values).buffer);

export function encodeSampleResponse(result: SampleResult): Uint8Array {
  const message = create(SampleResponseSchema, {
    sequences: result.sequences.map((s) =>
      create(SampledSequenceSchema, {
        stopReason: s.stopReason === "stop" ? StopReason.STOP : StopReason.LENGTH,
        tokens: i32(s.tokens),
        logprobs: f32(s.logprobs),
      }),
    ),
    promptCacheHitTokens: 0,
  });
  if (result.prompt && result.includePromptLogprobs) message.promptLogprobs = f32(result.prompt.logprobs);
  if (result.prompt && result.topk > 0) {
    message.topkPromptLogprobs = create(TopkPromptLogprobsSchema, {
      tokenIds: i32(result.prompt.topkTokenIds),
      logprobs: f32(result.prompt.topkLogprobs),
      k: result.topk,
      promptLength: result.promptLength,
    });
  }
  return toBinary(SampleResponseSchema, message);
}

export function sampleResponseJson(result: SampleResult): unknown {
  const json: Record<string, unknown> = {
    sequences: result.sequences.map((s) => ({ stop_reason: s.stopReason, tokens: s.tokens, logprobs: s.logprobs.map(Math.fround) })),
    type: "sample",
    prompt_cache_hit_tokens: 0,
  };
  if (result.prompt && result.includePromptLogprobs) json["prompt_logprobs"] = Array.from(result.prompt.logprobs, (v) => (Number.isNaN(v) ? null : Math.fround(v)));
  if (result.prompt && result.topk > 0) {
    const k = result.topk;
    const rows: Array<Array<[number, number]> | null> = [];
    for (let i = 0; i < result.promptLength; i++) {
      const row: Array<[number, number]> = [];
      for (let c = 0; c < k; c++) {
        const lp = result.prompt.topkLogprobs[i * k + c]!;
        if (lp === MASK_LOGPROB) break;
        row.push([result.prompt.topkTokenIds[i * k + c]!, Math.fround(lp)]);
      }
      rows.push(row.length > 0 ? row : null);
    }
    json["topk_prompt_logprobs"] = rows;
  }
  return json;
}
