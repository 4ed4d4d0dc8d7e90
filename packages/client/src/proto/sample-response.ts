import type { SampleResponse, SampledSequence } from "@tinker-ts/types";
import { bytesToFloat32, bytesToInt32 } from "./little-endian.js";
import { WIRE_LEN, WIRE_VARINT, WireReader } from "./wire-reader.js";

export type { SampleResponse, SampledSequence };

/** One prompt position's top-k: `[token_id, logprob]` pairs, or null where nothing was computed. */
export type TopkPosition = [number, number][] | null;

/** The sentinel the service writes into empty top-k cells (with token id 0). */
export const MASK_LOGPROB = -99999.0;

function decodeTopk(tokenIds: Uint8Array, logprobBytes: Uint8Array, k: number, length: number): TopkPosition[] | undefined {
  if (k === 0 || length === 0) return undefined;
  const ids = bytesToInt32(tokenIds, "topk token_ids");
  const lps = bytesToFloat32(logprobBytes, "topk logprobs");
  if (ids.length !== k * length || lps.length !== k * length) throw new RangeError(`top-k matrices must hold ${length}x${k} values`);
  const masked = (i: number): boolean => ids[i] === 0 && lps[i] === MASK_LOGPROB;
  const rows: TopkPosition[] = [];
  for (let r = 0; r < length; r++) {
    const start = r * k;
    if (masked(start)) {
      rows.push(null);
      continue;
    }
    let end = start + k;
    while (end > start && masked(end - 1)) end--;
    const row: [number, number][] = [];
    for (let i = start; i < end; i++) row.push([ids[i] as number, lps[i] as number]);
    rows.push(row);
  }
  return rows;
}

// The protobuf result of a sample (`tinker_public.SampleResponse`, spec/proto), read by hand like
// the forward/backward output, so the client needs no protobuf runtime; only the fields the SDK
// returns are read (test/training/proto-sample-reader.test.ts compares them with fromBinary's).

const STOP_REASON_STOP = 0;
const STOP_REASON_LENGTH = 1;

/** `tinker_public.SampledSequence`, the fields the SDK uses. */
export interface SampledSequenceMessage {
  stopReason: number;
  tokens: Uint8Array;
  logprobs?: Uint8Array;
}

/** `tinker_public.TopkPromptLogprobs`. */
export interface TopkPromptLogprobsMessage {
  tokenIds: Uint8Array;
  logprobs: Uint8Array;
  k: number;
  promptLength: number;
}

/** `tinker_public.SampleResponse`, the fields the SDK uses. */
export interface SampleResponseMessage {
  sequences: SampledSequenceMessage[];
  promptLogprobs?: Uint8Array;
  topkPromptLogprobs?: TopkPromptLogprobsMessage;
  promptCacheHitTokens: number;
}

/** An int32 field's varint (sign-extended over 64 bits when negative), as int32. */
function int32(r: WireReader): number {
  return r.varint() | 0;
}

/** A uint32 field's varint, as uint32. */
function uint32(r: WireReader): number {
  return r.varint() >>> 0;
}

function readSequence(r: WireReader): SampledSequenceMessage {
  const out: SampledSequenceMessage = { stopReason: 0, tokens: new Uint8Array(0) };
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_VARINT) out.stopReason = int32(r);
    else if (field === 2 && wire === WIRE_LEN) out.tokens = r.bytes();
    else if (field === 3 && wire === WIRE_LEN) out.logprobs = r.bytes();
    else r.skip(wire, field);
  }
  return out;
}

/** Reads into `into` when the field repeats: a repeated singular message merges, as protobuf does. */
function readTopk(r: WireReader, into: TopkPromptLogprobsMessage | undefined): TopkPromptLogprobsMessage {
  const out = into ?? { tokenIds: new Uint8Array(0), logprobs: new Uint8Array(0), k: 0, promptLength: 0 };
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_LEN) out.tokenIds = r.bytes();
    else if (field === 2 && wire === WIRE_LEN) out.logprobs = r.bytes();
    else if (field === 3 && wire === WIRE_VARINT) out.k = uint32(r);
    else if (field === 4 && wire === WIRE_VARINT) out.promptLength = uint32(r);
    else r.skip(wire, field);
  }
  return out;
}

export function readSampleResponse(bytes: Uint8Array): SampleResponseMessage {
  const r = new WireReader(bytes);
  const out: SampleResponseMessage = { sequences: [], promptCacheHitTokens: 0 };
  while (!r.done) {
    const tag = r.varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === WIRE_LEN) out.sequences.push(readSequence(r.message()));
    else if (field === 2 && wire === WIRE_LEN) out.promptLogprobs = r.bytes();
    else if (field === 3 && wire === WIRE_LEN) out.topkPromptLogprobs = readTopk(r.message(), out.topkPromptLogprobs);
    else if (field === 4 && wire === WIRE_VARINT) out.promptCacheHitTokens = int32(r);
    else r.skip(wire, field);
  }
  return out;
}

export function decodeSampleResponse(bytes: Uint8Array): SampleResponse {
  const proto = readSampleResponse(bytes);
  const sequences = proto.sequences.map((seq): SampledSequence => {
    const stop_reason = seq.stopReason === STOP_REASON_STOP ? "stop" : seq.stopReason === STOP_REASON_LENGTH ? "length" : undefined;
    if (stop_reason === undefined) throw new TypeError(`unknown stop_reason ${seq.stopReason} in SampleResponse`);
    const out: SampledSequence = { stop_reason, tokens: bytesToInt32(seq.tokens, "sequence tokens") };
    if (seq.logprobs !== undefined && seq.logprobs.length > 0) out.logprobs = bytesToFloat32(seq.logprobs, "sequence logprobs");
    return out;
  });
  const response: SampleResponse = { sequences, prompt_cache_hit_tokens: proto.promptCacheHitTokens };
  if (proto.promptLogprobs !== undefined && proto.promptLogprobs.length > 0) {
    response.prompt_logprobs = bytesToFloat32(proto.promptLogprobs, "prompt_logprobs").map((v) => (Number.isNaN(v) ? null : v));
  }
  const topk = proto.topkPromptLogprobs;
  if (topk !== undefined) {
    const rows = decodeTopk(topk.tokenIds, topk.logprobs, topk.k, topk.promptLength);
    if (rows !== undefined) response.topk_prompt_logprobs = rows;
  }
  return response;
}
