/** Helpers shared by the model handlers: model ids, run records, and seq_id release on rejected submits. */
import { hashString } from "../model/rng.js";
import type { EmRequest } from "../server/types.js";
import type { RunRecord } from "../state/checkpoints.js";
import type { LiveModel } from "../state/world.js";
import type { HandlerContext } from "./context.js";

export interface TrainFlags {
  readonly train_unembed: boolean;
  readonly train_mlp: boolean;
  readonly train_attn: boolean;
}

/** The model (= training run) id the service derives from a session and its model_seq_id. */
export const modelIdOf = (sessionId: string, modelSeqId: number): string => `${sessionId}:train:${modelSeqId}`;

export function newRun(ctx: HandlerContext, req: EmRequest, sessionId: string, modelSeqId: number, baseModel: string, rank: number, seed: number | undefined, flags: TrainFlags, userMetadata: Record<string, unknown> | null): RunRecord {
  const id = modelIdOf(sessionId, modelSeqId);
  const now = ctx.world.nowIso();
  return {
    training_run_id: id,
    session_id: sessionId,
    owner: req.principal.owner,
    base_model: baseModel,
    lora_rank: rank,
    seed: seed ?? hashString(id),
    ...flags,
    user_metadata: userMetadata,
    created_at: now,
    last_request_time: now,
  };
}

/** Submit-time checks of a sequenced request; when they reject it, its seq_id is released so later ones do not wait. */
export function checked<T>(model: LiveModel, seq: number | undefined, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (seq !== undefined) model.sequencer.release(seq);
    throw error;
  }
}

/** Validates a sequenced request's body; a rejected body still releases its model's seq_id. */
export function sequencedJson<T>(ctx: HandlerContext, req: EmRequest, schema: string): T {
  try {
    return req.json<T>(schema);
  } catch (error) {
    const raw = req.rawJson() as { model_id?: unknown; seq_id?: unknown } | undefined;
    const model = typeof raw?.model_id === "string" ? ctx.world.models.get(raw.model_id) : undefined;
    if (model && model.run.owner === req.principal.owner && typeof raw?.seq_id === "number") model.sequencer.release(raw.seq_id);
    throw error;
  }
}
