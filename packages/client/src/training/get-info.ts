import type { GetInfoResponse } from "@tinker-ts/types";
import type { SessionContext } from "../core/context.js";
import type { CallOptions } from "../core/deadline.js";
import { APIResponseValidationError } from "../core/errors.js";
import { getInfoBody } from "./request-bodies.js";

/** `POST /api/v1/get_info`, fetched once when a TrainingClient is created (tinker 0.38.0 does the same). */
export async function fetchTrainingInfo(ctx: SessionContext, modelId: string, call: CallOptions | undefined, sdkMethod: string): Promise<GetInfoResponse> {
  const info = await ctx.withRetries(
    (deadline) =>
      ctx.http
        .request<GetInfoResponse>({ method: "POST", path: "/api/v1/get_info", body: getInfoBody(modelId), contentType: "application/json" }, { deadline, sdkMethod })
        .then((r) => r.data),
    call,
    `get_info ${modelId}`,
  );
  if (info === null || typeof info !== "object" || typeof info.model_data !== "object" || info.model_data === null) {
    throw new APIResponseValidationError(`get_info ${modelId}: no model_data in the response`, undefined);
  }
  // As the Python SDK: the tokenizer id is the part before the first ':'.
  const tokenizerId = info.model_data.tokenizer_id;
  if (typeof tokenizerId === "string" && tokenizerId.includes(":")) {
    return { ...info, model_data: { ...info.model_data, tokenizer_id: tokenizerId.split(":")[0] as string } };
  }
  return info;
}
