/** forward_backward: the protobuf request in, the protobuf (or JSON) output out. */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  ArrayRecordSchema,
  BatchedTensorSchema,
  DType,
  ForwardBackwardOutputSchema,
  ForwardBackwardRequestSchema,
  type ForwardBackwardRequest,
  type Tensor,
} from "@tinker-ts/types/proto";
import { imagePlaceholderTokens } from "../model/placeholders.js";
import { badRequest } from "../server/errors.js";

export function decodeForwardBackwardRequest(body: Uint8Array): ForwardBackwardRequest {
  try {
    return fromBinary(ForwardBackwardRequestSchema, body);
  } catch (error) {
    throw badRequest(`forward_backward body is not a valid tinker_public.ForwardBackwardRequest protobuf: ${(error as Error).message}`);
  }
}

export interface DecodedDatum {
  readonly tokens: number[];
  readonly inputs: Map<string, number[]>;
}

/** Flattens every datum's model input to token ids and its loss_fn_inputs to number arrays. */
export function decodeDatums(request: ForwardBackwardRequest): DecodedDatum[] {
  return request.data.map((datum, i) => {
    const tokens: number[] = [];
    for (const chunk of datum.modelInput) {
      if (chunk.chunk.case === "image") {
        const expected = chunk.chunk.value.expectedTokens;
        if (expected === undefined) throw badRequest(`data[${i}].model_input: an image chunk needs expected_tokens`, "expected_tokens");
        tokens.push(...imagePlaceholderTokens(expected, Buffer.from(chunk.chunk.value.data).toString("base64")));
        continue;
      }
      if (chunk.chunk.case !== "encodedText") throw badRequest(`data[${i}].model_input: the emulator takes encoded_text and image chunks (got ${chunk.chunk.case ?? "an empty chunk"})`, "model_input");
      const bytes = chunk.chunk.value.tokens;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let o = 0; o + 4 <= bytes.byteLength; o += 4) tokens.push(view.getInt32(o, true));
    }
    const inputs = new Map<string, number[]>();
    for (const [name, tensor] of Object.entries(datum.lossFnInputs)) inputs.set(name, tensorValues(tensor, `data[${i}].loss_fn_inputs.${name}`));
    return { tokens, inputs };
  });
}

function tensorValues(tensor: Tensor, where: string): number[] {
  const read = (bytes: Uint8Array, dtype: DType): number[] => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out: number[] = [];
    switch (dtype) {
      case DType.DTYPE_FLOAT32:
        for (let o = 0; o + 4 <= bytes.byteLength; o += 4) out.push(view.getFloat32(o, true));
        return out;
      case DType.DTYPE_INT64:
        for (let o = 0; o + 8 <= bytes.byteLength; o += 8) out.push(Number(view.getBigInt64(o, true)));
        return out;
      case DType.DTYPE_INT32:
        for (let o = 0; o + 4 <= bytes.byteLength; o += 4) out.push(view.getInt32(o, true));
        return out;
      case DType.DTYPE_BFLOAT16:
        for (let o = 0; o + 2 <= bytes.byteLength; o += 2) {
          const f = new DataView(new ArrayBuffer(4));
          f.setUint16(2, view.getUint16(o, true));
          out.push(f.getFloat32(0));
        }
        return out;
      default:
        throw badRequest(`${where}: unsupported dtype ${dtype}`, where.split(".").pop());
    }
  };
  if (tensor.encoding.case === "dense") return read(tensor.encoding.value, tensor.dtype);
  if (tensor.encoding.case === "sparseCsr") {
    const csr = tensor.encoding.value;
    const values = read(csr.values, tensor.dtype);
    const crow = read(csr.crowIndices, DType.DTYPE_INT64);
    const cols = read(csr.colIndices, DType.DTYPE_INT64);
    const shape = tensor.shape.map(Number);
    const rows = shape[0] ?? crow.length - 1;
    const width = shape[1] ?? 1;
    const dense = new Array<number>(rows * width).fill(0);
    for (let r = 0; r < rows; r++) for (let p = crow[r]!; p < crow[r + 1]!; p++) dense[r * width + cols[p]!] = values[p]!;
    return dense;
  }
  return [];
}

export interface DatumOutput {
  readonly logprobs: Float64Array;
  readonly elementwiseLoss: Float64Array;
}

export interface ForwardBackwardResult {
  readonly outputs: readonly DatumOutput[];
  readonly metrics: Readonly<Record<string, number>>;
}

const FIELDS = [
  ["logprobs", (d: DatumOutput) => d.logprobs],
  ["elementwise_loss", (d: DatumOutput) => d.elementwiseLoss],
] as const;

export function encodeForwardBackwardOutput(result: ForwardBackwardResult): Uint8Array {
  const fields: Record<string, ReturnType<typeof create<typeof BatchedTensorSchema>>> = {};
  for (const [name, pick] of FIELDS) {
    const total = result.outputs.reduce((n, d) => n + pick(d).length, 0);
    const data = new ArrayBuffer(total * 4);
    const offsets = new DataView(new ArrayBuffer((result.outputs.length + 1) * 8));
    let at = 0;
    result.outputs.forEach((d, i) => {
      offsets.setBigInt64(i * 8, BigInt(at * 4), true);
      writeFloat32(data, at, pick(d));
      at += pick(d).length;
    });
    offsets.setBigInt64(result.outputs.length * 8, BigInt(at * 4), true);
    fields[name] = create(BatchedTensorSchema, {
      data: new Uint8Array(data),
      offsets: new Uint8Array(offsets.buffer),
      dtype: DType.DTYPE_FLOAT32,
      trailingShape: [],
    });
  }
  const record = create(ArrayRecordSchema, { typeTag: "ArrayRecord", fields, numDatums: BigInt(result.outputs.length) });
  const message = create(ForwardBackwardOutputSchema, {
    lossFnOutputType: "ArrayRecord",
    lossFnOutputs: result.outputs.length > 0 ? [record] : [],
    metrics: { ...result.metrics },
  });
  return toBinary(ForwardBackwardOutputSchema, message);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Writes `values` as little-endian float32 at element `at` (a typed-array copy, which rounds as setFloat32 does). */
function writeFloat32(target: ArrayBuffer, at: number, values: Float64Array): void {
  if (LITTLE_ENDIAN) {
    new Float32Array(target, at * 4, values.length).set(values);
    return;
  }
  const view = new DataView(target);
  for (let k = 0; k < values.length; k++) view.setFloat32(4 * (at + k), values[k]!, true);
}

/** The JSON form of the output (TensorData per datum), for clients that do not accept protobuf. */
export function forwardBackwardOutputJson(result: ForwardBackwardResult): unknown {
  return {
    loss_fn_output_type: "ArrayRecord",
    loss_fn_outputs: result.outputs.map((d) => {
      const out: Record<string, unknown> = {};
      for (const [name, pick] of FIELDS) {
        const values = Array.from(pick(d), (v) => Math.fround(v));
        out[name] = { data: values, dtype: "float32", shape: [values.length] };
      }
      return out;
    }),
    metrics: { ...result.metrics },
  };
}
