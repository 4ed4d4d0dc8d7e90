import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { referenceSdkVersion } from "@tinker-ts/types";
import { DEFAULT_BASE_URL, PACKAGE_VERSION, resolveClientOptions, SDK_VERSION, USER_AGENT, ValidationError } from "../../src/core/index.js";

const KEY = "tml-abcdefghijklmnop";

describe("resolveClientOptions", () => {
  it("reads TINKER_* from the given environment", () => {
    const o = resolveClientOptions({
      env: { TINKER_API_KEY: KEY, TINKER_BASE_URL: "https://x.test/prefix/", TINKER_LOG: "debug", TINKER_PROJECT_ID: "p", TINKER_TAGS: "a,b,a" },
      logger: { error() {}, warn() {}, info() {}, debug() {} },
    });
    expect(o).toMatchObject({ apiKey: KEY, baseUrl: "https://x.test/prefix", projectId: "p", tags: ["a", "b"], timeout: 60_000, maxRetries: 10 });
    expect(o.logger.level).toBe("debug");
  });

  it("arguments win over the environment; empty env values fall back to defaults", () => {
    const o = resolveClientOptions({ apiKey: "eyJabc.def.ghi", baseUrl: "http://h.test", env: { TINKER_API_KEY: KEY, TINKER_BASE_URL: "https://other" } });
    expect(o.apiKey).toBe("eyJabc.def.ghi");
    expect(o.baseUrl).toBe("http://h.test");
    expect(resolveClientOptions({ env: { TINKER_API_KEY: KEY, TINKER_BASE_URL: "" } }).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  it("refuses a missing or malformed key without echoing it", () => {
    expect(() => resolveClientOptions({ env: {} })).toThrow(ValidationError);
    const err = (() => {
      try {
        resolveClientOptions({ apiKey: "sk-live-supersecret", env: {} });
      } catch (e) {
        return e as ValidationError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err!.field).toBe("apiKey");
    expect(JSON.stringify(err) + err!.message + String(err!.stack)).not.toContain("supersecret");
  });

  it.each([
    [{ baseUrl: "not a url" }, "baseUrl"],
    [{ baseUrl: "ftp://x" }, "baseUrl"],
    [{ timeout: -5 }, "timeout"],
    [{ timeout: Number.NaN }, "timeout"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ logLevel: "loud" as never }, "logLevel"],
    [{ userMetadata: { a: 1 as unknown as string } }, "userMetadata.a"],
  ])("names the bad option %j", (bad, field) => {
    expect(() => resolveClientOptions({ apiKey: KEY, env: {}, ...bad })).toThrow(expect.objectContaining({ name: "ValidationError", field }));
  });

  it("adds Cloudflare Access headers only when set, and redacts the secret", () => {
    expect(resolveClientOptions({ apiKey: KEY, env: {} }).defaultHeaders).toEqual({});
    const o = resolveClientOptions({ apiKey: KEY, env: { CLOUDFLARE_ACCESS_CLIENT_ID: "cid", CLOUDFLARE_ACCESS_CLIENT_SECRET: "csecret-123" } });
    expect(o.defaultHeaders).toEqual({ "CF-Access-Client-Id": "cid", "CF-Access-Client-Secret": "csecret-123" });
    expect(o.redactor.redact("x csecret-123 y " + KEY)).toBe("x [redacted] y [redacted]");
  });

  it("warns about an unknown TINKER_LOG value and keeps warn", () => {
    const warn = vi.fn();
    const o = resolveClientOptions({ apiKey: KEY, env: { TINKER_LOG: "chatty" }, logger: { error() {}, warn, info() {}, debug() {} } });
    expect(o.logger.level).toBe("warn");
    expect(warn).toHaveBeenCalledOnce();
  });

  it("PACKAGE_VERSION follows package.json and names tinker-ts in the User-Agent", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`tinker-ts/${pkg.version}`);
  });

  it("SDK_VERSION is the Python SDK version the spec records as the parity target", () => {
    // The spec (info) is the source of the decision; the client keeps a literal to stay free of a runtime import.
    expect(SDK_VERSION).toBe(referenceSdkVersion);
  });
});
