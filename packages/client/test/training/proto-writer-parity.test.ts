import { create, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  ChunkSchema,
  DatumSchema,
  DType,
  ForwardBackwardRequestSchema,
  LossConfigValueSchema,
  TensorSchema,
  type Chunk,
  type ForwardBackwardRequest,
  type LossConfigValue,
  type Tensor,
} from "@tinker-ts/types/proto";
import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../../src/data/base64.js";
import { prepareData, type DatumInput } from "../../src/data/datum.js";
import type { ModelInputChunk } from "../../src/data/model-input.js";
import type { PackedTensor } from "../../src/data/tensor.js";
import { encodeForwardBackwardRequest, type ForwardBackwardRequestParts } from "../../src/proto/forward-backward-request.js";

// The generated protobuf-es types are the contract: the hand-written writer must produce what
// protobuf-es's reflective toBinary produces for the same message, byte for byte.

function le(values: Float32Array | BigInt64Array | Int32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.byteLength));
  values.forEach((v: number | bigint, i: number) => {
    if (values instanceof BigInt64Array) view.setBigInt64(i * 8, v as bigint, true);
    else if (values instanceof Float32Array) view.setFloat32(i * 4, v as number, true);
    else view.setInt32(i * 4, v as number, true);
  });
  return new Uint8Array(view.buffer);
}

function referenceTensor(t: PackedTensor): Tensor {
  const tensor = create(TensorSchema, { dtype: t.dtype === "float32" ? DType.DTYPE_FLOAT32 : DType.DTYPE_INT64, shape: (t.shape ?? []).map(BigInt) });
  tensor.encoding = t.csr
    ? { case: "sparseCsr", value: { $typeName: "tinker_public.SparseCsr", values: le(t.values), crowIndices: le(t.csr.crow), colIndices: le(t.csr.col) } }
    : { case: "dense", value: le(t.values) };
  return tensor;
}

function referenceChunk(chunk: ModelInputChunk): Chunk {
  switch (chunk.type) {
    case "encoded_text":
      return create(ChunkSchema, { chunk: { case: "encodedText", value: { tokens: le(Int32Array.from(chunk.tokens)) } } });
    case "image":
      return create(ChunkSchema, {
        chunk: { case: "image", value: { data: base64ToBytes(chunk.data), format: chunk.format, ...(chunk.expected_tokens != null ? { expectedTokens: chunk.expected_tokens } : {}) } },
      });
    case "dmel":
      return create(ChunkSchema, { chunk: { case: "dmel", value: { dmel: base64ToBytes(chunk.dmel) } } });
    case "image_asset_pointer":
      throw new Error("not encodable");
  }
}

/** The same request built with protobuf-es (create + toBinary), as the encoder did before. */
function referenceMessage(parts: ForwardBackwardRequestParts): ForwardBackwardRequest {
  const lossFnConfig: Record<string, number> = {};
  const lossFnConfigV2: Record<string, LossConfigValue> = {};
  for (const [k, v] of Object.entries(parts.lossFnConfig ?? {})) {
    if (typeof v === "number") lossFnConfig[k] = v;
    lossFnConfigV2[k] = create(LossConfigValueSchema, { value: typeof v === "string" ? { case: "text", value: v } : { case: "number", value: v } });
  }
  return create(ForwardBackwardRequestSchema, {
    modelId: parts.modelId,
    seqId: parts.seqId,
    lossFn: parts.lossFn,
    lossFnConfig,
    lossFnConfigV2,
    forwardOnly: parts.forwardOnly,
    data: parts.data.map((d) => create(DatumSchema, { modelInput: d.chunks.map(referenceChunk), lossFnInputs: Object.fromEntries(d.inputs.map(([k, t]) => [k, referenceTensor(t)])) })),
  });
}

/** Index of the first differing byte, or -1 when equal (vitest's deep equality is slow on large arrays). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function expectParity(parts: ForwardBackwardRequestParts): Uint8Array {
  const bytes = encodeForwardBackwardRequest(parts);
  const reference = referenceMessage(parts);
  const decoded = fromBinary(ForwardBackwardRequestSchema, bytes);
  expect(equals(ForwardBackwardRequestSchema, decoded, reference)).toBe(true);
  const expected = toBinary(ForwardBackwardRequestSchema, reference);
  expect({ length: bytes.length, firstDifference: firstDifference(bytes, expected) }).toEqual({ length: expected.length, firstDifference: -1 });
  return bytes;
}

/** A small deterministic generator, so the shapes vary without depending on Math.random. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const text = (tokens: number[]): ModelInputChunk => ({ tokens, type: "encoded_text" });
const png = (n: number, expected?: number): ModelInputChunk => ({
  data: bytesToBase64(Uint8Array.from({ length: n }, (_, i) => (i * 37) & 0xff)),
  format: "png",
  ...(expected === undefined ? {} : { expected_tokens: expected }),
  type: "image",
});

function parts(data: DatumInput[], extra: Partial<ForwardBackwardRequestParts> = {}): ForwardBackwardRequestParts {
  return { modelId: "session:train:0", seqId: 7, data: prepareData(data), lossFn: "cross_entropy", forwardOnly: false, ...extra };
}

describe("encodeForwardBackwardRequest writes protobuf-es's bytes", () => {
  it("text chunks with target_tokens and weights (the common case)", () => {
    expectParity(parts([{ model_input: { chunks: [text([1, 2, 3, -4, 2 ** 31 - 1, -(2 ** 31)])] }, loss_fn_inputs: { target_tokens: [2, 3, 4, 5, 6, 7], weights: [0, 1, 0.5, 1, 1, 1] } }]));
  });

  it("many random shapes: token counts across varint length boundaries, several chunks, 0–3 inputs", () => {
    const rand = lcg(42);
    for (let round = 0; round < 25; round++) {
      const data: DatumInput[] = [];
      const datums = 1 + Math.floor(rand() * 5);
      for (let d = 0; d < datums; d++) {
        const chunks: ModelInputChunk[] = [];
        const nChunks = Math.floor(rand() * 3);
        for (let c = 0; c < nChunks; c++) {
          const len = [0, 1, 31, 32, 33, 4095, 4097][Math.floor(rand() * 7)] as number;
          chunks.push(text(Array.from({ length: len }, () => Math.floor(rand() * 2 ** 32) - 2 ** 31)));
        }
        const len = Math.floor(rand() * 300);
        const inputs: DatumInput["loss_fn_inputs"] = {};
        if (rand() < 0.7) inputs["target_tokens"] = Array.from({ length: len }, () => Math.floor(rand() * 150_000));
        if (rand() < 0.7) inputs["weights"] = Float32Array.from({ length: len }, () => rand());
        if (rand() < 0.3) inputs["advantages"] = Array.from({ length: len }, () => rand() * 4 - 2);
        data.push({ model_input: { chunks }, loss_fn_inputs: inputs });
      }
      expectParity(parts(data, { seqId: Math.floor(rand() * 2 ** 31), forwardOnly: rand() < 0.5 }));
    }
  });

  it("large int64 values, explicit TensorData, multi-dimensional shapes and big shape entries", () => {
    expectParity(
      parts([
        {
          model_input: { chunks: [text([5])] },
          loss_fn_inputs: {
            target_tokens: [2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 32, -1, 0],
            logprobs: [[-1, -2, -3], [-4, -5, -6]],
            big: { data: new BigInt64Array([2n ** 63n - 1n, -(2n ** 63n)]), dtype: "int64", shape: [2, 1] },
            wide: { data: [1, 2], dtype: "float32", shape: [1, 2, 1, 1] },
            flat: { data: [3], dtype: "float32" },
            "ünïcode key ✓ 𝄞": { data: [1], dtype: "float32" },
            "": { data: [], dtype: "int64", shape: [0, 2 ** 40] },
          },
        },
      ]),
    );
  });

  it("map keys in the order protobuf-es iterates them (integer-like keys first)", () => {
    expectParity(parts([{ model_input: { chunks: [text([1])] }, loss_fn_inputs: { z: { data: [1], dtype: "float32" }, "10": { data: [2], dtype: "int64" }, "2": { data: [3], dtype: "float32" } } }], { lossFnConfig: { b: 1, "3": 2, a: "x" } }));
  });

  it("CSR tensors, including empty ones", () => {
    expectParity(
      parts([
        {
          model_input: { chunks: [text([1, 2])] },
          loss_fn_inputs: {
            mask: { data: [1.5, 2.5], dtype: "float32", shape: [2, 2], sparse_crow_indices: [0, 1, 2], sparse_col_indices: [1, 0] },
            ids: { data: [9], dtype: "int64", shape: [3, 4], sparse_crow_indices: [0, 0, 1, 1], sparse_col_indices: [3] },
            none: { data: [], dtype: "float32", shape: [0, 5], sparse_crow_indices: [0], sparse_col_indices: [] },
          },
        },
      ]),
    );
  });

  it("image chunks (with and without expected_tokens, empty bytes, 200-byte lengths) and dmel chunks", () => {
    const dmelHeader = new Uint8Array([254, 1, 2, 3, 4, 0, 0]);
    expectParity(
      parts([
        { model_input: { chunks: [png(300, 16), text([1, 2]), png(0), png(5, 0), { type: "dmel", dmel: bytesToBase64(dmelHeader) }] }, loss_fn_inputs: { target_tokens: [1, 2] } },
        { model_input: { chunks: [{ data: bytesToBase64(new Uint8Array([255, 216])), format: "jpeg", expected_tokens: 2 ** 31 - 1, type: "image" }] } },
      ]),
    );
  });

  it("forward_only, loss_fn_config with the v2 dual write (numbers in both maps, strings in v2 only)", () => {
    const bytes = expectParity(
      parts([{ model_input: { chunks: [text([1])] }, loss_fn_inputs: { target_tokens: [1] } }], {
        forwardOnly: true,
        lossFn: "importance_sampling",
        lossFnConfig: { clip_low_threshold: 0.8, clip_high_threshold: 1.2, loss_id: "abc", zero: 0, neg: -0, unicode: "naïve ✓", empty: "" },
      }),
    );
    const msg = fromBinary(ForwardBackwardRequestSchema, bytes);
    expect(msg.forwardOnly).toBe(true);
    expect(Object.keys(msg.lossFnConfig)).toEqual(["clip_low_threshold", "clip_high_threshold", "zero", "neg"]);
    expect(msg.lossFnConfigV2["loss_id"]?.value).toEqual({ case: "text", value: "abc" });
  });

  it("lone surrogates in strings become U+FFFD, as TextEncoder writes them", () => {
    const p: ForwardBackwardRequestParts = { modelId: "m\ud800", seqId: 1, data: [], lossFn: "x\udc00y", forwardOnly: false, lossFnConfig: { "k\ud83d": "a\ud800b\udc00c\ud83d\ude00" } };
    const bytes = encodeForwardBackwardRequest(p);
    expect(firstDifference(bytes, toBinary(ForwardBackwardRequestSchema, referenceMessage(p)))).toBe(-1);
    expect(fromBinary(ForwardBackwardRequestSchema, bytes).modelId).toBe("m\ufffd");
  });

  it("empty data, empty strings, seq_id 0 and negative seq_id", () => {
    expectParity({ modelId: "", seqId: 0, data: [], lossFn: "", forwardOnly: false });
    expectParity({ modelId: "m", seqId: -5, data: [], lossFn: "x", forwardOnly: false, lossFnConfig: {} });
    expectParity({ modelId: "m", seqId: -(2 ** 31), data: [], lossFn: "x", forwardOnly: true });
  });

  it("a datum with no chunks and no inputs is still written (as an empty message)", () => {
    const bytes = expectParity(parts([{ model_input: { chunks: [] } }, { model_input: { chunks: [text([])] }, loss_fn_inputs: {} }]));
    expect(fromBinary(ForwardBackwardRequestSchema, bytes).data).toHaveLength(2);
  });

  it("typed-array inputs of every kind give the same request as plain number lists", () => {
    const tokens = [3, 1, 4, 1, 5, 9, 2, 6];
    const plain = encodeForwardBackwardRequest(parts([{ model_input: { chunks: [text(tokens)] }, loss_fn_inputs: { target_tokens: tokens, weights: tokens.map((t) => t / 10) } }]));
    for (const target of [Int32Array.from(tokens), BigInt64Array.from(tokens.map(BigInt)), Float64Array.from(tokens), Uint16Array.from(tokens)]) {
      const typed = encodeForwardBackwardRequest(
        parts([{ model_input: { chunks: [text(tokens)] }, loss_fn_inputs: { target_tokens: target, weights: Float32Array.from(tokens.map((t) => t / 10)) } }]),
      );
      expect(typed).toEqual(plain);
    }
  });

  it("refuses a seq_id that is not an int32", () => {
    expect(() => encodeForwardBackwardRequest({ modelId: "m", seqId: 2 ** 31, data: [], lossFn: "x", forwardOnly: false })).toThrow(/seq_id/);
  });
});
