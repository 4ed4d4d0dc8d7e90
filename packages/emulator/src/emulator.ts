/** startEmulator: a local Tinker-compatible server with a tiny deterministic model. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extraRoutes } from "./handlers/extras.js";
import { futureRoutes } from "./handlers/futures.js";
import { DEFAULT_CLIENT_CONFIG, type HandlerContext } from "./handlers/context.js";
import { restRoutes } from "./handlers/rest.js";
import { searchRoutes } from "./handlers/search.js";
import { samplingRoutes } from "./handlers/sampling.js";
import { serviceRoutes } from "./handlers/service.js";
import { trainingRoutes } from "./handlers/training.js";
import { weightsRoutes } from "./handlers/weights.js";
import { Authenticator, DEFAULT_API_KEY } from "./server/auth.js";
import { FaultInjector, type FaultRule } from "./server/faults.js";
import { listen } from "./server/http.js";
import { Recorder } from "./server/recorder.js";
import { Router } from "./server/router.js";
import { World } from "./state/world.js";

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /**
   * Where checkpoints, runs and sessions are stored as files (they survive a restart). Default: a fresh
   * temp dir, removed on close — or, with `skipModel`, no files at all: everything is kept in memory.
   */
  dataDir?: string;
  /**
   * Accepted API keys. Default: any key that starts with "tml-" (e.g. "tml-emulator"). Each distinct key is
   * a separate user (its own runs, checkpoints and sessions).
   */
  apiKeys?: readonly string[];
  /** ClientConfigResponse flags to override, e.g. { proto_compress_fwdbwd: true, fwdbwd_max_chunk_len: 2 }. */
  clientConfig?: Readonly<Record<string, unknown>>;
  /** Append every exchange to this JSONL file. */
  record?: string;
  /** Fault rules applied to matching requests (see README: Faults). */
  faults?: readonly FaultRule[];
  /**
   * Replace the model by a constant-time stand-in (zeros), so benchmarks measure overhead only. Without
   * `dataDir`, checkpoints, runs and sessions are then kept in memory (no file per save) and are gone
   * when the emulator stops; with `dataDir` they are files, as without skipModel.
   */
  skipModel?: boolean;
  /** Add CORS headers (true = echo the Origin, or one allowed origin) and answer preflights. */
  cors?: boolean | string;
  /** How long retrieve_future holds a pending future before answering try_again (default 20 000 ms). */
  longPollMs?: number;
  /** How long an early seq_id waits for the missing earlier ones before the gap is skipped (default 10 000 ms). */
  seqGapTimeoutMs?: number;
  /** Clock in epoch ms (default Date.now), for TTL expiry and JWT tests. */
  now?: () => number;
  /** Adds a streamed zero-filled padding.bin of this size to every archive (default 0). */
  archivePaddingBytes?: number;
  /** Archive endpoint answers 302 + Location (default) or 200 JSON {url, expires}. */
  archiveResponse?: "redirect" | "json";
  /** With allow_metadata_only, results larger than this answer complete_metadata first (default 1 MiB). */
  inlinePayloadLimitBytes?: number;
  /** Lifetime of JWTs from /auth/token (default 3600 s). */
  jwtTtlSeconds?: number;
  /**
   * Only with `clientConfig.pjwt_auth_enabled`: reject the plain API key everywhere except client/config,
   * client/dynamic_config and auth/token, so a test proves the client switched to its JWT (default false).
   */
  jwtRequired?: boolean;
}

export interface Emulator {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:54321 */
  readonly url: string;
  readonly port: number;
  /** The directory holding the stored files; undefined when they are kept in memory (skipModel without dataDir). */
  readonly dataDir: string | undefined;
  /** An API key the emulator accepts. */
  readonly apiKey: string;
  close(): Promise<void>;
}

export { DEFAULT_API_KEY };

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const inMemory = options.dataDir === undefined && options.skipModel === true;
  const ownsDataDir = options.dataDir === undefined && !inMemory;
  const dataDir = options.dataDir !== undefined ? resolve(options.dataDir) : inMemory ? undefined : mkdtempSync(join(tmpdir(), "tinker-emulator-"));
  const now = options.now ?? Date.now;
  const world = new World({ dataDir, now, seqGapTimeoutMs: options.seqGapTimeoutMs ?? 10_000 });
  const auth = new Authenticator(options.apiKeys, now, options.jwtTtlSeconds ?? 3600);
  let baseUrl = "";
  const ctx: HandlerContext = {
    world,
    auth,
    clientConfig: { ...DEFAULT_CLIENT_CONFIG, ...(options.clientConfig ?? {}) },
    skipModel: options.skipModel ?? false,
    longPollMs: options.longPollMs ?? 20_000,
    inlinePayloadLimitBytes: options.inlinePayloadLimitBytes ?? 1024 * 1024,
    archiveResponse: options.archiveResponse ?? "redirect",
    archivePaddingBytes: options.archivePaddingBytes ?? 0,
    baseUrl: () => baseUrl,
  };
  const router = new Router([...serviceRoutes(ctx), ...trainingRoutes(ctx), ...weightsRoutes(ctx), ...samplingRoutes(ctx), ...futureRoutes(ctx), ...restRoutes(ctx), ...extraRoutes(ctx), ...searchRoutes(ctx)]);
  const host = options.host ?? "127.0.0.1";
  const running = await listen(
    { router, auth, faults: new FaultInjector(options.faults ?? []), recorder: options.record ? new Recorder(options.record) : undefined, cors: options.cors ?? false, jwtRequired: (options.jwtRequired ?? false) && ctx.clientConfig["pjwt_auth_enabled"] === true },
    host,
    options.port ?? 0,
  );
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${running.port}`;
  let closed = false;
  return {
    url: baseUrl,
    port: running.port,
    dataDir,
    apiKey: options.apiKeys?.[0] ?? DEFAULT_API_KEY,
    close: async () => {
      if (closed) return;
      closed = true;
      world.close();
      await running.close();
      if (ownsDataDir && dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
