import type { TensorData, TensorDtype } from "@tinker-ts/types";
import { invalidArgument } from "../paths/invalid-argument.js";

export type { TensorData, TensorDtype };

type NumericArray =
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

/** Flattens nested arrays row-major, refusing ragged ones; returns the flat values and the shape. */
function flattenRectangular(value: readonly NestedNumbers[] | NumericArray, parameter: string): { flat: ArrayLike<number | bigint>; shape: number[] } {
  if (isTypedArray(value)) return { flat: value as ArrayLike<number | bigint>, shape: [value.length] };
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const flat: (number | bigint)[] = [];
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(node)) invalidArgument(parameter, `ragged nested array at ${path}: expected a number, found an array`);
      flat.push(node as number | bigint);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      invalidArgument(parameter, `ragged nested array at ${path}: expected ${shape[depth]} elements, found ${Array.isArray(node) ? node.length : "a number"}`);
    }
    node.forEach((child, i) => walk(child, depth + 1, `${path}[${i}]`));
  };
  walk(value, 0, "");
  return { flat, shape };
}

function packValues(values: ArrayLike<number | bigint>, dtype: TensorDtype, parameter: string): Float32Array | BigInt64Array {
  const n = values.length;
  if (dtype === "float32") {
    if (values instanceof Float32Array) {
      for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) invalidArgument(parameter, `value at index ${i} is ${values[i]}; NaN and Infinity are refused`);
      return values;
    }
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const num = typeof v === "bigint" ? Number(v) : v;
      if (typeof num !== "number" || !Number.isFinite(num)) invalidArgument(parameter, `value at index ${i} must be a finite number, got ${String(v)}`);
      out[i] = num;
    }
    return out;
  }
  if (values instanceof BigInt64Array) return values;
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === "bigint") {
      out[i] = BigInt.asIntN(64, v) === v ? v : invalidArgument(parameter, `value at index ${i} does not fit int64`);
    } else if (typeof v === "number" && Number.isSafeInteger(v)) {
      out[i] = BigInt(v);
    } else {
      invalidArgument(parameter, `value at index ${i} must be an integer for an int64 tensor, got ${String(v)}`);
    }
  }
  return out;
}

function packIndices(values: ArrayLike<number>, parameter: string): BigInt64Array {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) invalidArgument(parameter, `index at ${i} must be a non-negative integer, got ${String(v)}`);
    out[i] = BigInt(v);
  }
  return out;
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
    const packed = packValues(value.data as ArrayLike<number | bigint>, dtype, parameter);
    const crow = value.sparse_crow_indices;
    const col = value.sparse_col_indices;
    if ((crow == null) !== (col == null)) invalidArgument(parameter, "sparse_crow_indices and sparse_col_indices must be set together");
    if (crow != null && col != null) {
      if (shape === undefined || shape.length !== 2) invalidArgument(parameter, "a sparse CSR tensor needs a 2-D shape");
      if (crow.length !== (shape[0] as number) + 1) invalidArgument(parameter, `sparse_crow_indices must have rows + 1 = ${(shape[0] as number) + 1} entries, got ${crow.length}`);
      if (col.length !== packed.length) invalidArgument(parameter, `sparse_col_indices (${col.length}) and data (${packed.length}) must have the same length`);
      return { dtype, values: packed, shape, csr: { crow: packIndices(crow, parameter), col: packIndices(col, parameter) } };
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
    return { dtype, values: packValues(flat, dtype, parameter), shape };
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
