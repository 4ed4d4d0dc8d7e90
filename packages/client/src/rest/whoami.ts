import { TinkerError } from "../core/errors.js";
import { jwtClaims } from "../core/jwt.js";
import type { WhoamiResponse } from "./wire.js";

/** The identity in a JWT, as the Python SDK reads it: `sub`, `org_id` (→ `tml:organization:<id>`), `email` (empty → null). */
export function whoamiFromJwt(jwt: string): WhoamiResponse {
  let claims: Record<string, unknown>;
  try {
    claims = jwtClaims(jwt);
  } catch (cause) {
    throw new TinkerError("whoami: the credential's JWT claims could not be decoded", { cause });
  }
  const sub = claims["sub"];
  const orgId = claims["org_id"];
  if (typeof sub !== "string") throw new TinkerError("whoami: the JWT has no 'sub' claim");
  if (typeof orgId !== "string" && typeof orgId !== "number") throw new TinkerError("whoami: the JWT has no 'org_id' claim");
  const email = claims["email"];
  return { user_urn: sub, org_urn: `tml:organization:${orgId}`, email: typeof email === "string" && email !== "" ? email : null };
}
