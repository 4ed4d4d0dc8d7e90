/**
 * API keys and JWTs. By default any key starting with "tml-" is accepted (the prefix the official SDK
 * requires), e.g. "tml-emulator"; `apiKeys` restricts to an exact list. JWTs issued by /auth/token
 * (HS256, signed with a per-instance secret) are accepted as X-API-Key too. Each distinct key is a user.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { unauthorized } from "./errors.js";

export const DEFAULT_API_KEY = "tml-emulator";

export interface Principal {
  /** The owner id of runs and checkpoints, e.g. "user-3f2a…". */
  readonly owner: string;
  /** The API key itself (undefined for JWTs and anonymous requests). */
  readonly apiKey?: string;
}

/** How many API keys and JWTs the per-credential caches remember (each is cleared when full). */
const CACHE_LIMIT = 1024;

export class Authenticator {
  private readonly secret = randomBytes(32);
  private readonly revoked = new Set<string>();
  /** Accepted API key → its principal, so the owner hash is computed once per key. */
  private readonly keyPrincipals = new Map<string, Principal>();
  /** Verified JWT → its principal and expiry (epoch ms), so a token's signature is checked once. */
  private readonly verifiedJwts = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(
    private readonly apiKeys: readonly string[] | undefined,
    private readonly now: () => number,
    private readonly jwtTtlSeconds: number,
  ) {}

  /** The principal for a credential, or undefined when it is not accepted. */
  identify(credential: string | undefined): Principal | undefined {
    if (!credential) return undefined;
    if (credential.startsWith("eyJ")) return this.identifyJwt(credential);
    const cached = this.keyPrincipals.get(credential);
    if (cached) return cached;
    const accepted = !this.revoked.has(credential) && (this.apiKeys ? this.apiKeys.includes(credential) : credential.startsWith("tml-"));
    if (!accepted) return undefined;
    const principal: Principal = { owner: ownerOfKey(credential), apiKey: credential };
    remember(this.keyPrincipals, credential, principal);
    return principal;
  }

  /** After this the key is rejected (DELETE /api/v1/auth/apikey/me). */
  revoke(key: string): void {
    this.revoked.add(key);
    this.keyPrincipals.delete(key);
  }

  require(credential: string | undefined): Principal {
    if (!credential) throw unauthorized("missing X-API-Key header");
    const principal = this.identify(credential);
    if (!principal) throw unauthorized("invalid API key");
    return principal;
  }

  issueJwt(principal: Principal): string {
    const nowSec = Math.floor(this.now() / 1000);
    const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const payload = b64url(JSON.stringify({ iss: "passport-emulator", sub: principal.owner, email: "", iat: nowSec, exp: nowSec + this.jwtTtlSeconds }));
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
  }

  private identifyJwt(token: string): Principal | undefined {
    const cached = this.verifiedJwts.get(token);
    if (cached) return cached.expiresAtMs <= this.now() ? undefined : cached.principal;
    const verified = this.verifyJwt(token);
    if (verified) remember(this.verifiedJwts, token, verified);
    return verified?.principal;
  }

  private verifyJwt(token: string): { principal: Principal; expiresAtMs: number } | undefined {
    const [header, payload, signature] = token.split(".");
    if (!header || !payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub?: string; exp?: number };
    if (typeof claims.sub !== "string" || typeof claims.exp !== "number") return undefined;
    if (claims.exp * 1000 <= this.now()) return undefined;
    return { principal: { owner: claims.sub }, expiresAtMs: claims.exp * 1000 };
  }

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url");
  }
}

export function ownerOfKey(key: string): string {
  return `user-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
