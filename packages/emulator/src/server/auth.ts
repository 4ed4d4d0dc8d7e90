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

export class Authenticator {
  private readonly secret = randomBytes(32);
  private readonly revoked = new Set<string>();

  constructor(
    private readonly apiKeys: readonly string[] | undefined,
    private readonly now: () => number,
    private readonly jwtTtlSeconds: number,
  ) {}

  /** The principal for a credential, or undefined when it is not accepted. */
  identify(credential: string | undefined): Principal | undefined {
    if (!credential) return undefined;
    if (credential.startsWith("eyJ")) return this.verifyJwt(credential);
    const accepted = !this.revoked.has(credential) && (this.apiKeys ? this.apiKeys.includes(credential) : credential.startsWith("tml-"));
    return accepted ? { owner: ownerOfKey(credential), apiKey: credential } : undefined;
  }

  /** After this the key is rejected (DELETE /api/v1/auth/apikey/me). */
  revoke(key: string): void {
    this.revoked.add(key);
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

  private verifyJwt(token: string): Principal | undefined {
    const [header, payload, signature] = token.split(".");
    if (!header || !payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub?: string; exp?: number };
    if (typeof claims.sub !== "string" || typeof claims.exp !== "number") return undefined;
    if (claims.exp * 1000 <= this.now()) return undefined;
    return { owner: claims.sub };
  }

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url");
  }
}

export function ownerOfKey(key: string): string {
  return `user-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
