import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  AuthenticationError,
  HEARTBEAT_INTERVAL_MS,
  SDK_VERSION,
  startSession,
  startSessionless,
  ValidationError,
  type ClientOptions,
} from "../../src/core/index.js";
import { createNodeTransport } from "../../src/transport/node.js";
import { json, scriptedFetch } from "./helpers/fake-fetch.js";
import { TEST_KEY, useTestServer, type Recorded, type Reply } from "./helpers/server.js";

const node = createNodeTransport();
afterAll(() => node.destroy());
const server = useTestServer();
afterEach(() => {
  vi.useRealTimers();
});

function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString("base64url");
}
function makeJwt(claims: Record<string, unknown>): string {
  return `eyJhbGciOiJub25lIn0.${b64url(claims)}.sig`;
}

type Routes = Record<string, (req: Recorded) => Reply>;
function route(routes: Routes): void {
  server.handle((req) => {
    const path = req.path.split("?")[0]!;
    const r = routes[path];
    return r ? r(req) : { status: 404, json: { detail: `no route ${path}` } };
  });
}

const base: Routes = {
  "/api/v1/client/config": () => ({ json: { pjwt_auth_enabled: false, fwdbwd_max_chunk_len: 7, brand_new_flag: 1 } }),
  "/api/v1/client/dynamic_config": () => ({ json: { refresh_interval_sec: 60 } }),
  "/api/v1/create_session": () => ({ json: { session_id: "sess-1", type: "create_session" } }),
  "/api/v1/session_heartbeat": () => ({ json: { type: "session_heartbeat" } }),
};

function opts(extra: ClientOptions = {}): ClientOptions {
  return { apiKey: TEST_KEY, baseUrl: server.url, env: {}, logLevel: "off", transport: node, ...extra };
}

describe("startSession", () => {
  it("runs client/config → dynamic_config → create_session with Python's bodies", async () => {
    route(base);
    const ctx = await startSession(opts({ tags: ["b", "a", "b"], userMetadata: { team: "x" }, projectId: "proj-1" }));
    try {
      expect(server.requests.map((r) => r.path)).toEqual(["/api/v1/client/config", "/api/v1/client/dynamic_config", "/api/v1/create_session"]);
      const [config, dynamic, create] = server.requests;
      expect(config!.text).toBe(`{"sdk_version":"${SDK_VERSION}"}`);
      expect(dynamic!.text).toBe(`{"sdk_version":"${SDK_VERSION}"}`);
      expect(create!.text).toBe(`{"tags":["b","a"],"user_metadata":{"team":"x"},"sdk_version":"0.38.0","project_id":"proj-1","type":"create_session"}`);
      expect(ctx.sessionId).toBe("sess-1");
      expect(ctx.serverConfig.fwdbwd_max_chunk_len).toBe(7);
      expect(ctx.serverConfig.parallel_fwdbwd_chunks).toBe(true);
      expect(ctx.serverConfig.raw["brand_new_flag"]).toBe(1);
      expect(ctx.dynamicConfig.refresh_interval_sec).toBe(60);
      expect([ctx.nextModelSeqId(), ctx.nextModelSeqId(), ctx.nextSamplingSessionSeqId()]).toEqual([0, 1, 0]);
    } finally {
      await ctx.close();
    }
  });

  it("sends user_metadata {} and no project when none is given (env tags deduplicated)", async () => {
    route(base);
    const ctx = await startSession(opts({ env: { TINKER_TAGS: "x,y,x", TINKER_PROJECT_ID: "" } }));
    await ctx.close();
    expect(server.requests[2]!.text).toBe(`{"tags":["x","y"],"user_metadata":{},"sdk_version":"0.38.0","type":"create_session"}`);
  });

  it("falls back to dynamic-config defaults on 404", async () => {
    const { "/api/v1/client/dynamic_config": _, ...rest } = base;
    route(rest);
    const ctx = await startSession(opts());
    await ctx.close();
    expect(ctx.dynamicConfig).toEqual({ refresh_interval_sec: 300, sample_cancel_enabled: false, sample_cancel_max_batch_size: 64 });
  });

  it("exchanges the API key for a JWT when pjwt_auth_enabled and sends the JWT afterwards", async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = makeJwt({ sub: "user-1", iat: now, exp: now + 3600 });
    route({
      ...base,
      "/api/v1/client/config": () => ({ json: { pjwt_auth_enabled: true } }),
      "/api/v1/auth/token": (req) => (req.headers["x-api-key"] === TEST_KEY ? { json: { jwt } } : { status: 401, json: {} }),
    });
    const ctx = await startSession(opts());
    await ctx.close();
    expect(server.requests.map((r) => [r.path, r.headers["x-api-key"] === jwt ? "jwt" : r.headers["x-api-key"] === TEST_KEY ? "key" : "?"])).toEqual([
      ["/api/v1/client/config", "key"],
      ["/api/v1/auth/token", "key"],
      ["/api/v1/client/dynamic_config", "jwt"],
      ["/api/v1/create_session", "jwt"],
    ]);
    expect(server.requests[1]!.text).toBe("{}");
    expect(ctx.jwt).toBe(jwt);
  });

  it("fails start-up with the typed error and leaves nothing running", async () => {
    route({ ...base, "/api/v1/client/config": () => ({ status: 401, json: { detail: "invalid api key" } }) });
    await expect(startSession(opts())).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(1);
  });

  it("validates options before any request", async () => {
    route(base);
    await expect(startSession(opts({ apiKey: "sk-wrong" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(startSession(opts(), { timeout: -1 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("close() aborts requests in flight with AbortError", async () => {
    route({ ...base, "/api/v1/stall": () => ({ stall: true }) });
    const ctx = await startSession(opts());
    const p = ctx.http.request({ method: "POST", path: "/api/v1/stall" });
    await new Promise((r) => setTimeout(r, 20));
    await ctx.close();
    await expect(p).rejects.toBeInstanceOf(AbortError);
    await expect(ctx.http.request({ method: "GET", path: "/api/v1/healthz" })).rejects.toBeInstanceOf(AbortError);
  });

  it("Symbol.asyncDispose closes the context", async () => {
    route(base);
    const ctx = await startSession(opts());
    expect(ctx.closed).toBe(false);
    await ctx[Symbol.asyncDispose]();
    expect(ctx.closed).toBe(true);
    expect(ctx.closeSignal.aborted).toBe(true);
  });

  it("finish() posts the session finish body with detail null", async () => {
    route({ ...base, "/api/v1/sessions/sess-1/finish": () => ({ status: 200, body: "" }) });
    const ctx = await startSession(opts());
    await ctx.finish("success");
    await ctx.close();
    expect(server.requests.at(-1)!.text).toBe('{"reason":{"type":"success"},"detail":null}');
    expect(server.requests.at(-1)!.headers["x-sdk-method"]).toBe("ServiceClient.close");
    expect(server.requests.slice(0, 3).map((r) => r.headers["x-sdk-method"])).toEqual([undefined, undefined, undefined]);
  });

  it("a deadline bounds start-up", async () => {
    route({ ...base, "/api/v1/client/config": () => ({ stall: true }) });
    await expect(startSession(opts(), { timeout: 100 })).rejects.toMatchObject({ name: "DeadlineExceededError" });
  });
});

describe("background tasks (fake timers)", () => {
  function fakeServer(extra: Record<string, () => Response> = {}) {
    return scriptedFetch((call) => {
      const handler = extra[call.url.pathname];
      if (handler) return handler();
      switch (call.url.pathname) {
        case "/api/v1/client/config":
          return json(200, {});
        case "/api/v1/client/dynamic_config":
          return json(200, { refresh_interval_sec: 1 });
        case "/api/v1/create_session":
          return json(200, { session_id: "s" });
        case "/api/v1/session_heartbeat":
          return json(200, { type: "session_heartbeat" });
        default:
          return json(404, {});
      }
    });
  }

  it("heartbeats every 10 s with Python's body and stops on close", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeServer();
    const ctx = await startSession({ apiKey: TEST_KEY, baseUrl: "http://t.test", env: {}, logLevel: "off", fetch });
    const beats = () => calls.filter((c) => c.url.pathname === "/api/v1/session_heartbeat");
    await vi.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS - 1);
    expect(beats()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(beats()).toHaveLength(1);
    expect(beats()[0]!.body).toBe('{"session_id":"s","type":"session_heartbeat"}');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(beats()).toHaveLength(3);
    // dynamic config refreshed every max(1 s, 10 s) = 10 s
    expect(calls.filter((c) => c.url.pathname === "/api/v1/client/dynamic_config")).toHaveLength(4);
    await ctx.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beats()).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps heartbeating through failures, warns after 120 s, stops on 410", async () => {
    vi.useFakeTimers();
    let status = 503;
    const warn = vi.fn();
    const { fetch, calls } = fakeServer({ "/api/v1/session_heartbeat": () => json(status, {}) });
    const ctx = await startSession({ apiKey: TEST_KEY, baseUrl: "http://t.test", env: {}, logLevel: "warn", logger: { error() {}, warn, info() {}, debug() {} }, fetch });
    const beats = () => calls.filter((c) => c.url.pathname === "/api/v1/session_heartbeat");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(beats()).toHaveLength(12); // no HTTP-layer retries (max_retries 0)
    expect(warn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(warn).toHaveBeenCalledTimes(1);
    status = 410;
    await vi.advanceTimersByTimeAsync(10_000);
    const n = beats().length;
    await vi.advanceTimersByTimeAsync(50_000);
    expect(beats()).toHaveLength(n);
    await ctx.close();
  });

  it("startSessionless makes no session and starts no timers", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeServer();
    const ctx = await startSessionless({ apiKey: TEST_KEY, baseUrl: "http://t.test", env: {}, logLevel: "off", fetch });
    expect(calls.map((c) => c.url.pathname)).toEqual(["/api/v1/client/config", "/api/v1/client/dynamic_config"]);
    expect(vi.getTimerCount()).toBe(0);
    expect(() => (ctx as unknown as { sessionId: string }).sessionId).toThrow();
    await ctx.close();
  });
});
