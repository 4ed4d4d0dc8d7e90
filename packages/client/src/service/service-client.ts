/// <reference lib="esnext.disposable" />
import type { GetServerCapabilitiesResponse, WeightsInfoResponse } from "@tinker-ts/types";
import { startSession, type SessionContext, type SessionFinishStatus } from "../core/context.js";
import type { CallOptions } from "../core/deadline.js";
import { AbortError, ValidationError } from "../core/errors.js";
import type { ClientOptions } from "../core/options.js";
import { resolveClientOptions } from "../core/options.js";
import { checkBoolean, checkNonEmptyString, checkPositiveInteger, checkStringMap } from "../paths/checkpoint-args.js";
import { invalidArgument } from "../paths/invalid-argument.js";
import { parseTrainingCheckpointPath } from "../paths/tinker-path.js";
import { RestClient, type CopyWeightsOptions } from "../rest/rest-client.js";
import { SamplingClient } from "../sampling/sampling-client.js";
import { sessionConsoleUrl, sessionsConsoleUrl } from "./console-urls.js";
import { fetchTrainingInfo } from "../training/get-info.js";
import { createModelBody, loadWeightsBody } from "../training/request-bodies.js";
import { pickCall, TrainingClient } from "../training/training-client.js";
import { expectObject, expectStringField } from "../training/wire.js";

export interface CreateLoraTrainingClientOptions extends CallOptions {
  readonly baseModel: string;
  /** LoRA rank (default 32). */
  readonly rank?: number | undefined;
  /** Initialisation seed; omitted = random. */
  readonly seed?: number | undefined;
  /** Default true. At least one of trainMlp / trainAttn / trainUnembed must be true. */
  readonly trainMlp?: boolean | undefined;
  readonly trainAttn?: boolean | undefined;
  readonly trainUnembed?: boolean | undefined;
  /** Metadata of the new training run. */
  readonly userMetadata?: Readonly<Record<string, string>> | undefined;
}

export interface CreateTrainingClientFromStateOptions extends CallOptions {
  /** Override of the checkpoint's base model (it must be compatible, e.g. another context length). */
  readonly baseModel?: string | undefined;
  readonly userMetadata?: Readonly<Record<string, string>> | undefined;
  /** Credential for a checkpoint owned by another account. */
  readonly weightsAccessToken?: string | undefined;
}

export type CreateSamplingClientOptions = CallOptions &
  ({ readonly modelPath: string; readonly baseModel?: undefined } | { readonly baseModel: string; readonly modelPath?: undefined });

export interface CloseOptions {
  /** How the session ended (sent to `sessions/{id}/finish`, as Python 0.38's `close(status)`). Default "success". */
  readonly status?: SessionFinishStatus | undefined;
  readonly detail?: string | undefined;
}

/** Bound on the best-effort session finish sent by `close()`. */
const FINISH_TIMEOUT_MS = 10_000;

/**
 * Entry point of the SDK (Python `ServiceClient`): creates training and sampling clients on one
 * server session, started on first use (client config, session, heartbeat). Close it with
 * `await client.close()` or `await using client = new ServiceClient(…)`.
 */
export class ServiceClient {
  readonly #options: ClientOptions;
  #session: Promise<SessionContext> | undefined;
  #sessionId: string | undefined;
  #rest: RestClient | undefined;
  readonly #restClients: RestClient[] = [];
  #closed = false;

  /** Options are checked now (a bad apiKey/baseUrl throws ValidationError); nothing is sent until first use. */
  constructor(options: ClientOptions = {}) {
    resolveClientOptions(options);
    this.#options = options;
  }

  /** The session id, once the session has started. */
  async sessionId(call?: CallOptions): Promise<string> {
    return (await this.#context(call)).sessionId;
  }

  /** A new LoRA model on `baseModel` (create_model, then get_info). */
  async createLoraTrainingClient(options: CreateLoraTrainingClientOptions): Promise<TrainingClient> {
    if (options === null || typeof options !== "object") invalidArgument("options", "expected { baseModel, … }");
    const baseModel = checkNonEmptyString(options.baseModel, "baseModel");
    const rank = checkPositiveInteger(options.rank ?? 32, "rank");
    const seed = options.seed;
    if (seed !== undefined && (typeof seed !== "number" || !Number.isSafeInteger(seed))) invalidArgument("seed", `expected an integer, got ${String(seed)}`);
    const trainMlp = checkBoolean(options.trainMlp, "trainMlp", true);
    const trainAttn = checkBoolean(options.trainAttn, "trainAttn", true);
    const trainUnembed = checkBoolean(options.trainUnembed, "trainUnembed", true);
    if (!trainMlp && !trainAttn && !trainUnembed) {
      throw new ValidationError("trainMlp", "at least one of trainMlp, trainAttn or trainUnembed must be true");
    }
    const userMetadata = checkStringMap(options.userMetadata, "userMetadata");

    const ctx = await this.#context(options);
    const modelSeqId = ctx.nextModelSeqId();
    const body = createModelBody({ sessionId: ctx.sessionId, modelSeqId, baseModel, userMetadata, lora: { rank, seed, trainUnembed, trainMlp, trainAttn } });
    const method = "ServiceClient.create_lora_training_client";
    const modelId = await ctx.submitFuture<string>({
      requestType: "CreateModel",
      resultFormat: "json",
      call: pickCall(options),
      label: baseModel,
      sdkMethod: method,
      decode: (payload) => expectStringField(payload, "model_id", "create_model result"),
      // Like the Python SDK: HTTP-layer retries only, no outer retry window.
      submit: (deadline) =>
        ctx.http.request<{ request_id: string }>({ method: "POST", path: "/api/v1/create_model", body, contentType: "application/json" }, { deadline, sdkMethod: method }).then((r) => r.data),
    });
    const info = await fetchTrainingInfo(ctx, modelId, options, method);
    return new TrainingClient({ context: ctx, modelId, modelSeqId, info });
  }

  /** A new training client with the weights of a `weights/` checkpoint; the optimizer starts fresh. */
  createTrainingClientFromState(path: string, options: CreateTrainingClientFromStateOptions = {}): Promise<TrainingClient> {
    return this.#fromState(path, false, options);
  }

  /** A new training client with the weights and Adam state of a checkpoint: training resumes exactly. */
  createTrainingClientFromStateWithOptimizer(path: string, options: CreateTrainingClientFromStateOptions = {}): Promise<TrainingClient> {
    return this.#fromState(path, true, options);
  }

  /** A sampling client on saved weights (`{ modelPath }`) or on a base model (`{ baseModel }`). */
  async createSamplingClient(options: CreateSamplingClientOptions): Promise<SamplingClient> {
    const hasPath = options?.modelPath !== undefined;
    const hasBase = options?.baseModel !== undefined;
    if (hasPath === hasBase) invalidArgument("options", "give exactly one of modelPath or baseModel");
    const source = hasPath ? { modelPath: options.modelPath as string } : { baseModel: checkNonEmptyString(options.baseModel, "baseModel") };
    const ctx = await this.#context(options);
    return SamplingClient.create(ctx, source, pickCall(options), "ServiceClient.create_sampling_client");
  }

  /**
   * Copies a checkpoint into this client's project (`projectId` option / TINKER_PROJECT_ID) and
   * returns the copy's tinker path (Python `ServiceClient.copy_weights`).
   */
  copyWeights(path: string, options?: CopyWeightsOptions): Promise<string> {
    return this.#internalRest().copyWeights(path, undefined, options);
  }

  /** The console page of this client's session (or of all sessions before it has started). */
  getConsoleUrl(): string {
    return this.#sessionId === undefined ? sessionsConsoleUrl() : sessionConsoleUrl(this.#sessionId);
  }

  /** A RestClient with this client's options (no session); closed with this client. */
  createRestClient(): RestClient {
    this.#checkOpen();
    const rest = new RestClient(this.#options);
    this.#restClients.push(rest);
    return rest;
  }

  /** Models the service offers (GET get_server_capabilities; needs no session). */
  getServerCapabilities(call?: CallOptions): Promise<GetServerCapabilitiesResponse> {
    return this.#internalRest().getServerCapabilities(call);
  }

  /**
   * Finishes the session (best effort, bounded) and stops its heartbeat; closes RestClients made
   * here. In-flight calls reject with AbortError. Idempotent.
   */
  async close(options: CloseOptions = {}): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const session = this.#session;
    this.#session = undefined;
    const ctx = session ? await session.catch(() => undefined) : undefined;
    if (ctx) {
      try {
        await ctx.finish(options.status ?? "success", options.detail ?? null, { timeout: FINISH_TIMEOUT_MS });
      } catch (e) {
        ctx.logger.debug("finishing the session failed; closing anyway", e);
      }
      await ctx.close();
    }
    await Promise.all(this.#restClients.map((r) => r.close()));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #checkOpen(): void {
    if (this.#closed) throw new AbortError("The ServiceClient is closed.");
  }

  #context(call?: CallOptions): Promise<SessionContext> {
    if (this.#closed) return Promise.reject(new AbortError("The ServiceClient is closed."));
    if (!this.#session) {
      const starting = startSession(this.#options, call === undefined ? undefined : { signal: call.signal, timeout: call.timeout });
      this.#session = starting;
      starting.then(
        (ctx) => {
          this.#sessionId = ctx.sessionId;
        },
        () => {
          // A failed start is retried by the next call.
          if (this.#session === starting) this.#session = undefined;
        },
      );
    }
    return this.#session;
  }

  #internalRest(): RestClient {
    this.#checkOpen();
    if (!this.#rest) {
      this.#rest = new RestClient(this.#options);
      this.#restClients.push(this.#rest);
    }
    return this.#rest;
  }

  async #fromState(path: string, optimizer: boolean, options: CreateTrainingClientFromStateOptions): Promise<TrainingClient> {
    parseTrainingCheckpointPath(path);
    const baseModel = options.baseModel === undefined ? undefined : checkNonEmptyString(options.baseModel, "baseModel");
    const userMetadata = checkStringMap(options.userMetadata, "userMetadata");
    const token = options.weightsAccessToken === undefined ? undefined : checkNonEmptyString(options.weightsAccessToken, "weightsAccessToken");
    const ctx = await this.#context(options);
    // tinker 0.38.0 always creates via load; a server that says create_model_via_load_weights=false
    // gets the legacy weights_info → create_model → load_weights sequence.
    if (ctx.serverConfig.raw["create_model_via_load_weights"] === false) {
      return this.#fromStateLegacy(path, optimizer, { ...pickCall(options), baseModel, userMetadata, weightsAccessToken: token });
    }
    const modelSeqId = ctx.nextModelSeqId();
    // The id the service derives from (session_id, model_seq_id).
    const modelId = `${ctx.sessionId}:train:${modelSeqId}`;
    const body = loadWeightsBody({ sessionId: ctx.sessionId, modelSeqId, baseModel, userMetadata, path, optimizer, weightsAccessToken: token });
    const method = optimizer ? "ServiceClient.create_training_client_from_state_with_optimizer" : "ServiceClient.create_training_client_from_state";
    await ctx.submitFuture({
      requestType: "LoadWeights",
      sdkMethod: method,
      resultFormat: "json",
      call: pickCall(options),
      label: modelId,
      decode: (payload) => expectObject(payload, "load_weights result"),
      submit: (deadline) =>
        ctx.withRetries(
          (d) => ctx.http.request<{ request_id: string }>({ method: "POST", path: "/api/v1/load_weights", body, contentType: "application/json" }, { deadline: d, sdkMethod: method }).then((r) => r.data),
          deadline,
          `load_weights ${modelId}`,
        ),
    });
    const info = await fetchTrainingInfo(ctx, modelId, options, method);
    return new TrainingClient({ context: ctx, modelId, modelSeqId, info });
  }

  async #fromStateLegacy(path: string, optimizer: boolean, options: CreateTrainingClientFromStateOptions): Promise<TrainingClient> {
    const info = await this.#weightsInfo(path, options.weightsAccessToken, options);
    if (!info.is_lora || !info.lora_rank) invalidArgument("path", `${path} is not a LoRA checkpoint (is_lora=${String(info.is_lora)}, lora_rank=${String(info.lora_rank)})`);
    const client = await this.createLoraTrainingClient({
      ...pickCall(options),
      baseModel: options.baseModel ?? info.base_model,
      rank: info.lora_rank,
      trainMlp: info.train_mlp ?? true,
      trainAttn: info.train_attn ?? true,
      trainUnembed: info.train_unembed ?? true,
      userMetadata: options.userMetadata,
    });
    const loadOptions = { ...pickCall(options), weightsAccessToken: options.weightsAccessToken };
    await (optimizer ? client.loadStateWithOptimizer(path, loadOptions) : client.loadState(path, loadOptions));
    return client;
  }

  /** weights_info, with the access token as the credential when one is given (as the Python SDK). */
  async #weightsInfo(path: string, token: string | undefined, call: CallOptions): Promise<WeightsInfoResponse> {
    if (token === undefined) return this.#internalRest().getWeightsInfoByTinkerPath(path, pickCall(call));
    const rest = new RestClient({ ...this.#options, apiKey: token });
    try {
      return await rest.getWeightsInfoByTinkerPath(path, pickCall(call));
    } finally {
      await rest.close();
    }
  }
}
