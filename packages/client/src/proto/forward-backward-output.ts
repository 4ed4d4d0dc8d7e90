import { fromBinary } from "@bufbuild/protobuf";
import { DType, ForwardBackwardOutputSchema, type BatchedTensor } from "@tinker-ts/types/proto";
import type { ForwardBackwardOutput, TensorData, TensorDtype } from "@tinker-ts/types";
import { bytesToBfloat16, bytesToFloat32, bytesToInt32, bytesToInt64 } from "./little-endian.js";

export type { ForwardBackwardOutput };

const ITEM_SIZE: Partial<Record<DType, number>> = { [DType.DTYPE_FLOAT32]: 4, [DType.DTYPE_INT64]: 8, [DType.DTYPE_INT32]: 4, [DType.DTYPE_BFLOAT16]: 2 };
const PUBLIC_DTYPE: Partial<Record<DType, TensorDtype>> = {
  [DType.DTYPE_FLOAT32]: "float32",
  [DType.DTYPE_BFLOAT16]: "float32",
  [DType.DTYPE_INT64]: "int64",
  [DType.DTYPE_INT32]: "int64",
};

function decodeValues(bytes: Uint8Array, dtype: DType): number[] {
  switch (dtype) {
    case DType.DTYPE_FLOAT32:
      return bytesToFloat32(bytes);
    case DType.DTYPE_BFLOAT16:
      return bytesToBfloat16(bytes);
    case DType.DTYPE_INT32:
      return bytesToInt32(bytes);
    case DType.DTYPE_INT64:
      return bytesToInt64(bytes);
    default:
      throw new TypeError(`unsupported protobuf dtype ${dtype}`);
  }
}

/** Splits a batched field into per-datum flat arrays using its int64 byte offsets. */
function perDatum(name: string, bt: BatchedTensor): number[][] {
  const size = ITEM_SIZE[bt.dtype];
  if (size === undefined) throw new TypeError(`unsupported protobuf dtype ${bt.dtype} on field ${name}`);
  const offsets = bytesToInt64(bt.offsets, `${name} offsets`);
  const out: number[][] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    out.push(decodeValues(bt.data.subarray(offsets[i], offsets[i + 1]), bt.dtype));
  }
  return out;
}

export function decodeForwardBackwardOutput(bytes: Uint8Array): ForwardBackwardOutput {
  const proto = fromBinary(ForwardBackwardOutputSchema, bytes);
  const metrics: Record<string, number> = { ...proto.metrics };
  if (proto.lossFnOutputs.length === 0) {
    return { loss_fn_output_type: proto.lossFnOutputType || "ArrayRecord", loss_fn_outputs: [], metrics };
  }
  const className = proto.lossFnOutputType.split(":").at(-1) ?? "";
  const arrays = new Map<string, number[][]>();
  const meta = new Map<string, { dtype: TensorDtype; trailing: number[] }[]>();
  for (const record of proto.lossFnOutputs) {
    for (const [name, bt] of Object.entries(record.fields)) {
      const dtype = PUBLIC_DTYPE[bt.dtype];
      if (dtype === undefined) throw new TypeError(`unsupported protobuf dtype ${bt.dtype} on field ${name}`);
      const chunks = perDatum(name, bt);
      const trailing = bt.trailingShape.map(Number);
      arrays.set(name, [...(arrays.get(name) ?? []), ...chunks]);
      meta.set(name, [...(meta.get(name) ?? []), ...chunks.map(() => ({ dtype, trailing }))]);
    }
  }
  let numDatums = proto.lossFnOutputs.reduce((n, r) => n + Number(r.numDatums), 0);
  if (numDatums === 0 && arrays.size > 0) numDatums = (arrays.values().next().value as number[][]).length;
  const outputs: Record<string, TensorData>[] = [];
  for (let i = 0; i < numDatums; i++) {
    const datum: Record<string, TensorData> = {};
    for (const [name, list] of arrays) {
      const data = list[i];
      const m = meta.get(name)?.[i];
      if (data === undefined || m === undefined) throw new RangeError(`field ${name} has no values for datum ${i}`);
      const trailingElems = m.trailing.reduce((a, b) => a * b, 1);
      const leading = trailingElems ? Math.floor(data.length / trailingElems) : 0;
      datum[name] = { data, dtype: m.dtype, shape: [leading, ...m.trailing] };
    }
    outputs.push(datum);
  }
  return { loss_fn_output_type: className, loss_fn_outputs: outputs, metrics };
}
