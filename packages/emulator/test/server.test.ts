import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { type Api, BATCH, forwardBackward, fwdBwdBody, KEY, optimStep, startApi } from "./helpers.js";

/** A zstd frame holding `data` in one raw (stored) block: valid zstd that needs no compressor. */
function zstdRawFrame(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 1 + 4 + 3 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xfd2fb528, true);
  out[4] = 0xa0; // single segment, 4-byte frame content size, no checksum
  view.setUint32(5, data.length, true);
  const blockHeader = 1 | (0 << 1) | (data.length << 3); // last block, raw
  out[9] = blockHeader & 0xff;
  out[10] = (blockHeader >> 8) & 0xff;
  out[11] = (blockHeader >> 16) & 0xff;
  out.set(data, 12);
  return out;
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), "emu-test-"));

describe("request bodies", () => {
  it("decodes zstd forward_backward bodies to the same result as plain ones", async () => {
    const api = await startApi();
    try {
      const s = await api.session();
      const plainModel = await api.createModel(s, 0);
      const zstdModel = await api.createModel(s, 1);
      const plain = await forwardBackward(api, plainModel, 1, BATCH, { forwardOnly: true });
      const res = await api.post("/api/v1/forward_backward", zstdRawFrame(fwdBwdBody(zstdModel, 1, BATCH, { forwardOnly: true })), { "content-type": "application/x-protobuf", "content-encoding": "zstd" });
      expect(res.status).toBe(200);
      const { request_id } = (await res.json()) as { request_id: string };
      const { decodeFwdBwd } = await import("./helpers.js");
      expect(decodeFwdBwd(await api.resultProto(request_id)).loss).toBe(plain.loss);
      const garbage = await api.post("/api/v1/forward_backward", new Uint8Array([1, 2, 3]), { "content-type": "application/x-protobuf", "content-encoding": "zstd" });
      expect(garbage.status).toBe(400);
    } finally {
      await api.emulator.close();
    }
  });
});

describe("auth", () => {
  it("accepts tml- keys by default, only listed keys when apiKeys is set, and JWTs from auth/token", async () => {
    const api = await startApi({ apiKeys: ["tml-only-this"], clientConfig: { pjwt_auth_enabled: true } });
    try {
      const cfg = { sdk_version: "0.38.0" };
      expect((await api.post("/api/v1/client/config", cfg)).status).toBe(401);
      const key = { "x-api-key": "tml-only-this" };
      const config = (await (await api.post("/api/v1/client/config", cfg, key)).json()) as Record<string, unknown>;
      expect(config["pjwt_auth_enabled"]).toBe(true);
      const { jwt } = await api.postJson<{ jwt: string }>("/api/v1/auth/token", {}, key);
      expect(jwt.startsWith("eyJ")).toBe(true);
      const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { sub: string; exp: number; iss: string };
      expect(claims.iss.startsWith("passport-")).toBe(true);
      expect((await api.post("/api/v1/client/config", cfg, { "x-api-key": jwt })).status).toBe(200);
      // The JWT is the same user as its key: it sees the key's sessions.
      const s = await api.postJson<{ session_id: string }>("/api/v1/create_session", { tags: [], user_metadata: {}, sdk_version: "0.38.0", type: "create_session" }, key);
      const listed = (await (await api.get("/api/v1/sessions", { "x-api-key": jwt })).json()) as { sessions: string[] };
      expect(listed.sessions).toContain(s.session_id);
      const tampered = `${jwt.slice(0, -2)}xx`;
      expect((await api.post("/api/v1/client/config", cfg, { "x-api-key": tampered })).status).toBe(401);
    } finally {
      await api.emulator.close();
    }
  });

  it("with jwtRequired, takes the plain key only for config and the token exchange", async () => {
    const api = await startApi({ clientConfig: { pjwt_auth_enabled: true }, jwtRequired: true });
    try {
      expect((await api.post("/api/v1/client/config", { sdk_version: "x" })).status).toBe(200);
      const { jwt } = await api.postJson<{ jwt: string }>("/api/v1/auth/token", {});
      const plain = await api.post("/api/v1/create_session", { tags: [], user_metadata: {}, sdk_version: "x", type: "create_session" });
      expect(plain.status).toBe(401);
      expect(((await plain.json()) as { detail: string }).detail).toContain("JWT");
      const withJwt = await api.post("/api/v1/create_session", { tags: [], user_metadata: {}, sdk_version: "x", type: "create_session" }, { "x-api-key": jwt });
      expect(withJwt.status).toBe(200);
    } finally {
      await api.emulator.close();
    }
  });

  it("rejects an expired JWT", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const api = await startApi({ now: () => now, jwtTtlSeconds: 60 });
    try {
      const { jwt } = await api.postJson<{ jwt: string }>("/api/v1/auth/token", {});
      expect((await api.post("/api/v1/client/config", { sdk_version: "x" }, { "x-api-key": jwt })).status).toBe(200);
      now += 61_000;
      expect((await api.post("/api/v1/client/config", { sdk_version: "x" }, { "x-api-key": jwt })).status).toBe(401);
    } finally {
      await api.emulator.close();
    }
  });
});

describe("CORS", () => {
  it("answers preflights and adds CORS headers when enabled", async () => {
    const api = await startApi({ cors: true });
    try {
      const pre = await fetch(`${api.emulator.url}/api/v1/create_session`, { method: "OPTIONS", headers: { origin: "http://localhost:3000", "access-control-request-headers": "x-api-key,content-type" } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
      expect(pre.headers.get("access-control-allow-headers")).toBe("x-api-key,content-type");
      const res = await api.post("/api/v1/client/config", { sdk_version: "x" }, { origin: "http://localhost:3000" });
      expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    } finally {
      await api.emulator.close();
    }
  });
});

describe("recording", () => {
  it("appends each exchange as one JSON line with secrets redacted and binary bodies in base64", async () => {
    const file = join(tempDir(), "rec", "exchanges.jsonl");
    const api = await startApi({ record: file });
    try {
      const s = await api.session();
      const m = await api.createModel(s);
      const body = fwdBwdBody(m, 1, BATCH);
      await api.post("/api/v1/forward_backward", body, { "content-type": "application/x-protobuf" });
      await api.get("/api/v1/training_runs?limit=5&offset=0");
    } finally {
      await api.emulator.close();
    }
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => l["seq"])).toEqual(lines.map((_, i) => i + 1));
    const session = lines[0]!;
    expect(session["request"]).toMatchObject({ method: "POST", path: "/api/v1/create_session", query: {} });
    expect(session["request"]["headers"]["x-api-key"]).toBe("<redacted>");
    expect(session["request"]["body"]).toEqual({ kind: "json", text: JSON.stringify({ tags: [], user_metadata: {}, sdk_version: "0.38.0", type: "create_session" }) });
    expect(session["response"]["status"]).toBe(200);
    expect(JSON.parse(session["response"]["body"]["text"])["session_id"]).toMatch(/^sess-/);
    const fwd = lines.find((l) => l["request"]["path"] === "/api/v1/forward_backward")!;
    expect(fwd["request"]["body"]["kind"]).toBe("binary");
    expect(fwd["request"]["body"]["contentType"]).toBe("application/x-protobuf");
    expect(fwd["request"]["body"]["base64"].length).toBeGreaterThan(10);
    const runs = lines.find((l) => l["request"]["path"] === "/api/v1/training_runs")!;
    expect(runs["request"]["query"]).toEqual({ limit: "5", offset: "0" });
    expect(runs["request"]["body"]).toBeNull();
    expect(JSON.stringify(lines)).not.toContain(KEY);
  });
});

describe("persistence", () => {
  it("checkpoints, runs and sessions survive a restart on the same data dir; loading resumes exactly", async () => {
    const dataDir = tempDir();
    let api: Api = await startApi({ dataDir });
    let path: string;
    let sessionId: string;
    let lossAfterSave: number;
    try {
      sessionId = await api.session();
      const m = await api.createModel(sessionId, 0, 4, 21);
      await forwardBackward(api, m, 1, BATCH);
      await optimStep(api, m, 2);
      const f = await api.postJson<{ request_id: string }>("/api/v1/save_weights", { model_id: m, path: "keep", seq_id: 3, overwrite: false, type: "save_weights" });
      path = (await api.result<{ path: string }>(f.request_id)).path;
      await forwardBackward(api, m, 4, BATCH);
      await optimStep(api, m, 5);
      lossAfterSave = (await forwardBackward(api, m, 6, BATCH, { forwardOnly: true })).loss;
    } finally {
      await api.emulator.close();
    }
    expect(existsSync(dataDir)).toBe(true);
    api = await startApi({ dataDir });
    try {
      const listed = (await (await api.get("/api/v1/checkpoints")).json()) as { checkpoints: Array<{ tinker_path: string }> };
      expect(listed.checkpoints.map((c) => c.tinker_path)).toEqual([path]);
      const sessions = (await (await api.get("/api/v1/sessions")).json()) as { sessions: string[] };
      expect(sessions.sessions).toContain(sessionId);
      const s2 = await api.session();
      const load = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { session_id: s2, model_seq_id: 0, path, optimizer: true, type: "load_weights" });
      const { model_id } = await api.result<{ model_id: string }>(load.request_id);
      await forwardBackward(api, model_id, 1, BATCH);
      await optimStep(api, model_id, 2);
      expect((await forwardBackward(api, model_id, 3, BATCH, { forwardOnly: true })).loss).toBe(lossAfterSave);
    } finally {
      await api.emulator.close();
    }
  });
});

describe("bin", () => {
  it("prints its URL on the first line and stops on SIGTERM", async () => {
    const bin = join(import.meta.dirname, "..", "dist", "bin.js");
    const dataDir = tempDir();
    const child = spawn(process.execPath, [bin, "--port", "0", "--data-dir", dataDir, "--flag", "fwdbwd_max_chunk_len=2", "--flag", "proto_compress_fwdbwd=true"], { stdio: ["ignore", "pipe", "pipe"] });
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`bin exited with ${code}`)));
    });
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const config = (await (await fetch(`${firstLine}/api/v1/client/config`, { method: "POST", headers: { "x-api-key": KEY, "content-type": "application/json" }, body: JSON.stringify({ sdk_version: "x" }) })).json()) as Record<string, unknown>;
    expect(config["fwdbwd_max_chunk_len"]).toBe(2);
    expect(config["proto_compress_fwdbwd"]).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
