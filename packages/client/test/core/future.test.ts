import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  APIResponseValidationError,
  BadRequestError,
  BillingPause,
  DeadlineExceededError,
  GoneError,
  HttpEngine,
  PermissionDeniedError,
  RequestFailedError,
  resolveClientOptions,
  submitFuture,
  type ClientOptions,
  type FutureEnvironment,
  type QueueStateEvent,
  type SubmitFutureSpec,
  type Logger,
} from "../../src/core/index.js";
import { createNodeTransport } from "../../src/transport/node.js";
import { hang, json, scriptedFetch } from "./helpers/fake-fetch.js";
import { TEST_KEY, useTestServer, type Recorded, type Reply } from "./helpers/server.js";

const node = createNodeTransport();
afterAll(() => node.destroy());
const server = useTestServer();
afterEach(() => {
  vi.useRealTimers();
});

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

function env(extra: ClientOptions = {}): FutureEnvironment {
  const options = resolveClientOptions({ apiKey: TEST_KEY, baseUrl: server.url, env: {}, logLevel: "off", transport: node, ...extra });
  return { http: new HttpEngine(options, { token: () => options.apiKey }), billing: new BillingPause(() => 3_600_000, silent), logger: options.logger };
}

function spec<T = unknown>(e: FutureEnvironment, over: Partial<SubmitFutureSpec<T>> = {}): SubmitFutureSpec<T> {
  return {
    requestType: "SaveWeights",
    submit: (deadline) =>
      e.http.request<{ request_id: string }>({ method: "POST", path: "/api/v1/save_weights", json: { model_id: "m", path: "n", seq_id: 1, type: "save_weights" } }, { deadline, maxRetries: 0 }).then((r) => r.data),
    resultFormat: "json",
    decode: (p) => p as T,
    ...over,
  };
}

/** Routes submit and retrieve_future; `polls` scripts the retrieve answers in order (last repeats). */
function script(polls: (Reply | ((r: Recorded) => Reply))[], submit: () => Reply = () => ({ json: { request_id: "req-1" } })): void {
  let n = 0;
  server.handle((req) => {
    if (req.path !== "/api/v1/retrieve_future") return submit();
    const p = polls[Math.min(n++, polls.length - 1)]!;
    return typeof p === "function" ? p(req) : p;
  });
}

const polls = (): Recorded[] => server.requests.filter((r) => r.path === "/api/v1/retrieve_future");

describe("APIFuture over retrieve_future", () => {
  it("submits, reports submission separately, and long-polls with the protocol headers", async () => {
    script([{ json: { type: "try_again", request_id: "req-1", queue_state: "active" } }, { json: { path: "tinker://m/weights/n" } }]);
    const e = env();
    const future = submitFuture(e, spec(e));
    await expect(future.submitted).resolves.toEqual({ requestId: "req-1", modelId: undefined });
    expect(future.requestId).toBe("req-1");
    await expect(future).resolves.toEqual({ path: "tinker://m/weights/n" });
    const [p0, p1] = polls();
    expect(p0!.text).toBe('{"request_id":"req-1","allow_metadata_only":true}');
    expect(p0!.headers["x-tinker-request-iteration"]).toBe("0");
    expect(p1!.headers["x-tinker-request-iteration"]).toBe("1");
    expect(p0!.headers["x-tinker-request-type"]).toBe("SaveWeights");
    expect(Number(p0!.headers["x-tinker-create-promise-roundtrip-time"])).toBeGreaterThanOrEqual(0);
    expect(p1!.headers["x-tinker-create-promise-roundtrip-time"]).toBeUndefined();
    expect(p0!.headers["accept"]).toBe("application/json");
    expect(p0!.headers["x-sdk-method"]).toBeUndefined();
  });

  it("carries the public method name on the polls when given", async () => {
    script([{ json: { ok: 1 } }]);
    const e = env();
    await submitFuture(e, spec(e, { sdkMethod: "TrainingClient.save_state" }));
    expect(polls()[0]!.headers["x-sdk-method"]).toBe("TrainingClient.save_state");
    expect(polls()[0]!.headers["x-sdk-version"]).toBe("0.38.0");
  });

  it("reports try_again queue state (with reason) to the observer and logs a paused line", async () => {
    const warn = vi.fn();
    script([
      { json: { type: "try_again", request_id: "req-1", queue_state: "paused_capacity", queue_state_reason: "GPUs busy" } },
      { json: { type: "try_again", request_id: "req-1", queue_state: "paused_rate_limit" } },
      { json: { ok: 1 } },
    ]);
    const e = env({ logger: { ...silent, warn }, logLevel: "warn" });
    const events: QueueStateEvent[] = [];
    await submitFuture(e, spec(e, { call: { onQueueState: (ev) => events.push(ev) }, label: "model-7" }));
    expect(events.map((ev) => [ev.state, ev.reason])).toEqual([
      ["paused_capacity", "GPUs busy"],
      ["paused_rate_limit", undefined],
      ["active", undefined],
    ]);
    expect(events[0]).toMatchObject({ requestId: "req-1", requestType: "SaveWeights" });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      "[tinker-ts] SaveWeights for model-7 is paused. Reason: GPUs busy.",
      "[tinker-ts] SaveWeights for model-7 is paused. Reason: concurrent training clients rate limit hit.",
    ]);
  });

  it("after complete_metadata polls with allow_metadata_only false", async () => {
    script([{ json: { status: "complete_metadata", response_payload_size: 10 } }, { json: { ok: 1 } }]);
    const e = env();
    await submitFuture(e, spec(e));
    expect(polls().map((p) => p.json().allow_metadata_only)).toEqual([true, false]);
  });

  it("starts past the metadata-only peek when skipMetadataPeek says so for the submitted handle", async () => {
    script([{ json: { type: "try_again", request_id: "req-1" } }, { json: { ok: 1 } }]);
    const e = env();
    const asked: string[] = [];
    const skip = (h: { request_id: string }): boolean => {
      asked.push(h.request_id);
      return true;
    };
    await submitFuture(e, spec(e, { skipMetadataPeek: skip }));
    expect(asked).toEqual(["req-1"]);
    expect(polls().map((p) => p.json().allow_metadata_only)).toEqual([false, false]);
  });

  it("keeps the metadata-only peek when skipMetadataPeek answers false", async () => {
    script([{ json: { ok: 1 } }]);
    const e = env();
    await submitFuture(e, spec(e, { skipMetadataPeek: () => false }));
    expect(polls().map((p) => p.json().allow_metadata_only)).toEqual([true]);
  });

  it("turns an error payload into RequestFailedError with category and request id", async () => {
    script([{ json: { error: "bad checkpoint", category: "user" } }]);
    const e = env();
    const err = await submitFuture(e, spec(e)).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(RequestFailedError);
    expect(err).toMatchObject({ name: "RequestFailedError", category: "user", requestId: "req-1", serverMessage: "bad checkpoint" });
    script([{ json: { error: "x", category: "nonsense" } }]);
    await expect(submitFuture(e, spec(e))).rejects.toMatchObject({ category: "unknown" });
  });

  it("re-polls at once on 408 (observing its queue state) and on 5xx", async () => {
    script([
      { status: 408, json: { queue_state: "paused_capacity", queue_state_reason: "wait" } },
      { status: 502, body: "" },
      { status: 500, json: { detail: "x" } },
      { json: { ok: 1 } },
    ]);
    const e = env();
    const events: QueueStateEvent[] = [];
    await expect(submitFuture(e, spec(e, { call: { onQueueState: (ev) => events.push(ev) } }))).resolves.toEqual({ ok: 1 });
    expect(polls()).toHaveLength(4);
    expect(events[0]).toMatchObject({ state: "paused_capacity", reason: "wait" });
  });

  it("re-polls a 400 up to 3 times, then fails with BadRequestError; a 408 resets that budget", async () => {
    script([{ status: 400, json: { detail: "bad" } }]);
    const e = env();
    await expect(submitFuture(e, spec(e))).rejects.toBeInstanceOf(BadRequestError);
    expect(polls()).toHaveLength(4);

    server.requests.length = 0;
    script([
      { status: 400, json: { detail: "bad" } },
      { status: 400, json: { detail: "bad" } },
      { status: 400, json: { detail: "bad" } },
      { status: 408, json: {} },
      { status: 400, json: { detail: "bad" } },
      { status: 400, json: { detail: "bad" } },
      { json: { ok: 1 } },
    ]);
    await expect(submitFuture(e, spec(e))).resolves.toEqual({ ok: 1 });
  });

  it("fails on other statuses with the typed error", async () => {
    script([{ status: 403, json: { detail: "no" } }]);
    const e = env();
    await expect(submitFuture(e, spec(e))).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(polls()).toHaveLength(1);
  });

  it("on 410 re-submits the original request when allowed, else throws GoneError", async () => {
    let submits = 0;
    script([{ status: 410, json: { detail: "expired" } }, { json: { ok: 2 } }], () => ({ json: { request_id: `req-${++submits}` } }));
    const e = env();
    const f = submitFuture(e, spec(e, { resubmitOnExpired: true }));
    await expect(f).resolves.toEqual({ ok: 2 });
    const submitted = server.requests.filter((r) => r.path === "/api/v1/save_weights");
    expect(submitted).toHaveLength(2);
    expect(submitted[1]!.text).toBe(submitted[0]!.text);
    expect(polls().map((p) => p.json().request_id)).toEqual(["req-1", "req-2"]);
    expect(polls()[1]!.headers["x-tinker-request-iteration"]).toBe("0");
    expect((await f.submitted).requestId).toBe("req-1");

    server.requests.length = 0;
    script([{ status: 410, json: {} }]);
    await expect(submitFuture(e, spec(e))).rejects.toBeInstanceOf(GoneError);
  });

  it("asks for protobuf and hands the raw bytes to decode; rejects JSON success for protobuf results", async () => {
    const bytes = Buffer.from([8, 1, 18, 3, 97, 98, 99]);
    script([{ body: bytes, headers: { "content-type": "application/x-protobuf" } }]);
    const e = env();
    const got = await submitFuture(e, spec<Uint8Array>(e, { requestType: "ForwardBackward", resultFormat: "protobuf", decode: (p) => p as Uint8Array }));
    expect(Buffer.from(got)).toEqual(bytes);
    expect(polls()[0]!.headers["accept"]).toBe("application/x-protobuf");

    script([{ json: { loss_fn_outputs: [] } }]);
    await expect(submitFuture(e, spec(e, { resultFormat: "protobuf" }))).rejects.toBeInstanceOf(APIResponseValidationError);
  });

  it("wraps decode failures in APIResponseValidationError with the request id", async () => {
    script([{ json: { weird: true } }]);
    const e = env();
    const err = await submitFuture(e, spec(e, { decode: () => { throw new Error("missing path"); } })).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(APIResponseValidationError);
    expect(err).toMatchObject({ requestId: "req-1" });
  });

  it("rejects `submitted` and the result when the submit fails", async () => {
    server.handle(() => ({ status: 422, json: { detail: "bad body" } }));
    const e = env();
    const f = submitFuture(e, spec(e));
    await expect(f.submitted).rejects.toMatchObject({ status: 422 });
    await expect(f).rejects.toMatchObject({ status: 422 });
    expect(polls()).toHaveLength(0);
  });

  it("a call timeout ends a long-poll that the server holds (DeadlineExceededError)", async () => {
    script([{ stall: true }]);
    const e = env();
    await expect(submitFuture(e, spec(e, { call: { timeout: 150 } }))).rejects.toBeInstanceOf(DeadlineExceededError);
  });

  it("an abort during a long-poll rejects with AbortError and stops polling", async () => {
    script([{ stall: true }]);
    const e = env();
    const controller = new AbortController();
    const f = submitFuture(e, spec(e, { call: { signal: controller.signal } }));
    await f.submitted;
    while (polls().length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(f).rejects.toBeInstanceOf(AbortError);
    await new Promise((r) => setTimeout(r, 30));
    expect(polls()).toHaveLength(1);
  });

  it("result({ timeout }) gives up and cancels the polling", async () => {
    script([{ json: { type: "try_again", request_id: "req-1", queue_state: "active" }, delayMs: 10 }]);
    const e = env();
    const f = submitFuture(e, spec(e));
    await expect(f.result({ timeout: 100 })).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(f).rejects.toBeInstanceOf(AbortError);
    await new Promise((r) => setTimeout(r, 30)); // a poll already on the wire may still arrive
    const n = polls().length;
    await new Promise((r) => setTimeout(r, 60));
    expect(polls().length).toBe(n);
  });

  it("tells onAbandoned which submitted request was given up (not on success or failure)", async () => {
    script([{ stall: true }]);
    const e = env();
    const abandoned: string[] = [];
    await expect(submitFuture(e, spec(e, { call: { timeout: 100 }, onAbandoned: (id) => abandoned.push(id) }))).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(abandoned).toEqual(["req-1"]);
    script([{ json: { error: "x", category: "server" } }]);
    await expect(submitFuture(e, spec(e, { onAbandoned: (id) => abandoned.push(id) }))).rejects.toBeInstanceOf(RequestFailedError);
    script([{ json: { ok: 1 } }]);
    await submitFuture(e, spec(e, { onAbandoned: (id) => abandoned.push(id) }));
    expect(abandoned).toEqual(["req-1"]);
  });

  it("result({ signal }) aborts the wait", async () => {
    script([{ stall: true }]);
    const e = env();
    const f = submitFuture(e, spec(e));
    const controller = new AbortController();
    const waiting = f.result({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });
});

describe("retrieve_future backoff (injected fetch, fake timers)", () => {
  function fakeEnv(fetch: (r: Request) => Promise<Response>): FutureEnvironment {
    const options = resolveClientOptions({ apiKey: TEST_KEY, baseUrl: "http://tinker.test", env: {}, logLevel: "off", fetch });
    return { http: new HttpEngine(options, { token: () => options.apiKey }), billing: new BillingPause(() => 3_600_000, silent), logger: options.logger };
  }

  it("backs off min(2^k, 30) s on 429 and connection errors, reset by any other answer", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const answers: (() => Response | Promise<Response>)[] = [
      () => json(429, {}),
      () => json(429, {}),
      () => Promise.reject(new TypeError("fetch failed")),
      () => json(500, {}),
      () => json(429, {}),
      () => json(200, { ok: 1 }),
    ];
    const times: number[] = [];
    const { fetch } = scriptedFetch((call) => {
      if (call.url.pathname.endsWith("/save_weights")) return json(200, { request_id: "r" });
      times.push(Date.now() - start);
      return answers[times.length - 1]!();
    });
    const e = fakeEnv(fetch);
    const f = submitFuture(e, spec(e));
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(f).resolves.toEqual({ ok: 1 });
    // 429 → 1 s, 429 → 2 s, connection error → 4 s, 500 → at once (resets k), 429 → 1 s.
    expect(times).toEqual([0, 1_000, 3_000, 7_000, 7_000, 8_000]);
  });

  it("pauses 5 s per 402 while billing-paused", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const times: number[] = [];
    const { fetch } = scriptedFetch((call) => {
      if (call.url.pathname.endsWith("/save_weights")) return json(200, { request_id: "r" });
      times.push(Date.now() - start);
      return times.length < 3 ? json(402, { detail: "billing" }) : json(200, { ok: 1 });
    });
    const e = fakeEnv(fetch);
    const f = submitFuture(e, spec(e));
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(f).resolves.toEqual({ ok: 1 });
    expect(times).toEqual([0, 5_000, 10_000]);
  });

  it("an abort during a 429 backoff rejects at once", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch((call) => (call.url.pathname.endsWith("/save_weights") ? json(200, { request_id: "r" }) : json(429, {})));
    const e = fakeEnv(fetch);
    const controller = new AbortController();
    const f = submitFuture(e, spec(e, { call: { signal: controller.signal } }));
    f.catch(() => {});
    await vi.advanceTimersByTimeAsync(3_500);
    controller.abort();
    await expect(f).rejects.toBeInstanceOf(AbortError);
    expect(calls.length).toBe(4); // submit + polls at 0, 1 s, 3 s
  });

  it("a long-poll in flight is cut at the deadline", async () => {
    vi.useFakeTimers();
    const { fetch } = scriptedFetch((call) => (call.url.pathname.endsWith("/save_weights") ? json(200, { request_id: "r" }) : hang(call.signal)));
    const e = fakeEnv(fetch);
    const f = submitFuture(e, spec(e, { call: { timeout: 120_000 } }));
    f.catch(() => {});
    // Each attempt is cut at 45 s (APITimeoutError → backoff 1 s, 2 s), the call at 120 s.
    await vi.advanceTimersByTimeAsync(120_001);
    await expect(f).rejects.toBeInstanceOf(DeadlineExceededError);
  });
});
