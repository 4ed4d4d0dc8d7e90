import type { TensorData, TensorDtype } from "@tinker-ts/types";
import { invalidArgument } from "../paths/invalid-argument.js";
import { LITTLE_ENDIAN_HOST } from "../proto/little-endian.js";

export type { TensorData, TensorDtype };

export type NumericArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** What callers may hand in for a tensor: a TensorData-like object (data as any array-like), or raw data. */
export interface TensorDataInput {
  data: ArrayLike<number> | ArrayLike<bigint> | NumericArray;
  dtype: TensorDtype;
  shape?: readonly number[] | null;
  sparse_crow_indices?: ArrayLike<number> | null;
  sparse_col_indices?: ArrayLike<number> | null;
}
export type NestedNumbers = number | bigint | readonly NestedNumbers[];
export type LossFnInput = TensorDataInput | NumericArray | readonly NestedNumbers[];

/** The wire dtype the Python SDK gives raw arrays, by `loss_fn_inputs` key. */
export const LOSS_FN_INPUT_DTYPES: Readonly<Record<string, TensorDtype>> = {
  target_tokens: "int64",
  weights: "float32",
  advantages: "float32",
  logprobs: "float32",
  clip_low_threshold: "float32",
  clip_high_threshold: "float32",
  sequence_ratio_mask: "float32",
};

/** A tensor checked and packed in its wire dtype, ready for protobuf. */
export interface PackedTensor {
  dtype: TensorDtype;
  values: Float32Array | BigInt64Array;
  shape: number[] | undefined;
  csr?: { crow: BigInt64Array; col: BigInt64Array };
}

function isTypedArray(v: unknown): v is NumericArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

function isTensorDataInput(v: unknown): v is TensorDataInput {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isTypedArray(v) && "dtype" in v && "data" in v;
}

/** `[i][j]…` of the element at row-major `flatIndex` in `shape`: built only for an error message. */
function elementPath(flatIndex: number, shape: readonly number[]): string {
  const parts: string[] = [];
  let rest = flatIndex;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d] as number;
    parts.push(`[${size === 0 ? 0 : rest % size}]`);
    rest = size === 0 ? 0 : Math.floor(rest / size);
  }
  return parts.reverse().join("");
}

function raggedAt(parameter: string, path: string, found: string, expected: string): never {
  return invalidArgument(parameter, `ragged nested array at ${path}: expected ${expected}, found ${found}`);
}

/**
 * Flattens nested arrays row-major, refusing ragged ones; returns the flat values and the shape.
 * A 1-D array is returned as it is: its elements are checked (and an array among them reported as
 * ragged) while packing.
 */
function flattenRectangular(value: readonly NestedNumbers[] | NumericArray, parameter: string): { flat: ArrayLike<unknown>; shape: number[] } {
  if (isTypedArray(value)) return { flat: value, shape: [value.length] };
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  if (shape.length === 1) return { flat: value, shape };
  const flat: unknown[] = [];
  const index: number[] = new Array<number>(shape.length).fill(0);
  const pathTo = (depth: number): string => index.slice(0, depth).map((i) => `[${i}]`).join("");
  const leafDepth = shape.length - 1;
  const walk = (node: readonly unknown[], depth: number): void => {
    const n = node.length;
    if (depth === leafDepth) {
      for (let i = 0; i < n; i++) {
        const v = node[i];
        if (Array.isArray(v)) {
          index[depth] = i;
          raggedAt(parameter, pathTo(depth + 1), "an array", "a number");
        }
        flat.push(v);
      }
      return;
    }
    const childLength = shape[depth + 1] as number;
    for (let i = 0; i < n; i++) {
      const child: unknown = node[i];
      if (!Array.isArray(child) || child.length !== childLength) {
        index[depth] = i;
        raggedAt(parameter, pathTo(depth + 1), Array.isArray(child) ? `${child.length} elements` : "a number", `${childLength} elements`);
      }
      index[depth] = i;
      walk(child, depth + 1);
    }
  };
  walk(value as readonly unknown[], 0);
  return { flat, shape };
}

/** The error for the value at flat index `i` (an array there means the nesting was ragged). */
function badValue(parameter: string, v: unknown, i: number, shape: readonly number[] | undefined, expected: string): never {
  const where = shape !== undefined && shape.length > 1 ? elementPath(i, shape) : `[${i}]`;
  if (Array.isArray(v)) raggedAt(parameter, where, "an array", "a number");
  return invalidArgument(parameter, `value at index ${i} ${expected}, got ${String(v)}`);
}

function packFloat32(values: ArrayLike<unknown>, parameter: string, shape: readonly number[] | undefined): Float32Array {
  const n = values.length;
  if (values instanceof Float32Array) {
    for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) invalidArgument(parameter, `value at index ${i} is ${values[i]}; NaN and Infinity are refused`);
    return values;
  }
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      out[i] = v as number;
    } else if (typeof v === "bigint" && Number.isFinite(Number(v))) {
      out[i] = Number(v);
    } else {
      badValue(parameter, v, i, shape, "must be a finite number");
    }
  }
  return out;
}

const TWO_32 = 2 ** 32;

/**
 * int64 values packed as BigInt64Array. Integers that fit int32 (all token ids) are written as two
 * 32-bit words on little-endian hosts, which avoids creating a BigInt per element.
 */
function packInt64(values: ArrayLike<unknown>, parameter: string, shape: readonly number[] | undefined, minimum?: number): BigInt64Array {
  if (values instanceof BigInt64Array && minimum === undefined) return values;
  const n = values.length;
  const out = new BigInt64Array(n);
  const words = LITTLE_ENDIAN_HOST ? new Int32Array(out.buffer) : undefined;
  let i = 0;
  if (words !== undefined && minimum === undefined) {
    // The common case (token ids): int32 numbers, sign-extended into the high word.
    for (; i < n; i++) {
      const v = values[i];
      if (typeof v !== "number" || (v | 0) !== v) break;
      words[2 * i] = v;
      words[2 * i + 1] = v >> 31;
    }
  }
  const expected = minimum === undefined ? "must be an integer for an int64 tensor" : "must be a non-negative integer";
  for (; i < n; i++) {
    const v = values[i];
    if (typeof v === "number" && (v | 0) === v && (minimum === undefined || v >= minimum)) {
      if (words !== undefined) {
        words[2 * i] = v;
        words[2 * i + 1] = v < 0 ? -1 : 0;
      } else {
        out[i] = BigInt(v);
      }
    } else if (typeof v === "number" && Number.isSafeInteger(v) && (minimum === undefined || v >= minimum)) {
      if (words !== undefined) {
        const high = Math.floor(v / TWO_32);
        words[2 * i] = v - high * TWO_32;
        words[2 * i + 1] = high;
      } else {
        out[i] = BigInt(v);
      }
    } else if (typeof v === "bigint" && BigInt.asIntN(64, v) === v && (minimum === undefined || v >= BigInt(minimum))) {
      out[i] = v;
    } else if (typeof v === "bigint" && BigInt.asIntN(64, v) !== v) {
      invalidArgument(parameter, `value at index ${i} does not fit int64`);
    } else {
      badValue(parameter, v, i, shape, expected);
    }
  }
  return out;
}

function packValues(values: ArrayLike<unknown>, dtype: TensorDtype, parameter: string, shape?: readonly number[]): Float32Array | BigInt64Array {
  return dtype === "float32" ? packFloat32(values, parameter, shape) : packInt64(values, parameter, shape);
}

function packIndices(values: ArrayLike<unknown>, parameter: string): BigInt64Array {
  return packInt64(values, parameter, undefined, 0);
}


function checkShape(shape: readonly number[], parameter: string): number[] {
  for (const d of shape) if (!Number.isSafeInteger(d) || d < 0) invalidArgument(parameter, `shape entries must be non-negative integers, got [${shape.join(", ")}]`);
  return [...shape];
}

/**
 * Coerces one `loss_fn_inputs` value as the Python SDK's Datum does: TensorData as given; raw arrays
 * (nested or typed) get the dtype their key implies and their rectangular shape. Refuses ragged data,
 * a shape that does not match, non-integers in int64 tensors and NaN/Infinity in float tensors.
 */
export function packTensor(key: string, value: unknown, parameter = `loss_fn_inputs.${key}`): PackedTensor {
  if (isTensorDataInput(value)) {
    const dtype = value.dtype;
    if (dtype !== "int64" && dtype !== "float32") invalidArgument(parameter, `dtype must be "int64" or "float32", got ${JSON.stringify(dtype)}`);
    const shape = value.shape == null ? undefined : checkShape(value.shape, parameter);
    const packed = packValues(value.data, dtype, parameter);
    const crow = value.sparse_crow_indices;
    const col = value.sparse_col_indices;
    if ((crow == null) !== (col == null)) invalidArgument(parameter, "sparse_crow_indices and sparse_col_indices must be set together");
    if (crow != null && col != null) {
      if (shape === undefined || shape.length !== 2) invalidArgument(parameter, "a sparse CSR tensor needs a 2-D shape");
      if (crow.length !== (shape[0] as number) + 1) invalidArgument(parameter, `sparse_crow_indices must have rows + 1 = ${(shape[0] as number) + 1} entries, got ${crow.length}`);
      if (col.length !== packed.length) invalidArgument(parameter, `sparse_col_indices (${col.length}) and data (${packed.length}) must have the same length`);
      return { dtype, values: packed, shape, csr: { crow: packIndices(crow, `${parameter}.sparse_crow_indices`), col: packIndices(col, `${parameter}.sparse_col_indices`) } };
    }
    if (shape !== undefined) {
      const size = shape.reduce((a, b) => a * b, 1);
      if (size !== packed.length) invalidArgument(parameter, `shape [${shape.join(", ")}] holds ${size} values but data has ${packed.length}`);
    }
    return { dtype, values: packed, shape };
  }
  if (Array.isArray(value) || isTypedArray(value)) {
    const dtype = Object.hasOwn(LOSS_FN_INPUT_DTYPES, key) ? LOSS_FN_INPUT_DTYPES[key] : undefined;
    if (dtype === undefined) {
      invalidArgument(parameter, `no default dtype for key ${JSON.stringify(key)}; pass { data, dtype, shape } (keys with defaults: ${Object.keys(LOSS_FN_INPUT_DTYPES).join(", ")})`);
    }
    const { flat, shape } = flattenRectangular(value as readonly NestedNumbers[] | NumericArray, parameter);
    return { dtype, values: packValues(flat, dtype, parameter, shape), shape };
  }
  return invalidArgument(parameter, `expected an array, a typed array or { data, dtype, shape }, got ${value === null ? "null" : typeof value}`);
}

/** The JSON (`TensorData`) form of a packed tensor: what Python's model_dump would give. */
export function tensorToJson(t: PackedTensor): TensorData {
  const data = t.values instanceof BigInt64Array ? Array.from(t.values, Number) : Array.from(t.values);
  const out: TensorData = { data, dtype: t.dtype };
  if (t.shape !== undefined) out.shape = t.shape;
  if (t.csr) {
    out.sparse_crow_indices = Array.from(t.csr.crow, Number);
    out.sparse_col_indices = Array.from(t.csr.col, Number);
  }
  return out;
}

/** Bytes the Python SDK's chunk-size estimate counts for a tensor: values in dtype + 8 per CSR index. */
export function estimateTensorBytes(t: PackedTensor): number {
  return t.values.byteLength + (t.csr ? 8 * (t.csr.crow.length + t.csr.col.length) : 0);
}
