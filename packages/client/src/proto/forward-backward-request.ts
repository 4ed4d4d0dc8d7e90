import { base64ToBytes } from "../data/base64.js";
import type { ModelInputChunk } from "../data/model-input.js";
import type { PreparedDatum } from "../data/datum.js";
import type { PackedTensor } from "../data/tensor.js";
import { invalidArgument } from "../paths/invalid-argument.js";
import { WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireWriter, int32Size, lenFieldSize, utf8Length, varintSize } from "./wire-writer.js";

// The body of POST /api/v1/forward_backward: `tinker_public.ForwardBackwardRequest` (spec/proto).
// Written directly instead of through @bufbuild/protobuf's reflective toBinary, which cost ~0.5 ms
// per small request and most of a large batch's encode time. The bytes are the ones toBinary writes
// for the same message (test/training/proto-forward-backward.test.ts holds us to that): fields in
// number order, proto3 scalars only when not default, oneof members and map entries always.

export interface ForwardBackwardRequestParts {
  modelId: string;
  seqId: number;
  data: readonly PreparedDatum[];
  lossFn: string;
  /** Numbers go to both `loss_fn_config` and `loss_fn_config_v2`; strings only to v2 (tinker 0.38.0's dual write). */
  lossFnConfig?: Readonly<Record<string, number | string>> | undefined;
  forwardOnly: boolean;
}

const DTYPE_FLOAT32 = 1;
const DTYPE_INT64 = 2;

/** Image and dmel bytes, decoded once while sizing and consumed in the same order while writing. */
type Blobs = Uint8Array[];

function shapeBytes(shape: readonly number[]): number {
  let n = 0;
  for (const d of shape) n += varintSize(d);
  return n;
}

function csrSize(t: PackedTensor & { csr: NonNullable<PackedTensor["csr"]> }): number {
  const bytes = (n: number) => (n === 0 ? 0 : lenFieldSize(n));
  return bytes(t.values.byteLength) + bytes(t.csr.crow.byteLength) + bytes(t.csr.col.byteLength);
}

// Tensor { oneof encoding { bytes dense = 1; SparseCsr sparse_csr = 2; } DType dtype = 3; repeated int64 shape = 4 [packed]; }
function tensorSize(t: PackedTensor): number {
  let n = t.csr ? lenFieldSize(csrSize(t as Parameters<typeof csrSize>[0])) : lenFieldSize(t.values.byteLength);
  n += 2; // dtype: never DTYPE_UNSPECIFIED here
  if (t.shape !== undefined && t.shape.length > 0) n += lenFieldSize(shapeBytes(t.shape));
  return n;
}

function writeTensor(w: WireWriter, t: PackedTensor): void {
  if (t.csr) {
    w.tag(2, WIRE_LEN);
    w.varint(csrSize(t as Parameters<typeof csrSize>[0]));
    const field = (no: number, values: Float32Array | BigInt64Array) => {
      if (values.byteLength === 0) return;
      w.tag(no, WIRE_LEN);
      w.varint(values.byteLength);
      w.littleEndian(values);
    };
    field(1, t.values);
    field(2, t.csr.crow);
    field(3, t.csr.col);
  } else {
    w.tag(1, WIRE_LEN);
    w.varint(t.values.byteLength);
    w.littleEndian(t.values);
  }
  w.tag(3, WIRE_VARINT);
  w.varint(t.dtype === "float32" ? DTYPE_FLOAT32 : DTYPE_INT64);
  if (t.shape !== undefined && t.shape.length > 0) {
    w.tag(4, WIRE_LEN);
    w.varint(shapeBytes(t.shape));
    for (const d of t.shape) w.varint(d);
  }
}

function optionalBytes(length: number): number {
  return length === 0 ? 0 : lenFieldSize(length);
}

// Chunk { oneof chunk { EncodedTextChunk encoded_text = 1; ImageChunk image = 2; DmelChunk dmel = 3; } }
// The size of the chunk's inner message (image and dmel bytes decoded beforehand).
function chunkBodySize(chunk: ModelInputChunk, blob: Uint8Array | undefined): number {
  switch (chunk.type) {
    case "encoded_text":
      return optionalBytes(4 * chunk.tokens.length);
    case "image": {
      let n = optionalBytes((blob as Uint8Array).length) + optionalBytes(utf8Length(chunk.format));
      if (chunk.expected_tokens != null) n += 1 + int32Size(chunk.expected_tokens);
      return n;
    }
    case "dmel":
      return optionalBytes((blob as Uint8Array).length);
    case "image_asset_pointer":
      return invalidArgument("model_input", "image_asset_pointer chunks cannot be encoded for forward/backward");
  }
}

function decodeBlob(chunk: ModelInputChunk, blobs: Blobs): Uint8Array | undefined {
  if (chunk.type === "image") return (blobs[blobs.length] = base64ToBytes(chunk.data));
  if (chunk.type === "dmel") return (blobs[blobs.length] = base64ToBytes(chunk.dmel));
  return undefined;
}

/** A Chunk message's body: its oneof member (tag, length, inner message) of `bodySize` bytes. */
function writeChunk(w: WireWriter, chunk: ModelInputChunk, blob: Uint8Array | undefined, bodySize: number): void {
  const field = chunk.type === "encoded_text" ? 1 : chunk.type === "image" ? 2 : 3;
  w.tag(field, WIRE_LEN);
  w.varint(bodySize);
  switch (chunk.type) {
    case "encoded_text":
      if (chunk.tokens.length > 0) {
        w.tag(1, WIRE_LEN);
        w.varint(4 * chunk.tokens.length);
        w.int32s(chunk.tokens);
      }
      return;
    case "image": {
      const data = blob as Uint8Array;
      if (data.length > 0) {
        w.tag(1, WIRE_LEN);
        w.varint(data.length);
        w.raw(data);
      }
      const formatLength = utf8Length(chunk.format);
      if (formatLength > 0) {
        w.tag(2, WIRE_LEN);
        w.varint(formatLength);
        w.string(chunk.format, formatLength);
      }
      if (chunk.expected_tokens != null) {
        w.tag(3, WIRE_VARINT);
        w.int32(chunk.expected_tokens);
      }
      return;
    }
    case "dmel": {
      const data = blob as Uint8Array;
      if (data.length > 0) {
        w.tag(1, WIRE_LEN);
        w.varint(data.length);
        w.raw(data);
      }
      return;
    }
    case "image_asset_pointer":
      return;
  }
}

// A map<string, Tensor> entry: key = 1 and value = 2, both always written.
function inputEntrySize(key: string, t: PackedTensor): number {
  return lenFieldSize(utf8Length(key)) + lenFieldSize(tensorSize(t));
}

// Datum { repeated Chunk model_input = 1; map<string, Tensor> loss_fn_inputs = 2; }
function sizeDatum(d: PreparedDatum, blobs: Blobs): number {
  let n = 0;
  for (const chunk of d.chunks) n += lenFieldSize(lenFieldSize(chunkBodySize(chunk, decodeBlob(chunk, blobs))));
  for (const [key, t] of d.inputs) n += lenFieldSize(inputEntrySize(key, t));
  return n;
}

function writeDatum(w: WireWriter, d: PreparedDatum, blobs: Blobs, next: { blob: number }): void {
  for (const chunk of d.chunks) {
    const blob = chunk.type === "image" || chunk.type === "dmel" ? blobs[next.blob++] : undefined;
    const bodySize = chunkBodySize(chunk, blob);
    w.tag(1, WIRE_LEN);
    w.varint(lenFieldSize(bodySize));
    writeChunk(w, chunk, blob, bodySize);
  }
  for (const [key, t] of d.inputs) {
    const keyLength = utf8Length(key);
    w.tag(2, WIRE_LEN);
    w.varint(lenFieldSize(keyLength) + lenFieldSize(tensorSize(t)));
    w.tag(1, WIRE_LEN);
    w.varint(keyLength);
    w.string(key, keyLength);
    w.tag(2, WIRE_LEN);
    w.varint(tensorSize(t));
    writeTensor(w, t);
  }
}

interface ConfigEntry {
  key: string;
  keyLength: number;
  value: number | string;
  /** UTF-8 length of a text value. */
  textLength: number;
}

// map<string, double> loss_fn_config = 5: key = 1, value = 2 (fixed64).
function v1EntrySize(e: ConfigEntry): number {
  return lenFieldSize(e.keyLength) + 9;
}

// LossConfigValue { oneof value { double number = 1; string text = 2; } }
function configValueSize(e: ConfigEntry): number {
  return typeof e.value === "number" ? 9 : lenFieldSize(e.textLength);
}

// map<string, LossConfigValue> loss_fn_config_v2 = 7.
function v2EntrySize(e: ConfigEntry): number {
  return lenFieldSize(e.keyLength) + lenFieldSize(configValueSize(e));
}

function writeConfigKey(w: WireWriter, e: ConfigEntry): void {
  w.tag(1, WIRE_LEN);
  w.varint(e.keyLength);
  w.string(e.key, e.keyLength);
}

function checkInt32(value: number, parameter: string): void {
  if ((value | 0) !== value) invalidArgument(parameter, `must be an int32 integer, got ${String(value)}`);
}

/** The protobuf body of POST /api/v1/forward_backward (also used by forward(), with forward_only). */
export function encodeForwardBackwardRequest(parts: ForwardBackwardRequestParts): Uint8Array {
  checkInt32(parts.seqId, "seq_id");
  const config: ConfigEntry[] = Object.entries(parts.lossFnConfig ?? {}).map(([key, value]) => ({
    key,
    keyLength: utf8Length(key),
    value,
    textLength: typeof value === "string" ? utf8Length(value) : 0,
  }));
  const modelIdLength = utf8Length(parts.modelId);
  const lossFnLength = utf8Length(parts.lossFn);

  // ForwardBackwardRequest { string model_id = 1; int32 seq_id = 2; repeated Datum data = 3;
  //   string loss_fn = 4; map<string, double> loss_fn_config = 5; bool forward_only = 6;
  //   map<string, LossConfigValue> loss_fn_config_v2 = 7; }
  const blobs: Blobs = [];
  const datumSizes = parts.data.map((d) => sizeDatum(d, blobs));
  let size = optionalBytes(modelIdLength) + optionalBytes(lossFnLength);
  if (parts.seqId !== 0) size += 1 + int32Size(parts.seqId);
  for (const n of datumSizes) size += lenFieldSize(n);
  for (const e of config) {
    if (typeof e.value === "number") size += lenFieldSize(v1EntrySize(e));
    size += lenFieldSize(v2EntrySize(e));
  }
  if (parts.forwardOnly) size += 2;

  const w = new WireWriter(size);
  if (modelIdLength > 0) {
    w.tag(1, WIRE_LEN);
    w.varint(modelIdLength);
    w.string(parts.modelId, modelIdLength);
  }
  if (parts.seqId !== 0) {
    w.tag(2, WIRE_VARINT);
    w.int32(parts.seqId);
  }
  const next = { blob: 0 };
  parts.data.forEach((d, i) => {
    w.tag(3, WIRE_LEN);
    w.varint(datumSizes[i] as number);
    writeDatum(w, d, blobs, next);
  });
  if (lossFnLength > 0) {
    w.tag(4, WIRE_LEN);
    w.varint(lossFnLength);
    w.string(parts.lossFn, lossFnLength);
  }
  for (const e of config) {
    if (typeof e.value !== "number") continue;
    w.tag(5, WIRE_LEN);
    w.varint(v1EntrySize(e));
    writeConfigKey(w, e);
    w.tag(2, WIRE_FIXED64);
    w.double(e.value);
  }
  if (parts.forwardOnly) {
    w.tag(6, WIRE_VARINT);
    w.varint(1);
  }
  for (const e of config) {
    w.tag(7, WIRE_LEN);
    w.varint(v2EntrySize(e));
    writeConfigKey(w, e);
    w.tag(2, WIRE_LEN);
    w.varint(configValueSize(e));
    if (typeof e.value === "number") {
      w.tag(1, WIRE_FIXED64);
      w.double(e.value);
    } else {
      w.tag(2, WIRE_LEN);
      w.varint(e.textLength);
      w.string(e.value, e.textLength);
    }
  }
  return w.finish();
}
