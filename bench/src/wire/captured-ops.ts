import type { CapturedRequest } from "./capture.js";
import type { FutureOpTemplates } from "./future-op.js";
import { splitHead } from "./proto-fields.js";
import { templateFrom, type RequestTemplate } from "./template.js";

const RETRIEVE = "/api/v1/retrieve_future";

function requestIdOf(req: CapturedRequest): string {
  return (JSON.parse(req.responseBody.toString("utf8")) as { request_id: string }).request_id;
}

function retrieveFor(requests: readonly CapturedRequest[], requestId: string): CapturedRequest {
  const found = requests.find(
    (r) => r.path.endsWith(RETRIEVE) && (JSON.parse(r.body.toString("utf8")) as { request_id?: string }).request_id === requestId,
  );
  if (found === undefined) throw new Error(`no retrieve_future captured for ${requestId}`);
  return found;
}

/** Submits captured on `path` (oldest first). */
export function submitsTo(requests: readonly CapturedRequest[], path: string): CapturedRequest[] {
  return requests.filter((r) => r.path.endsWith(path));
}

/** The n-th captured submit to `path` and its first retrieve_future, as replay templates. */
export function futureOpFrom(
  requests: readonly CapturedRequest[],
  path: string,
  varying: readonly string[],
  index = 0,
): FutureOpTemplates {
  const submit = submitsTo(requests, path)[index];
  if (submit === undefined) throw new Error(`no request to ${path} captured (index ${index})`);
  return {
    submit: templateFrom(submit, varying),
    retrieve: templateFrom(retrieveFor(requests, requestIdOf(submit)), ["request_id"]),
  };
}

export interface ChunkTemplate {
  template: RequestTemplate;
  /** seq_id relative to the batch's first chunk. */
  seqOffset: number;
}

/**
 * Every captured protobuf chunk of one large forward_backward, in the order the client sent them,
 * each with its seq_id offset, plus one retrieve template (all chunks poll alike).
 */
export function chunkedOpFrom(requests: readonly CapturedRequest[], path: string): { chunks: ChunkTemplate[]; retrieve: RequestTemplate; bodyBytes: number } {
  const submits = submitsTo(requests, path);
  if (submits.length === 0) throw new Error(`no request to ${path} captured`);
  const seqs = submits.map((s) => splitHead(s.body).head.seqId ?? 0);
  const first = Math.min(...seqs);
  return {
    chunks: submits.map((s, i) => ({ template: templateFrom(s, []), seqOffset: seqs[i]! - first })),
    retrieve: templateFrom(retrieveFor(requests, requestIdOf(submits[0]!)), ["request_id"]),
    bodyBytes: submits.reduce((n, s) => n + s.body.length, 0),
  };
}
