/** What every handler shares. */
import type { Authenticator } from "../server/auth.js";
import type { World } from "../state/world.js";

export interface HandlerContext {
  readonly world: World;
  readonly auth: Authenticator;
  /** The resolved ClientConfigResponse flags. */
  readonly clientConfig: Readonly<Record<string, unknown>>;
  readonly skipModel: boolean;
  readonly longPollMs: number;
  readonly inlinePayloadLimitBytes: number;
  readonly archiveResponse: "redirect" | "json";
  readonly archivePaddingBytes: number;
  /** The server's base URL (known once listening). */
  baseUrl(): string;
}

export const DEFAULT_CLIENT_CONFIG: Readonly<Record<string, unknown>> = {
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
  // create_model_via_load_weights is not served by default: tinker 0.38.0 dropped the flag and always
  // creates from a checkpoint with one session-addressed load_weights. Set it (true or false) through
  // the clientConfig option to exercise a server that still sends it; false selects the legacy
  // weights_info → create_model → load_weights flow in tinker-ts.
};

export const SUPPORTED_MODELS = [
  { model_name: "Qwen/Qwen3-8B", max_context_length: 32768 },
  { model_name: "Qwen/Qwen3-30B-A3B", max_context_length: 32768 },
  { model_name: "meta-llama/Llama-3.2-1B", max_context_length: 131072 },
  { model_name: "meta-llama/Llama-3.1-8B", max_context_length: 131072 },
  { model_name: "emulator/tiny-bigram", max_context_length: 4096 },
];
