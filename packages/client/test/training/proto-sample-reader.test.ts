import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { DType, PromptAltTokensSchema, SampledSequenceSchema, SampleResponseSchema, StopReason, TensorSchema, TopkPromptLogprobsSchema } from "@tinker-ts/types/proto";
import { describe, expect, it } from "vitest";
import { readSampleResponse } from "../../src/proto/sample-response.js";

// The hand-written SampleResponse reader must see what protobuf-es's fromBinary sees.

function le32(kind: "i" | "f", values: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => (kind === "i" ? view.setInt32(i * 4, v, true) : view.setFloat32(i * 4, v, true)));
  return new Uint8Array(view.buffer);
}

describe("readSampleResponse matches fromBinary on the fields the SDK reads", () => {
  function viaProtobufEs(bytes: Uint8Array) {
    const m = fromBinary(SampleResponseSchema, bytes);
    const topk = m.topkPromptLogprobs;
    return {
      sequences: m.sequences.map((s) => ({ stopReason: s.stopReason, tokens: s.tokens, ...(s.logprobs !== undefined ? { logprobs: s.logprobs } : {}) })),
      ...(m.promptLogprobs !== undefined ? { promptLogprobs: m.promptLogprobs } : {}),
      ...(topk !== undefined ? { topkPromptLogprobs: { tokenIds: topk.tokenIds, logprobs: topk.logprobs, k: topk.k, promptLength: topk.promptLength } } : {}),
      promptCacheHitTokens: m.promptCacheHitTokens,
    };
  }

  it("with fields it does not read (target_prompt_logprobs, prompt_alt_tokens, topk_sampled_logprobs), empty vs absent bytes, negative int32", () => {
    const tensor = create(TensorSchema, { dtype: DType.DTYPE_FLOAT32, shape: [2n], encoding: { case: "dense", value: le32("f", [1, 2]) } });
    const messages = [
      create(SampleResponseSchema, {}),
      create(SampleResponseSchema, {
        sequences: [
          create(SampledSequenceSchema, { stopReason: StopReason.LENGTH, tokens: le32("i", [1, -2]), logprobs: new Uint8Array(0), topkSampledLogprobs: create(TopkPromptLogprobsSchema, { k: 1, promptLength: 1 }) }),
          create(SampledSequenceSchema, {}),
        ],
        promptLogprobs: new Uint8Array(0),
        topkPromptLogprobs: create(TopkPromptLogprobsSchema, { k: 2 ** 32 - 1, promptLength: 7, tokenIds: le32("i", [3]) }),
        promptCacheHitTokens: -3,
        targetPromptLogprobs: tensor,
        promptAltTokens: create(PromptAltTokensSchema, { tokens: tensor, logprobs: tensor }),
      }),
    ];
    for (const message of messages) {
      const bytes = toBinary(SampleResponseSchema, message);
      expect(readSampleResponse(bytes)).toEqual(viaProtobufEs(bytes));
    }
  });

  it("a repeated top-k message merges field by field, as protobuf does", () => {
    const first = toBinary(SampleResponseSchema, create(SampleResponseSchema, { topkPromptLogprobs: create(TopkPromptLogprobsSchema, { k: 2, tokenIds: le32("i", [1, 2]) }) }));
    const second = toBinary(SampleResponseSchema, create(SampleResponseSchema, { topkPromptLogprobs: create(TopkPromptLogprobsSchema, { promptLength: 1, logprobs: le32("f", [-1, -2]) }) }));
    const bytes = new Uint8Array([...first, ...second]);
    expect(readSampleResponse(bytes)).toEqual(viaProtobufEs(bytes));
    expect(readSampleResponse(bytes).topkPromptLogprobs).toMatchObject({ k: 2, promptLength: 1 });
  });
});
