import { describe, expect, it } from "vitest";
import { ReplayMatcher, type Exchange, type RecordedRequest } from "../src/index.js";

const H = { "content-type": "application/json", accept: "application/json", "x-api-key": "k", "x-idempotency-key": "i" };
const req = (path: string, body: unknown): RecordedRequest => ({ method: "POST", path, query: {}, headers: H, body: { kind: "json", text: JSON.stringify(body) } });
const ex = (seq: number, request: RecordedRequest, answer: unknown = { ok: seq }): Exchange => ({
  seq,
  request,
  response: { status: 200, headers: { "content-type": "application/json" }, body: { kind: "json", text: JSON.stringify(answer) } },
});

describe("ReplayMatcher", () => {
  it("answers parallel requests of one endpoint with the exchange they match exactly, in any order", () => {
    const chunks = [1, 2, 3].map((seq) => ex(seq, req("/api/v1/forward_backward_json", { seq_id: seq })));
    const m = new ReplayMatcher(chunks);
    expect(m.match(req("/api/v1/forward_backward_json", { seq_id: 3 }))?.seq).toBe(3);
    expect(m.match(req("/api/v1/forward_backward_json", { seq_id: 1 }))?.seq).toBe(1);
    expect(m.match(req("/api/v1/forward_backward_json", { seq_id: 2 }))?.seq).toBe(2);
    expect(m.report().ok).toBe(true);
  });

  it("replays retries in order: the first attempt gets the first (failed) answer", () => {
    const body = { model_id: "m", seq_id: 2 };
    const m = new ReplayMatcher([ex(1, req("/api/v1/optim_step", body), { detail: "503" }), ex(2, req("/api/v1/optim_step", body))]);
    expect(m.match(req("/api/v1/optim_step", body))?.seq).toBe(1);
    expect(m.match(req("/api/v1/optim_step", body))?.seq).toBe(2);
    expect(m.report().ok).toBe(true);
  });

  it("reports submits to different endpoints sent in another order than Python's", () => {
    const m = new ReplayMatcher([ex(1, req("/api/v1/save_weights", { a: 1 })), ex(2, req("/api/v1/optim_step", { b: 1 }))]);
    m.match(req("/api/v1/optim_step", { b: 1 }));
    m.match(req("/api/v1/save_weights", { a: 1 }));
    expect(m.report().format()).toContain(
      "request order differs — Python sent POST /api/v1/save_weights before POST /api/v1/optim_step, TypeScript sent POST /api/v1/optim_step before POST /api/v1/save_weights",
    );
  });

  it("does not require background requests, and does not count them as unexpected", () => {
    const m = new ReplayMatcher([ex(1, req("/api/v1/session_heartbeat", { session_id: "s" })), ex(2, req("/api/v1/optim_step", {}))]);
    expect(m.match(req("/api/v1/telemetry", {}))).toBeUndefined();
    m.match(req("/api/v1/optim_step", {}));
    expect(m.report().ok).toBe(true);
  });
});

describe("ReplayMatcher, session poller (retrieve_futures)", () => {
  const poll = (cursor: number, sessionId = "s:sample:0") =>
    req("/api/v1/retrieve_futures", { target: { type: "sampling_session", sampling_session_id: sessionId, cloned_sampler_id: 0 }, prev_cursor: cursor });

  it("compares only the target, tolerates another number of polls, and answers extra polls again", () => {
    const m = new ReplayMatcher([ex(1, poll(0), { completions: [], cursor: 1 }), ex(2, poll(1), { completions: [], cursor: 1 })]);
    expect(m.match(poll(0))?.seq).toBe(1);
    expect(m.match(poll(7))?.seq).toBe(2);
    expect(m.match(poll(1))?.seq).toBe(2);
    expect(m.report().ok).toBe(true);
  });

  it("reports a poller that polls another target, and a poller Python used that TypeScript never did", () => {
    const m = new ReplayMatcher([ex(1, poll(0))]);
    m.match(poll(0, "other:sample:0"));
    expect(m.report().format()).toContain('body.target.sampling_session_id: Python "s:sample:0", TypeScript "other:sample:0"');
    expect(new ReplayMatcher([ex(1, poll(0)), ex(2, poll(1))]).report().format()).toBe(
      "missing request POST /api/v1/retrieve_futures: Python sent it as exchange #1, TypeScript never did",
    );
  });
});
