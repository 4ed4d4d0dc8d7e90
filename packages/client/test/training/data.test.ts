import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors.js";
import { ModelInput, imageChunk, packTensor, prepareData, tensorToJson } from "../../src/data/index.js";

describe("ModelInput helpers", () => {
  it("fromInts builds one encoded_text chunk from arrays or typed arrays", () => {
    expect(ModelInput.fromInts([1, 2, 3])).toEqual({ chunks: [{ tokens: [1, 2, 3], type: "encoded_text" }] });
    expect(ModelInput.fromInts(new Int32Array([4, 5]))).toEqual({ chunks: [{ tokens: [4, 5], type: "encoded_text" }] });
    expect(JSON.stringify(ModelInput.fromInts([7]))).toBe('{"chunks":[{"tokens":[7],"type":"encoded_text"}]}');
  });

  it("toInts, length, appendInt", () => {
    const mi = ModelInput.appendInt(ModelInput.fromInts([1, 2]), 3);
    expect(ModelInput.toInts(mi)).toEqual([1, 2, 3]);
    expect(ModelInput.length(mi)).toBe(3);
    const withImage = ModelInput.append(mi, imageChunk(new Uint8Array([1, 2, 3]), "png", 5));
    expect(ModelInput.length(withImage)).toBe(8);
    expect(() => ModelInput.toInts(withImage)).toThrow(ValidationError);
  });

  it("refuses tokens that are not int32 integers", () => {
    for (const bad of [1.5, Number.NaN, 2 ** 31, -(2 ** 31) - 1]) {
      expect(() => ModelInput.fromInts([1, bad])).toThrow(/index 1/);
    }
  });
});

describe("packTensor (the Python Datum coercion)", () => {
  it("gives raw arrays the dtype their key implies and their shape", () => {
    const t = packTensor("target_tokens", [[1, 2], [3, 4]]);
    expect(t.dtype).toBe("int64");
    expect(t.values).toEqual(new BigInt64Array([1n, 2n, 3n, 4n]));
    expect(t.shape).toEqual([2, 2]);
    const w = packTensor("weights", new Float64Array([0.5, 1]));
    expect(w.dtype).toBe("float32");
    expect(w.values).toBeInstanceOf(Float32Array);
    expect(w.shape).toEqual([2]);
    expect(packTensor("advantages", [1n, 2n]).values).toEqual(new Float32Array([1, 2]));
  });

  it("packs int64 from numbers, typed arrays and bigints: negatives, int32 limits and safe integers", () => {
    const values = [0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, -(2 ** 53) + 1, 4294967296 * 3 + 5, -0];
    const expected = BigInt64Array.from(values.map((v) => BigInt(v)));
    expect(packTensor("target_tokens", values).values).toEqual(expected);
    expect(packTensor("target_tokens", Float64Array.from(values)).values).toEqual(expected);
    expect(packTensor("target_tokens", values.map((v) => BigInt(v))).values).toEqual(expected);
    expect(packTensor("target_tokens", new Int32Array([-5, 7])).values).toEqual(new BigInt64Array([-5n, 7n]));
    expect(packTensor("x", { data: [1, 2n], dtype: "int64", shape: [1, 2], sparse_crow_indices: new Int32Array([0, 2]), sparse_col_indices: [0, 2 ** 40] }).csr).toEqual({
      crow: new BigInt64Array([0n, 2n]),
      col: new BigInt64Array([0n, 2n ** 40n]),
    });
  });

  it("refuses negative or fractional CSR indices, naming the index array", () => {
    expect(() => packTensor("x", { data: [1], dtype: "float32", shape: [1, 1], sparse_crow_indices: [0, 1], sparse_col_indices: [-1] })).toThrow(
      expect.objectContaining({ field: "loss_fn_inputs.x.sparse_col_indices" }),
    );
    expect(() => packTensor("x", { data: [1], dtype: "float32", shape: [1, 1], sparse_crow_indices: [0, 0.5], sparse_col_indices: [0] })).toThrow(/non-negative integer/);
  });

  it("takes BigInt64Array target tokens as they are", () => {
    const arr = new BigInt64Array([9n, 8n]);
    expect(packTensor("target_tokens", arr).values).toBe(arr);
  });

  it("keeps explicit TensorData, including CSR", () => {
    const t = packTensor("custom", { data: [5, 6], dtype: "float32", shape: [2, 3], sparse_crow_indices: [0, 1, 2], sparse_col_indices: [2, 0] });
    expect(tensorToJson(t)).toEqual({ data: [5, 6], dtype: "float32", shape: [2, 3], sparse_crow_indices: [0, 1, 2], sparse_col_indices: [2, 0] });
  });

  it.each([
    ["ragged nested arrays", "target_tokens", [[1, 2], [3]], /ragged/],
    ["ragged depth", "weights", [[1], 2], /ragged/],
    ["a fractional token", "target_tokens", [1, 2.5], /integer/],
    ["NaN weight", "weights", [1, Number.NaN], /finite/],
    ["Infinity in a float32 typed array", "weights", new Float32Array([Number.POSITIVE_INFINITY]), /NaN and Infinity/],
    ["an unknown key given a raw array", "mystery", [1], /no default dtype/],
    ["a shape that does not match", "x", { data: [1, 2, 3], dtype: "float32", shape: [2, 2] }, /holds 4 values/],
    ["half of CSR", "x", { data: [1], dtype: "float32", shape: [1, 1], sparse_crow_indices: [0, 1] }, /together/],
    ["a bad dtype", "x", { data: [1], dtype: "float64" }, /dtype/],
    ["an array among 1-D values", "weights", [1, [2]], /ragged nested array at \[1\]: expected a number/],
    ["a ragged row deep inside", "target_tokens", [[[1, 2], [3, 4]], [[5, 6], [7]]], /ragged nested array at \[1\]\[1\]: expected 2 elements, found 1/],
    ["an array where a leaf belongs", "logprobs", [[1, 2], [3, [4]]], /ragged nested array at \[1\]\[1\]: expected a number/],
    ["a string in a 2-D tensor", "weights", [[1, 2], [3, "4"]], /value at index 3 must be a finite number, got 4/],
    ["an int64 beyond 2^53", "target_tokens", [2 ** 53], /integer/],
    ["a bigint beyond int64", "target_tokens", [2n ** 63n], /does not fit int64/],
    ["a bigint beyond float range", "weights", [10n ** 400n], /finite/],
  ])("refuses %s with a ValidationError naming the field", (_label, key, value, message) => {
    let caught: unknown;
    try {
      packTensor(key, value);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).field).toBe(`loss_fn_inputs.${key}`);
    expect((caught as Error).message).toMatch(message);
  });
});

describe("prepareData", () => {
  it("names the datum that is wrong", () => {
    const good = { model_input: ModelInput.fromInts([1]), loss_fn_inputs: { target_tokens: [2], weights: [1] } };
    const bad = { model_input: ModelInput.fromInts([1]), loss_fn_inputs: { target_tokens: [[1], [2, 3]] } };
    expect(() => prepareData([good, bad])).toThrow(/data\[1\]\.loss_fn_inputs\.target_tokens/);
    expect(() => prepareData([])).toThrow(ValidationError);
  });

  it("estimates bytes as the Python SDK: 4 per token plus tensor bytes", () => {
    const [d] = prepareData([{ model_input: ModelInput.fromInts([1, 2, 3]), loss_fn_inputs: { target_tokens: [1, 2, 3], weights: [1, 1, 1] } }]);
    expect(d?.estimatedBytes).toBe(3 * 4 + 3 * 8 + 3 * 4);
  });

  it("refuses tokens that are not int32 integers and image expected_tokens that are not non-negative int32s", () => {
    expect(() => prepareData([{ model_input: { chunks: [{ tokens: [1, "2"], type: "encoded_text" }] } }])).toThrow(/data\[0\]\.model_input\.chunks\[0\]\.tokens: token at index 1/);
    for (const bad of [-1, 1.5, 2 ** 31]) {
      expect(() => prepareData([{ model_input: { chunks: [{ data: "AA==", format: "png", expected_tokens: bad, type: "image" }] } }])).toThrow(/expected_tokens/);
    }
  });

  it("refuses image_asset_pointer chunks, which the protobuf body cannot carry", () => {
    const datum = { model_input: { chunks: [{ format: "png", location: "s3://x", expected_tokens: 2, type: "image_asset_pointer" }] } };
    expect(() => prepareData([datum])).toThrow(/image_asset_pointer/);
  });
});
