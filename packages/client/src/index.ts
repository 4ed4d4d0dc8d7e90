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
} from "./core/errors.js";
export { APIFuture, type Submitted, type ResultOptions } from "./core/api-future.js";
export type { CallOptions, QueueState, QueueStateEvent } from "./core/deadline.js";
export { DEFAULT_BASE_URL, type ClientOptions } from "./core/options.js";
export type { Logger, LogLevel } from "./core/logger.js";
export type { ServerConfig, DynamicConfig } from "./core/server-config.js";
export { SDK_VERSION, PACKAGE_VERSION } from "./core/version.js";
export type { Transport, TransportRequest, TransportResponse, ResponseHeaders, FetchLike } from "./transport/types.js";
export { createFetchTransport } from "./transport/fetch.js";

// ── service / training / sampling (TRAINING) ───────────────────────────────────────────────

// ── rest (REST) ────────────────────────────────────────────────────────────────────────────
