/**
 * The sizes of a forward_backward request's datums without reading their values: what skipModel
 * needs to answer zeros of the right shapes. It rejects what decodeDatums rejects (unsupported
 * chunks and dtypes, images without expected_tokens), with the same messages, but never turns
 * the tokens and tensors into arrays — a large batch holds millions of them.
 */
import { DType, type ForwardBackwardRequest, type Tensor } from "@tinker-ts/types/proto";
import { badRequest } from "../server/errors.js";

export interface DatumShape {
  readonly tokens: number;
  /** loss_fn_inputs name → number of values. */
  readonly inputs: ReadonlyMap<string, number>;
}

const BYTES_PER_VALUE: Partial<Record<DType, number>> = {
  [DType.DTYPE_FLOAT32]: 4,
  [DType.DTYPE_INT64]: 8,
  [DType.DTYPE_INT32]: 4,
  [DType.DTYPE_BFLOAT16]: 2,
};

export function decodeDatumShapes(request: ForwardBackwardRequest): DatumShape[] {
  return request.data.map((datum, i) => {
    let tokens = 0;
    for (const chunk of datum.modelInput) {
      if (chunk.chunk.case === "image") {
        const expected = chunk.chunk.value.expectedTokens;
        if (expected === undefined) throw badRequest(`data[${i}].model_input: an image chunk needs expected_tokens`, "expected_tokens");
        tokens += Math.max(0, expected);
        continue;
      }
      if (chunk.chunk.case !== "encodedText") throw badRequest(`data[${i}].model_input: the emulator takes encoded_text and image chunks (got ${chunk.chunk.case ?? "an empty chunk"})`, "model_input");
      tokens += Math.floor(chunk.chunk.value.tokens.byteLength / 4);
    }
    const inputs = new Map<string, number>();
    for (const [name, tensor] of Object.entries(datum.lossFnInputs)) inputs.set(name, tensorLength(tensor, `data[${i}].loss_fn_inputs.${name}`));
    return { tokens, inputs };
  });
}

function valueCount(bytes: Uint8Array, dtype: DType, where: string): number {
  const size = BYTES_PER_VALUE[dtype];
  if (size === undefined) throw badRequest(`${where}: unsupported dtype ${dtype}`, where.split(".").pop());
  return Math.floor(bytes.byteLength / size);
}

function tensorLength(tensor: Tensor, where: string): number {
  if (tensor.encoding.case === "dense") return valueCount(tensor.encoding.value, tensor.dtype, where);
  if (tensor.encoding.case === "sparseCsr") {
    const csr = tensor.encoding.value;
    valueCount(csr.values, tensor.dtype, where);
    const rows = tensor.shape[0] !== undefined ? Number(tensor.shape[0]) : valueCount(csr.crowIndices, DType.DTYPE_INT64, where) - 1;
    const width = tensor.shape[1] !== undefined ? Number(tensor.shape[1]) : 1;
    return rows * width;
  }
  return 0;
}
