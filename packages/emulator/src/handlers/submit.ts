/** Turns model work into a future, run in the model's seq_id order. */
import type { FutureResult } from "../state/futures.js";
import type { LiveModel } from "../state/world.js";
import { badRequest } from "../server/errors.js";
import type { EmRequest, Reply } from "../server/types.js";
import { ok } from "../server/types.js";
import type { HandlerContext } from "./context.js";

export function submitModelOp(
  ctx: HandlerContext,
  req: EmRequest,
  model: LiveModel,
  seq: number | undefined,
  requestType: string,
  work: () => FutureResult | Promise<FutureResult>,
): Reply {
  const duplicate = duplicateSubmit(model, seq);
  if (duplicate) return duplicate;
  if (seq !== undefined) {
    if (model.sequencer.isStale(seq)) {
      throw badRequest(`seq_id ${seq} of model ${model.modelId} was skipped earlier (it arrived after its turn timed out); requests of one model must be submitted in seq_id order`, "seq_id");
    }
  }
  const future = ctx.world.futures.create(requestType, model.modelId);
  const fail = req.fault?.fail;
  model.sequencer.submit(seq, future.requestId, async () => {
    ctx.world.touch(model);
    if (fail) {
      ctx.world.futures.fail(future, { error: `injected ${fail} failure`, category: fail });
      return;
    }
    await ctx.world.futures.settle(future, work);
  });
  return ok({ request_id: future.requestId, model_id: model.modelId });
}

/** A future settled right away (work that does not belong to a model's sequence). */
export function submitImmediate(
  ctx: HandlerContext,
  req: EmRequest,
  requestType: string,
  modelId: string | undefined,
  work: () => FutureResult | Promise<FutureResult>,
  onSettled?: (requestId: string, failed: boolean, payloadSize: number | undefined) => void,
): Reply {
  const future = ctx.world.futures.create(requestType, modelId);
  const fail = req.fault?.fail;
  const settled = (): void => {
    if (!onSettled) return;
    const result = future.result;
    const size = result === undefined ? undefined : result.kind === "proto" ? result.binary().byteLength : Buffer.byteLength(JSON.stringify(result.value));
    onSettled(future.requestId, future.state === "failed", size);
  };
  if (fail) {
    ctx.world.futures.fail(future, { error: `injected ${fail} failure`, category: fail });
    settled();
  } else {
    void ctx.world.futures.settle(future, work).then(settled);
  }
  return ok(modelId === undefined ? { request_id: future.requestId } : { request_id: future.requestId, model_id: modelId });
}

/** A retried submit (same seq_id) is answered with the request id it got the first time. */
export function duplicateSubmit(model: LiveModel, seq: number | undefined): Reply | undefined {
  if (seq === undefined) return undefined;
  const original = model.sequencer.duplicateOf(seq);
  return original === undefined ? undefined : ok({ request_id: original, model_id: model.modelId });
}
