import type { ForwardBackwardOutput, TensorData, TensorDtype } from "@tinker-ts/types";
import { DTYPE_BFLOAT16, DTYPE_FLOAT32, DTYPE_INT32, DTYPE_INT64 } from "./dtype.js";
import { bytesToBfloat16, bytesToFloat32, bytesToInt32, bytesToInt64 } from "./little-endian.js";
import { WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireReader } from "./wire-reader.js";

export type { ForwardBackwardOutput };

// The protobuf result of a forward/backward (`tinker_public.ForwardBackwardOutput`, spec/proto),
// read by hand: protobuf-es's reflective fromBinary cost more than the rest of a small result's
// decoding. test/training/proto-output-reader.test.ts compares this reader with fromBinary.

/** `tinker_public.BatchedTensor`: one field of every datum of a record, split by byte offsets. */
export interface BatchedTensorMessage {
  data: Uint8Array;
  offsets: Uint8Array;
  dtype: number;
  trailingShape: number[];
}

/** `tinker_public.ArrayRecord`. */
export interface ArrayRecordMessage {
  typeTag: string;
  fields: Record<string, BatchedTensorMessage>;
  numDatums: number;
}

/** `tinker_public.ForwardBackwardOutput` as read off the wire. */
export interface ForwardBackwardOutputMessage {
  lossFnOutputType: string;
  lossFnOutputs: ArrayRecordMessage[];
  metrics: Record<string, number>;
}

function readBatchedTensor(r: WireReader): BatchedTensorMessage {
  const out: BatchedTensorMessage = { data: new Uint8Array(0), offsets: new Uint8Array(0), dtype: 0, trailingShape: [] };
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_LEN) out.data = r.bytes();
    else if (field === 2 && wire === WIRE_LEN) out.offsets = r.bytes();
    else if (field === 3 && wire === WIRE_VARINT) out.dtype = r.varint();
    else if (field === 4 && wire === WIRE_LEN) {
      const packed = r.message();
      while (!packed.done) out.trailingShape.push(packed.varint());
    } else if (field === 4 && wire === WIRE_VARINT) out.trailingShape.push(r.varint());
    else r.skip(wire, field);
  }
  return out;
}

/** A map entry: key = 1, value = 2; a missing key or value is its default. */
function readMapEntry<V>(r: WireReader, valueWire: number, readValue: (r: WireReader) => V, empty: () => V): [string, V] {
  let key = "";
  let value: V | undefined;
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_LEN) key = r.string();
    else if (field === 2 && wire === valueWire) value = readValue(r);
    else r.skip(wire, field);
  }
  return [key, value ?? empty()];
}

function readArrayRecord(r: WireReader): ArrayRecordMessage {
  const out: ArrayRecordMessage = { typeTag: "", fields: {}, numDatums: 0 };
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_LEN) out.typeTag = r.string();
    else if (field === 2 && wire === WIRE_LEN) {
      const [key, value] = readMapEntry(r.message(), WIRE_LEN, (m) => readBatchedTensor(m.message()), () => readBatchedTensor(new WireReader(new Uint8Array(0))));
      out.fields[key] = value;
    } else if (field === 3 && wire === WIRE_VARINT) out.numDatums = r.varint();
    else r.skip(wire, field);
  }
  return out;
}

export function readForwardBackwardOutput(bytes: Uint8Array): ForwardBackwardOutputMessage {
  const r = new WireReader(bytes);
  const out: ForwardBackwardOutputMessage = { lossFnOutputType: "", lossFnOutputs: [], metrics: {} };
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_LEN) out.lossFnOutputType = r.string();
    else if (field === 2 && wire === WIRE_LEN) out.lossFnOutputs.push(readArrayRecord(r.message()));
    else if (field === 3 && wire === WIRE_LEN) {
      const [key, value] = readMapEntry(r.message(), WIRE_FIXED64, (m) => m.double(), () => 0);
      out.metrics[key] = value;
    } else r.skip(wire, field);
  }
  return out;
}

const ITEM_SIZE: Readonly<Record<number, number>> = { [DTYPE_FLOAT32]: 4, [DTYPE_INT64]: 8, [DTYPE_INT32]: 4, [DTYPE_BFLOAT16]: 2 };
const PUBLIC_DTYPE: Readonly<Record<number, TensorDtype>> = {
  [DTYPE_FLOAT32]: "float32",
  [DTYPE_BFLOAT16]: "float32",
  [DTYPE_INT64]: "int64",
  [DTYPE_INT32]: "int64",
};

function decodeValues(bytes: Uint8Array, dtype: number): number[] {
  switch (dtype) {
    case DTYPE_FLOAT32:
      return bytesToFloat32(bytes);
    case DTYPE_BFLOAT16:
      return bytesToBfloat16(bytes);
    case DTYPE_INT32:
      return bytesToInt32(bytes);
    case DTYPE_INT64:
      return bytesToInt64(bytes);
    default:
      throw new TypeError(`unsupported protobuf dtype ${dtype}`);
  }
}

/** Splits a batched field into per-datum flat arrays using its int64 byte offsets. */
function perDatum(name: string, bt: BatchedTensorMessage): number[][] {
  if (ITEM_SIZE[bt.dtype] === undefined) throw new TypeError(`unsupported protobuf dtype ${bt.dtype} on field ${name}`);
  const offsets = bytesToInt64(bt.offsets, `${name} offsets`);
  const out: number[][] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    out.push(decodeValues(bt.data.subarray(offsets[i], offsets[i + 1]), bt.dtype));
  }
  return out;
}

export function decodeForwardBackwardOutput(bytes: Uint8Array): ForwardBackwardOutput {
  const proto = readForwardBackwardOutput(bytes);
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
      const trailing = bt.trailingShape;
      const list = arrays.get(name) ?? [];
      const metaList = meta.get(name) ?? [];
      for (const chunk of chunks) {
        list.push(chunk);
        metaList.push({ dtype, trailing });
      }
      arrays.set(name, list);
      meta.set(name, metaList);
    }
  }
  let numDatums = proto.lossFnOutputs.reduce((n, r) => n + r.numDatums, 0);
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
