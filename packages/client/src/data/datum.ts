import { invalidArgument } from "../paths/invalid-argument.js";
import { checkModelInput, type ModelInput, type ModelInputChunk } from "./model-input.js";
import { estimateTensorBytes, packTensor, type LossFnInput, type PackedTensor } from "./tensor.js";

/**
 * A training example as callers write it: the wire `Datum`'s fields, where a `loss_fn_inputs` value may
 * also be a raw (nested or typed) array for the keys the Python SDK gives a default dtype.
 */
export interface DatumInput {
  model_input: ModelInput;
  loss_fn_inputs?: Record<string, LossFnInput>;
}

/** A datum checked and packed, with the byte estimate the forward/backward chunker uses. */
export interface PreparedDatum {
  chunks: ModelInputChunk[];
  inputs: [string, PackedTensor][];
  estimatedBytes: number;
}

const PROTO_BYTES_PER_TOKEN = 4;

function estimateChunkBytes(chunk: ModelInputChunk): number {
  switch (chunk.type) {
    case "encoded_text":
      return chunk.tokens.length * PROTO_BYTES_PER_TOKEN;
    case "image":
      return base64DecodedLength(chunk.data);
    case "image_asset_pointer":
      return chunk.location.length;
    case "dmel":
      return base64DecodedLength(chunk.dmel);
  }
}

function base64DecodedLength(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** Checks and packs a batch of data before anything is sent; errors name the datum and field. */
export function prepareData(data: unknown): PreparedDatum[] {
  if (!Array.isArray(data)) invalidArgument("data", "expected an array of Datum");
  if (data.length === 0) invalidArgument("data", "no data provided");
  return data.map((d: unknown, i) => prepareDatum(d, `data[${i}]`));
}

export function prepareDatum(datum: unknown, where: string): PreparedDatum {
  if (datum === null || typeof datum !== "object") invalidArgument(where, "expected a Datum { model_input, loss_fn_inputs }");
  const { model_input, loss_fn_inputs } = datum as DatumInput;
  const input = checkModelInput(model_input, `${where}.model_input`);
  for (const chunk of input.chunks) {
    if (chunk.type === "image_asset_pointer") invalidArgument(`${where}.model_input`, "image_asset_pointer chunks cannot be sent to forward/backward; send the image bytes");
  }
  const inputs: [string, PackedTensor][] = [];
  if (loss_fn_inputs !== undefined) {
    if (loss_fn_inputs === null || typeof loss_fn_inputs !== "object") invalidArgument(`${where}.loss_fn_inputs`, "expected an object of tensors");
    for (const [key, value] of Object.entries(loss_fn_inputs)) {
      inputs.push([key, packTensor(key, value, `${where}.loss_fn_inputs.${key}`)]);
    }
  }
  const estimatedBytes =
    input.chunks.reduce((n, c) => n + estimateChunkBytes(c), 0) + inputs.reduce((n, [, t]) => n + estimateTensorBytes(t), 0);
  return { chunks: input.chunks, inputs, estimatedBytes };
}
