/**
 * @tinker-ts/client — public surface.
 * CORE owns this file; TRAINING and REST add their own export lines in their sections.
 */

// ── core (CORE) ────────────────────────────────────────────────────────────────────────────
export {
  TinkerError,
  isTinkerError,
  APIError,
  APIStatusError,
  BadRequestError,
  AuthenticationError,
  BillingError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  GoneError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  DeadlineExceededError,
  APIResponseValidationError,
  RequestFailedError,
  AbortError,
  ValidationError,
  type RequestErrorCategory,
  type APIStatusErrorInit,
  type TinkerErrorOptions,
} from "./core/errors.js";
export { APIFuture, type Submitted, type ResultOptions } from "./core/api-future.js";
export type { CallOptions, QueueState, QueueStateEvent } from "./core/deadline.js";
export { DEFAULT_BASE_URL, type ClientOptions } from "./core/options.js";
export type { Logger, LogLevel } from "./core/logger.js";
export type { ServerConfig, DynamicConfig } from "./core/server-config.js";
export type { ClientContext, Schemas } from "./core/context.js";
export { SDK_VERSION, PACKAGE_VERSION } from "./core/version.js";
export type { Transport, TransportRequest, TransportResponse, ResponseHeaders, FetchLike, HttpMethod } from "./transport/types.js";
export { createFetchTransport } from "./transport/fetch.js";

// ── service / training / sampling (TRAINING) ───────────────────────────────────────────────
export {
  ServiceClient,
  type CreateLoraTrainingClientOptions,
  type CreateTrainingClientFromStateOptions,
  type CreateSamplingClientOptions,
  type CloseOptions,
} from "./service/service-client.js";
export {
  TrainingClient,
  type SaveStateOptions,
  type SaveWeightsForSamplerOptions,
  type LoadStateOptions,
  type SaveWeightsExternalOptions,
} from "./training/training-client.js";
export { DEFAULT_ADAM_PARAMS, type AdamParams } from "./training/request-bodies.js";
export type { CustomLossFn, CustomLossResult } from "./training/custom-loss.js";
export { SamplingClient, type SampleOptions } from "./sampling/sampling-client.js";
export type { SamplingParamsInput } from "./sampling/request-bodies.js";
export {
  ModelInput,
  encodedTextChunk,
  imageChunk,
  chunkLength,
  LOSS_FN_INPUT_DTYPES,
  type ModelInputChunk,
  type EncodedTextChunk,
  type ImageChunk,
  type ImageAssetPointerChunk,
  type DmelChunk,
  type TensorData,
  type TensorDataInput,
  type TensorDtype,
  type LossFnInput,
  type DatumInput,
} from "./data/index.js";
export type { NumericArray, NestedNumbers } from "./data/tensor.js";
export type { ForwardBackwardOutput, SampleResponse, SampledSequence, TopkPosition } from "./proto/index.js";
export {
  parseTinkerPath,
  MIN_TTL_SECONDS,
  MAX_TTL_SECONDS,
  type ParsedTinkerPath,
  type CheckpointType,
} from "./paths/index.js";

// ── rest (REST) ────────────────────────────────────────────────────────────────────────────
export * from "./rest/index.js";
export type { ArchiveWaitOptions } from "./rest/archive-url.js";
