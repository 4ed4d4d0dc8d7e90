import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { ArrayRecordSchema, BatchedTensorSchema, DType, ForwardBackwardOutputSchema, type ForwardBackwardOutput } from "@tinker-ts/types/proto";
import { describe, expect, it } from "vitest";
import { decodeForwardBackwardOutput, readForwardBackwardOutput, type ForwardBackwardOutputMessage } from "../../src/proto/forward-backward-output.js";

// The hand-written reader must see what protobuf-es's fromBinary sees (the generated types are the contract).

function viaProtobufEs(bytes: Uint8Array): ForwardBackwardOutputMessage {
  const m: ForwardBackwardOutput = fromBinary(ForwardBackwardOutputSchema, bytes);
  return {
    lossFnOutputType: m.lossFnOutputType,
    metrics: { ...m.metrics },
    lossFnOutputs: m.lossFnOutputs.map((r) => ({
      typeTag: r.typeTag,
      numDatums: Number(r.numDatums),
      fields: Object.fromEntries(
        Object.entries(r.fields).map(([k, t]) => [k, { data: t.data, offsets: t.offsets, dtype: t.dtype, trailingShape: t.trailingShape.map(Number) }]),
      ),
    })),
  };
}

function expectSameAsProtobufEs(bytes: Uint8Array): ForwardBackwardOutputMessage {
  const ours = readForwardBackwardOutput(bytes);
  expect(ours).toEqual(viaProtobufEs(bytes));
  return ours;
}

function bytesOf(n: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
}

/** Concatenates byte runs (for hand-written wire input). */
function cat(...parts: (number[] | Uint8Array)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe("readForwardBackwardOutput matches fromBinary", () => {
  it("records with several fields, dtypes, trailing shapes, large num_datums, metrics", () => {
    const bytes = toBinary(
      ForwardBackwardOutputSchema,
      create(ForwardBackwardOutputSchema, {
        lossFnOutputType: "tinker.types:ArrayRecord ✓",
        metrics: { "loss:sum": -1.5, "n:mean": 0, "2": 1e300, "": Number.NaN },
        lossFnOutputs: [
          create(ArrayRecordSchema, {
            typeTag: "t",
            numDatums: 2n ** 40n,
            fields: {
              logprobs: create(BatchedTensorSchema, { data: bytesOf(300, 1), offsets: bytesOf(16, 2), dtype: DType.DTYPE_FLOAT32, trailingShape: [] }),
              ids: create(BatchedTensorSchema, { data: bytesOf(5, 3), offsets: bytesOf(24, 4), dtype: DType.DTYPE_INT64, trailingShape: [3n, 200n, 2n ** 50n] }),
              "": create(BatchedTensorSchema, {}),
            },
          }),
          create(ArrayRecordSchema, {}),
          create(ArrayRecordSchema, { numDatums: 1n, fields: { x: create(BatchedTensorSchema, { dtype: DType.DTYPE_BFLOAT16 }) } }),
        ],
      }),
    );
    expectSameAsProtobufEs(bytes);
  });

  it("an empty message", () => {
    expect(expectSameAsProtobufEs(new Uint8Array(0))).toEqual({ lossFnOutputType: "", lossFnOutputs: [], metrics: {} });
  });

  it("unknown fields of every wire type are skipped; unpacked trailing_shape; last value and last map key win; defaults for missing key/value", () => {
    const tensor = cat(
      [0x0a, 2, 7, 8], // data
      [0x22, 2, 3, 4], // trailing_shape packed [3, 4]
      [0x20, 5], // trailing_shape unpacked 5
      [0x18, 3], // dtype INT32
      [0x78, 0x96, 0x01], // field 15 varint (unknown)
      [0x39, 1, 2, 3, 4, 5, 6, 7, 8], // field 7 fixed64 (unknown)
      [0x45, 1, 2, 3, 4], // field 8 fixed32 (unknown)
      [0x4b, 0x50, 1, 0x4c], // field 9 group holding field 10 = 1 (unknown)
      [0x12, 1, 9], // offsets
    );
    const entry = (key: string, value: Uint8Array) => cat([0x0a, key.length], new TextEncoder().encode(key), [0x12, value.length], value);
    const e1 = entry("lp", tensor);
    const e2 = entry("lp", cat([0x18, 1]));
    const record = cat([0x12, e1.length], e1, [0x12, e2.length], e2, [0x12, 2, 0x0a, 0], [0x12, 3, 0x0a, 1, 0x7a], [0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], [0x0a, 1, 0x41]);
    const metric = cat([0x0a, 1, 0x6d, 0x11], new Uint8Array(new Float64Array([2.5]).buffer));
    const bytes = cat([0x0a, 1, 0x41], [0x12, record.length], record, [0x1a, metric.length], metric, [0x1a, 0], [0x0a, 1, 0x42], [0x12, 0]);
    const ours = expectSameAsProtobufEs(bytes);
    expect(ours.lossFnOutputType).toBe("B");
    expect(ours.lossFnOutputs[0]?.numDatums).toBe(-1);
    expect(ours.metrics).toEqual({ m: 2.5, "": 0 });
  });

  it("refuses truncated input", () => {
    expect(() => readForwardBackwardOutput(new Uint8Array([0x0a, 5, 1]))).toThrow(RangeError);
    expect(() => readForwardBackwardOutput(new Uint8Array([0x18, 0x80]))).toThrow(RangeError);
  });

  it("decodes 64 datums of 1,000 logprobs from unaligned bytes exactly", () => {
    const values = Float32Array.from({ length: 64_000 }, (_, i) => Math.fround(-i / 7));
    const offsets = BigInt64Array.from({ length: 65 }, (_, i) => BigInt(i * 4000));
    const bytes = toBinary(
      ForwardBackwardOutputSchema,
      create(ForwardBackwardOutputSchema, {
        lossFnOutputType: "x:CrossEntropy",
        lossFnOutputs: [create(ArrayRecordSchema, { numDatums: 64n, fields: { logprobs: create(BatchedTensorSchema, { data: new Uint8Array(values.buffer), offsets: new Uint8Array(offsets.buffer), dtype: DType.DTYPE_FLOAT32 }) } })],
      }),
    );
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    // A Node Buffer from the shared pool, as the node transport hands responses over (its slice() shares memory).
    const pooled = Buffer.from(bytes);
    for (const input of [shifted, pooled, Buffer.concat([Buffer.from([1, 2, 3]), pooled]).subarray(3)]) {
      const out = decodeForwardBackwardOutput(input);
      expect(out.loss_fn_outputs).toHaveLength(64);
      expect(out.loss_fn_outputs[63]?.["logprobs"]?.data).toEqual(Array.from(values.subarray(63_000)));
      expect(out.loss_fn_outputs[0]?.["logprobs"]?.data).toEqual(Array.from(values.subarray(0, 1000)));
      expect(out.loss_fn_outputs[0]?.["logprobs"]?.shape).toEqual([1000]);
    }
  });
});
