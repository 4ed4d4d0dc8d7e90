/**
 * # Client core — the internal interface TRAINING (service/training/sampling) and REST code against
 *
 * Import from `../core/index.js`. Everything here is stable; ask CORE before relying on anything
 * not exported from this file.
 *
 * ## Starting a client
 * ```ts
 * const ctx = await startSession(clientOptions, { signal, timeout });   // ServiceClient
 * const rest = await startSessionless(clientOptions, { signal, timeout }); // RestClient
 * ctx.sessionId; ctx.serverConfig.fwdbwd_max_chunk_len; ctx.dynamicConfig;
 * ctx.nextModelSeqId(); ctx.nextSamplingSessionSeqId();
 * await ctx.close();   // or `await using ctx = …`
 * ```
 * `clientOptions` is the user's `ClientOptions` (or an already `resolveClientOptions`-ed object);
 * bad options throw `ValidationError` before any request.
 *
 * ## Plain requests (HTTP layer: retries, idempotency key, X-API-Key, typed errors)
 * ```ts
 * // typed against @tinker-ts/types `paths` — wrong path, method or body does not compile:
 * const r = await ctx.http.call("POST", "/api/v1/weights_info", { body: { tinker_path } }, { deadline, maxRetries: 10 });
 * r.data // typed JSON success body
 * // untyped (protobuf bodies, your own serialised JSON, manual redirects):
 * await ctx.http.request<T>({ method, path, query, json | body + contentType, headers, accept, redirect: "manual" },
 *                          { deadline | signal/timeout, maxRetries, attemptTimeout, idempotencyKey });
 * ```
 * JSON bodies go through `JSON.stringify` as given: key insertion order kept, compact. Build
 * objects in the Python SDK's field order. Note JS prints `1.0` as `1` and `1e-5` as `0.00001`
 * where Python prints `1.0` / `1e-05`; use `encodePythonJson` when bytes must match Python's.
 *
 * ## The outer retry window (Python execute_with_retries)
 * `ctx.withRetries((deadline) => ctx.http.call(…, { deadline, maxRetries: 0 }), callOptions, "label")`
 *
 * ## Futures
 * ```ts
 * const future = ctx.submitFuture({
 *   requestType: "SaveWeights",
 *   submit: (deadline) => ctx.withRetries((d) => ctx.http.call("POST", "/api/v1/save_weights", { body }, { deadline: d, maxRetries: 0 }).then((r) => r.data), deadline),
 *   resultFormat: "json",             // "protobuf" → Accept: application/x-protobuf, decode gets Uint8Array
 *   decode: (payload) => payload as SaveWeightsResponse,
 *   resubmitOnExpired: false,         // true → on 410 submit() is called again (sampling)
 *   call: { signal, timeout, onQueueState },
 *   label: modelId,
 *   sdkMethod: "TrainingClient.save_state",   // x-sdk-method on the polls; pass it to your submit request too
 *   onAbandoned: (requestId) => …,            // polling given up after submission (cancel_future for samples)
 * });
 * await future.submitted;  // { requestId, modelId }
 * await future;            // the result; or future.result({ signal, timeout })
 * ```
 * `submit` is invoked synchronously inside `submitFuture`, so if you call `submitFuture` in call
 * order and your `submit` awaits its turn before sending, submits go out in order.
 *
 * ## Deadlines
 * `ctx.deadline(callOptions)` validates `timeout` and binds the call to the client's close signal;
 * pass the Deadline down (`{ deadline }`) so nested work shares one bound. `deadline.sleep(ms)` is
 * abortable and refuses to sleep past the deadline; `deadline.race(promise)` bounds any other wait.
 *
 * ## Not implemented (documented choices)
 * Telemetry (`/api/v1/telemetry`) is not sent; `TINKER_CREDENTIAL_CMD` is not run (see
 * server-config.ts for how each server flag is honoured).
 */
export { SDK_VERSION, PACKAGE_VERSION, USER_AGENT } from "./version.js";
export { Deadline, type CallOptions, type QueueState, type QueueStateEvent, type ExchangeBounds } from "./deadline.js";
export * from "./errors.js";
export { type Logger, type LogLevel, LevelLogger } from "./logger.js";
export { Redactor, REDACTED } from "./redact.js";
export {
  resolveClientOptions,
  checkApiKey,
  checkBaseUrl,
  checkTimeout,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  type ClientOptions,
  type ResolvedClientOptions,
} from "./options.js";
export { processEnv, readEnv, type Env } from "./env.js";
export { HttpEngine, type HttpRequest, type HttpRequestOptions, type HttpResponse, type AuthProvider, type HttpMethod } from "./http.js";
export type { PathsWithMethod, Operation, OperationInit, SuccessJson } from "./typed-paths.js";
export { shouldRetryStatus, httpRetryDelayMs, exponentialBackoffMs, parseRetryAfterMs } from "./retry-policy.js";
export { withRetryWindow, isRetryableError, BillingPause, RETRY_WINDOW_MS, BILLING_PAUSE_SLEEP_MS, type RetryWindowOptions } from "./retry-window.js";
export { APIFuture, type Submitted, type ResultOptions } from "./api-future.js";
export {
  submitFuture,
  RETRIEVE_ATTEMPT_TIMEOUT_MS,
  type SubmitFutureSpec,
  type RequestType,
  type UntypedFuture,
  type FutureEnvironment,
} from "./retrieve-future.js";
export {
  resolveServerConfig,
  resolveDynamicConfig,
  DEFAULT_SERVER_CONFIG,
  DEFAULT_DYNAMIC_CONFIG,
  type ServerConfig,
  type DynamicConfig,
} from "./server-config.js";
export { JwtAuth, jwtClaims } from "./jwt.js";
export {
  startSession,
  startSessionless,
  HEARTBEAT_INTERVAL_MS,
  type ClientContext,
  type SessionContext,
  type SessionFinishStatus,
} from "./context.js";
export { setDefaultTransport, getDefaultTransport } from "./default-transport.js";
export { encodePythonJson, pyFloat, PyFloat } from "./python-json.js";
export { randomUUID } from "./uuid.js";
export type { Transport, TransportRequest, TransportResponse, ResponseHeaders, FetchLike } from "../transport/types.js";
export { createFetchTransport, lateBoundFetch } from "../transport/fetch.js";
