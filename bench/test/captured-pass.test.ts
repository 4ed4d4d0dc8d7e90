/**
 * The raw loops run in processes of their own and build their templates from a capture pass
 * written to a file: the file must give back every byte, and an incomplete pass must be refused.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CapturedRequest } from "../src/wire/capture.js";
import { readCapturedPass, writeCapturedPass } from "../src/wire/captured-file.js";
import { rawTemplatesFrom } from "../src/wire/raw-templates.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function request(path: string, body: Buffer, responseBody: string): CapturedRequest {
  return {
    method: "POST",
    path,
    headers: [["Content-Type", "application/json"], ["X-Stainless-Retry-Count", "0"]],
    body,
    responseStatus: 200,
    responseBody: Buffer.from(responseBody),
    responseContentType: "application/json",
  };
}

describe("capture pass file", () => {
  it("gives back binary bodies, header order and responses byte for byte", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bench-pass-"));
    dirs.push(dir);
    const binary = Buffer.from([0x08, 0x00, 0xff, 0xfe, 0x0a, 0x80, 0x01]);
    const pass = { ops: [request("/api/v1/save_weights", Buffer.from('{"path":"a"}'), '{"request_id":"r1"}')], bigBatch: [request("/api/v1/forward_backward", binary, '{"request_id":"r2"}')] };
    const file = join(dir, "pass.json");
    await writeCapturedPass(file, pass);
    const back = await readCapturedPass(file);
    expect(back.ops).toEqual(pass.ops);
    expect(back.bigBatch).toEqual(pass.bigBatch);
    expect(Buffer.compare(back.bigBatch![0]!.body, binary)).toBe(0);
  });

  it("keeps a pass without a large batch without one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bench-pass-"));
    dirs.push(dir);
    const file = join(dir, "pass.json");
    await writeCapturedPass(file, { ops: [] });
    expect((await readCapturedPass(file)).bigBatch).toBeUndefined();
  });

  it("refuses to build replay templates from a pass that lacks an op", () => {
    const save = request("/api/v1/save_weights", Buffer.from('{"model_id":"m","seq_id":1,"path":"a"}'), '{"request_id":"r1"}');
    const poll = request("/api/v1/retrieve_future", Buffer.from('{"request_id":"r1"}'), '{"path":"tinker://m/weights/a"}');
    expect(() => rawTemplatesFrom({ ops: [save] })).toThrow("no retrieve_future captured for r1");
    expect(() => rawTemplatesFrom({ ops: [save, poll] })).toThrow("no request to /api/v1/load_weights captured");
  });
});
