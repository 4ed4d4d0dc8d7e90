import type { CallOptions, Deadline } from "../core/deadline.js";
import { TinkerError, ValidationError } from "../core/errors.js";
import type { HttpResponse } from "../core/http.js";
import { randomUUID } from "../core/uuid.js";
import { jwtClaims } from "../core/jwt.js";
import { parseTinkerPath, type ParsedTinkerPath } from "../paths/index.js";
import { checkNonEmptyString, checkNonNegativeInteger, checkPositiveInteger, checkTtlSeconds } from "../paths/index.js";
import { fetchArchiveUrl, type ArchiveWaitOptions } from "./archive-url.js";
import { RestContextHolder } from "./context.js";
import type { ClientContext } from "../core/context.js";
import type { ClientOptions } from "../core/options.js";
import { formatDateParam, formatDateTimeParam } from "./datetime.js";
import { paginate } from "./paginate.js";
import { whoamiFromJwt } from "./whoami.js";
import type {
  AccessScope,
  AuditLogResponse,
  BillingUsageResponse,
  Checkpoint,
  CheckpointArchiveUrlResponse,
  CheckpointsListResponse,
  CopyWeightsResponse,
  CurrentCheckpointStorageUsageResponse,
  ExternalWeightsUrlsResponse,
  GetSamplerResponse,
  GetServerCapabilitiesResponse,
  GetSessionResponse,
  ListSessionsResponse,
  SessionSearchRequest,
  SessionSearchResponse,
  SessionTraceExportResponse,
  TrainingRun,
  TrainingRunsResponse,
  WeightsInfoResponse,
  WhoamiResponse,
} from "./wire.js";

export interface AccessScopeOptions extends CallOptions {
  /** `owned` (default): only your own; `accessible`: also what others shared with you. */
  readonly accessScope?: AccessScope | undefined;
}

export interface ListTrainingRunsOptions extends AccessScopeOptions {
  /** Page size (default 20). */
  readonly limit?: number | undefined;
  /** Runs to skip (default 0). */
  readonly offset?: number | undefined;
  /** Only runs of this project (sent only when set). */
  readonly projectId?: string | undefined;
}

export interface ListUserCheckpointsOptions extends CallOptions {
  /** Page size (default 100). */
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface ListSessionsOptions extends AccessScopeOptions {
  /** Page size (default 20). */
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface IterateOptions {
  /** Items requested per page (default 100). */
  readonly pageSize?: number | undefined;
}

export type IterTrainingRunsOptions = Omit<ListTrainingRunsOptions, "limit" | "offset"> & IterateOptions;
export type IterUserCheckpointsOptions = Omit<ListUserCheckpointsOptions, "limit" | "offset"> & IterateOptions;
export type IterSessionsOptions = Omit<ListSessionsOptions, "limit" | "offset"> & IterateOptions;

export type ArchiveUrlOptions = CallOptions & ArchiveWaitOptions;

export interface ExportSessionTraceOptions extends CallOptions {
  /** Wait between polls while the export is being built (default 5 s, as the Python SDK). */
  readonly pollIntervalMs?: number | undefined;
}

export type AuditEventType = "all" | "checkpoints";

export interface GetAuditLogOptions extends CallOptions {
  /** Default `all`. */
  readonly eventType?: AuditEventType | undefined;
  /** One UTC day (`YYYY-MM-DD` or a Date); sent only when set. */
  readonly day?: Date | string | undefined;
}

export interface CopyWeightsOptions extends CallOptions {
  /** Seconds until the copy expires (1 hour to 10 years); omitted = never. */
  readonly ttlSeconds?: number | undefined;
  /** Credential for copying weights readable under another account (sent as a header). */
  readonly weightsAccessToken?: string | undefined;
}

/** Wait between trace-export polls (Python: 5 s). */
export const TRACE_EXPORT_POLL_INTERVAL_MS = 5_000;

/** The Python SDK's failure of a trace export (`status: "failed"`). */
export class TraceExportFailedError extends TinkerError {
  override name = "TraceExportFailedError";
  constructor(
    readonly sessionId: string,
    readonly serverError: string | null | undefined,
  ) {
    super(`Trace export failed for session ${sessionId}: ${serverError ?? "no reason given"}`);
  }
}

function checkAccessScope(scope: unknown): AccessScope {
  if (scope === undefined) return "owned";
  if (scope !== "owned" && scope !== "accessible") {
    throw new ValidationError("accessScope", `must be "owned" or "accessible", got ${JSON.stringify(scope)}`);
  }
  return scope;
}

/** The JWT that carries the caller's identity: the exchanged one, or a Tinker-issued JWT given as the key. */
function identityJwt(ctx: ClientContext): string | undefined {
  if (ctx.jwt !== undefined) return ctx.jwt;
  const key = ctx.options.apiKey;
  if (!key.startsWith("eyJ")) return undefined;
  try {
    return String(jwtClaims(key)["iss"] ?? "").startsWith("passport-") ? key : undefined;
  } catch {
    return undefined;
  }
}

function pathOf(tinkerPath: unknown): ParsedTinkerPath {
  return parseTinkerPath(tinkerPath, "tinkerPath");
}

/**
 * Runs, checkpoints, sessions and account data over the REST endpoints. Every method takes
 * `CallOptions` (`signal`, `timeout` for the whole call) and resolves to the wire types of
 * `@tinker-ts/types` (snake_case, as the service sends them). Each call is retried like the Python
 * SDK's (HTTP-layer retries, then the 300 s retry window) and rejects with a typed error.
 *
 * Checkpoint ids keep their kind prefix (`weights/<name>`) and are put into REST paths unencoded.
 */
export class RestClient {
  readonly #holder: RestContextHolder;

  /**
   * `new RestClient({ apiKey, baseUrl, … })` (each falls back to its environment variable) starts
   * its own sessionless context on first use: client config, JWT exchange, dynamic config, no
   * session. Given an engine context instead (what `ServiceClient.createRestClient()` passes), it
   * runs on that one. Bad options throw ValidationError here, before any request.
   */
  constructor(options: ClientOptions | ClientContext = {}) {
    this.#holder = new RestContextHolder(options);
  }

  /** A RestClient on a started sessionless context; `close()` closes that context. */
  static fromContext(context: ClientContext): RestClient {
    return new RestClient(context);
  }

  /** Stops the context's background work (JWT refresh) and aborts in-flight calls (AbortError). */
  close(): Promise<void> {
    return this.#holder.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #start(options: CallOptions | undefined): Promise<{ ctx: ClientContext; deadline: Deadline }> {
    const deadline = this.#holder.deadline(options);
    return { ctx: await this.#holder.get(deadline), deadline };
  }

  async #run<T>(
    label: string,
    options: CallOptions | undefined,
    attempt: (ctx: ClientContext, deadline: Deadline) => Promise<HttpResponse<T>>,
  ): Promise<T> {
    const { ctx, deadline } = await this.#start(options);
    const response = await ctx.withRetries((d) => attempt(ctx, d), deadline, label);
    return response.data;
  }

  // ------------------------------------------------------------------ training runs

  /** `GET /api/v1/training_runs/{id}?access_scope=…` */
  async getTrainingRun(trainingRunId: string, options?: AccessScopeOptions): Promise<TrainingRun> {
    checkNonEmptyString(trainingRunId, "trainingRunId");
    const accessScope = checkAccessScope(options?.accessScope);
    return this.#run("getTrainingRun", options, (ctx, deadline) =>
      ctx.http.call(
        "GET",
        "/api/v1/training_runs/{training_run_id}",
        { params: { path: { training_run_id: trainingRunId }, query: { access_scope: accessScope } } },
        { deadline },
      ),
    ) as Promise<TrainingRun>;
  }

  /** The training run a `tinker://` checkpoint path belongs to. */
  async getTrainingRunByTinkerPath(tinkerPath: string, options?: AccessScopeOptions): Promise<TrainingRun> {
    return this.getTrainingRun(pathOf(tinkerPath).training_run_id, options);
  }

  /** `POST /api/v1/weights_info` `{"tinker_path":…}`: base model and LoRA settings of a checkpoint. */
  async getWeightsInfoByTinkerPath(tinkerPath: string, options?: CallOptions): Promise<WeightsInfoResponse> {
    pathOf(tinkerPath);
    return this.#run("getWeightsInfoByTinkerPath", options, (ctx, deadline) =>
      ctx.http.call("POST", "/api/v1/weights_info", { body: { tinker_path: tinkerPath } }, { deadline }),
    ) as Promise<WeightsInfoResponse>;
  }

  /** One page of training runs, newest first (`limit` 20, `offset` 0 by default). */
  async listTrainingRuns(options?: ListTrainingRunsOptions): Promise<TrainingRunsResponse> {
    const limit = options?.limit === undefined ? 20 : checkNonNegativeInteger(options.limit, "limit");
    const offset = options?.offset === undefined ? 0 : checkNonNegativeInteger(options.offset, "offset");
    const accessScope = checkAccessScope(options?.accessScope);
    const projectId = options?.projectId === undefined ? undefined : checkNonEmptyString(options.projectId, "projectId");
    const query = { limit, offset, access_scope: accessScope, ...(projectId !== undefined ? { project_id: projectId } : {}) };
    return this.#run("listTrainingRuns", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/training_runs", { params: { query } }, { deadline }),
    ) as Promise<TrainingRunsResponse>;
  }

  /** Every training run, page after page (`for await (const run of rest.iterTrainingRuns())`). */
  iterTrainingRuns(options: IterTrainingRunsOptions = {}): AsyncGenerator<TrainingRun, void, undefined> {
    const { pageSize, ...rest } = options;
    return paginate(pageSize, async (limit, offset) => {
      const page = await this.listTrainingRuns({ ...rest, limit, offset });
      return { items: page.training_runs, total: page.cursor?.total_count };
    });
  }

  // ------------------------------------------------------------------ checkpoints

  /** Every checkpoint of one training run (not paginated). */
  async listCheckpoints(trainingRunId: string, options?: CallOptions): Promise<CheckpointsListResponse> {
    checkNonEmptyString(trainingRunId, "trainingRunId");
    return this.#run("listCheckpoints", options, (ctx, deadline) =>
      ctx.http.call(
        "GET",
        "/api/v1/training_runs/{training_run_id}/checkpoints",
        { params: { path: { training_run_id: trainingRunId } } },
        { deadline },
      ),
    ) as Promise<CheckpointsListResponse>;
  }

  /** One page of your checkpoints across all runs, newest first (`limit` 100, `offset` 0 by default). */
  async listUserCheckpoints(options?: ListUserCheckpointsOptions): Promise<CheckpointsListResponse> {
    const limit = options?.limit === undefined ? 100 : checkNonNegativeInteger(options.limit, "limit");
    const offset = options?.offset === undefined ? 0 : checkNonNegativeInteger(options.offset, "offset");
    return this.#run("listUserCheckpoints", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/checkpoints", { params: { query: { limit, offset } } }, { deadline }),
    ) as Promise<CheckpointsListResponse>;
  }

  /** Every checkpoint you own, page after page. */
  iterUserCheckpoints(options: IterUserCheckpointsOptions = {}): AsyncGenerator<Checkpoint, void, undefined> {
    const { pageSize, ...rest } = options;
    return paginate(pageSize, async (limit, offset) => {
      const page = await this.listUserCheckpoints({ ...rest, limit, offset });
      return { items: page.checkpoints, total: page.cursor?.total_count };
    });
  }

  /**
   * A signed, short-lived URL of the checkpoint as a tar archive. While the server answers 503
   * (archive still being built) it waits 30 s and asks again, up to 6 times; the waits honour
   * `signal` and `timeout`.
   */
  async getCheckpointArchiveUrl(trainingRunId: string, checkpointId: string, options?: ArchiveUrlOptions): Promise<CheckpointArchiveUrlResponse> {
    checkNonEmptyString(trainingRunId, "trainingRunId");
    checkNonEmptyString(checkpointId, "checkpointId");
    if (options?.buildWaitMs !== undefined) checkNonNegativeInteger(options.buildWaitMs, "buildWaitMs");
    if (options?.buildAttempts !== undefined) checkPositiveInteger(options.buildAttempts, "buildAttempts");
    const { ctx, deadline } = await this.#start(options);
    return fetchArchiveUrl(ctx, trainingRunId, checkpointId, deadline, options);
  }

  async getCheckpointArchiveUrlFromTinkerPath(tinkerPath: string, options?: ArchiveUrlOptions): Promise<CheckpointArchiveUrlResponse> {
    const parsed = pathOf(tinkerPath);
    return this.getCheckpointArchiveUrl(parsed.training_run_id, parsed.checkpoint_id, options);
  }

  /** One signed URL per file of an external-weights checkpoint (`tinker://<run>/external_weights/<name>`). */
  async getExternalWeightsUrls(tinkerPath: string, options?: CallOptions): Promise<ExternalWeightsUrlsResponse> {
    const parsed = pathOf(tinkerPath);
    if (parsed.checkpoint_type !== "external") {
      throw new ValidationError(
        "tinkerPath",
        `getExternalWeightsUrls only accepts external weights checkpoints (tinker://<training_run_id>/external_weights/<name>), got ${JSON.stringify(tinkerPath)}`,
      );
    }
    return this.#run("getExternalWeightsUrls", options, (ctx, deadline) =>
      ctx.http.call(
        "GET",
        "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/external_weights_urls",
        { params: { path: { training_run_id: parsed.training_run_id, checkpoint_id: parsed.checkpoint_id } } },
        { deadline },
      ),
    ) as Promise<ExternalWeightsUrlsResponse>;
  }

  /** `DELETE /api/v1/training_runs/{run}/checkpoints/{kind/name}` */
  async deleteCheckpoint(trainingRunId: string, checkpointId: string, options?: CallOptions): Promise<void> {
    checkNonEmptyString(trainingRunId, "trainingRunId");
    checkNonEmptyString(checkpointId, "checkpointId");
    await this.#run("deleteCheckpoint", options, (ctx, deadline) =>
      ctx.http.call(
        "DELETE",
        "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}",
        { params: { path: { training_run_id: trainingRunId, checkpoint_id: checkpointId } } },
        { deadline },
      ),
    );
  }

  async deleteCheckpointFromTinkerPath(tinkerPath: string, options?: CallOptions): Promise<void> {
    const parsed = pathOf(tinkerPath);
    return this.deleteCheckpoint(parsed.training_run_id, parsed.checkpoint_id, options);
  }

  /** Makes a checkpoint readable by other accounts (owner only). */
  async publishCheckpointFromTinkerPath(tinkerPath: string, options?: CallOptions): Promise<void> {
    const parsed = pathOf(tinkerPath);
    await this.#run("publishCheckpointFromTinkerPath", options, (ctx, deadline) =>
      ctx.http.call(
        "POST",
        "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/publish",
        { params: { path: { training_run_id: parsed.training_run_id, checkpoint_id: parsed.checkpoint_id } } },
        { deadline },
      ),
    );
  }

  /** Makes a published checkpoint private again (owner only). */
  async unpublishCheckpointFromTinkerPath(tinkerPath: string, options?: CallOptions): Promise<void> {
    const parsed = pathOf(tinkerPath);
    await this.#run("unpublishCheckpointFromTinkerPath", options, (ctx, deadline) =>
      ctx.http.call(
        "DELETE",
        "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/publish",
        { params: { path: { training_run_id: parsed.training_run_id, checkpoint_id: parsed.checkpoint_id } } },
        { deadline },
      ),
    );
  }

  /**
   * Sets a checkpoint to expire `ttlSeconds` from now (1 hour to 10 years), or removes its expiry
   * with `null` (sent as `{"ttl_seconds":null}`).
   */
  async setCheckpointTtlFromTinkerPath(tinkerPath: string, ttlSeconds: number | null, options?: CallOptions): Promise<void> {
    const parsed = pathOf(tinkerPath);
    if (ttlSeconds !== null) {
      if (ttlSeconds === undefined) throw new ValidationError("ttlSeconds", "pass a number of seconds, or null to remove the expiry");
      checkTtlSeconds(ttlSeconds, "ttlSeconds");
    }
    await this.#run("setCheckpointTtlFromTinkerPath", options, (ctx, deadline) =>
      ctx.http.call(
        "PUT",
        "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/ttl",
        {
          params: { path: { training_run_id: parsed.training_run_id, checkpoint_id: parsed.checkpoint_id } },
          body: { ttl_seconds: ttlSeconds },
        },
        { deadline },
      ),
    );
  }

  /**
   * Copies a checkpoint (either kind) into a project, sharing its storage; resolves to the copy's
   * path. `destinationProjectId` defaults to `TINKER_PROJECT_ID` (the client's `projectId`).
   */
  async copyWeights(tinkerPath: string, destinationProjectId?: string, options?: CopyWeightsOptions): Promise<string> {
    pathOf(tinkerPath);
    const { ctx, deadline } = await this.#start(options);
    const project = destinationProjectId ?? ctx.options.projectId;
    if (project === undefined || project === "") {
      throw new ValidationError("destinationProjectId", "provide destinationProjectId or set TINKER_PROJECT_ID");
    }
    const ttl = checkTtlSeconds(options?.ttlSeconds, "ttlSeconds");
    const token = options?.weightsAccessToken;
    if (token !== undefined) ctx.options.redactor.add(checkNonEmptyString(token, "weightsAccessToken"));
    // One idempotency key for every attempt, so a retried copy is not made twice.
    const idempotencyKey = randomUUID();
    const body = { destination_project_id: project, source_path: tinkerPath, ...(ttl !== undefined ? { ttl_seconds: ttl } : {}) };
    const response = await ctx.withRetries(
      (d) =>
        ctx.http.call(
          "POST",
          "/api/v1/copy_weights",
          { body, ...(token !== undefined ? { headers: { "X-Tinker-Weights-Access-Token": token } } : {}) },
          { deadline: d, idempotencyKey },
        ),
      deadline,
      "copyWeights",
    );
    return (response.data as CopyWeightsResponse).tinker_path;
  }

  // ------------------------------------------------------------------ sessions and samplers

  /** One page of session ids, newest first (`limit` 20, `offset` 0 by default). */
  async listSessions(options?: ListSessionsOptions): Promise<ListSessionsResponse> {
    const limit = options?.limit === undefined ? 20 : checkNonNegativeInteger(options.limit, "limit");
    const offset = options?.offset === undefined ? 0 : checkNonNegativeInteger(options.offset, "offset");
    const accessScope = checkAccessScope(options?.accessScope);
    return this.#run("listSessions", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/sessions", { params: { query: { limit, offset, access_scope: accessScope } } }, { deadline }),
    ) as Promise<ListSessionsResponse>;
  }

  /** Every session id, page after page (the listing has no total, so it stops at a short page). */
  iterSessions(options: IterSessionsOptions = {}): AsyncGenerator<string, void, undefined> {
    const { pageSize, ...rest } = options;
    return paginate(pageSize, async (limit, offset) => ({ items: (await this.listSessions({ ...rest, limit, offset })).sessions, total: undefined }));
  }

  /** The training runs and samplers of a session. */
  async getSession(sessionId: string, options?: AccessScopeOptions): Promise<GetSessionResponse> {
    checkNonEmptyString(sessionId, "sessionId");
    const accessScope = checkAccessScope(options?.accessScope);
    return this.#run("getSession", options, (ctx, deadline) =>
      ctx.http.call(
        "GET",
        "/api/v1/sessions/{session_id}",
        { params: { path: { session_id: sessionId }, query: { access_scope: accessScope } } },
        { deadline },
      ),
    ) as Promise<GetSessionResponse>;
  }

  /** Moves a session (and its runs) to a project. */
  async assignSessionProject(sessionId: string, projectId: string, options?: CallOptions): Promise<void> {
    checkNonEmptyString(sessionId, "sessionId");
    checkNonEmptyString(projectId, "projectId");
    await this.#run("assignSessionProject", options, (ctx, deadline) =>
      ctx.http.call(
        "PUT",
        "/api/v1/sessions/{session_id}/project",
        { params: { path: { session_id: sessionId } }, body: { project_id: projectId } },
        { deadline },
      ),
    );
  }

  /**
   * Searches sessions by project, owner, metadata, name and status (experimental in the Python
   * SDK). Unset fields take the Python defaults (`user_metadata: {}`, `owner: {type: "own"}`,
   * `limit: 50`); the body lists fields in the Python model's order, without nulls.
   */
  async searchSessions(request: Partial<SessionSearchRequest> = {}, options?: CallOptions): Promise<SessionSearchResponse> {
    if (typeof request !== "object" || request === null) throw new ValidationError("request", "expected a SessionSearchRequest object");
    const limit = request.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ValidationError("request.limit", `must be an integer from 1 to 200, got ${String(limit)}`);
    const ordered = {
      session_id: request.session_id,
      project_ids: request.project_ids,
      user_metadata: request.user_metadata ?? {},
      display_name: request.display_name,
      owner: request.owner ?? { type: "own" },
      statuses: request.statuses,
      limit,
      cursor: request.cursor,
    };
    const body = JSON.parse(JSON.stringify(ordered, (_k, v: unknown) => (v === null ? undefined : v))) as SessionSearchRequest;
    return this.#run("searchSessions", options, (ctx, deadline) =>
      ctx.http.call("POST", "/api/v1/sessions/search", { body }, { deadline }),
    ) as Promise<SessionSearchResponse>;
  }

  /**
   * Builds (or reuses) a Perfetto trace of the session and resolves to its signed download URL
   * (valid about an hour). Polls every 5 s while the export is pending; rejects with
   * TraceExportFailedError when the server reports a failure.
   */
  async exportSessionTrace(sessionId: string, options?: ExportSessionTraceOptions): Promise<string> {
    checkNonEmptyString(sessionId, "sessionId");
    const interval = options?.pollIntervalMs === undefined ? TRACE_EXPORT_POLL_INTERVAL_MS : checkNonNegativeInteger(options.pollIntervalMs, "pollIntervalMs");
    const { ctx, deadline } = await this.#start(options);
    for (let first = true; ; first = false) {
      const response = await ctx.withRetries(
        (d) => ctx.http.call("GET", "/api/v1/sessions/{session_id}/trace_export", { params: { path: { session_id: sessionId } } }, { deadline: d }),
        deadline,
        "exportSessionTrace",
      );
      const status = response.data as SessionTraceExportResponse;
      if (status.status === "ready") {
        if (typeof status.url !== "string") throw new TinkerError(`Trace export of session ${sessionId} is ready but has no url`);
        return status.url;
      }
      if (status.status === "failed") throw new TraceExportFailedError(sessionId, status.error);
      if (first) ctx.logger.warn(`Building trace export for session: ${sessionId} (this may take a while)`);
      await deadline.sleep(interval);
    }
  }

  /** A sampling session's base model and checkpoint. */
  async getSampler(samplerId: string, options?: CallOptions): Promise<GetSamplerResponse> {
    checkNonEmptyString(samplerId, "samplerId");
    return this.#run("getSampler", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/samplers/{sampler_id}", { params: { path: { sampler_id: samplerId } } }, { deadline }),
    ) as Promise<GetSamplerResponse>;
  }

  /** Models, features and limits available to you. */
  async getServerCapabilities(options?: CallOptions): Promise<GetServerCapabilitiesResponse> {
    return this.#run("getServerCapabilities", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/get_server_capabilities", {}, { deadline }),
    ) as Promise<GetServerCapabilitiesResponse>;
  }

  // ------------------------------------------------------------------ account

  /**
   * Who the credential belongs to, read from the claims of the JWT the client authenticates with
   * (no request is made beyond the client's startup). Needs JWT auth: with a plain API key and
   * JWT auth disabled on the server it rejects, as the Python SDK does.
   */
  async whoami(options?: CallOptions): Promise<WhoamiResponse> {
    const { ctx } = await this.#start(options);
    const jwt = identityJwt(ctx);
    if (jwt === undefined) {
      throw new TinkerError("whoami requires JWT auth, but the server has it disabled and the credential is a plain API key.");
    }
    return whoamiFromJwt(jwt);
  }

  /** The organisation's audit log (admin role). */
  async getAuditLog(options?: GetAuditLogOptions): Promise<AuditLogResponse> {
    const eventType = options?.eventType ?? "all";
    if (eventType !== "all" && eventType !== "checkpoints") {
      throw new ValidationError("eventType", `must be "all" or "checkpoints", got ${JSON.stringify(eventType)}`);
    }
    const day = options?.day === undefined ? undefined : formatDateParam("day", options.day);
    const query = { event_type: eventType, ...(day !== undefined ? { day } : {}) };
    return this.#run("getAuditLog", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/audit", { params: { query } }, { deadline }),
    ) as Promise<AuditLogResponse>;
  }

  /** Usage and estimated cost between two instants (RFC 3339 strings or Dates; billing role). */
  async getBillingUsage(startingOn: Date | string, endingBefore: Date | string, options?: CallOptions): Promise<BillingUsageResponse> {
    const query = {
      starting_on: formatDateTimeParam("startingOn", startingOn),
      ending_before: formatDateTimeParam("endingBefore", endingBefore),
    };
    return this.#run("getBillingUsage", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/billing/usage/events", { params: { query } }, { deadline }),
    ) as Promise<BillingUsageResponse>;
  }

  /** Current checkpoint storage per project and user, with its monthly cost (may lag 1–2 h). */
  async getCurrentCheckpointStorageUsage(options?: CallOptions & { readonly projectId?: string | undefined }): Promise<CurrentCheckpointStorageUsageResponse> {
    const projectId = options?.projectId === undefined ? undefined : checkNonEmptyString(options.projectId, "projectId");
    const query = projectId !== undefined ? { project_id: projectId } : {};
    return this.#run("getCurrentCheckpointStorageUsage", options, (ctx, deadline) =>
      ctx.http.call("GET", "/api/v1/billing/usage/checkpoints/current", { params: { query } }, { deadline }),
    ) as Promise<CurrentCheckpointStorageUsageResponse>;
  }
}
