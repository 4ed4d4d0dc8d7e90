import type { PreparedDatum } from "../data/datum.js";

export interface ChunkLimits {
  /** Server flag `fwdbwd_max_chunk_len`: most datums in one request. */
  maxLen: number;
  /** Server flag `fwdbwd_max_chunk_bytes_count`: most estimated bytes in one request. */
  maxBytes: number;
}

export interface DataChunk {
  data: PreparedDatum[];
  estimatedBytes: number;
}

/**
 * Splits a forward/backward batch the way the Python SDK does: a chunk closes when it holds `maxLen`
 * datums, or when the next datum would push a non-empty chunk past `maxBytes` (a single oversized
 * datum still gets a chunk of its own).
 */
export function chunkData(data: readonly PreparedDatum[], limits: ChunkLimits): DataChunk[] {
  const chunks: DataChunk[] = [];
  let current: PreparedDatum[] = [];
  let bytes = 0;
  for (const datum of data) {
    if ((current.length > 0 && bytes + datum.estimatedBytes > limits.maxBytes) || current.length === limits.maxLen) {
      chunks.push({ data: current, estimatedBytes: bytes });
      current = [];
      bytes = 0;
    }
    current.push(datum);
    bytes += datum.estimatedBytes;
  }
  if (current.length > 0) chunks.push({ data: current, estimatedBytes: bytes });
  return chunks;
}
