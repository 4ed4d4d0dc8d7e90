import { create, toBinary } from "@bufbuild/protobuf";
import { SampledSequenceSchema, SampleResponseSchema, StopReason, TopkPromptLogprobsSchema } from "@tinker-ts/types/proto";
import { describe, expect, it } from "vitest";
import { decodeSampleResponse, MASK_LOGPROB } from "../../src/proto/index.js";

function le32(kind: "i" | "f", values: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => (kind === "i" ? view.setInt32(i * 4, v, true) : view.setFloat32(i * 4, v, true)));
  return new Uint8Array(view.buffer);
}

describe("decodeSampleResponse", () => {
  it("decodes sequences, NaN prompt logprobs to null, and top-k with masked cells as Python does", () => {
    const bytes = toBinary(
      SampleResponseSchema,
      create(SampleResponseSchema, {
        sequences: [
          create(SampledSequenceSchema, { stopReason: StopReason.LENGTH, tokens: le32("i", [5, 6]), logprobs: le32("f", [-0.5, -1.5]) }),
          create(SampledSequenceSchema, { stopReason: StopReason.STOP, tokens: le32("i", [7]) }),
        ],
        promptLogprobs: le32("f", [Number.NaN, -2.25, -0.125]),
        topkPromptLogprobs: create(TopkPromptLogprobsSchema, {
          k: 2,
          promptLength: 3,
          tokenIds: le32("i", [0, 0, 4, 9, 3, 0]),
          logprobs: le32("f", [MASK_LOGPROB, MASK_LOGPROB, -0.5, -1.5, -0.25, MASK_LOGPROB]),
        }),
        promptCacheHitTokens: 2,
      }),
    );
    expect(decodeSampleResponse(bytes)).toEqual({
      sequences: [
        { stop_reason: "length", tokens: [5, 6], logprobs: [-0.5, -1.5] },
        { stop_reason: "stop", tokens: [7] },
      ],
      prompt_logprobs: [null, -2.25, -0.125],
      topk_prompt_logprobs: [null, [[4, -0.5], [9, -1.5]], [[3, -0.25]]],
      prompt_cache_hit_tokens: 2,
    });
  });

  it("leaves out prompt logprobs and top-k that were not requested", () => {
    const bytes = toBinary(SampleResponseSchema, create(SampleResponseSchema, { sequences: [create(SampledSequenceSchema, { tokens: le32("i", [1]) })] }));
    expect(decodeSampleResponse(bytes)).toEqual({ sequences: [{ stop_reason: "stop", tokens: [1] }], prompt_cache_hit_tokens: 0 });
  });
});
