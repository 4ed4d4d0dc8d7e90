import type { paths } from "@tinker-ts/types";
import type { HttpMethod, ResponseHeaders, TransportResponse } from "../transport/types.js";
import { Deadline, type CallOptions } from "./deadline.js";
import {
  AbortError,
  APIConnectionError,
  APIResponseValidationError,
  DeadlineExceededError,
  statusErrorClass,
  type APIStatusError,
} from "./errors.js";
import { checkTimeout, type ResolvedClientOptions } from "./options.js";
import { httpRetryDelayMs, shouldRetryStatus } from "./retry-policy.js";
import type { OperationInit, Operation, PathsWithMethod, SuccessJson } from "./typed-paths.js";
import { SDK_VERSION, USER_AGENT } from "./version.js";
import { randomUUID } from "./uuid.js";
import { boundRequest, takesCancelSource } from "../transport/abort-source.js";

export type { HttpMethod };

/** One logical HTTP request (retries of it share one idempotency key). */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path under the base URL, e.g. "/api/v1/save_weights" (the base URL's own prefix is kept). */
  readonly path: string;
  /** Scalar query parameters; undefined/null are skipped, arrays joined with "," (Python's format). */
  readonly query?: Readonly<Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>> | undefined;
  /**
   * JSON body, serialised with JSON.stringify exactly as given: key insertion order kept, compact
   * (no spaces). Build objects in the Python SDK's field order. Mutually exclusive with `body`.
   */
  readonly json?: unknown;
  /** Pre-encoded body (protobuf bytes, or JSON text you serialised yourself). Needs `contentType`. */
  readonly body?: string | Uint8Array | undefined;
  /** Default "application/json" (sent on bodiless POST/PUT/DELETE too, as Python does). */
  readonly contentType?: string | undefined;
  /** Extra headers for this request (override defaults). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Accept header; default "application/json". */
  readonly accept?: string | undefined;
  /** Default "follow"; "manual" returns 3xx responses as they are (archive URL endpoint). */
  readonly redirect?: "follow" | "manual" | undefined;
  /**
   * How to decode a 2xx body: "auto" (default: JSON when content-type says JSON, bytes for
   * protobuf, text otherwise, undefined when empty), or forced.
   */
  readonly parseAs?: "auto" | "json" | "bytes" | "text" | undefined;
}

/** Per-request engine options (on top of the caller's CallOptions). */
export interface HttpRequestOptions extends Pick<CallOptions, "signal" | "timeout"> {
  /** Bounds of the enclosing logical call (nested: the tighter bound wins). */
  readonly deadline?: Deadline | undefined;
  /** HTTP-layer retries (default: the client's maxRetries, 10). Python uses 0 for some calls. */
  readonly maxRetries?: number | undefined;
  /** Per-attempt timeout in ms (default: the client's timeout, 60 s; retrieve_future uses 45 s). */
  readonly attemptTimeout?: number | undefined;
  /** Reuse a given idempotency key (default: a fresh one per logical request, non-GET only). */
  readonly idempotencyKey?: string | undefined;
  /**
   * The Python public method this request serves, e.g. "TrainingClient.save_state": sent as
   * `x-sdk-method` with `x-sdk-version` (Python 0.38 attributes every request made inside a public
   * method this way; start-up, heartbeat and config refreshes carry none).
   */
  readonly sdkMethod?: string | undefined;
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly data: T;
  /** `x-request-id` of the response, when present. */
  readonly requestId: string | undefined;
  /** The raw body. */
  readonly bytes: Uint8Array;
}

/** Supplies the X-API-Key value: the API key, or the exchanged JWT (refreshed as needed). */
export interface AuthProvider {
  token(): string | Promise<string>;
  /** A replacement for a token the server rejected (401 `error="invalid_token"`); the request is replayed once. */
  replace?(rejected: string): Promise<string>;
}

/** An empty 400 is a proxy rejection (Python turns it into a connection error, budget 16). */
const EMPTY_400_BUDGET = 16;

function serialiseQuery(query: HttpRequest["query"]): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    const s = Array.isArray(v) ? v.join(",") : String(v);
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(s)}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

function headerRecord(headers: ResponseHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers.entries()) out[k.toLowerCase()] = v;
  return out;
}

function extractServerMessage(body: unknown, text: string): string | undefined {
  if (body !== null && typeof body === "object") {
    const b = body as Record<string, unknown>;
    for (const key of ["detail", "message", "error"]) {
      const v = b[key];
      if (typeof v === "string") return v;
      if (v !== undefined && v !== null) return JSON.stringify(v);
    }
  }
  const t = text.trim();
  return t === "" ? undefined : t.slice(0, 2000);
}

let lastContentType: string | undefined;
let lastIsJson = false;

/** JSON media type? (Remembers the last answer: nearly every response has the same content-type.) */
function isJsonType(contentType: string | null): boolean {
  if (contentType === null) return false;
  if (contentType !== lastContentType) {
    lastIsJson = /[/+]json\b/i.test(contentType);
    lastContentType = contentType;
  }
  return lastIsJson;
}

/**
 * The HTTP engine: base-URL joining, headers (X-API-Key, X-Idempotency-Key, User-Agent…),
 * per-attempt timeouts linked to the caller's signal and deadline, the HTTP-layer retry policy of
 * the Python SDK, and typed errors with secrets redacted. One instance per client context.
 */
export class HttpEngine {
  readonly #opts: ResolvedClientOptions;
  readonly #auth: AuthProvider;
  readonly #closeSignal: AbortSignal | undefined;
  readonly #sourceAware: boolean;
  #closeOnly: Deadline | undefined;
  #empty400Budget = EMPTY_400_BUDGET;

  constructor(options: ResolvedClientOptions, auth: AuthProvider, closeSignal?: AbortSignal) {
    this.#opts = options;
    this.#sourceAware = takesCancelSource(options.transport);
    this.#auth = auth;
    this.#closeSignal = closeSignal;
  }

  get options(): ResolvedClientOptions {
    return this.#opts;
  }

  /** The deadline of a call made with these options, bounded by the client's close signal. */
  deadline(options?: Pick<CallOptions, "signal" | "timeout">, parent?: Deadline): Deadline {
    checkTimeout("timeout", options?.timeout);
    // Deadlines are immutable: the one bounded by the close signal alone is made once.
    if (parent === undefined && options?.signal === undefined && options?.timeout === undefined) {
      return (this.#closeOnly ??= Deadline.from(undefined, undefined, this.#closeSignal));
    }
    return Deadline.from(options, parent, this.#closeSignal);
  }

  /** Typed request against the generated OpenAPI paths (wrong path/method/body fails to compile). */
  call<M extends HttpMethod, P extends PathsWithMethod<paths, M>>(
    method: M,
    path: P,
    init: OperationInit<Operation<paths, P, M>>,
    options?: HttpRequestOptions,
  ): Promise<HttpResponse<SuccessJson<Operation<paths, P, M>>>> {
    let url = String(path);
    const params = init.params as { path?: Record<string, unknown>; query?: HttpRequest["query"] } | undefined;
    if (params?.path) {
      // Path parameters are interpolated raw, as the Python SDK does (ids contain ':' and '/').
      for (const [k, v] of Object.entries(params.path)) url = url.split(`{${k}}`).join(String(v));
    }
    const body = (init as { body?: unknown }).body;
    return this.request({
      method,
      path: url,
      query: params?.query,
      json: body,
      headers: init.headers,
      accept: init.accept,
      redirect: init.redirect,
    }, options);
  }

  /**
   * One logical request with HTTP-layer retries. Resolves for 1xx–3xx; rejects with a typed
   * APIStatusError for ≥ 400 (after retries), APIConnectionError / APITimeoutError for network
   * failures, DeadlineExceededError or AbortError when the call's bounds end it.
   */
  async request<T = unknown>(req: HttpRequest, options: HttpRequestOptions = {}): Promise<HttpResponse<T>> {
    const opts = this.#opts;
    const deadline = this.deadline(options, options.deadline);
    const maxRetries = options.maxRetries ?? opts.maxRetries;
    const attemptTimeout = options.attemptTimeout ?? opts.timeout;
    const url = opts.baseUrl + (req.path.startsWith("/") ? req.path : `/${req.path}`) + serialiseQuery(req.query);

    let body: string | Uint8Array | undefined;
    if (req.json !== undefined) {
      if (req.body !== undefined) throw new TypeError("HttpRequest: give `json` or `body`, not both");
      body = JSON.stringify(req.json);
    } else body = req.body;

    const headers: Record<string, string> = {
      Accept: req.accept ?? "application/json",
      "User-Agent": USER_AGENT,
      ...opts.defaultHeaders,
    };
    if (req.method !== "GET") {
      headers["Content-Type"] = req.contentType ?? "application/json";
      headers["X-Idempotency-Key"] = options.idempotencyKey ?? `tinker-ts-retry-${randomUUID()}`;
    }
    if (options.sdkMethod !== undefined) {
      headers["x-sdk-version"] = SDK_VERSION;
      headers["x-sdk-method"] = options.sdkMethod;
    }
    if (req.headers) Object.assign(headers, req.headers);
    const redirect = req.redirect ?? "follow";
    const debug = opts.logger.enabled("debug");

    let lastError: unknown;
    let replacedToken: string | undefined;
    for (let retriesTaken = 0; ; retriesTaken++) {
      deadline.check(lastError);
      if (replacedToken !== undefined) headers["X-API-Key"] = replacedToken;
      else {
        const tokenOrPromise = this.#auth.token();
        // A JWT exchange in progress is bounded by this call's deadline too.
        headers["X-API-Key"] = typeof tokenOrPromise === "string" ? tokenOrPromise : await deadline.race(tokenOrPromise);
      }
      const bounds = deadline.exchange(attemptTimeout);
      const started = debug ? Date.now() : 0;
      if (debug) opts.logger.debug(`→ ${req.method} ${req.path}${retriesTaken ? ` (retry ${retriesTaken})` : ""}`);
      let res: TransportResponse;
      try {
        res = await opts.transport(boundRequest(this.#sourceAware, req.method, url, headers, body, bounds.timeoutMs, redirect, bounds.signal));
      } catch (cause) {
        bounds.dispose();
        const typed = bounds.classify(cause);
        if (typed instanceof AbortError || typed instanceof DeadlineExceededError) throw typed;
        const detail = opts.redactor.redact(String((cause as Error)?.message ?? cause));
        const connErr = typed ?? new APIConnectionError(`Connection error: ${detail}`, { cause: new Error(detail) });
        lastError = connErr;
        if (retriesTaken >= maxRetries) throw connErr;
        opts.logger.debug(`${req.method} ${req.path}: ${connErr.message}; retrying`);
        await deadline.sleep(httpRetryDelayMs(retriesTaken, undefined), connErr);
        continue;
      }
      bounds.dispose();
      if (debug) opts.logger.debug(`← ${res.status} ${req.method} ${req.path} in ${Date.now() - started} ms`);

      if (res.status < 400) {
        if (this.#empty400Budget < EMPTY_400_BUDGET) this.#empty400Budget++;
        return this.#decodeSuccess<T>(res, req.parseAs ?? "auto");
      }

      if (res.status === 400 && res.body.byteLength === 0 && this.#empty400Budget > 0) {
        this.#empty400Budget--;
        const connErr = new APIConnectionError("Connection error: empty 400 response (rejected by a proxy).", { requestId: res.headers.get("x-request-id") ?? undefined });
        lastError = connErr;
        if (retriesTaken >= maxRetries) throw connErr;
        await deadline.sleep(httpRetryDelayMs(retriesTaken, res.headers), connErr);
        continue;
      }

      if (res.status === 401 && replacedToken === undefined && this.#auth.replace && /error="invalid_token"/.test(res.headers.get("www-authenticate") ?? "")) {
        replacedToken = await this.#auth.replace(headers["X-API-Key"]);
        retriesTaken--; // the replay does not count as a retry
        continue;
      }

      const error = this.statusError(res);
      lastError = error;
      if (retriesTaken >= maxRetries || !shouldRetryStatus(res.status, res.headers)) throw error;
      opts.logger.debug(`${req.method} ${req.path}: HTTP ${res.status}; retrying`);
      await deadline.sleep(httpRetryDelayMs(retriesTaken, res.headers), error);
    }
  }

  #decodeSuccess<T>(res: TransportResponse, parseAs: NonNullable<HttpRequest["parseAs"]>): HttpResponse<T> {
    const requestId = res.headers.get("x-request-id") ?? undefined;
    let data: unknown;
    const contentType = res.headers.get("content-type");
    const mode =
      parseAs !== "auto"
        ? parseAs
        : res.body.byteLength === 0
          ? "empty"
          : isJsonType(contentType)
            ? "json"
            : contentType?.includes("application/x-protobuf") || contentType?.includes("application/octet-stream")
              ? "bytes"
              : "text";
    switch (mode) {
      case "empty":
        data = undefined;
        break;
      case "bytes":
        data = res.body;
        break;
      case "text":
        data = res.text();
        break;
      case "json": {
        const text = res.text();
        if (text === "") data = undefined;
        else {
          try {
            data = JSON.parse(text);
          } catch (cause) {
            throw new APIResponseValidationError(`Response of HTTP ${res.status} is not valid JSON`, res.status, { requestId, cause });
          }
        }
        break;
      }
    }
    return { status: res.status, headers: res.headers, data: data as T, requestId, bytes: res.body };
  }

  /** The typed error for a ≥ 400 response (secrets redacted from message and body). */
  statusError(res: TransportResponse): APIStatusError {
    const redactor = this.#opts.redactor;
    const text = redactor.redact(res.text());
    let body: unknown = text;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        /* keep the text */
      }
    }
    const serverMessage = extractServerMessage(body, text);
    const requestId = res.headers.get("x-request-id") ?? undefined;
    const Cls = statusErrorClass(res.status);
    const message = `Error code: ${res.status}${serverMessage ? ` - ${serverMessage}` : ""}${requestId ? ` (request id ${requestId})` : ""}`;
    return new Cls(res.status, message, { body, serverMessage, headers: redactor.redactHeaders(headerRecord(res.headers)), requestId });
  }
}
