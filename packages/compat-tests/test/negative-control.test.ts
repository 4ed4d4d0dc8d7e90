/**
 * Proof that the replay can fail: deliberately wrong requests, fed through the same replay server and
 * comparison the fixture replays use, must be reported — naming the field.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { ForwardBackwardRequestSchema } from "@tinker-ts/types/proto";
import { afterEach, describe, expect, it } from "vitest";
import { loadFixture, startReplayServer, type Exchange, type ReplayServer } from "../src/index.js";

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The load_weights exchange Python made in the load_state_with_optimizer capture. */
function capturedLoadWeights(): Exchange {
  const found = loadFixture("load_state_with_optimizer").exchanges.find((ex) => ex.request.path === "/api/v1/load_weights");
  if (!found) throw new Error("the load_state_with_optimizer fixture has no load_weights exchange; re-capture it");
  return found;
}

async function post(url: string, path: string, body: string | Uint8Array, contentType: string): Promise<number> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": contentType, accept: "application/json", "x-api-key": "tml-x", "x-idempotency-key": "ts-1" },
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("negative control", () => {
  it("replaying Python's own load_weights request is clean (the control's baseline)", async () => {
    const ex = capturedLoadWeights();
    server = await startReplayServer([ex]);
    const text = ex.request.body?.kind === "json" ? ex.request.body.text : "";
    expect(await post(server.url, ex.request.path, text, "application/json")).toBe(ex.response.status);
    const report = server.report();
    expect(report.format()).toBe("");
    expect(report.ok).toBe(true);
  });

  it("fails a load_weights request that says load_optimizer_state instead of optimizer, naming both fields", async () => {
    const ex = capturedLoadWeights();
    server = await startReplayServer([ex]);
    const python = JSON.parse(ex.request.body?.kind === "json" ? ex.request.body.text : "{}") as Record<string, unknown>;
    const wrong: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(python)) wrong[k === "optimizer" ? "load_optimizer_state" : k] = v;
    await post(server.url, ex.request.path, JSON.stringify(wrong), "application/json");
    const report = server.report();
    expect(report.ok).toBe(false);
    const text = report.format();
    expect(text).toContain("body.optimizer: missing — Python sent true, TypeScript did not send it");
    expect(text).toContain("body.load_optimizer_state: unexpected — TypeScript sent true, Python does not send this");
  });

  it("fails an optim_step whose adam_params come first (Python 0.38 sends them last)", async () => {
    const pyText =
      '{"model_id":"m","seq_id":2,"type":"optim_step","adam_params":{"learning_rate":0.001,"beta1":0.9,"beta2":0.95,"eps":1e-12,"weight_decay":0.0,"grad_clip_norm":0.0}}';
    const ex: Exchange = {
      seq: 1,
      request: { method: "POST", path: "/api/v1/optim_step", query: {}, headers: { "content-type": "application/json", accept: "application/json", "x-api-key": "<redacted>", "x-idempotency-key": "py-1" }, body: { kind: "json", text: pyText } },
      response: { status: 200, headers: { "content-type": "application/json" }, body: { kind: "json", text: '{"request_id":"r"}' } },
    };
    server = await startReplayServer([ex]);
    const reordered = JSON.parse(pyText) as Record<string, unknown>;
    const { adam_params, ...rest } = reordered;
    await post(server.url, "/api/v1/optim_step", JSON.stringify({ adam_params, ...rest }), "application/json");
    expect(server.report().format()).toMatch(/body: key order differs — Python \["model_id","seq_id","type","adam_params"\], TypeScript \["adam_params",/);
  });

  it("fails a protobuf forward_backward whose decoded message differs, naming the field", async () => {
    const message = (forwardOnly: boolean): Uint8Array =>
      toBinary(ForwardBackwardRequestSchema, create(ForwardBackwardRequestSchema, { modelId: "m", seqId: 1, lossFn: "cross_entropy", forwardOnly }));
    const ex: Exchange = {
      seq: 1,
      request: {
        method: "POST",
        path: "/api/v1/forward_backward",
        query: {},
        headers: { "content-type": "application/x-protobuf", accept: "application/json", "x-api-key": "<redacted>", "x-idempotency-key": "py-1" },
        body: { kind: "binary", base64: Buffer.from(message(true)).toString("base64"), contentType: "application/x-protobuf", contentEncoding: "" },
      },
      response: { status: 200, headers: { "content-type": "application/json" }, body: { kind: "json", text: '{"request_id":"r"}' } },
    };
    server = await startReplayServer([ex]);
    await post(server.url, "/api/v1/forward_backward", message(false), "application/x-protobuf");
    const text = server.report().format();
    expect(text).toContain("body.forwardOnly: Python true, TypeScript false");
    expect(text.split("\n")).toHaveLength(2);
  });

  it("reports a request Python never made, and one Python made that never came", async () => {
    const ex = capturedLoadWeights();
    server = await startReplayServer([ex]);
    expect(await post(server.url, "/api/v1/load_state", "{}", "application/json")).toBe(418);
    const text = server.report().format();
    expect(text).toContain("unexpected request POST /api/v1/load_state");
    expect(text).toContain("missing request POST /api/v1/load_weights");
  });
});
