import type { CapturedRequest } from "./capture.js";
import { chunkedOpFrom, futureOpFrom } from "./captured-ops.js";
import type { RawTemplates } from "../drivers/raw.js";

/** The capture pass of tinker-ts: its small ops, and (when captured) the chunks of one large batch. */
export interface CapturedPass {
  ops: CapturedRequest[];
  bigBatch?: CapturedRequest[] | undefined;
}

/** What the raw loops replay: the templates of each op, taken from tinker-ts's own bytes. */
export function rawTemplatesFrom(pass: CapturedPass): RawTemplates {
  const templates: RawTemplates = {
    save: futureOpFrom(pass.ops, "/api/v1/save_weights", ["model_id", "seq_id", "path"]),
    load: futureOpFrom(pass.ops, "/api/v1/load_weights", ["model_id", "seq_id", "path"]),
    forwardBackward: futureOpFrom(pass.ops, "/api/v1/forward_backward", []),
    optimStep: futureOpFrom(pass.ops, "/api/v1/optim_step", ["model_id", "seq_id"]),
  };
  if (pass.bigBatch !== undefined) {
    const chunked = chunkedOpFrom(pass.bigBatch, "/api/v1/forward_backward");
    templates.bigBatch = { chunks: chunked.chunks, retrieve: chunked.retrieve };
  }
  return templates;
}
