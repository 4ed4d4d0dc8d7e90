import { fromBinary } from "@bufbuild/protobuf";
import { SampleResponseSchema, StopReason } from "@tinker-ts/types/proto";
import type { SampleResponse, SampledSequence } from "@tinker-ts/types";
import { bytesToFloat32, bytesToInt32 } from "./little-endian.js";

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

export function decodeSampleResponse(bytes: Uint8Array): SampleResponse {
  const proto = fromBinary(SampleResponseSchema, bytes);
  const sequences = proto.sequences.map((seq): SampledSequence => {
    const stop_reason = seq.stopReason === StopReason.STOP ? "stop" : seq.stopReason === StopReason.LENGTH ? "length" : undefined;
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
