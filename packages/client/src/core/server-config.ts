import type { components } from "@tinker-ts/types";

type Schemas = components["schemas"];

/** Server flags from `POST /api/v1/client/config`, each with the Python 0.38.0 default filled in. */
export type ServerConfig = Required<Schemas["ClientConfigResponse"]> & {
  /** The response as received (flags this SDK does not know are kept here). */
  readonly raw: Readonly<Record<string, unknown>>;
};

/** `POST /api/v1/client/dynamic_config` with defaults (404 → all defaults). */
export type DynamicConfig = Required<Schemas["ClientDynamicConfigResponse"]>;

/**
 * How each flag is honoured by tinker-ts (engine part; TRAINING/SAMPLING document theirs):
 * - pjwt_auth_enabled: honoured (JWT exchange + refresh, core/jwt.ts).
 * - credential_default_source: only "api_key" is supported; "credential_cmd" (TINKER_CREDENTIAL_CMD,
 *   a shell command) is ignored with a warning — a browser-safe SDK does not spawn processes.
 * - billing_exception_max_pause_duration_sec: honoured (BillingPause).
 * - inflight_response_bytes_semaphore_size: not needed (results are not prefetched); ignored.
 * - use_pyqwest_transport: Python transport choice, no wire effect; ignored.
 * - the fwdbwd_* / sample_* / parallel_fwdbwd_chunks / proto_compress_fwdbwd / custom_loss_* flags:
 *   read by the training and sampling clients from `ctx.serverConfig`.
 * The values are the spec's ClientConfigResponse defaults, written out so the schemas module stays out
 * of the bundle; test/core/server-config.test.ts keeps them equal.
 */
export const DEFAULT_SERVER_CONFIG: Omit<ServerConfig, "raw"> = {
  pjwt_auth_enabled: false,
  credential_default_source: "api_key",
  sample_dispatch_bytes_semaphore_size: 10 * 1024 * 1024,
  inflight_response_bytes_semaphore_size: 50 * 1024 * 1024,
  parallel_fwdbwd_chunks: true,
  proto_compress_fwdbwd: false,
  fwdbwd_max_chunk_len: 1024,
  fwdbwd_max_chunk_bytes_count: 5_000_000,
  fwdbwd_dispatch_bytes_semaphore_size: 50_000_000,
  billing_exception_max_pause_duration_sec: 3600,
  sample_no_retries: false,
  sample_enable_stuck_detection: true,
  sample_max_concurrent_requests: 2000,
  use_pyqwest_transport: true,
  sample_use_retrieve_futures: false,
  custom_loss_server_side: false,
  sample_join_sampling_session: false,
};

export const DEFAULT_DYNAMIC_CONFIG: DynamicConfig = {
  refresh_interval_sec: 300,
  sample_cancel_enabled: false,
  sample_cancel_max_batch_size: 64,
};

function merge<T extends object>(defaults: T, received: unknown): T {
  const out = { ...defaults } as Record<string, unknown>;
  if (received && typeof received === "object") {
    for (const key of Object.keys(defaults)) {
      const v = (received as Record<string, unknown>)[key];
      // Like pydantic: a value of the wrong type is a server bug; keep the default.
      if (v !== undefined && v !== null && typeof v === typeof (defaults as Record<string, unknown>)[key]) out[key] = v;
    }
  }
  return out as T;
}

export function resolveServerConfig(received: unknown): ServerConfig {
  const raw = received && typeof received === "object" ? { ...(received as Record<string, unknown>) } : {};
  return { ...merge(DEFAULT_SERVER_CONFIG, received), raw };
}

export function resolveDynamicConfig(received: unknown): DynamicConfig {
  return merge(DEFAULT_DYNAMIC_CONFIG, received);
}
