/**
 * The retrieve_future protocol (Python `api_future_impl.py`, 0.38.0): submit once, then long-poll
 * `POST /api/v1/retrieve_future` with no client-side sleep until the result, an error, or the
 * call's deadline.
 */
import { APIFuture, type Submitted } from "./api-future.js";
import { Deadline, type CallOptions, type QueueState, type QueueStateEvent } from "./deadline.js";
import {
  AbortError,
  APIConnectionError,
  APIResponseValidationError,
  APIStatusError,
  DeadlineExceededError,
  GoneError,
  RequestFailedError,
  type RequestErrorCategory,
} from "./errors.js";
import type { HttpEngine, HttpResponse } from "./http.js";
import type { Logger } from "./logger.js";
import { CancelSource } from "./abort-fanout.js";
import { exponentialBackoffMs } from "./retry-policy.js";
import { BILLING_PAUSE_SLEEP_MS, type BillingPause } from "./retry-window.js";

/** `X-Tinker-Request-Type` values the Python SDK sends. */
export type RequestType =
  | "CreateModel"
  | "ForwardBackward"
  | "Forward"
  | "OptimStep"
  | "SaveWeights"
  | "LoadWeights"
  | "SaveWeightsForSampler"
  | "SaveWeightsExternal"
  | "Sample"
  | (string & {});

/** What a submit endpoint answers (`UntypedAPIFuture`). */
export interface UntypedFuture {
  readonly request_id: string;
  readonly model_id?: string | null | undefined;
  readonly [extra: string]: unknown;
}

export interface SubmitFutureSpec<T> {
  /** Sent as `X-Tinker-Request-Type` on every poll. */
  readonly requestType: RequestType;
  /**
   * Sends the submit request (with whatever retries it needs — usually `ctx.withRetries`) and
   * returns the future handle. Called synchronously by `submitFuture` (so call order is kept
   * when the caller sequences submits), and again when the future expired (HTTP 410) and
   * `resubmitOnExpired` is set. Must use the given deadline for its HTTP calls.
   */
  readonly submit: (deadline: Deadline) => Promise<UntypedFuture>;
  /**
   * "protobuf": polls with `Accept: application/x-protobuf` and `decode` receives the raw bytes
   * (a JSON success is then an error, as in Python). "json": `decode` receives the parsed object.
   */
  readonly resultFormat: "json" | "protobuf";
  /** Turns the success payload into the result; may also read fields of the submit response. */
  readonly decode: (payload: unknown, submitted: UntypedFuture) => T;
  /**
   * Whether polling for this handle starts past the metadata-only peek, i.e. its first
   * retrieve_future asks for the payload (`allow_metadata_only: false`). Python 0.38.0 does so when
   * the session poller already reported the finished sample with its payload size. Asked once per
   * submitted handle; default: start with the peek (`allow_metadata_only: true`).
   */
  readonly skipMetadataPeek?: ((submitted: UntypedFuture) => boolean) | undefined;
  /** On HTTP 410 from retrieve_future, re-run `submit` (up to 3 times). Default false (GoneError). */
  readonly resubmitOnExpired?: boolean | undefined;
  /** The caller's options: signal, whole-call timeout (submit + polling), onQueueState. */
  readonly call?: CallOptions | undefined;
  /**
   * Called with the request id when polling stops without an outcome (abort, deadline, `result()`
   * giving up, client closed) after the request was submitted — e.g. to send
   * `POST /api/v1/cancel_future` for an abandoned sample when the dynamic config enables it.
   */
  readonly onAbandoned?: ((requestId: string) => void) | undefined;
  /** `x-sdk-method` for the retrieve_future polls (see HttpRequestOptions.sdkMethod). */
  readonly sdkMethod?: string | undefined;
  /** Used in the "paused" log line, e.g. the model id. */
  readonly label?: string | undefined;
}

/** What `submitFuture` needs from a client context. */
export interface FutureEnvironment {
  readonly http: HttpEngine;
  readonly billing: BillingPause;
  readonly logger: Logger;
}

/** retrieve_future per-attempt timeout (Python: 45 s; the server holds a long-poll for less). */
export const RETRIEVE_ATTEMPT_TIMEOUT_MS = 45_000;
const MAX_BAD_REQUEST_RETRIES = 3;
const MAX_RESUBMITS = 3;
const PAUSED_LOG_INTERVAL_MS = 60_000;

/** Sub-millisecond clock where available (for X-Tinker-Create-Promise-Roundtrip-Time). */
function monotonicMs(): number {
  return globalThis.performance?.now() ?? Date.now();
}

const QUEUE_STATES = new Set<QueueState>(["active", "paused_capacity", "paused_rate_limit"]);
const DEFAULT_PAUSE_REASON: Record<QueueState, string> = {
  active: "",
  paused_rate_limit: "concurrent training clients rate limit hit",
  paused_capacity: "Tinker backend is running short on capacity, please wait",
  unknown: "unknown",
};

function queueStateOf(value: unknown): QueueState {
  return typeof value === "string" && QUEUE_STATES.has(value as QueueState) ? (value as QueueState) : "unknown";
}

function categoryOf(value: unknown): RequestErrorCategory {
  return value === "user" || value === "server" ? value : "unknown";
}

class QueueStateReporter {
  #lastLogged = -Infinity;
  #lastState: QueueState | undefined;
  constructor(
    private readonly spec: SubmitFutureSpec<unknown>,
    private readonly logger: Logger,
    private readonly startedAt: number,
  ) {}

  report(requestId: string, state: QueueState, reason: string | undefined): void {
    const changed = state !== this.#lastState;
    this.#lastState = state;
    if (state === "paused_capacity" || state === "paused_rate_limit") {
      const now = Date.now();
      if (changed || now - this.#lastLogged >= PAUSED_LOG_INTERVAL_MS) {
        this.#lastLogged = now;
        const what = this.spec.label ? `${this.spec.requestType} for ${this.spec.label}` : `${this.spec.requestType} ${requestId}`;
        this.logger.warn(`${what} is paused. Reason: ${reason || DEFAULT_PAUSE_REASON[state]}.`);
      }
    }
    const onQueueState = this.spec.call?.onQueueState;
    if (onQueueState === undefined) return;
    const event: QueueStateEvent = { state, reason, requestId, requestType: this.spec.requestType, elapsedMs: Date.now() - this.startedAt };
    try {
      onQueueState(event);
    } catch (e) {
      this.logger.warn("onQueueState callback threw", e);
    }
  }
}

/**
 * Submits a request and returns its APIFuture; polling starts at once (like Python), so the
 * result is ready by the time anyone awaits it. `deadline` bounds submit + polling; the future's
 * `result({timeout})` can cancel it earlier.
 */
export function submitFuture<T>(env: FutureEnvironment, spec: SubmitFutureSpec<T>, parent?: Deadline): APIFuture<T> {
  const deadline = env.http.deadline(spec.call, parent);
  // One source for the whole future (cancel, the caller's signal, the client's close signal), linked
  // once here, so that none of its exchanges has to merge several signals into a new controller.
  const cancel = new CancelSource(deadline.signals);
  const bounded = deadline.withLinkedSignal(cancel);

  let resolveSubmitted!: (s: Submitted) => void;
  let rejectSubmitted!: (e: unknown) => void;
  const submitted = new Promise<Submitted>((res, rej) => {
    resolveSubmitted = res;
    rejectSubmitted = rej;
  });

  const run = async (): Promise<T> => {
    let resubmits = 0;
    for (;;) {
      const t0 = monotonicMs();
      let handle: UntypedFuture;
      try {
        handle = await spec.submit(bounded);
        if (typeof handle?.request_id !== "string") {
          throw new APIResponseValidationError(`${spec.requestType}: submit response has no request_id`, undefined);
        }
      } catch (e) {
        rejectSubmitted(e);
        throw e;
      }
      if (resubmits === 0) resolveSubmitted({ requestId: handle.request_id, modelId: handle.model_id ?? undefined });
      const roundtripSeconds = (monotonicMs() - t0) / 1000;
      try {
        return await poll(env, spec, handle, bounded, roundtripSeconds);
      } catch (e) {
        if ((e instanceof AbortError || e instanceof DeadlineExceededError) && spec.onAbandoned) {
          try {
            spec.onAbandoned(handle.request_id);
          } catch (hookError) {
            env.logger.warn("onAbandoned threw", hookError);
          }
        }
        if (e instanceof GoneError && spec.resubmitOnExpired && resubmits < MAX_RESUBMITS) {
          resubmits++;
          env.logger.info(`${spec.requestType} ${handle.request_id} expired (410); submitting it again`);
          continue;
        }
        throw e;
      }
    }
  };
  const result = run();
  const unlink = (): void => cancel.unlink();
  result.then(unlink, unlink);
  return new APIFuture(submitted, result, (reason) => cancel.abort(reason instanceof AbortError ? reason : new AbortError("Polling was cancelled.", { cause: reason })));
}

async function poll<T>(env: FutureEnvironment, spec: SubmitFutureSpec<T>, handle: UntypedFuture, deadline: Deadline, roundtripSeconds: number): Promise<T> {
  const { http, billing, logger } = env;
  const requestId = handle.request_id;
  const reporter = new QueueStateReporter(spec as SubmitFutureSpec<unknown>, logger, Date.now());
  const proto = spec.resultFormat === "protobuf";
  let allowMetadataOnly = spec.skipMetadataPeek?.(handle) !== true;
  let connectionErrors = 0;
  let badRequests = 0;

  for (let iteration = 0; ; iteration++) {
    deadline.check();
    const headers: Record<string, string> = {
      "X-Tinker-Request-Iteration": String(iteration),
      "X-Tinker-Request-Type": spec.requestType,
    };
    if (iteration === 0) headers["X-Tinker-Create-Promise-Roundtrip-Time"] = String(roundtripSeconds);
    let res: HttpResponse<unknown>;
    try {
      res = await http.request(
        {
          method: "POST",
          path: "/api/v1/retrieve_future",
          json: { request_id: requestId, allow_metadata_only: allowMetadataOnly },
          headers,
          accept: proto ? "application/x-protobuf" : "application/json",
        },
        { deadline, maxRetries: 0, attemptTimeout: RETRIEVE_ATTEMPT_TIMEOUT_MS, sdkMethod: spec.sdkMethod },
      );
    } catch (error) {
      if (error instanceof AbortError || error instanceof DeadlineExceededError) throw error;
      if (error instanceof APIStatusError) {
        const status = error.status;
        if (status === 402 && billing.shouldPause(error)) {
          await deadline.sleep(BILLING_PAUSE_SLEEP_MS, error);
          continue;
        }
        if (status !== 429) connectionErrors = 0;
        if (status === 408) {
          // A try_again dressed as an HTTP error; its body may carry the queue state.
          badRequests = 0;
          const body = error.body as Record<string, unknown> | undefined;
          if (body && typeof body === "object" && body["queue_state"]) {
            reporter.report(requestId, queueStateOf(body["queue_state"]), typeof body["queue_state_reason"] === "string" ? body["queue_state_reason"] : undefined);
          }
          continue;
        }
        if (status >= 500 && status < 600) continue;
        if (status === 429) {
          const wait = exponentialBackoffMs(connectionErrors++);
          logger.debug(`retrieve_future ${requestId}: HTTP 429; polling again in ${wait} ms`);
          await deadline.sleep(wait, error);
          continue;
        }
        if (status === 400 && badRequests < MAX_BAD_REQUEST_RETRIES) {
          badRequests++;
          continue;
        }
        throw error;
      }
      if (error instanceof APIConnectionError) {
        const wait = exponentialBackoffMs(connectionErrors++);
        logger.debug(`retrieve_future ${requestId}: ${error.message}; polling again in ${wait} ms`);
        await deadline.sleep(wait, error);
        continue;
      }
      throw error;
    }
    connectionErrors = 0;

    const contentType = res.headers.get("content-type") ?? "";
    if (contentType.includes("application/x-protobuf")) {
      reporter.report(requestId, "active", undefined);
      return decodeOrThrow(spec, res.bytes, handle);
    }
    let json: unknown = res.data;
    if (typeof json === "string" || json instanceof Uint8Array) {
      try {
        json = JSON.parse(typeof json === "string" ? json : new TextDecoder().decode(json));
      } catch (cause) {
        throw new APIResponseValidationError(`retrieve_future ${requestId}: response is neither protobuf nor JSON`, res.status, { requestId, cause });
      }
    }
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      throw new APIResponseValidationError(`retrieve_future ${requestId}: unexpected response ${String(JSON.stringify(json)).slice(0, 200)}`, res.status, { requestId });
    }
    const obj = json as Record<string, unknown>;
    if (obj["type"] === "try_again") {
      const state = queueStateOf(obj["queue_state"]);
      const reason = typeof obj["queue_state_reason"] === "string" ? obj["queue_state_reason"] : undefined;
      if (state !== "unknown" || reason !== undefined) reporter.report(requestId, state, reason);
      continue;
    }
    if (obj["status"] === "complete_metadata") {
      allowMetadataOnly = false;
      continue;
    }
    if ("error" in obj) {
      reporter.report(requestId, "active", undefined);
      throw new RequestFailedError(String(obj["error"]), requestId, categoryOf(obj["category"]));
    }
    if (proto) {
      throw new APIResponseValidationError(
        `retrieve_future ${requestId}: the server sent JSON for a ${spec.requestType} result, which is protobuf-only`,
        res.status,
        { requestId },
      );
    }
    reporter.report(requestId, "active", undefined);
    return decodeOrThrow(spec, obj, handle);
  }
}

function decodeOrThrow<T>(spec: SubmitFutureSpec<T>, payload: unknown, handle: UntypedFuture): T {
  try {
    return spec.decode(payload, handle);
  } catch (cause) {
    if (cause instanceof APIResponseValidationError) throw cause;
    throw new APIResponseValidationError(
      `Could not decode the ${spec.requestType} result of ${handle.request_id}: ${(cause as Error)?.message ?? String(cause)}`,
      undefined,
      { requestId: handle.request_id, cause },
    );
  }
}
