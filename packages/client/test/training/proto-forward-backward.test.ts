import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  ArrayRecordSchema,
  BatchedTensorSchema,
  DType,
  ForwardBackwardOutputSchema,
  ForwardBackwardRequestSchema,
} from "@tinker-ts/types/proto";
import { describe, expect, it } from "vitest";
import { ModelInput, imageChunk, prepareData } from "../../src/data/index.js";
import { decodeForwardBackwardOutput, encodeForwardBackwardRequest, zstdCompress, zstdDecompress } from "../../src/proto/index.js";

function le(kind: "i32" | "f32" | "i64" | "bf16", values: number[]): Uint8Array {
  const width = kind === "i64" ? 8 : kind === "bf16" ? 2 : 4;
  const view = new DataView(new ArrayBuffer(values.length * width));
  values.forEach((v, i) => {
    if (kind === "i32") view.setInt32(i * 4, v, true);
    else if (kind === "f32") view.setFloat32(i * 4, v, true);
    else if (kind === "i64") view.setBigInt64(i * 8, BigInt(v), true);
    else {
      const f = new DataView(new ArrayBuffer(4));
      f.setFloat32(0, v);
      view.setUint16(i * 2, f.getUint16(0), true);
    }
  });
  return new Uint8Array(view.buffer);
}

describe("encodeForwardBackwardRequest", () => {
  const data = prepareData([
    {
      model_input: { chunks: [...ModelInput.fromInts([1, -2, 70000]).chunks, imageChunk(new Uint8Array([9, 8]), "jpeg", 3)] },
      loss_fn_inputs: {
        target_tokens: [5, 6, 7],
        weights: [0.5, 1, 0.25],
        mask: { data: [1.5, 2.5], dtype: "float32", shape: [2, 2], sparse_crow_indices: [0, 1, 2], sparse_col_indices: [1, 0] },
      },
    },
  ]);

  it("packs tokens as int32 LE, dense tensors LE in dtype, CSR with int64 indices, config as double", () => {
    const bytes = encodeForwardBackwardRequest({ modelId: "s:train:0", seqId: 3, data, lossFn: "importance_sampling", lossFnConfig: { clip: 0.2 }, forwardOnly: true });
    const msg = fromBinary(ForwardBackwardRequestSchema, bytes);
    expect(msg.modelId).toBe("s:train:0");
    expect(msg.seqId).toBe(3);
    expect(msg.lossFn).toBe("importance_sampling");
    expect(msg.lossFnConfig).toEqual({ clip: 0.2 });
    expect(msg.lossFnConfigV2["clip"]?.value).toEqual({ case: "number", value: 0.2 });
    expect(msg.forwardOnly).toBe(true);
    const datum = msg.data[0]!;
    expect(datum.modelInput[0]?.chunk).toEqual({ case: "encodedText", value: expect.objectContaining({ tokens: le("i32", [1, -2, 70000]) }) });
    const image = datum.modelInput[1]?.chunk;
    expect(image?.case).toBe("image");
    expect(image?.case === "image" && [image.value.data, image.value.format, image.value.expectedTokens]).toEqual([new Uint8Array([9, 8]), "jpeg", 3]);
    const target = datum.lossFnInputs["target_tokens"]!;
    expect(target.dtype).toBe(DType.DTYPE_INT64);
    expect(target.shape).toEqual([3n]);
    expect(target.encoding).toEqual({ case: "dense", value: le("i64", [5, 6, 7]) });
    const weights = datum.lossFnInputs["weights"]!;
    expect(weights.dtype).toBe(DType.DTYPE_FLOAT32);
    expect(weights.encoding).toEqual({ case: "dense", value: le("f32", [0.5, 1, 0.25]) });
    const mask = datum.lossFnInputs["mask"]!;
    expect(mask.encoding.case).toBe("sparseCsr");
    expect(mask.encoding.case === "sparseCsr" && mask.encoding.value).toMatchObject({
      values: le("f32", [1.5, 2.5]),
      crowIndices: le("i64", [0, 1, 2]),
      colIndices: le("i64", [1, 0]),
    });
  });

  it("writes string config entries to loss_fn_config_v2 only", () => {
    const bytes = encodeForwardBackwardRequest({ modelId: "m", seqId: 1, data, lossFn: "custom", lossFnConfig: { loss_id: "abc", beta: 2 }, forwardOnly: false });
    const msg = fromBinary(ForwardBackwardRequestSchema, bytes);
    expect(msg.lossFnConfig).toEqual({ beta: 2 });
    expect(msg.lossFnConfigV2["loss_id"]?.value).toEqual({ case: "text", value: "abc" });
    expect(msg.lossFnConfigV2["beta"]?.value).toEqual({ case: "number", value: 2 });
  });

  it("leaves forward_only false for forward_backward", () => {
    const bytes = encodeForwardBackwardRequest({ modelId: "m", seqId: 1, data, lossFn: "cross_entropy", forwardOnly: false });
    expect(fromBinary(ForwardBackwardRequestSchema, bytes).forwardOnly).toBe(false);
  });

  it("zstd-compresses into a frame that decompresses to the same body", async () => {
    const body = encodeForwardBackwardRequest({ modelId: "m", seqId: 1, data, lossFn: "cross_entropy", forwardOnly: false });
    const compressed = await zstdCompress(body);
    expect([...compressed.subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    expect(await zstdDecompress(compressed)).toEqual(body);
  });
});

describe("decodeForwardBackwardOutput", () => {
  function batched(dtype: DType, kind: "i32" | "f32" | "i64" | "bf16", perDatum: number[][], trailing: number[] = []) {
    const width = kind === "i64" ? 8 : kind === "bf16" ? 2 : 4;
    const offsets = [0];
    for (const d of perDatum) offsets.push((offsets.at(-1) as number) + d.length * width);
    return create(BatchedTensorSchema, { data: le(kind, perDatum.flat()), offsets: le("i64", offsets), dtype, trailingShape: trailing.map(BigInt) });
  }

  it("slices records per datum by byte offsets, widens int32/bf16, concatenates records, strips the type prefix", () => {
    const bytes = toBinary(
      ForwardBackwardOutputSchema,
      create(ForwardBackwardOutputSchema, {
        lossFnOutputType: "tinker.loss:CrossEntropyOutput",
        metrics: { "loss:sum": 1.25 },
        lossFnOutputs: [
          create(ArrayRecordSchema, {
            numDatums: 2n,
            fields: {
              logprobs: batched(DType.DTYPE_BFLOAT16, "bf16", [[-1.5, -0.25], [-2]]),
              elementwise_loss: batched(DType.DTYPE_FLOAT32, "f32", [[1, 2, 3, 4], [5, 6]], [2]),
              ids: batched(DType.DTYPE_INT32, "i32", [[7, 8], [9]]),
            },
          }),
          create(ArrayRecordSchema, {
            numDatums: 1n,
            fields: {
              logprobs: batched(DType.DTYPE_FLOAT32, "f32", [[-0.5]]),
              elementwise_loss: batched(DType.DTYPE_FLOAT32, "f32", [[7, 8, 9]], [3]),
              ids: batched(DType.DTYPE_INT64, "i64", [[10]]),
            },
          }),
        ],
      }),
    );
    const out = decodeForwardBackwardOutput(bytes);
    expect(out.loss_fn_output_type).toBe("CrossEntropyOutput");
    expect(out.metrics).toEqual({ "loss:sum": 1.25 });
    expect(out.loss_fn_outputs).toEqual([
      {
        logprobs: { data: [-1.5, -0.25], dtype: "float32", shape: [2] },
        elementwise_loss: { data: [1, 2, 3, 4], dtype: "float32", shape: [2, 2] },
        ids: { data: [7, 8], dtype: "int64", shape: [2] },
      },
      {
        logprobs: { data: [-2], dtype: "float32", shape: [1] },
        elementwise_loss: { data: [5, 6], dtype: "float32", shape: [1, 2] },
        ids: { data: [9], dtype: "int64", shape: [1] },
      },
      {
        logprobs: { data: [-0.5], dtype: "float32", shape: [1] },
        elementwise_loss: { data: [7, 8, 9], dtype: "float32", shape: [1, 3] },
        ids: { data: [10], dtype: "int64", shape: [1] },
      },
    ]);
  });

  it("num_datums is authoritative even when every field was stripped; empty outputs are ArrayRecord", () => {
    const stripped = toBinary(ForwardBackwardOutputSchema, create(ForwardBackwardOutputSchema, { lossFnOutputType: "x:Y", lossFnOutputs: [create(ArrayRecordSchema, { numDatums: 2n })] }));
    expect(decodeForwardBackwardOutput(stripped).loss_fn_outputs).toEqual([{}, {}]);
    const empty = toBinary(ForwardBackwardOutputSchema, create(ForwardBackwardOutputSchema, {}));
    expect(decodeForwardBackwardOutput(empty)).toEqual({ loss_fn_output_type: "ArrayRecord", loss_fn_outputs: [], metrics: {} });
  });
});
