import type {
  GetInfoResponse,
  LoadWeightsResponse,
  LossFnType,
  OptimStepResponse,
  SaveWeightsExternalResponse,
  SaveWeightsForSamplerResponse,
  SaveWeightsResponse,
} from "@tinker-ts/types";
import { APIFuture } from "../core/api-future.js";
import type { SessionContext } from "../core/context.js";
import type { CallOptions, Deadline } from "../core/deadline.js";
import { APIResponseValidationError } from "../core/errors.js";
import type { RequestType, UntypedFuture } from "../core/retrieve-future.js";
import { prepareData, type DatumInput, type PreparedDatum } from "../data/datum.js";
import {
  checkBoolean,
  checkCheckpointName,
  checkNonEmptyString,
  checkStringMap,
  checkTtlSeconds,
} from "../paths/checkpoint-args.js";
import { invalidArgument } from "../paths/invalid-argument.js";
import { parseTrainingCheckpointPath } from "../paths/tinker-path.js";
import { encodeForwardBackwardRequest } from "../proto/forward-backward-request.js";
import { decodeForwardBackwardOutput, type ForwardBackwardOutput } from "../proto/forward-backward-output.js";
import { zstdCompress } from "../proto/zstd.js";
import { SamplingClient } from "../sampling/sampling-client.js";
import { trainingRunConsoleUrl } from "../service/console-urls.js";
import { chunkData, type DataChunk } from "./chunking.js";
import { customLossForwardData, customLossBackwardData, mergeCustomLossMetrics, type CustomLossFn } from "./custom-loss.js";
import { combineForwardBackwardOutputs } from "./combine-outputs.js";
import {
  DEFAULT_ADAM_PARAMS,
  loadWeightsBody,
  optimStepBody,
  saveWeightsBody,
  saveWeightsExternalBody,
  saveWeightsForSamplerBody,
  type AdamParams,
  type SaveForSamplerTarget,
} from "./request-bodies.js";
import { RequestSequencer } from "./sequencer.js";
import { expectObject, expectStringField } from "./wire.js";

export interface SaveStateOptions extends CallOptions {
  /** Seconds until the checkpoint expires: an integer from 3600 (1 h) to 10 years; omit for never. */
  readonly ttlSeconds?: number | undefined;
  /** Replace an existing checkpoint of the same name (its user metadata is replaced as a whole). Default false. */
  readonly overwrite?: boolean | undefined;
  readonly userMetadata?: Readonly<Record<string, string>> | undefined;
}

export interface SaveWeightsForSamplerOptions extends CallOptions {
  readonly ttlSeconds?: number | undefined;
  readonly userMetadata?: Readonly<Record<string, string>> | undefined;
}

export interface SaveWeightsExternalOptions extends CallOptions {
  readonly ttlSeconds?: number | undefined;
  /** age (filippo.io/age) recipients: native `age1…` keys or SSH public keys, at most 10. */
  readonly ageEncryptionRecipients?: readonly string[] | undefined;
}

export interface LoadStateOptions extends CallOptions {
  /** Credential for a checkpoint owned by another account. */
  readonly weightsAccessToken?: string | undefined;
}

/** What a TrainingClient is built from (by ServiceClient; not constructed by users). */
export interface TrainingClientInit {
  readonly context: SessionContext;
  readonly modelId: string;
  readonly modelSeqId: number;
  readonly info: GetInfoResponse;
}

const isLossConfigValue = (v: unknown): v is number | string => (typeof v === "number" && Number.isFinite(v)) || typeof v === "string";

/**
 * One LoRA model being trained (Python `TrainingClient`). Every method reserves its place in the
 * model's request order when it is called and returns at once with an `APIFuture`; submits go out
 * strictly in call order, results are awaited independently. Get one from a `ServiceClient`.
 */
export class TrainingClient {
  /** The model / training-run id, e.g. `<session>:train:0`. */
  readonly modelId: string;
  readonly #ctx: SessionContext;
  readonly #info: GetInfoResponse;
  readonly #modelSeqId: number;
  readonly #sequencer = new RequestSequencer();

  /** @internal Created by ServiceClient. */
  constructor(init: TrainingClientInit) {
    this.#ctx = init.context;
    this.modelId = init.modelId;
    this.#modelSeqId = init.modelSeqId;
    this.#info = init.info;
  }

  /** The model's `model_seq_id` within its session. */
  get modelSeqId(): number {
    return this.#modelSeqId;
  }

  /** Forward pass only (loss and outputs, no gradients): Python `forward`. */
  forward(data: readonly DatumInput[], lossFn: LossFnType, lossFnConfig?: Readonly<Record<string, number | string>> | null, call?: CallOptions): APIFuture<ForwardBackwardOutput> {
    return this.#forwardBackward(data, lossFn, lossFnConfig ?? undefined, true, call);
  }

  /** Forward and backward pass, accumulating gradients: Python `forward_backward`. */
  forwardBackward(data: readonly DatumInput[], lossFn: LossFnType, lossFnConfig?: Readonly<Record<string, number | string>> | null, call?: CallOptions): APIFuture<ForwardBackwardOutput> {
    return this.#forwardBackward(data, lossFn, lossFnConfig ?? undefined, false, call);
  }

  /**
   * Forward/backward with a loss computed here (Python `forward_backward_custom`): a forward pass gives
   * the target-token logprobs, `lossFn` returns the loss and its gradient w.r.t. those logprobs, and a
   * cross-entropy backward pass with weights = -gradient applies it. Both phases keep their place in
   * the request order; if the loss function fails, this client refuses further requests (their
   * reserved places can no longer be filled).
   */
  forwardBackwardCustom(data: readonly DatumInput[], lossFn: CustomLossFn, call?: CallOptions): APIFuture<ForwardBackwardOutput> {
    if (typeof lossFn !== "function") invalidArgument("lossFn", "expected a function (data, logprobs) => { loss, gradients, metrics }");
    const forwardData = customLossForwardData(prepareData(data));
    const forwardChunks = this.#chunk(forwardData);
    const first = this.#sequencer.reserve(2 * forwardChunks.length);
    const method = "TrainingClient.forward_backward_custom";
    const forward = this.#runChunks(forwardChunks, first, "cross_entropy", undefined, true, call, method);
    const result = forward
      .then(async (out) => {
        const logprobs = out.loss_fn_outputs.map((o, i) => {
          const lp = o["logprobs"];
          if (lp === undefined) throw new APIResponseValidationError(`forward output ${i} has no logprobs`, undefined);
          return lp.data;
        });
        const custom = await lossFn(data, logprobs);
        const backwardData = customLossBackwardData(forwardData, custom.gradients, logprobs);
        // The backward phase reuses the forward chunk boundaries: its ids are already reserved.
        let offset = 0;
        const backwardChunks = forwardChunks.map((chunk) => {
          const part = backwardData.slice(offset, offset + chunk.data.length);
          offset += chunk.data.length;
          return { data: part, estimatedBytes: part.reduce((n, d) => n + d.estimatedBytes, 0) };
        });
        const backward = await this.#runChunks(backwardChunks, first + forwardChunks.length, "cross_entropy", undefined, false, call, method);
        return mergeCustomLossMetrics(backward, custom);
      })
      .catch((error: unknown) => {
        this.#sequencer.poison(error);
        throw error;
      });
    return new APIFuture(forward.submitted, result, () => undefined);
  }

  /** One Adam step with the accumulated gradients; unset parameters take the Python SDK's defaults. */
  optimStep(adamParams: Partial<AdamParams> = {}, call?: CallOptions): APIFuture<OptimStepResponse> {
    const adam = { ...DEFAULT_ADAM_PARAMS };
    for (const key of Object.keys(DEFAULT_ADAM_PARAMS) as (keyof AdamParams)[]) {
      const v = adamParams[key];
      if (v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v)) invalidArgument(`adamParams.${key}`, `expected a finite number, got ${String(v)}`);
      adam[key] = v;
    }
    for (const key of Object.keys(adamParams)) {
      if (!Object.hasOwn(DEFAULT_ADAM_PARAMS, key)) invalidArgument(`adamParams.${key}`, `unknown Adam parameter (known: ${Object.keys(DEFAULT_ADAM_PARAMS).join(", ")})`);
    }
    return this.#sequenced("TrainingClient.optim_step", "OptimStep", "/api/v1/optim_step", (seqId) => optimStepBody(this.modelId, seqId, adam), 10, call, (p) => expectObject(p, "optim_step result") as OptimStepResponse);
  }

  /** Saves weights and optimizer state as `tinker://<model>/weights/<name>` (Python `save_state`). */
  saveState(name: string, options: SaveStateOptions = {}): APIFuture<SaveWeightsResponse> {
    checkCheckpointName(name);
    const ttlSeconds = checkTtlSeconds(options.ttlSeconds);
    const userMetadata = checkStringMap(options.userMetadata, "userMetadata");
    const overwrite = checkBoolean(options.overwrite ?? undefined, "overwrite", false);
    return this.#sequenced(
      "TrainingClient.save_state",
      "SaveWeights",
      "/api/v1/save_weights",
      (seqId) => saveWeightsBody({ modelId: this.modelId, name, seqId, ttlSeconds, overwrite, userMetadata }),
      0,
      options,
      (p) => {
        expectStringField(p, "path", "save_weights result");
        return p as SaveWeightsResponse;
      },
    );
  }

  /** Loads weights only; the optimizer state starts fresh (Python `load_state`, deprecated there). */
  loadState(path: string, options: LoadStateOptions = {}): APIFuture<LoadWeightsResponse> {
    return this.#load(path, false, options);
  }

  /** Loads weights and the Adam state, to continue exactly where the checkpoint left off. */
  loadStateWithOptimizer(path: string, options: LoadStateOptions = {}): APIFuture<LoadWeightsResponse> {
    return this.#load(path, true, options);
  }

  /** Saves sampler weights as `tinker://<model>/sampler_weights/<name>` (Python `save_weights_for_sampler`). */
  saveWeightsForSampler(name: string, options: SaveWeightsForSamplerOptions = {}): APIFuture<SaveWeightsForSamplerResponse> {
    checkCheckpointName(name);
    const ttlSeconds = checkTtlSeconds(options.ttlSeconds);
    const userMetadata = checkStringMap(options.userMetadata, "userMetadata");
    // The public response is built from the path alone, so its `type` is null (as Python's model_dump gives).
    return this.#saveForSampler("TrainingClient.save_weights_for_sampler", () => ({ name }), ttlSeconds, userMetadata, options, (p) => ({
      path: expectStringField(p, "path", "save_weights_for_sampler result"),
      type: null,
    }));
  }

  /**
   * Saves the weights in an external (Hugging Face style) format as
   * `tinker://<model>/external_weights/<name>` (Python `save_weights_external`); download them with
   * `RestClient.getExternalWeightsUrls`. `ageEncryptionRecipients` (at most 10 age or SSH public keys)
   * encrypts every file.
   */
  saveWeightsExternal(name: string, options: SaveWeightsExternalOptions = {}): APIFuture<SaveWeightsExternalResponse> {
    checkCheckpointName(name);
    const ttlSeconds = checkTtlSeconds(options.ttlSeconds);
    const recipients = options.ageEncryptionRecipients;
    if (recipients !== undefined) {
      if (!Array.isArray(recipients) || recipients.length > 10 || !recipients.every((r) => typeof r === "string" && r.length > 0)) {
        invalidArgument("ageEncryptionRecipients", "expected at most 10 non-empty recipient strings");
      }
    }
    return this.#sequenced(
      "TrainingClient.save_weights_external",
      "SaveWeightsExternal",
      "/api/v1/save_weights_external",
      (seqId) => saveWeightsExternalBody({ modelId: this.modelId, name, seqId, ttlSeconds, ageEncryptionRecipients: recipients }),
      0,
      options,
      (p) => ({ path: expectStringField(p, "path", "save_weights_external result"), type: null }),
    );
  }

  /**
   * Snapshots the current weights (an unnamed, ephemeral sampler save) and returns a SamplingClient
   * on them (Python `save_weights_and_get_sampling_client`).
   */
  saveWeightsAndGetSamplingClient(call?: CallOptions): APIFuture<SamplingClient> {
    const method = "TrainingClient.save_weights_and_get_sampling_client";
    const save = this.#saveForSampler(
      method,
      () => ({ samplingSessionSeqId: this.#ctx.nextSamplingSessionSeqId() }),
      undefined,
      undefined,
      call,
      (p) => expectStringField(p, "sampling_session_id", "save_weights_for_sampler result"),
    );
    const baseModel = this.#info.model_data.model_name ?? undefined;
    const client = save.then((samplingSessionId) => SamplingClient.fromSession(this.#ctx, samplingSessionId, baseModel, call, method));
    return new APIFuture(save.submitted, client, () => undefined);
  }

  /** A SamplingClient on saved weights (Python `TrainingClient.create_sampling_client`). */
  createSamplingClient(modelPath: string, call?: CallOptions): Promise<SamplingClient> {
    return SamplingClient.create(this.#ctx, { modelPath }, call, "TrainingClient.create_sampling_client");
  }

  /** The console page of this training run. */
  getConsoleUrl(): string {
    return trainingRunConsoleUrl(this.modelId);
  }

  /** Model information fetched when the client was created (Python 0.38 answers it without a request). */
  getInfo(): APIFuture<GetInfoResponse> {
    return APIFuture.resolved(this.#info, { requestId: "", modelId: this.modelId });
  }

  #load(path: string, optimizer: boolean, options: LoadStateOptions): APIFuture<LoadWeightsResponse> {
    parseTrainingCheckpointPath(path);
    const token = options.weightsAccessToken === undefined ? undefined : checkNonEmptyString(options.weightsAccessToken, "weightsAccessToken");
    return this.#sequenced(
      optimizer ? "TrainingClient.load_state_with_optimizer" : "TrainingClient.load_state",
      "LoadWeights",
      "/api/v1/load_weights",
      (seqId) => loadWeightsBody({ modelId: this.modelId, seqId, path, optimizer, weightsAccessToken: token }),
      10,
      options,
      (p) => expectObject(p, "load_weights result") as LoadWeightsResponse,
    );
  }

  #saveForSampler<T>(
    method: string,
    target: () => SaveForSamplerTarget,
    ttlSeconds: number | undefined,
    userMetadata: Readonly<Record<string, string>> | undefined,
    call: CallOptions | undefined,
    decode: (payload: unknown) => T,
  ): APIFuture<T> {
    // Like the Python SDK, an unnamed save takes its sampling_session_seq_id when the request is sent.
    return this.#sequenced(
      method,
      "SaveWeightsForSampler",
      "/api/v1/save_weights_for_sampler",
      (seqId) => saveWeightsForSamplerBody({ modelId: this.modelId, target: target(), seqId, ttlSeconds, userMetadata }),
      0,
      call,
      decode,
    );
  }

  /** Reserves one id now; submits in turn (holder-layer retries around `maxRetries` HTTP retries). */
  #sequenced<T>(
    method: string,
    requestType: RequestType,
    path: string,
    body: (seqId: number) => string,
    maxRetries: number,
    call: CallOptions | undefined,
    decode: (payload: unknown) => T,
  ): APIFuture<T> {
    const id = this.#sequencer.reserve();
    return this.#ctx.submitFuture<T>({
      requestType,
      resultFormat: "json",
      call: pickCall(call),
      label: this.modelId,
      sdkMethod: method,
      decode,
      submit: (deadline) =>
        deadline.race(
          this.#sendInTurn(id, requestType, (d) => this.#post(path, { body: body(id + 1), contentType: "application/json" }, d, maxRetries, method)),
        ),
    });
  }

  /**
   * Sends a reserved request when its turn comes, with the outer retry window. Once a request has its
   * place in the order it is always sent (bounded only by the client being closed): the service runs
   * a model's requests strictly by seq_id, so a reserved id that never arrives would hold up every
   * later request. A caller's timeout or abort ends the caller's wait, not the send — as in Python,
   * where a future's timeout does not cancel its submission.
   */
  #sendInTurn(id: number, requestType: RequestType, post: (deadline: Deadline) => Promise<UntypedFuture>): Promise<UntypedFuture> {
    const sending = this.#sequencer.inTurn(id, () => this.#ctx.withRetries(post, this.#ctx.deadline(), `${requestType} ${this.modelId}`));
    sending.catch(() => undefined); // observed by the caller's future when it still waits
    return sending;
  }

  #post(
    path: string,
    payload: { body: string | Uint8Array; contentType: string; headers?: Record<string, string> },
    deadline: Deadline,
    maxRetries: number,
    sdkMethod: string,
  ): Promise<UntypedFuture> {
    return this.#ctx.http
      .request<UntypedFuture>({ method: "POST", path, body: payload.body, contentType: payload.contentType, headers: payload.headers }, { deadline, maxRetries, sdkMethod })
      .then((r) => r.data);
  }

  #forwardBackward(
    data: readonly DatumInput[],
    lossFn: LossFnType,
    lossFnConfig: Readonly<Record<string, number | string>> | undefined,
    forwardOnly: boolean,
    call: CallOptions | undefined,
  ): APIFuture<ForwardBackwardOutput> {
    checkNonEmptyString(lossFn, "lossFn");
    if (lossFnConfig !== undefined) {
      if (lossFnConfig === null || typeof lossFnConfig !== "object") invalidArgument("lossFnConfig", "expected an object of numbers or strings");
      for (const [k, v] of Object.entries(lossFnConfig)) {
        if (!isLossConfigValue(v)) invalidArgument(`lossFnConfig.${k}`, `expected a finite number or a string, got ${String(v)}`);
      }
    }
    const chunks = this.#chunk(prepareData(data));
    const first = this.#sequencer.reserve(chunks.length);
    return this.#runChunks(chunks, first, lossFn, lossFnConfig, forwardOnly, call, forwardOnly ? "TrainingClient.forward" : "TrainingClient.forward_backward");
  }

  #chunk(prepared: readonly PreparedDatum[]): DataChunk[] {
    const config = this.#ctx.serverConfig;
    return chunkData(prepared, { maxLen: config.fwdbwd_max_chunk_len, maxBytes: config.fwdbwd_max_chunk_bytes_count });
  }

  /** Sends already-reserved chunks (ids `first…first+n-1`) and combines their results. */
  #runChunks(
    chunks: readonly DataChunk[],
    first: number,
    lossFn: string,
    lossFnConfig: Readonly<Record<string, number | string>> | undefined,
    forwardOnly: boolean,
    call: CallOptions | undefined,
    method: string,
  ): APIFuture<ForwardBackwardOutput> {
    const config = this.#ctx.serverConfig;
    const parallel = config.parallel_fwdbwd_chunks;
    const compress = config.proto_compress_fwdbwd;
    const requestType = forwardOnly ? "Forward" : "ForwardBackward";
    // Encoded now: a datum the protobuf cannot carry fails here, before anything is sent.
    const bodies = chunks.map((chunk, i) =>
      encodeForwardBackwardRequest({ modelId: this.modelId, seqId: first + i + 1, data: chunk.data, lossFn, lossFnConfig, forwardOnly }),
    );
    // Each chunk is sent in the background once its turn comes (see #sendInTurn); the caller's
    // deadline only bounds the waiting.
    const send = (i: number): Promise<UntypedFuture> => {
      const raw = bodies[i] as Uint8Array;
      const ready = compress ? zstdCompress(raw) : Promise.resolve(raw);
      const headers = compress ? { headers: { "Content-Encoding": "zstd" } } : {};
      return this.#sendInTurn(parallel ? first : first + i, requestType, (d) =>
        ready.then((body) => this.#post("/api/v1/forward_backward", { body, contentType: "application/x-protobuf", ...headers }, d, 10, method)),
      );
    };
    const spec = (submit: (deadline: Deadline) => Promise<UntypedFuture>) =>
      this.#ctx.submitFuture<ForwardBackwardOutput>({
        requestType,
        resultFormat: "protobuf",
        call: pickCall(call),
        label: this.modelId,
        sdkMethod: method,
        decode: (payload) => decodeForwardBackwardOutput(payload as Uint8Array),
        submit,
      });
    let futures: APIFuture<ForwardBackwardOutput>[];
    if (parallel && chunks.length > 1) {
      // All chunks share one turn and go out together, the first one last: the service holds the
      // later chunks until the first arrives, so by then it can take the whole batch at once.
      const rest = chunks.slice(1).map((_, j) => send(j + 1));
      const head = Promise.allSettled(rest).then(() => send(0));
      futures = [head, ...rest].map((sending) => spec((deadline) => deadline.race(sending)));
    } else {
      futures = chunks.map((_, i) => send(i)).map((sending) => spec((deadline) => deadline.race(sending)));
    }
    return APIFuture.combine(futures, combineForwardBackwardOutputs);
  }
}

/** Only the CallOptions members of an options object (so extra members never reach the engine). */
export function pickCall(call: CallOptions | undefined): CallOptions | undefined {
  if (call === undefined) return undefined;
  return { signal: call.signal, timeout: call.timeout, onQueueState: call.onQueueState };
}
