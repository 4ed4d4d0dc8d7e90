import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exponentialBackoffMs, httpRetryDelayMs, parseRetryAfterMs, shouldRetryStatus, type ResponseHeaders } from "../../src/core/index.js";

function headers(h: Record<string, string>): ResponseHeaders {
  const lower = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (n) => lower[n.toLowerCase()] ?? null, entries: () => Object.entries(lower) };
}

describe("HTTP-layer retry policy (Python _base_client)", () => {
  it("backs off min(0.5·2ⁿ, 10) s with up to 25 % jitter below", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => httpRetryDelayMs(n, undefined, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(httpRetryDelayMs(0, undefined, () => 1)).toBe(375);
  });

  it("honours retry-after-ms, then retry-after (seconds or date), only within (0, 60] s", () => {
    expect(httpRetryDelayMs(3, headers({ "retry-after-ms": "250" }), () => 0)).toBe(250);
    expect(httpRetryDelayMs(3, headers({ "retry-after": "1.5" }), () => 0)).toBe(1_500);
    expect(httpRetryDelayMs(3, headers({ "retry-after": "61" }), () => 0)).toBe(4_000);
    expect(httpRetryDelayMs(3, headers({ "retry-after-ms": "0" }), () => 0)).toBe(4_000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterMs(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), now)).toBe(30_000);
    expect(parseRetryAfterMs(headers({}), now)).toBeUndefined();
  });

  it("asks x-should-retry first, then 408/409/429/5xx", () => {
    expect(shouldRetryStatus(400, headers({ "x-should-retry": "true" }))).toBe(true);
    expect(shouldRetryStatus(503, headers({ "x-should-retry": "false" }))).toBe(false);
    expect([400, 401, 403, 404, 408, 409, 410, 422, 429, 500, 502].filter((s) => shouldRetryStatus(s, headers({})))).toEqual([408, 409, 429, 500, 502]);
  });

  it("outer and retrieve backoff is min(2ⁿ, 30) s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(exponentialBackoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe("browser safety", () => {
  it("nothing reachable from the default entry (src/index.ts) imports a Node built-in", () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: URL): void => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/^\s*(import|export)(?!\s+type\b)[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm)) {
        const spec = m[2] ?? m[3] ?? "";
        if (spec.startsWith("node:") || ["fs", "http", "https", "zlib", "net", "stream", "os", "path", "child_process"].includes(spec)) {
          offenders.push(`${file.pathname.split("/src/")[1]} imports ${spec}`);
        } else if (spec.startsWith(".")) visit(new URL(spec.replace(/\.js$/, ".ts"), file));
      }
    };
    visit(new URL("../../src/index.ts", import.meta.url));
    expect(seen.size).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it("the Node entry is what installs the node:http transport", () => {
    const entry = readFileSync(new URL("../../src/transport/node-entry.ts", import.meta.url), "utf8");
    expect(entry).toMatch(/setDefaultTransport\(/);
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { exports: Record<string, Record<string, string>> };
    expect(pkg.exports["."]).toMatchObject({ node: "./dist/transport/node-entry.js", default: "./dist/index.js" });
    expect(Object.keys(pkg.exports["."]!)[0]).toBe("types");
  });
});
