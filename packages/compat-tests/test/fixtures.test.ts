/**
 * Every fixture, replayed with Python's own requests, must come out clean (the baseline that shows
 * the comparison reports no false differences), and every field of every JSON request Python sent,
 * renamed, must be caught by name (the comparison can fail on any of them).
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { bodyBytes, compareRequest, describeDifference, fixtureNames, loadFixture, startReplayServer, type RecordedRequest, type ReplayServer } from "../src/index.js";

const names = fixtureNames();
let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const HOP_BY_HOP = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "accept-encoding"]);

async function send(url: string, r: RecordedRequest): Promise<number> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
  const query = new URLSearchParams(r.query as Record<string, string>).toString();
  const init: RequestInit = { method: r.method, headers };
  if (r.body !== null) init.body = Buffer.from(bodyBytes(r.body));
  const res = await fetch(`${url}${r.path}${query ? `?${query}` : ""}`, init);
  await res.arrayBuffer();
  return res.status;
}

/** The SDK version tools/capture-python pins (`tinker==X.Y.Z` in requirements.txt). */
function pinnedSdkVersion(): string | undefined {
  const text = readFileSync(new URL("../../../tools/capture-python/requirements.txt", import.meta.url), "utf8");
  return /^tinker==(\S+)$/m.exec(text)?.[1];
}

describe("fixtures", () => {
  it("were all captured with the SDK version tools/capture-python pins (re-capture after changing it)", () => {
    const pinned = pinnedSdkVersion();
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(names.filter((n) => loadFixture(n).sdk.version !== pinned)).toEqual([]);
  });

  it("exist, one per scenario, captured with a recorded SDK version", () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) {
      const f = loadFixture(name);
      expect(f.scenario).toBe(name);
      expect(f.sdk.name).toBe("tinker");
      expect(f.sdk.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(f.calls.length).toBeGreaterThan(0);
      expect(f.exchanges.length).toBeGreaterThan(0);
    }
  });

  it.each(names)("%s: the emulator answered every request without error unless the scenario is an error path", (name) => {
    const f = loadFixture(name);
    const errorPath = name.startsWith("error_") || f.emulator.faults.length > 0;
    const failed = f.exchanges.filter((ex) => ex.response.status >= 400).map((ex) => `#${ex.seq} ${ex.request.path} → ${ex.response.status}`);
    if (!errorPath) expect(failed).toEqual([]);
    // Error paths the SDK recovers from end in success; the others must have surfaced an error to the caller.
    const recovers = ["error_try_again", "error_5xx_then_success", "error_410_sample", "error_poll_statuses"];
    expect(f.calls.some((c) => c.raised !== undefined)).toBe(name.startsWith("error_") && !recovers.includes(name));
  });

  it.each(names)("%s: Python's own requests replay clean and get Python's responses", async (name) => {
    const f = loadFixture(name);
    server = await startReplayServer(f.exchanges);
    for (const ex of f.exchanges) expect(await send(server.url, ex.request)).toBe(ex.response.status);
    const report = server.report();
    expect(report.format()).toBe("");
    expect(report.ok).toBe(true);
  });

  it.each(names)("%s: renaming any top-level field of a JSON request is reported by name", (name) => {
    const f = loadFixture(name);
    let checked = 0;
    for (const ex of f.exchanges) {
      const body = ex.request.body;
      if (body?.kind !== "json") continue;
      const value = JSON.parse(body.text) as unknown;
      if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
      for (const key of Object.keys(value)) {
        const renamed: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) renamed[k === key ? `${k}_renamed` : k] = v;
        const diffs = compareRequest(ex.request, { ...ex.request, body: { kind: "json", text: JSON.stringify(renamed) } }).map(describeDifference);
        expect(diffs.some((d) => d.startsWith(`body.${key}: missing — Python sent `))).toBe(true);
        expect(diffs.some((d) => d.startsWith(`body.${key}_renamed: unexpected`))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
