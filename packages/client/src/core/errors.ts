/**
 * Error classes of the SDK (all exported from the package root).
 *
 * TinkerError
 * ├─ APIError
 * │  ├─ APIStatusError (status, requestId, body, serverMessage)
 * │  │  ├─ BadRequestError 400, AuthenticationError 401, BillingError 402,
 * │  │  ├─ PermissionDeniedError 403, NotFoundError 404, ConflictError 409, GoneError 410,
 * │  │  └─ UnprocessableEntityError 422, RateLimitError 429, InternalServerError ≥ 500
 * │  ├─ APIConnectionError
 * │  │  └─ APITimeoutError (one attempt took too long)
 * │  │     └─ DeadlineExceededError (the caller's `timeout` for the whole call ran out)
 * │  └─ APIResponseValidationError (a 2xx body we could not understand)
 * ├─ RequestFailedError (a future completed with an error: category + requestId)
 * ├─ AbortError (the caller's AbortSignal fired, or the client was closed) — not an APIError
 * └─ ValidationError (bad input, detected before any request; names the field)
 *
 * Every class sets `name`, and `isTinkerError` / `TinkerError.is` work across bundle copies
 * (a Symbol.for brand), so `instanceof` is not the only test.
 */

const BRAND = Symbol.for("tinker-ts.TinkerError");

export interface TinkerErrorOptions {
  readonly cause?: unknown;
  readonly requestId?: string | undefined;
}

export class TinkerError extends Error {
  override name = "TinkerError";
  /** Id of the request that failed, when the server gave one (future request id or `x-request-id`). */
  readonly requestId: string | undefined;

  constructor(message: string, options: TinkerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.requestId = options.requestId;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is TinkerError {
    return isTinkerError(value);
  }
}

/** True for every error thrown by this SDK, even one from another copy of the package. */
export function isTinkerError(value: unknown): value is TinkerError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Base of errors about an HTTP exchange with the service. */
export class APIError extends TinkerError {
  override name = "APIError";
  /** HTTP status, when a response was received. */
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined, options: TinkerErrorOptions = {}) {
    super(message, options);
    this.status = status;
  }
}

export interface APIStatusErrorInit extends TinkerErrorOptions {
  /** Parsed JSON body, or the text when it was not JSON (secrets already redacted). */
  readonly body?: unknown;
  /** The server's own message (`detail`/`message`/`error` field, or the text). */
  readonly serverMessage?: string | undefined;
  /** Response headers (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
}

export class APIStatusError extends APIError {
  override name = "APIStatusError";
  declare readonly status: number;
  readonly body: unknown;
  readonly serverMessage: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, message: string, init: APIStatusErrorInit = {}) {
    super(message, status, init);
    this.body = init.body;
    this.serverMessage = init.serverMessage;
    this.headers = init.headers ?? {};
  }
}

export class BadRequestError extends APIStatusError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIStatusError {
  override name = "AuthenticationError";
}
/** HTTP 402: billing problem; the SDK pauses and retries for a while before surfacing it. */
export class BillingError extends APIStatusError {
  override name = "BillingError";
}
export class PermissionDeniedError extends APIStatusError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIStatusError {
  override name = "NotFoundError";
}
export class ConflictError extends APIStatusError {
  override name = "ConflictError";
}
/** HTTP 410: e.g. an expired future (the SDK re-submits where that is safe) or a finished session. */
export class GoneError extends APIStatusError {
  override name = "GoneError";
}
export class UnprocessableEntityError extends APIStatusError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends APIStatusError {
  override name = "RateLimitError";
}
export class InternalServerError extends APIStatusError {
  override name = "InternalServerError";
}

export class APIConnectionError extends APIError {
  override name = "APIConnectionError";
  constructor(message = "Connection error.", options: TinkerErrorOptions = {}) {
    super(message, undefined, options);
  }
}

export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
  constructor(message = "Request timed out.", options: TinkerErrorOptions = {}) {
    super(message, options);
  }
}

/**
 * The caller's `timeout` (deadline of the whole call, retries and polling included) ran out.
 * Never retried. `cause` holds the last retryable error, if any.
 */
export class DeadlineExceededError extends APITimeoutError {
  override name = "DeadlineExceededError";
  readonly timeoutMs: number;
  constructor(timeoutMs: number, message?: string, options: TinkerErrorOptions = {}) {
    super(message ?? `Deadline of ${timeoutMs} ms exceeded.`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** A 2xx response whose body is not what the endpoint promises. */
export class APIResponseValidationError extends APIError {
  override name = "APIResponseValidationError";
}

export type RequestErrorCategory = "unknown" | "server" | "user";

/** A future completed with an error (`{"error": …, "category": …}` from retrieve_future). */
export class RequestFailedError extends TinkerError {
  override name = "RequestFailedError";
  declare readonly requestId: string;
  readonly category: RequestErrorCategory;
  /** The server's error text. */
  readonly serverMessage: string;
  constructor(serverMessage: string, requestId: string, category: RequestErrorCategory, options: { cause?: unknown } = {}) {
    super(`Request ${requestId} failed (${category}): ${serverMessage}`, { ...options, requestId });
    this.category = category;
    this.serverMessage = serverMessage;
  }
}

/**
 * The operation was cancelled by the caller's AbortSignal, or because the client was closed.
 * Deliberately NOT an APIError: a cancel is not a service failure and is never retried.
 * `cause` is the signal's reason.
 */
export class AbortError extends TinkerError {
  override name = "AbortError";
  constructor(message = "Request was aborted.", options: TinkerErrorOptions = {}) {
    super(message, options);
  }
}

/** Bad input detected before any request is sent. `field` names the offending option/parameter. */
export class ValidationError extends TinkerError {
  override name = "ValidationError";
  readonly field: string;
  constructor(field: string, message: string, options: { cause?: unknown } = {}) {
    super(`${field}: ${message}`, options);
    this.field = field;
  }
}

/** The status → class table of the Python SDK, plus 410 (GoneError). */
export function statusErrorClass(status: number): typeof APIStatusError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 402:
      return BillingError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 410:
      return GoneError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIStatusError;
  }
}
