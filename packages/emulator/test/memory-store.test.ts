// skipModel without a data dir keeps checkpoints, runs and sessions in memory: same answers, no files.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, startApi } from "./helpers.js";
import { readTar } from "./tar.js";

// More than two of the archive writer's 4 MiB chunks, and not a multiple of the 512-byte block.
const PADDING = 9 * 1024 * 1024 + 3;

interface Listed {
  checkpoints: Array<{ checkpoint_id: string; tinker_path: string; size_bytes: number; public: boolean; expires_at: string | null }>;
}

async function saveTraining(api: Api, modelId: string, seq: number, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const f = await api.postJson<{ request_id: string }>("/api/v1/save_weights", { model_id: modelId, path: name, seq_id: seq, overwrite: false, type: "save_weights", ...extra });
  return (await api.result<{ path: string }>(f.request_id)).path;
}

async function weightsInfo(api: Api, path: string): Promise<number> {
  return (await api.post("/api/v1/weights_info", { tinker_path: path })).status;
}

describe("skipModel without a data dir: the in-memory checkpoint store", () => {
  let clock = Date.parse("2026-03-01T00:00:00Z");
  let api: Api;
  let modelId: string;

  beforeAll(async () => {
    api = await startApi({ skipModel: true, now: () => clock, archivePaddingBytes: PADDING });
    modelId = await api.createModel(await api.session());
  });
  afterAll(async () => {
    await api.emulator.close();
  });

  it("has no data dir", () => {
    expect(api.emulator.dataDir).toBeUndefined();
  });

  it("save → list → load (with optimizer state) → archive → delete", async () => {
    const path = await saveTraining(api, modelId, 1, "mem-a");
    clock += 1000;
    const sampler = await api.result<{ path: string }>(
      (await api.postJson<{ request_id: string }>("/api/v1/save_weights_for_sampler", { model_id: modelId, path: "mem-s", seq_id: 2, type: "save_weights_for_sampler" })).request_id,
    );
    const listed = (await (await api.get(`/api/v1/training_runs/${modelId}/checkpoints`)).json()) as Listed;
    expect(listed.checkpoints.map((c) => c.checkpoint_id)).toEqual(["sampler_weights/mem-s", "weights/mem-a"]);
    const training = listed.checkpoints[1]!;
    const samplerListed = listed.checkpoints[0]!;
    // rank 4: 2 × 512 × 4 float64 weights; a training checkpoint adds the two Adam moments.
    expect(samplerListed.size_bytes).toBe(2 * 512 * 4 * 8);
    expect(training.size_bytes).toBe(3 * 2 * 512 * 4 * 8);
    expect(samplerListed.tinker_path).toBe(sampler.path);

    const load = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { model_id: modelId, seq_id: 3, path, optimizer: true, type: "load_weights" });
    expect(await api.result(load.request_id)).toEqual({ path, model_id: modelId, type: "load_weights" });
    const fresh = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { session_id: await api.session(), model_seq_id: 0, path, optimizer: true, type: "load_weights" });
    expect(await api.result<{ model_id: string }>(fresh.request_id)).toMatchObject({ path, type: "load_weights" });

    const redirect = await api.get(`/api/v1/training_runs/${modelId}/checkpoints/weights/mem-a/archive`);
    expect(redirect.status).toBe(302);
    const download = await fetch(redirect.headers.get("location")!);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(Number(download.headers.get("content-length"))).toBe(bytes.length);
    const files = readTar(bytes);
    expect([...files.keys()]).toEqual(["adapter_config.json", "adam.f64", "meta.json", "params.f64", "padding.bin"]);
    expect(files.get("params.f64")!.length).toBe(2 * 512 * 4 * 8);
    expect(files.get("adam.f64")!.length).toBe(2 * 2 * 512 * 4 * 8);
    expect(files.get("padding.bin")!.length).toBe(PADDING);
    expect(files.get("padding.bin")!.every((b) => b === 0)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(files.get("meta.json")))).toMatchObject({ tinker_path: path, adam_step: 0, size_bytes: training.size_bytes });
    // The weights in the archive are the model's: a fresh adapter has non-zero A and zero B.
    const params = new Float64Array(files.get("params.f64")!.slice().buffer);
    expect(params.some((v) => v !== 0)).toBe(true);

    expect((await api.send("DELETE", `/api/v1/training_runs/${modelId}/checkpoints/weights/mem-a`)).status).toBe(200);
    const after = (await (await api.get(`/api/v1/training_runs/${modelId}/checkpoints`)).json()) as Listed;
    expect(after.checkpoints.map((c) => c.checkpoint_id)).toEqual(["sampler_weights/mem-s"]);
    expect(await weightsInfo(api, path)).toBe(404);
    const gone = await api.post("/api/v1/load_weights", { model_id: modelId, seq_id: 4, path, optimizer: false, type: "load_weights" });
    expect(gone.status).toBe(404);
  });

  it("publish and TTL: a longer TTL keeps the checkpoint past the earlier expiry, then it expires", async () => {
    const path = await saveTraining(api, modelId, 5, "mem-ttl", { ttl_seconds: 3600 });
    const url = `/api/v1/training_runs/${modelId}/checkpoints/weights/mem-ttl`;
    expect((await api.post(`${url}/publish`, undefined)).status).toBe(200);
    expect((await api.send("PUT", `${url}/ttl`, { ttl_seconds: 7200 })).status).toBe(200);
    const listed = (await (await api.get(`/api/v1/checkpoints`)).json()) as Listed;
    expect(listed.checkpoints.find((c) => c.tinker_path === path)).toMatchObject({ public: true, expires_at: new Date(clock + 7200 * 1000).toISOString() });
    clock += 3601 * 1000;
    expect(await weightsInfo(api, path)).toBe(200);
    clock += 3600 * 1000;
    expect(await weightsInfo(api, path)).toBe(404);
  });

  it("is gone after a restart (nothing is stored outside the process)", async () => {
    const other = await startApi({ skipModel: true });
    const path = await saveTraining(other, await other.createModel(await other.session()), 1, "lost");
    expect(await weightsInfo(other, path)).toBe(200);
    await other.emulator.close();
    const restarted = await startApi({ skipModel: true });
    try {
      expect(await weightsInfo(restarted, path)).toBe(404);
    } finally {
      await restarted.emulator.close();
    }
  });
});

describe("skipModel with a data dir", () => {
  it("stores files and survives a restart, as without skipModel", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "emu-skip-files-"));
    try {
      const first = await startApi({ skipModel: true, dataDir });
      expect(first.emulator.dataDir).toBe(dataDir);
      const sessionId = await first.session();
      const path = await saveTraining(first, await first.createModel(sessionId), 1, "kept");
      await first.emulator.close();
      expect(readdirSync(join(dataDir, "runs")).length).toBe(1);
      expect(existsSync(join(dataDir, "sessions", `${encodeURIComponent(sessionId)}.json`))).toBe(true);
      const second = await startApi({ skipModel: true, dataDir });
      try {
        expect(await weightsInfo(second, path)).toBe(200);
        const load = await second.postJson<{ request_id: string }>("/api/v1/load_weights", { session_id: sessionId, model_seq_id: 1, path, optimizer: true, type: "load_weights" });
        expect(await second.result(load.request_id)).toMatchObject({ path, type: "load_weights" });
      } finally {
        await second.emulator.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
