import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ForwardBackwardRequestSchema } from "@tinker-ts/types/proto";
import { splitHead, withHead } from "../src/wire/proto-fields.js";

describe("proto head rewrite", () => {
  const encode = (modelId: string, seqId: number) =>
    toBinary(
      ForwardBackwardRequestSchema,
      create(ForwardBackwardRequestSchema, {
        modelId,
        seqId,
        lossFn: "cross_entropy",
        data: [{ modelInput: [{ chunk: { case: "encodedText", value: { tokens: new Uint8Array([1, 0, 0, 0, 44, 1, 0, 0]) } } }] }],
      }),
    );

  it("reads model_id and seq_id and keeps the other fields' bytes", () => {
    const { head, rest } = splitHead(encode("sess:train:0", 7));
    expect(head).toEqual({ modelId: "sess:train:0", seqId: 7 });
    expect(rest.length).toBe(2);
  });

  it("re-encodes exactly what a protobuf encoder writes for other ids", () => {
    const { rest } = splitHead(encode("a", 1));
    expect(Buffer.compare(withHead(rest, { modelId: "model-xyz", seqId: 300 }), Buffer.from(encode("model-xyz", 300)))).toBe(0);
  });
});
