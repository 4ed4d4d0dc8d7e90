import type { CreateSamplingSessionResponse, GetSamplerResponse, SampleResponse } from "@tinker-ts/types";
import { APIFuture } from "../core/api-future.js";
import type { SessionContext } from "../core/context.js";
import type { CallOptions, Deadline } from "../core/deadline.js";
import { APIStatusError, APIResponseValidationError, RequestFailedError } from "../core/errors.js";
import type { UntypedFuture } from "../core/retrieve-future.js";
import { checkModelInput, chunkLength, type ModelInput, type ModelInputChunk } from "../data/model-input.js";
import { checkBoolean, checkNonEmptyString, checkNonNegativeInteger, checkPositiveInteger } from "../paths/checkpoint-args.js";
import { invalidArgument } from "../paths/invalid-argument.js";
import { checkSamplingModelPath } from "../paths/tinker-path.js";
import { decodeSampleResponse } from "../proto/sample-response.js";
import { samplingBackoff } from "./backoff.js";
import { cancelAbandonedSample } from "./cancel.js";
import { SessionFuturesPoller } from "./futures-poller.js";
import { Slots } from "./slots.js";
import { createSamplingSessionBody, sampleBody, type SamplingParamsInput, type SamplingSource } from "./request-bodies.js";

export interface SampleOptions extends CallOptions {
  /** Independent samples to draw (default 1). */
  readonly numSamples?: number | undefined;
  readonly samplingParams?: SamplingParamsInput | undefined;
  /** Also return a logprob for every prompt token (default false). */
  readonly includePromptLogprobs?: boolean | undefined;
  /** Top-k logprobs per prompt position (default 0 = none). */
  readonly topkPromptLogprobs?: number | undefined;
}

/** Bytes the Python SDK estimates for a prompt when sizing the 429 backoff: 10 per token. */
function estimatePromptBytes(chunks: readonly ModelInputChunk[]): number {
  let n = 0;
  for (const c of chunks) {
    if (c.type === "image") n += Math.floor((c.data.length * 3) / 4);
    else if (c.type === "dmel") n += Math.floor((c.dmel.length * 3) / 4);
    else if (c.type === "image_asset_pointer") n += c.location.length;
    else n += chunkLength(c) * 10;
  }
  return n;
}

/**
 * tinker 0.38.0 stamps each sequence with the id the service gave it at submission (the asample
 * future's `sample_sequence_ids`); the result payload itself does not repeat them.
 */
function withSequenceIds(response: SampleResponse, submitted: UntypedFuture): SampleResponse {
  const ids = submitted["sample_sequence_ids"];
  if (!Array.isArray(ids) || ids.length !== response.sequences.length || !ids.every((id) => typeof id === "string")) return response;
  return { ...response, sequences: response.sequences.map((seq, i) => ({ ...seq, sequence_id: ids[i] as string })) };
}

function checkSamplingParams(params: SamplingParamsInput | undefined): SamplingParamsInput {
  if (params === undefined) return {};
  if (params === null || typeof params !== "object") invalidArgument("samplingParams", "expected an object");
  const finite = (key: "temperature" | "top_p") => {
    const v = params[key];
    if (v != null && (typeof v !== "number" || !Number.isFinite(v))) invalidArgument(`samplingParams.${key}`, `expected a finite number, got ${String(v)}`);
  };
  finite("temperature");
  finite("top_p");
  for (const key of ["max_tokens", "seed", "top_k"] as const) {
    const v = params[key];
    if (v != null && (typeof v !== "number" || !Number.isSafeInteger(v))) invalidArgument(`samplingParams.${key}`, `expected an integer, got ${String(v)}`);
  }
  return params;
}

/**
 * Generates from a base model or saved weights (Python `SamplingClient`). Get one from
 * `ServiceClient.createSamplingClient` or `TrainingClient.saveWeightsAndGetSamplingClient`.
 */
export class SamplingClient {
  /** The sampler id, e.g. `<session>:sample:0`. */
  readonly samplingSessionId: string;
  readonly #ctx: SessionContext;
  readonly #baseModel: string;
  /** In-flight samples (submit to result) are bounded by the server's sample_max_concurrent_requests. */
  readonly #slots: Slots;
  /** Set when the server's sample_use_retrieve_futures flag is on. */
  readonly #poller: SessionFuturesPoller | undefined;
  #requestCounter = 0;

  private constructor(ctx: SessionContext, samplingSessionId: string, baseModel: string) {
    this.#ctx = ctx;
    this.samplingSessionId = samplingSessionId;
    this.#baseModel = baseModel;
    this.#slots = new Slots(ctx.serverConfig.sample_max_concurrent_requests);
    this.#poller = ctx.serverConfig.sample_use_retrieve_futures ? new SessionFuturesPoller(ctx, samplingSessionId) : undefined;
  }

  /** @internal Opens a sampling session on `source` (create_sampling_session). */
  static async create(ctx: SessionContext, source: SamplingSource, call: CallOptions | undefined, sdkMethod: string): Promise<SamplingClient> {
    if ("modelPath" in source) checkSamplingModelPath(source.modelPath);
    else checkNonEmptyString(source.baseModel, "baseModel");
    const seq = ctx.nextSamplingSessionSeqId();
    const res = await ctx.http.request<CreateSamplingSessionResponse>(
      { method: "POST", path: "/api/v1/create_sampling_session", body: createSamplingSessionBody(ctx.sessionId, seq, source), contentType: "application/json" },
      { deadline: ctx.deadline(call), sdkMethod },
    );
    const id = res.data?.sampling_session_id;
    if (typeof id !== "string") throw new APIResponseValidationError("create_sampling_session: no sampling_session_id in the response", res.status);
    return SamplingClient.fromSession(ctx, id, "baseModel" in source ? source.baseModel : undefined, call, sdkMethod);
  }

  /** @internal A client on an existing sampler; the base model is looked up when not known. */
  static async fromSession(ctx: SessionContext, samplingSessionId: string, baseModel: string | undefined, call: CallOptions | undefined, sdkMethod: string): Promise<SamplingClient> {
    if (baseModel === undefined) {
      const sampler = await ctx.withRetries(
        (d) => ctx.http.request<GetSamplerResponse>({ method: "GET", path: `/api/v1/samplers/${samplingSessionId}` }, { deadline: d, sdkMethod }).then((r) => r.data),
        call,
        "get sampler",
      );
      if (typeof sampler?.base_model !== "string") throw new APIResponseValidationError("get_sampler: no base_model in the response", undefined);
      baseModel = sampler.base_model;
    }
    return new SamplingClient(ctx, samplingSessionId, baseModel);
  }

  /** The base model this sampler runs on. */
  getBaseModel(): string {
    return this.#baseModel;
  }

  /** Draws `numSamples` completions of `prompt` (Python `sample`). */
  sample(prompt: ModelInput, options: SampleOptions = {}): APIFuture<SampleResponse> {
    checkModelInput(prompt, "prompt");
    const numSamples = checkPositiveInteger(options.numSamples ?? 1, "numSamples");
    const samplingParams = checkSamplingParams(options.samplingParams);
    const includePromptLogprobs = checkBoolean(options.includePromptLogprobs ?? undefined, "includePromptLogprobs", false);
    const topkPromptLogprobs = checkNonNegativeInteger(options.topkPromptLogprobs ?? 0, "topkPromptLogprobs");
    return this.#sample(prompt, numSamples, samplingParams, includePromptLogprobs, topkPromptLogprobs, options, "SamplingClient.sample");
  }

  /** Logprob of every prompt token (null where none exists, e.g. the first): Python `compute_logprobs`. */
  computeLogprobs(prompt: ModelInput, call?: CallOptions): APIFuture<(number | null)[]> {
    checkModelInput(prompt, "prompt");
    const f = this.#sample(prompt, 1, { max_tokens: 1 }, true, 0, call, "SamplingClient.compute_logprobs");
    return new APIFuture(
      f.submitted,
      f.then((r) => r.prompt_logprobs ?? []),
      () => undefined,
    );
  }

  #sample(
    prompt: ModelInput,
    numSamples: number,
    samplingParams: SamplingParamsInput,
    includePromptLogprobs: boolean,
    topkPromptLogprobs: number,
    call: CallOptions | undefined,
    sdkMethod: string,
  ): APIFuture<SampleResponse> {
    // seq_id = the counter itself (no +1), taken when the method is called; a re-submit after the
    // future expired (410) is a new attempt and takes a new one, as the Python SDK's retry handler does.
    let nextSeqId: number | undefined = this.#requestCounter++;
    const takeSeqId = (): number => {
      const id = nextSeqId ?? this.#requestCounter++;
      nextSeqId = undefined;
      return id;
    };
    const bodyFor = (seqId: number): string =>
      sampleBody({ numSamples, prompt, samplingParams, samplingSessionId: this.samplingSessionId, seqId, includePromptLogprobs, topkPromptLogprobs });
    const estimatedBytes = estimatePromptBytes(prompt.chunks);
    const backoff = samplingBackoff(this.#ctx);
    const poller = this.#poller;
    const ctx = this.#ctx;
    const submitOnce = (body: string, d: Deadline): Promise<UntypedFuture | null> =>
      ctx.http
        .request<UntypedFuture>(
          { method: "POST", path: "/api/v1/asample", body, contentType: "application/json", headers: { "X-Tinker-Sampling-Backpressure": "1" } },
          { deadline: d, maxRetries: 0, sdkMethod },
        )
        .then(
          (r) => r.data,
          (e: unknown) => {
            // 429 here is backpressure, not an error: back off (session-wide) and send the same request again.
            if (e instanceof APIStatusError && e.status === 429) return null;
            throw e;
          },
        );
    let release: (() => void) | undefined;
    const peekDoneFor = new Set<string>();
    const future = ctx.submitFuture<SampleResponse>({
      requestType: "Sample",
      resultFormat: "protobuf",
      resubmitOnExpired: true,
      call: call === undefined ? undefined : { signal: call.signal, timeout: call.timeout, onQueueState: call.onQueueState },
      label: this.samplingSessionId,
      sdkMethod,
      onAbandoned: (requestId) => cancelAbandonedSample(ctx, requestId),
      skipMetadataPeek: (submitted) => peekDoneFor.has(submitted.request_id),
      decode: (payload, submitted) => withSequenceIds(decodeSampleResponse(payload as Uint8Array), submitted),
      submit: async (deadline) => {
        release ??= await this.#slots.acquire(deadline);
        // The body is fixed per attempt: 429 back-offs and retries re-send it unchanged.
        const body = bodyFor(takeSeqId());
        for (;;) {
          await backoff.wait(deadline);
          const handle = await ctx.withRetries((d) => submitOnce(body, d), deadline, `sample ${this.samplingSessionId}`);
          if (handle !== null) {
            // With the session poller, wait until the service says the sample is done, then fetch it.
            if (poller) {
              const completion = await poller.waitFor(handle.request_id, deadline);
              // The poller reported the payload size, so (like Python 0.38.0) the fetch skips the metadata-only peek.
              if (completion.state === "finished" && completion.response_payload_uncompressed_size) peekDoneFor.add(handle.request_id);
            }
            return handle;
          }
          backoff.trigger(estimatedBytes);
        }
      },
    });
    // A fetched result (or a failure, which is as final) is acknowledged to the session poller.
    const settled = (fetched: boolean): void => {
      release?.();
      const requestId = future.requestId;
      if (fetched && poller && requestId) poller.markRetrieved(requestId);
    };
    future.then(
      () => settled(true),
      (error: unknown) => settled(error instanceof RequestFailedError),
    );
    return future;
  }
}
