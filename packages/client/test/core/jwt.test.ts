import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, JwtAuth, jwtClaims, Redactor, type Logger } from "../../src/core/index.js";

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

function makeJwt(claims: Record<string, unknown>): string {
  return `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("JwtAuth", () => {
  it("decodes claims (base64url, unpadded)", () => {
    expect(jwtClaims(makeJwt({ sub: "ü/+", exp: 5 }))).toEqual({ sub: "ü/+", exp: 5 });
    expect(() => jwtClaims("nope")).toThrow();
  });

  it("exchanges once, serves the cached token synchronously, and refreshes at half-life in the background", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.5); // jitter midpoint: refresh at exactly 50 % of the lifetime
    const now = () => Math.floor(Date.now() / 1000);
    let n = 0;
    const exchange = vi.fn(async () => makeJwt({ n: ++n, iat: now(), exp: now() + 3600 }));
    const redactor = new Redactor();
    const auth = new JwtAuth(exchange, silent, redactor);
    const first = await auth.token();
    expect(jwtClaims(first)["n"]).toBe(1);
    expect(auth.token()).toBe(first); // cached: a string, no promise
    expect(redactor.redact(`x ${first}`)).toBe("x [redacted]");
    await vi.advanceTimersByTimeAsync(1_799_000);
    expect(exchange).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(exchange).toHaveBeenCalledTimes(2);
    expect(jwtClaims(auth.token() as string)["n"]).toBe(2);
    auth.close();
    await vi.advanceTimersByTimeAsync(10_000_000);
    expect(exchange).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("refreshes on demand when ≤ 60 s remain, falling back to the live cached token if that fails", async () => {
    vi.useFakeTimers();
    const now = () => Math.floor(Date.now() / 1000);
    let fail = false;
    const exchange = vi.fn(async () => {
      if (fail) throw new Error("network down");
      return makeJwt({ iat: now(), exp: now() + 100 });
    });
    const auth = new JwtAuth(exchange, silent, new Redactor());
    const first = await auth.token();
    vi.setSystemTime(Date.now() + 50_000); // 50 s left
    fail = true;
    await expect(auth.token()).resolves.toBe(first);
    vi.setSystemTime(Date.now() + 60_000); // expired
    await expect(auth.token()).rejects.toThrow("network down");
    auth.close();
  });

  it("does not fall back when the credential itself is rejected", async () => {
    vi.useFakeTimers();
    const now = () => Math.floor(Date.now() / 1000);
    let reject = false;
    const auth = new JwtAuth(
      async () => {
        if (reject) throw new AuthenticationError(401, "revoked");
        return makeJwt({ iat: now(), exp: now() + 100 });
      },
      silent,
      new Redactor(),
    );
    await auth.token();
    vi.setSystemTime(Date.now() + 50_000);
    reject = true;
    await expect(auth.token()).rejects.toBeInstanceOf(AuthenticationError);
    auth.close();
  });

  it("replace() exchanges once for many concurrent rejections of one token", async () => {
    const now = () => Math.floor(Date.now() / 1000);
    let n = 0;
    const exchange = vi.fn(async () => makeJwt({ n: ++n, iat: now(), exp: now() + 3600 }));
    const auth = new JwtAuth(exchange, silent, new Redactor());
    const first = await auth.token();
    const replaced = await Promise.all([auth.replace(first), auth.replace(first), auth.replace(first)]);
    expect(new Set(replaced).size).toBe(1);
    expect(replaced[0]).not.toBe(first);
    expect(exchange).toHaveBeenCalledTimes(2);
    auth.close();
  });
});
