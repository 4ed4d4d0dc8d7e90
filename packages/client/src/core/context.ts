/// <reference lib="esnext.disposable" />
/**
 * Client contexts: what every client class (ServiceClient, TrainingClient, SamplingClient,
 * RestClient) runs on. Start-up follows the Python SDK's InternalClientHolder:
 *
 *   client/config → (pjwt_auth_enabled: JWT via auth/token) → client/dynamic_config (404 → defaults)
 *   → [sessionful only] create_session → heartbeat every 10 s + dynamic-config refresh (unref'd timers)
 */
import type { components } from "@tinker-ts/types";
import { type APIFuture } from "./api-future.js";
import { Deadline, type CallOptions } from "./deadline.js";
import { AbortError, APIStatusError, GoneError, NotFoundError } from "./errors.js";
import { HttpEngine, type AuthProvider } from "./http.js";
import { JwtAuth } from "./jwt.js";
import type { LevelLogger } from "./logger.js";
import { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from "./options.js";
import { submitFuture, type SubmitFutureSpec } from "./retrieve-future.js";
import { BillingPause, withRetryWindow } from "./retry-window.js";
import { resolveDynamicConfig, resolveServerConfig, type DynamicConfig, type ServerConfig } from "./server-config.js";
import { unrefTimeout } from "./timers.js";
import { SDK_VERSION } from "./version.js";

/** The wire schemas of the Tinker API (`components["schemas"]` of the OpenAPI contract in `@tinker-ts/types`). */
export type Schemas = components["schemas"];

export const HEARTBEAT_INTERVAL_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;
const HEARTBEAT_WARN_AFTER_MS = 120_000;
const DYNAMIC_CONFIG_TIMEOUT_MS = 10_000;
const MIN_DYNAMIC_REFRESH_MS = 10_000;

export type SessionFinishStatus = Schemas["ClientSessionFinishReasonType"];

/**
 * A started client without a session (RestClient, server capabilities). Public only as a handle to
 * pass around (`RestClient.fromContext`); the members marked internal are engine parts.
 */
export interface ClientContext {
  /** @internal */
  readonly options: ResolvedClientOptions;
  /** The HTTP engine (auth, headers, HTTP-layer retries, typed errors). @internal */
  readonly http: HttpEngine;
  /** Server flags with defaults. */
  readonly serverConfig: ServerConfig;
  /** Latest dynamic config (refreshed in the background for sessionful contexts). */
  readonly dynamicConfig: DynamicConfig;
  /** @internal */
  readonly logger: LevelLogger;
  /** Shared 402 pause state. @internal */
  readonly billing: BillingPause;
  /** Aborted by `close()`; every request of this context is bound to it. */
  readonly closeSignal: AbortSignal;
  readonly closed: boolean;
  /** The exchanged JWT, when JWT auth is on (for `whoami`-style local decoding). */
  readonly jwt: string | undefined;
  /** Bounds of a call with these options (and the close signal). Validates `timeout`. @internal */
  deadline(call?: CallOptions, parent?: Deadline): Deadline;
  /**
   * The outer retry window (Python `execute_with_retries`) around `attempt`: 408/409/429/5xx and
   * connection errors retried with `min(2ⁿ, 30)` s sleeps for up to 300 s, 402 billing pause.
   * @internal
   */
  withRetries<T>(attempt: (deadline: Deadline) => Promise<T>, bounds?: CallOptions | Deadline, label?: string): Promise<T>;
  /** Submit + retrieve_future protocol; see SubmitFutureSpec. @internal */
  submitFuture<T>(spec: SubmitFutureSpec<T>, parent?: Deadline): APIFuture<T>;
  /** Stops timers, aborts in-flight requests of this context (AbortError). Idempotent. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** A started client with a server session (ServiceClient and the clients it creates). */
export interface SessionContext extends ClientContext {
  readonly sessionId: string;
  /** Next `model_seq_id` of this session (0, 1, …), taken synchronously. */
  nextModelSeqId(): number;
  /** Next `sampling_session_seq_id` (shared by create_sampling_session and unnamed sampler saves). */
  nextSamplingSessionSeqId(): number;
  /**
   * `POST /api/v1/sessions/{id}/finish` `{"reason":{"type":status},"detail":…}` (Python 0.38
   * `ServiceClient.close(status, detail)`), in the retry window. Does not close the context.
   */
  finish(status: SessionFinishStatus, detail?: string | null, call?: CallOptions): Promise<void>;
}

class Context implements SessionContext {
  readonly options: ResolvedClientOptions;
  readonly http: HttpEngine;
  readonly serverConfig: ServerConfig;
  dynamicConfig: DynamicConfig;
  readonly logger: LevelLogger;
  readonly billing: BillingPause;
  readonly #closeController: AbortController;
  readonly #jwt: JwtAuth | undefined;
  #sessionId: string | undefined;
  #modelSeq = 0;
  #samplingSeq = 0;
  #heartbeat: ReturnType<typeof setTimeout> | undefined;
  #dynamicRefresh: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(init: {
    options: ResolvedClientOptions;
    http: HttpEngine;
    serverConfig: ServerConfig;
    dynamicConfig: DynamicConfig;
    billing: BillingPause;
    closeController: AbortController;
    jwt: JwtAuth | undefined;
  }) {
    this.options = init.options;
    this.http = init.http;
    this.serverConfig = init.serverConfig;
    this.dynamicConfig = init.dynamicConfig;
    this.logger = init.options.logger;
    this.billing = init.billing;
    this.#closeController = init.closeController;
    this.#jwt = init.jwt;
  }

  get closeSignal(): AbortSignal {
    return this.#closeController.signal;
  }
  get closed(): boolean {
    return this.#closed;
  }
  get jwt(): string | undefined {
    return this.#jwt?.current;
  }
  get sessionId(): string {
    if (this.#sessionId === undefined) throw new TypeError("this client context has no session");
    return this.#sessionId;
  }

  nextModelSeqId(): number {
    return this.#modelSeq++;
  }
  nextSamplingSessionSeqId(): number {
    return this.#samplingSeq++;
  }

  deadline(call?: CallOptions, parent?: Deadline): Deadline {
    return this.http.deadline(call, parent);
  }

  withRetries<T>(attempt: (deadline: Deadline) => Promise<T>, bounds?: CallOptions | Deadline, label?: string): Promise<T> {
    let deadline: Deadline;
    try {
      deadline = bounds instanceof Deadline ? Deadline.from(undefined, bounds, this.closeSignal) : this.deadline(bounds);
    } catch (e) {
      return Promise.reject(e);
    }
    return withRetryWindow(() => attempt(deadline), { deadline, billing: this.billing, logger: this.logger, label });
  }

  submitFuture<T>(spec: SubmitFutureSpec<T>, parent?: Deadline): APIFuture<T> {
    return submitFuture({ http: this.http, billing: this.billing, logger: this.logger }, spec, parent);
  }

  async finish(status: SessionFinishStatus, detail: string | null = null, call?: CallOptions): Promise<void> {
    const sessionId = this.sessionId;
    await this.withRetries(
      (deadline) =>
        this.http.call(
          "POST",
          "/api/v1/sessions/{session_id}/finish",
          { params: { path: { session_id: sessionId } }, body: { reason: { type: status }, detail } },
          { deadline, sdkMethod: "ServiceClient.close" },
        ),
      call,
      "finish session",
    );
  }

  /** create_session (HTTP-layer retries only, as Python). */
  async createSession(deadline: Deadline): Promise<void> {
    const o = this.options;
    const body: Schemas["CreateSessionRequest"] = {
      tags: [...o.tags],
      user_metadata: { ...(o.userMetadata ?? {}) },
      sdk_version: SDK_VERSION,
      ...(o.projectId === undefined ? {} : { project_id: o.projectId }),
      ...(o.displayName === undefined ? {} : { display_name: o.displayName }),
      type: "create_session",
    };
    const res = await this.http.call("POST", "/api/v1/create_session", { body }, { deadline });
    const data = res.data as Schemas["CreateSessionResponse"];
    if (typeof data?.session_id !== "string") throw new TypeError("create_session response has no session_id");
    if (data.info_message) this.logger.info(data.info_message);
    if (data.warning_message) this.logger.warn(data.warning_message);
    if (data.error_message) this.logger.error(data.error_message);
    this.#sessionId = data.session_id;
  }

  startBackgroundTasks(): void {
    const sessionId = this.sessionId;
    let lastSuccess = Date.now();
    const beat = async (): Promise<void> => {
      this.#heartbeat = undefined;
      if (this.#closed) return;
      try {
        await this.http.call(
          "POST",
          "/api/v1/session_heartbeat",
          { body: { session_id: sessionId, type: "session_heartbeat" } },
          { maxRetries: 0, attemptTimeout: HEARTBEAT_TIMEOUT_MS },
        );
        lastSuccess = Date.now();
      } catch (e) {
        if (e instanceof GoneError) {
          this.logger.info(`Session ${sessionId} has finished; stopping its heartbeat.`);
          return;
        }
        if (this.#closed || e instanceof AbortError) return;
        const since = Date.now() - lastSuccess;
        if (since > HEARTBEAT_WARN_AFTER_MS) {
          this.logger.warn(`Session heartbeat failing for ${Math.round(since / 1000)} s (session ${sessionId}); the session may be terminated.`, e);
        } else this.logger.debug("heartbeat failed", e);
      }
      if (!this.#closed) this.#heartbeat = unrefTimeout(() => void beat(), HEARTBEAT_INTERVAL_MS);
    };
    this.#heartbeat = unrefTimeout(() => void beat(), HEARTBEAT_INTERVAL_MS);
    this.#scheduleDynamicRefresh();
  }

  #scheduleDynamicRefresh(): void {
    if (this.#closed) return;
    const every = Math.max(this.dynamicConfig.refresh_interval_sec * 1000, MIN_DYNAMIC_REFRESH_MS);
    this.#dynamicRefresh = unrefTimeout(() => {
      this.#dynamicRefresh = undefined;
      fetchDynamicConfig(this.http, undefined)
        .then((c) => {
          this.dynamicConfig = c;
        })
        .catch((e: unknown) => this.logger.debug("dynamic config refresh failed; keeping the last values", e))
        .finally(() => this.#scheduleDynamicRefresh());
    }, every);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#heartbeat !== undefined) clearTimeout(this.#heartbeat);
    if (this.#dynamicRefresh !== undefined) clearTimeout(this.#dynamicRefresh);
    this.#heartbeat = this.#dynamicRefresh = undefined;
    this.#jwt?.close();
    this.#closeController.abort(new AbortError("The client was closed."));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

function fetchDynamicConfig(http: HttpEngine, deadline: Deadline | undefined): Promise<DynamicConfig> {
  return http
    .call("POST", "/api/v1/client/dynamic_config", { body: { sdk_version: SDK_VERSION } }, { deadline, maxRetries: 0, attemptTimeout: DYNAMIC_CONFIG_TIMEOUT_MS })
    .then((r) => resolveDynamicConfig(r.data));
}

async function start(options: ClientOptions | ResolvedClientOptions, call: CallOptions | undefined, withSession: boolean): Promise<Context> {
  const opts = "redactor" in options ? options : resolveClientOptions(options);
  const closeController = new AbortController();
  const keyAuth: AuthProvider = { token: () => opts.apiKey };
  const keyHttp = new HttpEngine(opts, keyAuth, closeController.signal);
  const deadline = keyHttp.deadline(call);
  let serverConfig = resolveServerConfig({});
  const billing = new BillingPause(() => serverConfig.billing_exception_max_pause_duration_sec * 1000, opts.logger);
  const retry = <T>(attempt: () => Promise<T>, label: string): Promise<T> => withRetryWindow(attempt, { deadline, billing, logger: opts.logger, label });
  let jwt: JwtAuth | undefined;
  try {
    const config = await retry(() => keyHttp.call("POST", "/api/v1/client/config", { body: { sdk_version: SDK_VERSION } }, { deadline }), "client/config");
    serverConfig = resolveServerConfig(config.data);

    let auth: AuthProvider = keyAuth;
    if (serverConfig.pjwt_auth_enabled) {
      if (serverConfig.credential_default_source === "credential_cmd" && !opts.apiKey.startsWith("eyJ")) {
        opts.logger.warn("The server prefers TINKER_CREDENTIAL_CMD credentials; tinker-ts does not run credential commands and exchanges the API key instead.");
      }
      jwt = new JwtAuth(
        async () => {
          const r = await keyHttp.call("POST", "/api/v1/auth/token", { body: {} }, {});
          const token = (r.data as { jwt?: unknown } | undefined)?.jwt;
          if (typeof token !== "string" || token === "") throw new TypeError("auth/token response has no jwt");
          return token;
        },
        opts.logger,
        opts.redactor,
      );
      auth = jwt;
    }
    const http = new HttpEngine(opts, auth, closeController.signal);

    let dynamicConfig: DynamicConfig;
    try {
      dynamicConfig = await retry(() => fetchDynamicConfig(http, deadline), "client/dynamic_config");
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      opts.logger.debug("The server has no /api/v1/client/dynamic_config; using defaults");
      dynamicConfig = resolveDynamicConfig({});
    }

    const ctx = new Context({ options: opts, http, serverConfig, dynamicConfig, billing, closeController, jwt });
    if (withSession) {
      await ctx.createSession(deadline);
      ctx.startBackgroundTasks();
    }
    return ctx;
  } catch (e) {
    jwt?.close();
    closeController.abort(new AbortError("Client start-up failed."));
    if (e instanceof APIStatusError) opts.logger.debug(`start-up failed: ${e.message}`);
    throw e;
  }
}

/** Starts a sessionful context (ServiceClient). Rejects with the start-up error; leaves nothing running then. */
export function startSession(options: ClientOptions | ResolvedClientOptions = {}, call?: CallOptions): Promise<SessionContext> {
  return start(options, call, true);
}

/** Starts a context without a session (RestClient): config, JWT, dynamic config; no timers. */
export function startSessionless(options: ClientOptions | ResolvedClientOptions = {}, call?: CallOptions): Promise<ClientContext> {
  return start(options, call, false);
}
