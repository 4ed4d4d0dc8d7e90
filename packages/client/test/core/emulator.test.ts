/**
 * The engine against the real emulator over sockets: start-up (API key and JWT modes), futures,
 * and every fault the emulator can inject on the paths the core owns.
 */
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AbortError,
  DeadlineExceededError,
  GoneError,
  RequestFailedError,
  startSession,
  type ClientOptions,
  type QueueStateEvent,
  type SessionContext,
  type SubmitFutureSpec,
  type Transport,
} from "../../src/core/index.js";
import { createNodeTransport } from "../../src/transport/node.js";

const node = createNodeTransport();
let emulator: Emulator;
let jwtEmulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ longPollMs: 200 });
  jwtEmulator = await startEmulator({ clientConfig: { pjwt_auth_enabled: true } });
});
afterAll(async () => {
  await emulator.close();
  await jwtEmulator.close();
  node.destroy();
});

function options(e: Emulator, extra: ClientOptions = {}): ClientOptions {
  return { apiKey: e.apiKey, baseUrl: e.url, env: {}, logLevel: "off", transport: node, ...extra };
}

async function createModel(ctx: SessionContext): Promise<string> {
  const modelSeqId = ctx.nextModelSeqId();
  const f = ctx.submitFuture<{ model_id: string }>({
    requestType: "CreateModel",
    resultFormat: "json",
    decode: (p) => p as { model_id: string },
    submit: (deadline) =>
      ctx
        .withRetries(
          (d) =>
            ctx.http.call(
              "POST",
              "/api/v1/create_model",
              {
                body: {
                  session_id: ctx.sessionId,
                  model_seq_id: modelSeqId,
                  base_model: "test/base",
                  lora_config: { rank: 4, train_unembed: true, train_mlp: true, train_attn: true },
                  optimizer_config: { type: "adamw" },
                  type: "create_model",
                },
              },
              { deadline: d },
            ),
          deadline,
        )
        .then((r) => r.data),
  });
  return (await f).model_id;
}

function saveSpec(ctx: SessionContext, modelId: string, seqId: number, fault?: string, over: Partial<SubmitFutureSpec<{ path: string }>> = {}): SubmitFutureSpec<{ path: string }> {
  return {
    requestType: "SaveWeights",
    resultFormat: "json",
    decode: (p) => p as { path: string },
    submit: (deadline) =>
      ctx
        .withRetries(
          (d) =>
            ctx.http.call(
              "POST",
              "/api/v1/save_weights",
              { body: { model_id: modelId, path: `ck-${seqId}`, seq_id: seqId, overwrite: true, type: "save_weights" }, ...(fault ? { headers: { "X-Emulator-Fault": fault } } : {}) },
              { deadline: d, maxRetries: 0 },
            ),
          deadline,
        )
        .then((r) => r.data),
    ...over,
  };
}

describe.each([
  ["API key", () => emulator],
  ["JWT", () => jwtEmulator],
])("core against the emulator (%s auth)", (_, which) => {
  let ctx: SessionContext;
  let modelId: string;
  let seq = 0;
  beforeAll(async () => {
    ctx = await startSession(options(which()));
    modelId = await createModel(ctx);
  });
  afterAll(() => ctx.close());

  it("starts a session and resolves a save_weights future to a tinker:// path", async () => {
    expect(ctx.sessionId).toBeTruthy();
    const f = ctx.submitFuture(saveSpec(ctx, modelId, ++seq));
    const { requestId } = await f.submitted;
    expect(requestId).toBeTruthy();
    await expect(f).resolves.toMatchObject({ path: `tinker://${modelId}/weights/ck-${seq}` });
    if (which() === jwtEmulator) expect(ctx.jwt).toMatch(/^eyJ/);
  });

  it("retries a 503 on submit (outer window) and still gets the result", async () => {
    const f = ctx.submitFuture(saveSpec(ctx, modelId, ++seq, "status=503;times=1;id=submit503"));
    await expect(f).resolves.toMatchObject({ path: expect.stringContaining(`ck-${seq}`) });
  });

  it("surfaces a failed future as RequestFailedError(category)", async () => {
    const err = await ctx.submitFuture(saveSpec(ctx, modelId, ++seq, "fail=user")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestFailedError);
    expect((err as RequestFailedError).category).toBe("user");
  });
});

describe("futures against emulator faults on retrieve_future", () => {
  let ctx: SessionContext;
  let modelId: string;
  let seq = 0;
  /** X-Emulator-Fault added to retrieve_future requests while set (a test-only transport wrapper). */
  let pollFault: string | undefined;
  const faultingTransport: Transport = (req) =>
    node(pollFault !== undefined && req.url.endsWith("/api/v1/retrieve_future") ? { ...req, headers: { ...req.headers, "X-Emulator-Fault": pollFault } } : req);

  beforeAll(async () => {
    ctx = await startSession(options(emulator, { transport: faultingTransport }));
    modelId = await createModel(ctx);
  });
  afterAll(() => ctx.close());
  afterEach(() => {
    pollFault = undefined;
  });

  it("try_again storms report the queue state, then complete", async () => {
    pollFault = "try-again=3;queue-state=paused_capacity";
    const events: QueueStateEvent[] = [];
    const spec = saveSpec(ctx, modelId, ++seq, undefined, { call: { onQueueState: (e) => events.push(e) } });
    await expect(ctx.submitFuture(spec)).resolves.toMatchObject({ path: expect.stringContaining("tinker://") });
    expect(events.filter((e) => e.state === "paused_capacity")).toHaveLength(3);
    expect(events.at(-1)!.state).toBe("active");
  });

  it("an expired future (410) is re-submitted when allowed, else a GoneError", async () => {
    pollFault = "expire;times=1;id=resubmit";
    await expect(ctx.submitFuture(saveSpec(ctx, modelId, ++seq, undefined, { resubmitOnExpired: true }))).resolves.toMatchObject({ path: expect.any(String) });
    pollFault = "expire";
    await expect(ctx.submitFuture(saveSpec(ctx, modelId, ++seq))).rejects.toBeInstanceOf(GoneError);
  });

  it("5xx and reset connections on polls are retried until the result", async () => {
    pollFault = "status=503;times=3;id=poll503";
    await expect(ctx.submitFuture(saveSpec(ctx, modelId, ++seq))).resolves.toMatchObject({ path: expect.any(String) });
    pollFault = "reset;times=1;id=pollreset";
    await expect(ctx.submitFuture(saveSpec(ctx, modelId, ++seq))).resolves.toMatchObject({ path: expect.any(String) });
  });

  it("a stalled long-poll is cut by the call deadline; an abort ends it at once", async () => {
    pollFault = "stall";
    await expect(ctx.submitFuture(saveSpec(ctx, modelId, ++seq, undefined, { call: { timeout: 200 } }))).rejects.toBeInstanceOf(DeadlineExceededError);
    const c = new AbortController();
    const f = ctx.submitFuture(saveSpec(ctx, modelId, ++seq, undefined, { call: { signal: c.signal } }));
    setTimeout(() => c.abort(), 50);
    await expect(f).rejects.toBeInstanceOf(AbortError);
  });
});
