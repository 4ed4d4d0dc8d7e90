import { ValidationError } from "./errors.js";
import { processEnv, readEnv, type Env } from "./env.js";
import { isLogLevel, LevelLogger, type Logger, type LogLevel } from "./logger.js";
import { Redactor } from "./redact.js";
import { createFetchTransport } from "../transport/fetch.js";
import type { FetchLike, Transport } from "../transport/types.js";
import { getDefaultTransport } from "./default-transport.js";

export const DEFAULT_BASE_URL = "https://tinker.thinkingmachines.dev/services/tinker-prod";
/** Per-attempt HTTP timeout (Python: 60 s). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** HTTP-layer retries (Python: 10). */
export const DEFAULT_MAX_RETRIES = 10;

/** Options of every client (ServiceClient, RestClient…). Each falls back to an env var where noted. */
export interface ClientOptions {
  /** `tml-…` API key or a JWT (`eyJ…`). Env: `TINKER_API_KEY`. Never logged or put in errors. */
  readonly apiKey?: string | undefined;
  /** Service root; its path prefix is kept when joining. Env: `TINKER_BASE_URL`. */
  readonly baseUrl?: string | undefined;
  /** A WHATWG fetch to use instead of the default transport (always wins when given). */
  readonly fetch?: FetchLike | undefined;
  /** Low-level transport (advanced; `fetch` takes precedence). */
  readonly transport?: Transport | undefined;
  /** Per-attempt HTTP timeout in ms (default 60 000). Bounds one exchange, not a whole call. */
  readonly timeout?: number | undefined;
  /** HTTP-layer retries per request (default 10). */
  readonly maxRetries?: number | undefined;
  /** Env: `TINKER_LOG` (`off|error|warn|info|debug`); default `warn`. */
  readonly logLevel?: LogLevel | undefined;
  /** Receives log lines (already redacted); default `console`. */
  readonly logger?: Logger | undefined;
  /** Extra headers on every request. */
  readonly defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** Project for new sessions. Env: `TINKER_PROJECT_ID`. */
  readonly projectId?: string | undefined;
  /** Session tags. Env: `TINKER_TAGS` (comma-separated). Deduplicated, first occurrence kept. */
  readonly tags?: readonly string[] | undefined;
  /** Session metadata (`user_metadata` of create_session; `{}` when absent, as Python sends). */
  readonly userMetadata?: Readonly<Record<string, string>> | undefined;
  /** Human-readable session name (`display_name` of create_session). */
  readonly displayName?: string | undefined;
  /** Environment to read instead of `globalThis.process.env` (tests, sandboxes). */
  readonly env?: Env | undefined;
}

/** ClientOptions after env resolution and validation. */
export interface ResolvedClientOptions {
  readonly apiKey: string;
  /** Without a trailing slash. */
  readonly baseUrl: string;
  readonly transport: Transport;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly logger: LevelLogger;
  readonly redactor: Redactor;
  /** Default headers plus CF-Access-Client-Id/Secret when set in env. */
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly projectId: string | undefined;
  readonly tags: readonly string[];
  readonly userMetadata: Readonly<Record<string, string>> | undefined;
  readonly displayName: string | undefined;
}

const consoleLogger: Logger = {
  error: (m, ...a) => console.error(m, ...a),
  warn: (m, ...a) => console.warn(m, ...a),
  info: (m, ...a) => console.info(m, ...a),
  debug: (m, ...a) => console.debug(m, ...a),
};

function nonNegativeInt(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new ValidationError(field, `must be a non-negative integer, got ${String(value)}`);
  return value;
}

/** Validates a per-call `timeout` (ms). */
export function checkTimeout(field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ValidationError(field, `must be a finite number of milliseconds ≥ 0, got ${String(value)}`);
  }
}

export function checkApiKey(apiKey: string | undefined): string {
  if (apiKey === undefined || apiKey === "") {
    throw new ValidationError("apiKey", "no API key: pass `apiKey` or set TINKER_API_KEY");
  }
  if (!apiKey.startsWith("tml-") && !apiKey.startsWith("eyJ")) {
    // The key itself is never echoed.
    throw new ValidationError("apiKey", "must start with 'tml-' (an API key) or 'eyJ' (a JWT)");
  }
  return apiKey;
}

export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError("baseUrl", `not an absolute URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ValidationError("baseUrl", `must be http(s), got ${url.protocol}`);
  }
  if (url.search !== "" || url.hash !== "") throw new ValidationError("baseUrl", "must not have a query or fragment");
  return url.href.replace(/\/+$/, "");
}

function dedupe(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

/** Resolves options from arguments and the environment. Throws ValidationError on bad input. */
export function resolveClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  const env = options.env ?? processEnv();
  const redactor = new Redactor();
  const apiKey = checkApiKey(options.apiKey ?? readEnv(env, "TINKER_API_KEY"));
  redactor.add(apiKey);
  const baseUrl = checkBaseUrl(options.baseUrl ?? readEnv(env, "TINKER_BASE_URL") ?? DEFAULT_BASE_URL);

  checkTimeout("timeout", options.timeout);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = nonNegativeInt("maxRetries", options.maxRetries, DEFAULT_MAX_RETRIES);

  let level: LogLevel = "warn";
  const envLevel = readEnv(env, "TINKER_LOG")?.toLowerCase();
  if (options.logLevel !== undefined) {
    if (!isLogLevel(options.logLevel)) throw new ValidationError("logLevel", `must be one of off, error, warn, info, debug`);
    level = options.logLevel;
  } else if (envLevel !== undefined && isLogLevel(envLevel)) level = envLevel;
  const logger = new LevelLogger(level, options.logger ?? consoleLogger, redactor);
  if (options.logLevel === undefined && envLevel !== undefined && !isLogLevel(envLevel)) {
    logger.warn(`TINKER_LOG=${JSON.stringify(envLevel)} is not a log level (off, error, warn, info, debug); using "warn"`);
  }

  const defaultHeaders: Record<string, string> = {};
  const cfId = readEnv(env, "CLOUDFLARE_ACCESS_CLIENT_ID");
  const cfSecret = readEnv(env, "CLOUDFLARE_ACCESS_CLIENT_SECRET");
  if (cfId !== undefined) defaultHeaders["CF-Access-Client-Id"] = cfId;
  if (cfSecret !== undefined) {
    defaultHeaders["CF-Access-Client-Secret"] = cfSecret;
    redactor.add(cfSecret);
  }
  for (const [k, v] of Object.entries(options.defaultHeaders ?? {})) {
    if (typeof v !== "string") throw new ValidationError(`defaultHeaders.${k}`, "must be a string");
    defaultHeaders[k] = v;
  }

  const envTags = readEnv(env, "TINKER_TAGS");
  const tags = dedupe(options.tags ?? (envTags === undefined ? [] : envTags.split(",")));
  for (const t of tags) if (typeof t !== "string") throw new ValidationError("tags", "every tag must be a string");

  if (options.userMetadata !== undefined) {
    if (typeof options.userMetadata !== "object" || options.userMetadata === null || Array.isArray(options.userMetadata)) {
      throw new ValidationError("userMetadata", "must be an object of string values");
    }
    for (const [k, v] of Object.entries(options.userMetadata)) {
      if (typeof v !== "string") throw new ValidationError(`userMetadata.${k}`, "must be a string");
    }
  }

  const transport = options.fetch !== undefined ? createFetchTransport(options.fetch) : (options.transport ?? getDefaultTransport() ?? createFetchTransport());

  return {
    apiKey,
    baseUrl,
    transport,
    timeout,
    maxRetries,
    logger,
    redactor,
    defaultHeaders,
    projectId: options.projectId ?? readEnv(env, "TINKER_PROJECT_ID"),
    tags,
    userMetadata: options.userMetadata,
    displayName: options.displayName,
  };
}
