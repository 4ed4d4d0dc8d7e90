/** retrieve_future: long-polled; try_again, complete_metadata, failures, protobuf or JSON results. */
import { HttpError, notFound } from "../server/errors.js";
import type { EmRequest, Reply, Route } from "../server/types.js";
import { ok } from "../server/types.js";
import type { FutureRecord } from "../state/futures.js";
import type { FutureRetrieveRequest } from "../wire.js";
import type { HandlerContext } from "./context.js";

export function futureRoutes(ctx: HandlerContext): Route[] {
  const { futures } = ctx.world;
  const tryAgainCounts = new Map<string, number>();

  const tryAgain = (record: FutureRecord, queueState = "active"): Reply =>
    ok({ type: "try_again", request_id: record.requestId, queue_state: queueState, ...(queueState === "active" ? {} : { queue_state_reason: "emulated queue pause" }) });

  return [
    {
      method: "POST",
      pattern: "/api/v1/retrieve_future",
      handler: async (req) => {
        const body = req.json<FutureRetrieveRequest>("FutureRetrieveRequest");
        const record = futures.get(body.request_id);
        if (!record) throw notFound(`future ${body.request_id} not found`);
        const fault = req.fault;
        if (fault?.expire) throw new HttpError(410, `future ${body.request_id} expired; submit the request again`);
        if (fault?.tryAgain !== undefined) {
          const used = tryAgainCounts.get(record.requestId) ?? 0;
          if (used < fault.tryAgain) {
            tryAgainCounts.set(record.requestId, used + 1);
            return tryAgain(record, fault.queueState ?? "active");
          }
        }
        if (record.state === "pending") await futures.wait(record, ctx.longPollMs, req.signal);
        if (record.state === "pending") return tryAgain(record);
        if (record.state === "failed") return ok({ error: record.failure!.error, category: record.failure!.category });
        return resultReply(req, record, body.allow_metadata_only ?? false);
      },
    },
  ];

  function resultReply(req: EmRequest, record: FutureRecord, allowMetadataOnly: boolean): Reply {
    const result = record.result!;
    let reply: Reply;
    let size: number;
    if (result.kind === "proto" && (req.header("accept") ?? "").includes("application/x-protobuf")) {
      const bytes = result.binary();
      reply = { status: 200, binary: bytes, contentType: "application/x-protobuf" };
      size = bytes.byteLength;
    } else {
      // Serialized once: the size decides complete_metadata, the same bytes are the answer.
      const text = JSON.stringify(result.kind === "proto" ? result.json() : result.value);
      reply = { status: 200, text, contentType: "application/json" };
      size = Buffer.byteLength(text);
    }
    if (allowMetadataOnly && size > ctx.inlinePayloadLimitBytes) return ok({ status: "complete_metadata", response_payload_size: size });
    return reply;
  }
}
