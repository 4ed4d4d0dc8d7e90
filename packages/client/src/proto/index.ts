export { encodeForwardBackwardRequest } from "./forward-backward-request.js";
export type { ForwardBackwardRequestParts } from "./forward-backward-request.js";
export { decodeForwardBackwardOutput } from "./forward-backward-output.js";
export type { ForwardBackwardOutput } from "./forward-backward-output.js";
export { decodeSampleResponse, MASK_LOGPROB } from "./sample-response.js";
export type { SampleResponse, SampledSequence, TopkPosition } from "./sample-response.js";
export { zstdCompress, zstdDecompress } from "./zstd.js";
