import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import {
  AbortError,
  DeadlineExceededError,
  InternalServerError,
  NotFoundError,
  RestClient,
  TinkerError,
  ValidationError,
  type Checkpoint,
  type TrainingRun,
} from "../../src/index.js";
import { downloadCheckpoint } from "../../src/node/index.js";
import { seedRun, type SeededRun } from "@tinker-ts/emulator/testing";

let emulator: Emulator;
let rest: RestClient;
let seeded: SeededRun;
let other: SeededRun;

beforeAll(async () => {
  emulator = await startEmulator();
  seeded = await seedRun(emulator.url, emulator.apiKey, { training: ["step-1", "step-2"], sampler: ["final"], projectId: "proj-a", samplingSession: true });
  other = await seedRun(emulator.url, emulator.apiKey, { training: ["only"] });
  rest = new RestClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, logLevel: "off" });
});
afterAll(async () => {
  await rest.close();
  await emulator.close();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("training runs", () => {
  it("gets a run by id and by tinker path", async () => {
    const run = await rest.getTrainingRun(seeded.runId);
    expect(run.training_run_id).toBe(seeded.runId);
    expect(run.base_model).toBe("Qwen/Qwen3-8B");
    expect(run.lora_rank).toBe(8);
    expect(run.last_sampler_checkpoint?.tinker_path).toBe(seeded.sampler[0]);
    const byPath = await rest.getTrainingRunByTinkerPath(seeded.training[0]!, { accessScope: "accessible" });
    expect(byPath.training_run_id).toBe(seeded.runId);
  });

  it("lists runs with limit/offset, a project filter, and iterates every page", async () => {
    const first = await rest.listTrainingRuns({ limit: 1 });
    expect(first.training_runs).toHaveLength(1);
    expect(first.cursor.total_count).toBe(2);
    const second = await rest.listTrainingRuns({ limit: 1, offset: 1 });
    const ids = [first.training_runs[0]!.training_run_id, second.training_runs[0]!.training_run_id];
    expect(new Set(ids)).toEqual(new Set([seeded.runId, other.runId]));

    const inProject = await rest.listTrainingRuns({ projectId: "proj-a" });
    expect(inProject.training_runs.map((r) => r.training_run_id)).toEqual([seeded.runId]);

    const all: TrainingRun[] = await collect(rest.iterTrainingRuns({ pageSize: 1 }));
    expect(all.map((r) => r.training_run_id).sort()).toEqual([seeded.runId, other.runId].sort());
  });

  it("describes the weights behind a checkpoint path", async () => {
    const info = await rest.getWeightsInfoByTinkerPath(seeded.training[0]!);
    expect(info).toMatchObject({ base_model: "Qwen/Qwen3-8B", is_lora: true, lora_rank: 8 });
  });

  it("maps a missing run to NotFoundError", async () => {
    await expect(rest.getTrainingRun("no-such-run")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("checkpoints", () => {
  it("lists a run's checkpoints with the kind prefix in their ids", async () => {
    const { checkpoints } = await rest.listCheckpoints(seeded.runId);
    expect(checkpoints.map((c) => c.checkpoint_id).sort()).toEqual(["sampler_weights/final", "weights/step-1", "weights/step-2"]);
    expect(checkpoints.every((c) => typeof c.size_bytes === "number" && c.size_bytes > 0)).toBe(true);
  });

  it("pages through the user's checkpoints and iterates all of them", async () => {
    const page = await rest.listUserCheckpoints({ limit: 2, offset: 0 });
    expect(page.checkpoints).toHaveLength(2);
    expect(page.cursor?.total_count).toBe(4);
    const all: Checkpoint[] = await collect(rest.iterUserCheckpoints({ pageSize: 3 }));
    expect(all.map((c) => c.tinker_path).sort()).toEqual([...seeded.training, ...seeded.sampler, ...other.training].sort());
  });

  it("publishes, unpublishes and sets or clears a TTL", async () => {
    const path = seeded.training[1]!;
    const find = async (): Promise<Checkpoint> => (await rest.listCheckpoints(seeded.runId)).checkpoints.find((c) => c.tinker_path === path)!;

    await rest.publishCheckpointFromTinkerPath(path);
    expect((await find()).public).toBe(true);
    await rest.unpublishCheckpointFromTinkerPath(path);
    expect((await find()).public).toBe(false);

    const before = Date.now();
    await rest.setCheckpointTtlFromTinkerPath(path, 7200);
    const expiresAt = Date.parse((await find()).expires_at!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7200_000 - 1000);
    await rest.setCheckpointTtlFromTinkerPath(path, null);
    expect((await find()).expires_at).toBeNull();
  });

  it("rejects a bad TTL and a bad path before sending anything", async () => {
    await expect(rest.setCheckpointTtlFromTinkerPath(seeded.training[0]!, 10)).rejects.toThrow(/at least 3600/);
    await expect(rest.deleteCheckpointFromTinkerPath("tinker://run/weights")).rejects.toBeInstanceOf(ValidationError);
    await expect(rest.getTrainingRunByTinkerPath("s3://bucket/x")).rejects.toThrow(/tinker:\/\//);
  });

  it("gets an archive URL (302 Location/Expires) and downloads the checkpoint through it", async () => {
    const archive = await rest.getCheckpointArchiveUrlFromTinkerPath(seeded.training[0]!);
    expect(archive.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(Date.parse(archive.expires)).toBeGreaterThan(Date.now());

    const out = await mkdtemp(join(tmpdir(), "tinker-rest-dl-"));
    try {
      const result = await downloadCheckpoint(rest, seeded.training[0]!, { outputDir: out });
      const files = await readdir(result.destination);
      expect(files).toContain("adapter_config.json");
      expect(JSON.parse(await readFile(join(result.destination, "adapter_config.json"), "utf8"))).toMatchObject({ base_model: "Qwen/Qwen3-8B" });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("takes the archive URL from a 200 JSON answer too", async () => {
    const json = await startEmulator({ archiveResponse: "json" });
    try {
      const s = await seedRun(json.url, json.apiKey, { training: ["x"] });
      const client = new RestClient({ baseUrl: json.url, apiKey: json.apiKey, logLevel: "off" });
      const archive = await client.getCheckpointArchiveUrl(s.runId, "weights/x");
      expect(archive.url).toContain("/_emulator/archive/");
      expect(archive.expires).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await client.close();
    } finally {
      await json.close();
    }
  });

  it("waits while the archive is still being built (503), then gets the URL", async () => {
    const building = await startEmulator({ faults: [{ path: /\/archive$/, fault: "status=503", times: 2 }] });
    try {
      const s = await seedRun(building.url, building.apiKey, { training: ["x"] });
      const client = new RestClient({ baseUrl: building.url, apiKey: building.apiKey, logLevel: "off" });
      const archive = await client.getCheckpointArchiveUrlFromTinkerPath(s.training[0]!, { buildWaitMs: 10 });
      expect(archive.url).toContain("/_emulator/archive/");
      await expect(
        client.getCheckpointArchiveUrlFromTinkerPath(s.training[0]!, { buildWaitMs: 10, buildAttempts: 1, signal: AbortSignal.abort() }),
      ).rejects.toBeInstanceOf(AbortError);
      await client.close();
    } finally {
      await building.close();
    }
  });

  it("surfaces a 503 after the last attempt, and stops waiting when the call's timeout ends", async () => {
    const building = await startEmulator({ faults: [{ path: /\/archive$/, fault: "status=503" }] });
    try {
      const s = await seedRun(building.url, building.apiKey, { training: ["x"] });
      const client = new RestClient({ baseUrl: building.url, apiKey: building.apiKey, logLevel: "off" });
      await expect(client.getCheckpointArchiveUrlFromTinkerPath(s.training[0]!, { buildWaitMs: 5, buildAttempts: 3 })).rejects.toBeInstanceOf(
        InternalServerError,
      );
      await expect(client.getCheckpointArchiveUrlFromTinkerPath(s.training[0]!, { timeout: 300 })).rejects.toBeInstanceOf(DeadlineExceededError);
      await client.close();
    } finally {
      await building.close();
    }
  });

  it("deletes by ids and by path", async () => {
    const s = await seedRun(emulator.url, "tml-deleter", { training: ["a", "b"] });
    const client = new RestClient({ baseUrl: emulator.url, apiKey: "tml-deleter", logLevel: "off" });
    await client.deleteCheckpoint(s.runId, "weights/a");
    await client.deleteCheckpointFromTinkerPath(s.training[1]!);
    expect((await client.listCheckpoints(s.runId)).checkpoints).toEqual([]);
    await expect(client.deleteCheckpointFromTinkerPath(s.training[1]!)).rejects.toBeInstanceOf(NotFoundError);
    await client.close();
  });
});

describe("sessions, samplers and the account", () => {
  it("lists sessions and describes one", async () => {
    const { sessions } = await rest.listSessions({ limit: 10 });
    expect(new Set(sessions)).toEqual(new Set([seeded.sessionId, other.sessionId]));
    expect((await collect(rest.iterSessions({ pageSize: 1 }))).sort()).toEqual([seeded.sessionId, other.sessionId].sort());
    const session = await rest.getSession(seeded.sessionId);
    expect(session.training_run_ids).toEqual([seeded.runId]);
  });

  it("describes a sampler", async () => {
    const sampler = await rest.getSampler(seeded.samplerId!);
    expect(sampler.sampler_id).toBe(seeded.samplerId);
    expect(sampler.base_model).toBe("Qwen/Qwen3-8B");
    expect(sampler.model_path).toBe(seeded.sampler[0]);
  });

  it("lists the server's capabilities", async () => {
    const caps = await rest.getServerCapabilities();
    expect(caps.supported_models.map((m) => m.model_name)).toContain("Qwen/Qwen3-8B");
  });

  it("whoami needs a JWT: with a plain API key and JWT auth off it says so", async () => {
    await expect(rest.whoami()).rejects.toThrow(/requires JWT auth/);
    await expect(rest.whoami()).rejects.toBeInstanceOf(TinkerError);
  });

  it("assigns a session to a project (its runs then list under that project)", async () => {
    const s = await seedRun(emulator.url, "tml-projects", { training: ["a"] });
    const client = new RestClient({ baseUrl: emulator.url, apiKey: "tml-projects", logLevel: "off" });
    expect((await client.listTrainingRuns({ projectId: "proj-moved" })).training_runs).toEqual([]);
    await client.assignSessionProject(s.sessionId, "proj-moved");
    expect((await client.listTrainingRuns({ projectId: "proj-moved" })).training_runs.map((r) => r.training_run_id)).toEqual([s.runId]);
    await client.close();
  });

  it("searches sessions", async () => {
    const found = await rest.searchSessions({ limit: 10 });
    expect(found.sessions.map((x) => x.session_id).sort()).toEqual([seeded.sessionId, other.sessionId].sort());
    const one = await rest.searchSessions({ session_id: seeded.sessionId });
    expect(one.sessions.map((x) => x.session_id)).toEqual([seeded.sessionId]);
  });

  it("exports a session trace", async () => {
    expect(await rest.exportSessionTrace(seeded.sessionId)).toMatch(/^data:application\/json;base64,/);
  });

  it("copies a checkpoint into a project", async () => {
    const s = await seedRun(emulator.url, "tml-copier", { training: ["src"] });
    const client = new RestClient({ baseUrl: emulator.url, apiKey: "tml-copier", logLevel: "off" });
    const copy = await client.copyWeights(s.training[0]!, "proj-archive", { ttlSeconds: 7200 });
    expect(copy).toMatch(/^tinker:\/\/[^/]+\/weights\/src$/);
    expect(copy).not.toBe(s.training[0]);
    const mine = (await client.listUserCheckpoints()).checkpoints.map((c) => c.tinker_path);
    expect(mine).toContain(copy);
    await client.close();
  });

  it("reads the audit log, billing usage and checkpoint storage usage", async () => {
    const audit = await rest.getAuditLog({ eventType: "checkpoints", day: new Date() });
    expect(Array.isArray(audit.entries)).toBe(true);
    const usage = await rest.getBillingUsage(new Date(Date.now() - 86_400_000), new Date());
    expect(usage.data).toEqual([]);
    const storage = await rest.getCurrentCheckpointStorageUsage();
    const row = storage.data[0]!;
    const { checkpoints } = await rest.listUserCheckpoints({ limit: 1000 });
    expect(row.checkpoint_count).toBe(checkpoints.length);
    expect(row.size_bytes).toBe(checkpoints.reduce((n, c) => n + (c.size_bytes ?? 0), 0));
  });

  it("a closed client refuses further calls", async () => {
    const client = new RestClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, logLevel: "off" });
    await client.listSessions();
    await client.close();
    await expect(client.listSessions()).rejects.toBeInstanceOf(AbortError);
  });
});
