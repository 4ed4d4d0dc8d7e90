import { invalidArgument } from "../paths/invalid-argument.js";
import { bytesToBase64 } from "./base64.js";

import type { DmelChunk, EncodedTextChunk, ImageChunk, ModelInput as ModelInputWire, ModelInputChunk } from "@tinker-ts/types";

export type { DmelChunk, EncodedTextChunk, ImageChunk, ModelInputChunk };
export type { ImageAssetPointerChunk } from "@tinker-ts/types";
/** The wire `ModelInput`: `{ chunks: [...] }` (also the name of the helper object below). */
export type ModelInput = ModelInputWire;

const INT32_MAX = 2 ** 31 - 1;

/** Refuses anything but int32 integers; `(t | 0) === t` holds exactly for those (and -0). */
function validateTokens(list: ArrayLike<unknown>, parameter: string): void {
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const t = list[i];
    if (((t as number) | 0) !== t) invalidArgument(parameter, `token at index ${i} must be an int32 integer, got ${String(t)}`);
  }
}

/** Tokens travel as int32 (protobuf) or JSON integers; anything else is refused here. Returns a copy. */
export function checkTokens(tokens: Iterable<number> | ArrayLike<number>, parameter: string): number[] {
  const list = Array.from(tokens as ArrayLike<number>);
  validateTokens(list, parameter);
  return list;
}

/** Dmel chunk length: dim 0 of the tensor container header (optional marker 254, dtype byte, varint ndim, varint dims). */
function dmelLength(base64: string): number {
  const bytes = Uint8Array.from(atob(base64.slice(0, 64)), (c) => c.charCodeAt(0));
  let pos = 0;
  if (bytes[pos] === 254) pos++;
  pos++; // dtype
  const readVarint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      if (b === undefined) invalidArgument("dmel", "truncated tensor container header");
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const ndim = readVarint();
  return ndim === 0 ? 1 : readVarint();
}

/** Number of model positions a chunk occupies (Python's `chunk.length`). */
export function chunkLength(chunk: ModelInputChunk): number {
  switch (chunk.type) {
    case "encoded_text":
      return chunk.tokens.length;
    case "image":
    case "image_asset_pointer":
      if (chunk.expected_tokens == null) invalidArgument("model_input", `${chunk.type} chunk needs expected_tokens to know its length`);
      return chunk.expected_tokens;
    case "dmel":
      return dmelLength(chunk.dmel);
  }
}

/** Helpers mirroring the Python SDK's `ModelInput` class methods, over plain wire objects. */
export const ModelInput = {
  /** `ModelInput.from_ints`: one encoded-text chunk. Accepts any array-like of integers (e.g. Int32Array). */
  fromInts(tokens: Iterable<number> | ArrayLike<number>): ModelInput {
    return { chunks: [{ tokens: checkTokens(tokens, "tokens"), type: "encoded_text" }] };
  },
  empty(): ModelInput {
    return { chunks: [] };
  },
  /** `ModelInput.to_ints`: all tokens; refuses inputs that contain non-text chunks. */
  toInts(input: ModelInput): number[] {
    const out: number[] = [];
    for (const chunk of input.chunks) {
      if (chunk.type !== "encoded_text") invalidArgument("model_input", `toInts needs text chunks only, found a ${chunk.type} chunk`);
      out.push(...chunk.tokens);
    }
    return out;
  },
  length(input: ModelInput): number {
    return input.chunks.reduce((n, c) => n + chunkLength(c), 0);
  },
  /** A new ModelInput with `chunk` appended. */
  append(input: ModelInput, chunk: ModelInputChunk): ModelInput {
    return { chunks: [...input.chunks, chunk] };
  },
  /** A new ModelInput with `token` appended, extending the last text chunk when there is one. */
  appendInt(input: ModelInput, token: number): ModelInput {
    const [t] = checkTokens([token], "token");
    const last = input.chunks.at(-1);
    if (last?.type === "encoded_text") {
      return { chunks: [...input.chunks.slice(0, -1), { tokens: [...last.tokens, t as number], type: "encoded_text" }] };
    }
    return { chunks: [...input.chunks, { tokens: [t as number], type: "encoded_text" }] };
  },
};

export function encodedTextChunk(tokens: Iterable<number> | ArrayLike<number>): EncodedTextChunk {
  return { tokens: checkTokens(tokens, "tokens"), type: "encoded_text" };
}

export function imageChunk(data: Uint8Array | string, format: "png" | "jpeg", expectedTokens?: number): ImageChunk {
  const base64 = typeof data === "string" ? data : bytesToBase64(data);
  return expectedTokens === undefined ? { data: base64, format, type: "image" } : { data: base64, format, expected_tokens: expectedTokens, type: "image" };
}

/** Checks a caller-supplied ModelInput's structure before anything is sent. */
export function checkModelInput(input: unknown, parameter: string): ModelInput {
  if (input === null || typeof input !== "object" || !Array.isArray((input as ModelInput).chunks)) {
    invalidArgument(parameter, "expected a ModelInput ({ chunks: [...] }); build one with ModelInput.fromInts(tokens)");
  }
  const chunks = (input as ModelInput).chunks;
  chunks.forEach((chunk, i) => {
    const where = `${parameter}.chunks[${i}]`;
    switch (chunk?.type) {
      case "encoded_text":
        if (!Array.isArray(chunk.tokens)) invalidArgument(where, "tokens must be an array of integers");
        validateTokens(chunk.tokens, `${where}.tokens`);
        break;
      case "image":
        if (typeof chunk.data !== "string") invalidArgument(where, "data must be base64 text (use imageChunk(bytes, format))");
        if (chunk.expected_tokens != null && !(Number.isInteger(chunk.expected_tokens) && chunk.expected_tokens >= 0 && chunk.expected_tokens <= INT32_MAX)) {
          invalidArgument(where, `expected_tokens must be a non-negative int32 integer, got ${String(chunk.expected_tokens)}`);
        }
        break;
      case "image_asset_pointer":
        if (typeof chunk.location !== "string") invalidArgument(where, "location must be a string");
        break;
      case "dmel":
        if (typeof chunk.dmel !== "string") invalidArgument(where, "dmel must be base64 text");
        break;
      default:
        invalidArgument(where, `unknown chunk type ${JSON.stringify((chunk as { type?: unknown })?.type)}`);
    }
  });
  return input as ModelInput;
}
