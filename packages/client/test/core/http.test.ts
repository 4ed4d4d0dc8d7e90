import { afterAll, describe, expect, it } from "vitest";
import {
  AbortError,
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DeadlineExceededError,
  HttpEngine,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  resolveClientOptions,
  type ClientOptions,
  type Logger,
} from "../../src/core/index.js";
import { createNodeTransport } from "../../src/transport/node.js";
import { TEST_KEY, useTestServer } from "./helpers/server.js";

const node = createNodeTransport();
afterAll(() => node.destroy());

const server = useTestServer();

const transports = {
  "node:http": { transport: node },
  fetch: { fetch: (r: Request) => globalThis.fetch(r) },
} as const;

function makeEngine(kind: keyof typeof transports, extra: ClientOptions = {}): HttpEngine {
  const opts = resolveClientOptions({ apiKey: TEST_KEY, baseUrl: `${server.url}/services/tinker-prod`, env: {}, logLevel: "off", ...transports[kind], ...extra });
  return new HttpEngine(opts, { token: () => opts.apiKey });
}

const retryFast = { "retry-after-ms": "1" };

describe.each(Object.keys(transports) as (keyof typeof transports)[])("HttpEngine over %s", (kind) => {
  it("joins the path under the base URL prefix and sends the Python header set", async () => {
    server.handle(() => ({ json: { ok: true }, headers: { "x-request-id": "rid-1" } }));
    const res = await makeEngine(kind, { defaultHeaders: { "X-Extra": "1" } }).request<{ ok: boolean }>({
      method: "POST",
      path: "/api/v1/thing",
      query: { limit: 5, skip: undefined, ids: ["a", "b"] },
      json: { b: 1, a: [1, 2], c: { z: null, y: "é" } },
    });
    expect(res.data).toEqual({ ok: true });
    expect(res.requestId).toBe("rid-1");
    const req = server.requests[0]!;
    expect(req.path).toBe("/services/tinker-prod/api/v1/thing?limit=5&ids=a%2Cb");
    expect(req.text).toBe('{"b":1,"a":[1,2],"c":{"z":null,"y":"é"}}');
    expect(req.headers["x-api-key"]).toBe(TEST_KEY);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["accept"]).toBe("application/json");
    expect(req.headers["user-agent"]).toMatch(/^tinker-ts\/\d+\.\d+\.\d+/);
    expect(req.headers["x-idempotency-key"]).toMatch(/^tinker-ts-retry-[0-9a-f-]{36}$/);
    expect(req.headers["x-extra"]).toBe("1");
    expect(Object.keys(req.headers).filter((h) => h.startsWith("x-stainless"))).toEqual([]);
  });

  it("sends no idempotency key or content type on GET, and Content-Type on a bodiless POST", async () => {
    server.handle(() => ({ status: 204 }));
    const engine = makeEngine(kind);
    const get = await engine.request({ method: "GET", path: "/api/v1/x" });
    expect(get.data).toBeUndefined();
    await engine.request({ method: "POST", path: "/api/v1/y" });
    const [g, p] = server.requests;
    expect(g!.headers["x-idempotency-key"]).toBeUndefined();
    expect(g!.headers["content-type"]).toBeUndefined();
    expect(p!.headers["content-type"]).toBe("application/json");
    expect(p!.headers["content-length"]).toBe("0");
  });

  it("retries 5xx with one idempotency key, honouring retry-after-ms", async () => {
    server.handle((_, i) => (i < 2 ? { status: 503, json: { detail: "busy" }, headers: retryFast } : { json: { done: 1 } }));
    const res = await makeEngine(kind).request({ method: "POST", path: "/api/v1/z", json: {} });
    expect(res.data).toEqual({ done: 1 });
    const mine = server.requests.filter((r) => r.path.endsWith("/api/v1/z"));
    expect(mine).toHaveLength(3);
    const keys = new Set(mine.map((r) => r.headers["x-idempotency-key"]));
    expect(keys.size).toBe(1);
  });

  it("attributes requests to a public method only when asked (x-sdk-version, x-sdk-method)", async () => {
    server.handle(() => ({ json: {} }));
    const engine = makeEngine(kind);
    await engine.request({ method: "POST", path: "/a" }, { sdkMethod: "TrainingClient.save_state" });
    await engine.request({ method: "POST", path: "/a" });
    expect(server.requests[0]!.headers["x-sdk-version"]).toBe("0.38.0");
    expect(server.requests[0]!.headers["x-sdk-method"]).toBe("TrainingClient.save_state");
    expect(server.requests[1]!.headers["x-sdk-method"]).toBeUndefined();
    expect(server.requests[1]!.headers["x-sdk-version"]).toBeUndefined();
  });

  it("gives each logical request its own idempotency key", async () => {
    server.handle(() => ({ json: {} }));
    const engine = makeEngine(kind);
    await engine.request({ method: "POST", path: "/a" });
    await engine.request({ method: "POST", path: "/a" });
    expect(server.requests[0]!.headers["x-idempotency-key"]).not.toBe(server.requests[1]!.headers["x-idempotency-key"]);
  });

  it.each([
    [408, undefined, 2],
    [409, undefined, 2],
    [429, undefined, 2],
    [500, undefined, 2],
    [400, undefined, 1],
    [404, undefined, 1],
    [503, "false", 1],
    [400, "true", 2],
  ])("status %i with x-should-retry=%s → %i attempts", async (status, header, attempts) => {
    server.handle((_, i) => (i === 0 ? { status, json: { detail: "x" }, headers: { ...retryFast, ...(header ? { "x-should-retry": header } : {}) } } : { json: { ok: 1 } }));
    const p = makeEngine(kind).request({ method: "POST", path: "/p", json: {} });
    if (attempts === 2) await expect(p).resolves.toMatchObject({ data: { ok: 1 } });
    else await expect(p).rejects.toMatchObject({ status });
    expect(server.requests.filter((r) => r.path.endsWith("/p"))).toHaveLength(attempts);
  });

  it("stops after maxRetries and throws the typed error with status, message and request id", async () => {
    server.handle(() => ({ status: 500, json: { detail: "boom" }, headers: { ...retryFast, "x-request-id": "req-9" } }));
    const err = await makeEngine(kind, { maxRetries: 2 }).request({ method: "POST", path: "/p" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err).toMatchObject({ name: "InternalServerError", status: 500, requestId: "req-9", serverMessage: "boom", body: { detail: "boom" } });
    expect((err as Error).message).toContain("500");
    expect(server.requests.filter((r) => r.path.endsWith("/p"))).toHaveLength(3);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
  ])("maps %i to its class", async (status, Cls) => {
    server.handle(() => ({ status, body: "plain text", headers: { "x-should-retry": "false" } }));
    const err = await makeEngine(kind).request({ method: "GET", path: "/e" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Cls);
    expect((err as InstanceType<typeof Cls>).serverMessage).toBe("plain text");
  });

  it("turns an empty 400 (proxy rejection) into a retried connection error", async () => {
    server.handle((_, i) => (i === 0 ? { status: 400, headers: retryFast } : { json: { ok: 1 } }));
    await expect(makeEngine(kind).request({ method: "POST", path: "/e" })).resolves.toMatchObject({ data: { ok: 1 } });
    expect(server.requests.filter((r) => r.path.endsWith("/e"))).toHaveLength(2);
  });

  it("retries a reset connection, then gives up with APIConnectionError", async () => {
    server.handle((_, i) => (i === 0 ? { reset: true } : { json: { ok: 1 } }));
    await expect(makeEngine(kind).request({ method: "POST", path: "/r" })).resolves.toMatchObject({ data: { ok: 1 } });
    server.handle(() => ({ reset: true }));
    const err = await makeEngine(kind, { maxRetries: 0 }).request({ method: "POST", path: "/r" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APITimeoutError);
  });

  it("bounds each attempt by the per-attempt timeout (APITimeoutError, retryable)", async () => {
    server.handle((_, i) => (i === 0 ? { stall: true } : { json: { ok: 2 } }));
    const engine = makeEngine(kind, { timeout: 50 });
    await expect(engine.request({ method: "POST", path: "/s" })).resolves.toMatchObject({ data: { ok: 2 } });
    server.handle(() => ({ stall: true }));
    const err = await engine.request({ method: "POST", path: "/s" }, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(err).not.toBeInstanceOf(DeadlineExceededError);
  });

  it("never waits past the call deadline, even with retries left", async () => {
    server.handle(() => ({ stall: true }));
    const err = await makeEngine(kind).request({ method: "POST", path: "/s" }, { timeout: 80 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect((err as DeadlineExceededError).timeoutMs).toBe(80);
  });

  it("fails at once when the next backoff would pass the deadline", async () => {
    server.handle(() => ({ status: 503, headers: { "retry-after": "30" } }));
    const started = Date.now();
    const err = await makeEngine(kind).request({ method: "POST", path: "/backoff-past-deadline" }, { timeout: 5_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect((err as Error).cause).toBeInstanceOf(InternalServerError);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(server.requests.filter((r) => r.path.endsWith("/backoff-past-deadline"))).toHaveLength(1);
  });

  it("aborts an in-flight request with AbortError (not an APIError), without retrying", async () => {
    server.handle(() => ({ stall: true }));
    const controller = new AbortController();
    const p = makeEngine(kind).request({ method: "POST", path: "/abort-in-flight" }, { signal: controller.signal });
    while (!server.requests.some((r) => r.path.endsWith("/abort-in-flight"))) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error("user stop"));
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(err).not.toBeInstanceOf(APIConnectionError);
    expect((err as AbortError).cause).toEqual(new Error("user stop"));
    await new Promise((r) => setTimeout(r, 30));
    expect(server.requests.filter((r) => r.path.endsWith("/abort-in-flight"))).toHaveLength(1);
  });

  it("aborts during a backoff sleep", async () => {
    server.handle(() => ({ status: 503, headers: { "retry-after": "20" } }));
    const controller = new AbortController();
    const p = makeEngine(kind).request({ method: "POST", path: "/abort-in-backoff" }, { signal: controller.signal });
    const mine = () => server.requests.filter((r) => r.path.endsWith("/abort-in-backoff"));
    while (mine().length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(mine()).toHaveLength(1);
  });

  it("refuses a bad per-call timeout before sending", async () => {
    await expect(makeEngine(kind).request({ method: "GET", path: "/bad-timeout" }, { timeout: -1 })).rejects.toMatchObject({ name: "ValidationError", field: "timeout" });
    expect(server.requests.filter((r) => r.path.endsWith("/bad-timeout"))).toHaveLength(0);
  });

  it("rejects at once when the signal is already aborted, sending nothing", async () => {
    const err = await makeEngine(kind).request({ method: "GET", path: "/pre-aborted" }, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(server.requests.filter((r) => r.path.endsWith("/pre-aborted"))).toHaveLength(0);
  });

  it("returns 3xx responses as they are with redirect: manual", async () => {
    server.handle(() => ({ status: 302, headers: { location: "https://storage.example/x", expires: "Wed, 21 Oct 2026 07:28:00 GMT" } }));
    const res = await makeEngine(kind).request({ method: "GET", path: "/archive", redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://storage.example/x");
  });

  it("replays once with a replaced token after 401 invalid_token", async () => {
    const opts = resolveClientOptions({ apiKey: TEST_KEY, baseUrl: server.url, env: {}, logLevel: "off", ...transports[kind] });
    let token = "eyJold";
    const engine = new HttpEngine(opts, {
      token: () => token,
      replace: async () => {
        token = "eyJnew";
        return token;
      },
    });
    server.handle((req) =>
      req.headers["x-api-key"] === "eyJold" ? { status: 401, json: { detail: "expired" }, headers: { "www-authenticate": 'Bearer error="invalid_token"' } } : { json: { ok: 1 } },
    );
    await expect(engine.request({ method: "POST", path: "/t" }, { maxRetries: 0 })).resolves.toMatchObject({ data: { ok: 1 } });
    expect(server.requests.map((r) => r.headers["x-api-key"])).toEqual(["eyJold", "eyJnew"]);
  });

  it("bounds a pending token exchange by the call's deadline", async () => {
    const opts = resolveClientOptions({ apiKey: TEST_KEY, baseUrl: server.url, env: {}, logLevel: "off", ...transports[kind] });
    const engine = new HttpEngine(opts, { token: () => new Promise<string>(() => {}) });
    await expect(engine.request({ method: "GET", path: "/token-pending" }, { timeout: 50 })).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(server.requests.filter((r) => r.path.endsWith("/token-pending"))).toHaveLength(0);
  });

  it("keeps the API key out of errors and log lines, even when the server echoes it", async () => {
    const lines: string[] = [];
    const capture = (...a: unknown[]) => lines.push(a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" "));
    const logger: Logger = { error: capture, warn: capture, info: capture, debug: capture };
    server.handle((req) => ({ status: 403, json: { detail: `bad key ${String(req.headers["x-api-key"])}` }, headers: { "x-echo": String(req.headers["x-api-key"]) } }));
    const err = await makeEngine(kind, { logger, logLevel: "debug" }).request({ method: "POST", path: "/k" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403 });
    const dump = [String(err), (err as Error).message, JSON.stringify(err), JSON.stringify((err as { body: unknown }).body), JSON.stringify((err as { headers: unknown }).headers), (err as Error).stack, ...lines].join("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(dump).not.toContain(TEST_KEY);
    expect(dump).toContain("[redacted]");
  });
});

describe("typed calls", () => {
  it("interpolates path parameters raw, as the Python SDK does", async () => {
    server.handle(() => ({ status: 200, body: "" }));
    const engine = makeEngine("node:http");
    await engine.call("DELETE", "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}", {
      params: { path: { training_run_id: "sess:train:0", checkpoint_id: "weights/0001" } },
    });
    expect(server.requests[0]!.path).toBe("/services/tinker-prod/api/v1/training_runs/sess:train:0/checkpoints/weights/0001");
  });

  it("rejects wrong paths and bodies at compile time", () => {
    const engine = makeEngine("node:http");
    const typeOnly = (): void => {
      // @ts-expect-error: no such path
      void engine.call("POST", "/api/v1/no_such_path", {});
      // @ts-expect-error: wrong body field (load_optimizer_state is not a LoadWeightsRequest key)
      void engine.call("POST", "/api/v1/load_weights", { body: { model_id: "m", path: "tinker://x/weights/y", seq_id: 1, load_optimizer_state: true, type: "load_weights" } });
      // @ts-expect-error: GET is not defined for save_weights
      void engine.call("GET", "/api/v1/save_weights", {});
    };
    expect(typeof typeOnly).toBe("function");
  });
});
