import { create, toBinary } from "@bufbuild/protobuf";
import {
  ChunkSchema,
  DatumSchema,
  DType,
  ForwardBackwardRequestSchema,
  LossConfigValueSchema,
  TensorSchema,
  type Chunk,
  type LossConfigValue,
  type Tensor,
} from "@tinker-ts/types/proto";
import { base64ToBytes } from "../data/base64.js";
import type { ModelInputChunk } from "../data/model-input.js";
import type { PreparedDatum } from "../data/datum.js";
import type { PackedTensor } from "../data/tensor.js";
import { invalidArgument } from "../paths/invalid-argument.js";
import { float32ToBytes, int32ToBytes, int64ToBytes } from "./little-endian.js";

export interface ForwardBackwardRequestParts {
  modelId: string;
  seqId: number;
  data: readonly PreparedDatum[];
  lossFn: string;
  /** Numbers go to both `loss_fn_config` and `loss_fn_config_v2`; strings only to v2 (tinker 0.38.0's dual write). */
  lossFnConfig?: Readonly<Record<string, number | string>> | undefined;
  forwardOnly: boolean;
}

function encodeTensor(t: PackedTensor): Tensor {
  const values = t.values instanceof BigInt64Array ? int64ToBytes(t.values) : float32ToBytes(t.values);
  const tensor = create(TensorSchema, {
    dtype: t.dtype === "float32" ? DType.DTYPE_FLOAT32 : DType.DTYPE_INT64,
    shape: t.shape ? t.shape.map(BigInt) : [],
  });
  tensor.encoding = t.csr
    ? { case: "sparseCsr", value: { $typeName: "tinker_public.SparseCsr", values, crowIndices: int64ToBytes(t.csr.crow), colIndices: int64ToBytes(t.csr.col) } }
    : { case: "dense", value: values };
  return tensor;
}

function encodeChunk(chunk: ModelInputChunk): Chunk {
  switch (chunk.type) {
    case "encoded_text":
      return create(ChunkSchema, { chunk: { case: "encodedText", value: { tokens: int32ToBytes(chunk.tokens) } } });
    case "image":
      return create(ChunkSchema, {
        chunk: {
          case: "image",
          value: {
            data: base64ToBytes(chunk.data),
            format: chunk.format,
            ...(chunk.expected_tokens != null ? { expectedTokens: chunk.expected_tokens } : {}),
          },
        },
      });
    case "dmel":
      return create(ChunkSchema, { chunk: { case: "dmel", value: { dmel: base64ToBytes(chunk.dmel) } } });
    case "image_asset_pointer":
      return invalidArgument("model_input", "image_asset_pointer chunks cannot be encoded for forward/backward");
  }
}

/** The protobuf body of POST /api/v1/forward_backward (also used by forward(), with forward_only). */
export function encodeForwardBackwardRequest(parts: ForwardBackwardRequestParts): Uint8Array {
  const lossFnConfig: Record<string, number> = {};
  const lossFnConfigV2: Record<string, LossConfigValue> = {};
  for (const [k, v] of Object.entries(parts.lossFnConfig ?? {})) {
    if (typeof v === "string") {
      lossFnConfigV2[k] = create(LossConfigValueSchema, { value: { case: "text", value: v } });
    } else {
      lossFnConfig[k] = v;
      lossFnConfigV2[k] = create(LossConfigValueSchema, { value: { case: "number", value: v } });
    }
  }
  const message = create(ForwardBackwardRequestSchema, {
    modelId: parts.modelId,
    seqId: parts.seqId,
    lossFn: parts.lossFn,
    lossFnConfig,
    lossFnConfigV2,
    forwardOnly: parts.forwardOnly,
    data: parts.data.map((d) =>
      create(DatumSchema, {
        modelInput: d.chunks.map(encodeChunk),
        lossFnInputs: Object.fromEntries(d.inputs.map(([k, t]) => [k, encodeTensor(t)])),
      }),
    ),
  });
  return toBinary(ForwardBackwardRequestSchema, message);
}
