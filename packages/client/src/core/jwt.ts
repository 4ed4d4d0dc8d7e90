import type { AuthProvider } from "./http.js";
import type { Logger } from "./logger.js";
import type { Redactor } from "./redact.js";
import { unrefTimeout } from "./timers.js";
import { AuthenticationError } from "./errors.js";

/** Refresh on demand when this little life is left (Python: 60 s). */
const REFRESH_ON_DEMAND_MS = 60_000;
/** Wait after a failed background refresh (Python: 60 s). */
const RETRY_DELAY_MS = 60_000;

/** Claims of a JWT, decoded without verification (the token comes from the service over TLS). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const part = jwt.split(".")[1];
  if (part === undefined) throw new Error("not a JWT");
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (part.length % 4)) % 4);
  const json = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  const claims: unknown = JSON.parse(json);
  if (claims === null || typeof claims !== "object") throw new Error("JWT payload is not an object");
  return claims as Record<string, unknown>;
}

function msUntilExpiry(jwt: string, now: number): number {
  try {
    const exp = Number(jwtClaims(jwt)["exp"]);
    return Number.isFinite(exp) ? exp * 1000 - now : 0;
  } catch {
    return 0;
  }
}

function refreshDelayMs(jwt: string): number {
  try {
    const c = jwtClaims(jwt);
    const lifetime = (Number(c["exp"]) - Number(c["iat"])) * 1000;
    if (!(lifetime > 0)) return RETRY_DELAY_MS;
    return lifetime * (0.45 + Math.random() * 0.1);
  } catch {
    return RETRY_DELAY_MS;
  }
}

/**
 * X-API-Key = a JWT exchanged for the API key (`POST /api/v1/auth/token`), used when the server
 * config says `pjwt_auth_enabled`. Refreshed in the background at half its lifetime (±10 %) on
 * an unref'd timer, and on demand when ≤ 60 s remain; a failed refresh falls back to the cached
 * token while it is alive. A 401 with `error="invalid_token"` makes the engine call `replace`.
 */
export class JwtAuth implements AuthProvider {
  #token = "";
  #inflight: Promise<string> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    private readonly exchange: () => Promise<string>,
    private readonly logger: Logger,
    private readonly redactor: Redactor,
  ) {}

  /** The current JWT, if one has been fetched. */
  get current(): string | undefined {
    return this.#token || undefined;
  }

  token(): string | Promise<string> {
    if (this.#token && msUntilExpiry(this.#token, Date.now()) > REFRESH_ON_DEMAND_MS) return this.#token;
    return this.#refresh(true);
  }

  replace(rejected: string): Promise<string> {
    if (this.#token && this.#token !== rejected) return Promise.resolve(this.#token);
    return this.#refresh(false);
  }

  #refresh(fallbackToCached: boolean): Promise<string> {
    this.#inflight ??= (async () => {
      try {
        const jwt = await this.exchange();
        this.#token = jwt;
        this.redactor.add(jwt);
        this.#schedule(refreshDelayMs(jwt));
        return jwt;
      } catch (e) {
        if (!fallbackToCached || e instanceof AuthenticationError || msUntilExpiry(this.#token, Date.now()) <= 0) throw e;
        this.logger.warn("On-demand JWT refresh failed; using the cached token", e);
        return this.#token;
      } finally {
        this.#inflight = undefined;
      }
    })();
    return this.#inflight;
  }

  #schedule(ms: number): void {
    if (this.#closed) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = unrefTimeout(() => {
      this.#timer = undefined;
      this.#refresh(false).catch((e: unknown) => {
        this.logger.warn(`JWT refresh failed; retrying in ${RETRY_DELAY_MS / 1000} s`, e);
        this.#schedule(RETRY_DELAY_MS);
      });
    }, ms);
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
