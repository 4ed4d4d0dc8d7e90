import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { runCli } from "./cli.js";
import { seedRun, type SeededRun } from "./seed.js";

let emulator: Emulator;
let work: string;
const KEY = "tml-cli-main-user-key";

function env(apiKey = KEY): { TINKER_BASE_URL: string; TINKER_API_KEY: string } {
  return { TINKER_BASE_URL: emulator.url, TINKER_API_KEY: apiKey };
}

/** A run's checkpoints straight from the emulator (verification without another subprocess). */
async function checkpointsOf(apiKey: string, runId: string): Promise<{ tinker_path: string; time: string; public: boolean; expires_at: string | null }[]> {
  const res = await fetch(`${emulator.url}/api/v1/training_runs/${runId}/checkpoints`, { headers: { "x-api-key": apiKey } });
  return ((await res.json()) as { checkpoints: { tinker_path: string; time: string; public: boolean; expires_at: string | null }[] }).checkpoints;
}

let main: SeededRun;
let second: SeededRun;

beforeAll(async () => {
  emulator = await startEmulator();
  work = await mkdtemp(join(tmpdir(), "tinker-cli-"));
  main = await seedRun(emulator.url, KEY, { training: ["step-1", "step-2"], sampler: ["final"] });
  second = await seedRun(emulator.url, KEY, { training: ["only"] });
});
afterAll(async () => {
  await emulator.close();
  await rm(work, { recursive: true, force: true });
});

describe("version and usage", () => {
  it("prints the version", async () => {
    const r = await runCli(["version"], env());
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^tinker-ts \d+\.\d+\.\d+/);
  });

  it("rejects an unknown command and a bad --format on stderr with a non-zero exit", async () => {
    const unknown = await runCli(["frobnicate"], env());
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/i);
    const format = await runCli(["--format", "xml", "run", "list"], env());
    expect(format.code).not.toBe(0);
    expect(format.stderr).toMatch(/xml/);
  });
});

describe("run", () => {
  it("lists runs as JSON and as a table, paging with --limit", async () => {
    const json = await runCli(["--format", "json", "run", "list"], env());
    expect(json.code).toBe(0);
    const runs = (JSON.parse(json.stdout) as { runs: { training_run_id: string }[] }).runs;
    expect(runs.map((r) => r.training_run_id).sort()).toEqual([main.runId, second.runId].sort());

    const table = await runCli(["run", "list", "--limit", "1", "-c", "id,model,lora,checkpoint"], env());
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("1 training run (1 more not shown, use --limit to see more)");
    expect(table.stdout).toContain("Qwen/Qwen3-8B");
    expect(table.stdout).toContain("Rank 4");
  });

  it("refuses an unknown column", async () => {
    const r = await runCli(["run", "list", "-c", "id,colour"], env());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Unknown column(s): colour");
  });

  it("shows one run", async () => {
    const json = await runCli(["-f", "json", "run", "info", main.runId], env());
    expect(JSON.parse(json.stdout)).toMatchObject({ training_run_id: main.runId, lora_rank: 4 });
    const table = await runCli(["run", "info", main.runId], env());
    expect(table.stdout).toContain(`Training Run: ${main.runId}`);
    expect(table.stdout).toContain(main.sampler[0]);
  });

  it("reports a missing run on stderr with exit code 1", async () => {
    const r = await runCli(["run", "info", "nope"], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Error: Resource not found\nDetails: .*not found/);
  });
});

describe("checkpoint list and info", () => {
  it("lists a run's checkpoints with sizes and a total", async () => {
    const table = await runCli(["checkpoint", "list", "--run-id", main.runId], env());
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`3 checkpoints for run ${main.runId}`);
    expect(table.stdout).toMatch(/weights\/step-1 .*KB/);
    expect(table.stdout).toMatch(/Total size: \d+(\.\d)? KB/);

    const json = JSON.parse((await runCli(["-f", "json", "checkpoint", "list", "--run-id", main.runId], env())).stdout) as {
      run_id: string;
      checkpoints: { checkpoint_id: string; size_bytes: number }[];
    };
    expect(json.run_id).toBe(main.runId);
    expect(json.checkpoints.map((c) => c.checkpoint_id).sort()).toEqual(["sampler_weights/final", "weights/step-1", "weights/step-2"]);
  });

  it("lists all of the user's checkpoints", async () => {
    const json = JSON.parse((await runCli(["-f", "json", "checkpoint", "list", "--limit", "0"], env())).stdout) as { checkpoints: unknown[] };
    expect(json.checkpoints).toHaveLength(4);
    const limited = await runCli(["checkpoint", "list", "--limit", "2"], env());
    expect(limited.stdout).toContain("2 checkpoints (2 more not shown, use --limit to see more)");
  });

  it("shows one checkpoint with its run's LoRA rank", async () => {
    const json = JSON.parse((await runCli(["-f", "json", "checkpoint", "info", main.training[0]!], env())).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ tinker_path: main.training[0], checkpoint_type: "training", is_lora: true, lora_rank: 4 });
  });

  it("refuses a malformed path before contacting the service", async () => {
    const r = await runCli(["checkpoint", "info", "tinker://run/weights"], { TINKER_BASE_URL: "http://127.0.0.1:9", TINKER_API_KEY: KEY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: Invalid checkpoint path: tinker://run/weights");
  });
});

describe("checkpoint publish, unpublish and set-ttl", () => {
  const info = async (path: string): Promise<Record<string, unknown>> => (await checkpointsOf(KEY, main.runId)).find((c) => c.tinker_path === path)!;

  it("publishes and unpublishes", async () => {
    const path = main.training[1]!;
    expect((await runCli(["checkpoint", "publish", path], env())).code).toBe(0);
    expect((await info(path))["public"]).toBe(true);
    expect((await runCli(["checkpoint", "unpublish", path], env())).code).toBe(0);
    expect((await info(path))["public"]).toBe(false);
  });

  it("sets and removes a TTL, and explains a missing or conflicting option", async () => {
    const path = main.training[1]!;
    expect((await runCli(["checkpoint", "set-ttl", path, "--ttl", "7200"], env())).code).toBe(0);
    expect(typeof (await info(path))["expires_at"]).toBe("string");
    expect((await runCli(["checkpoint", "set-ttl", path, "--remove"], env())).code).toBe(0);
    expect((await info(path))["expires_at"]).toBeNull();

    const neither = await runCli(["checkpoint", "set-ttl", path], env());
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain("Must specify either --ttl <seconds> or --remove");
    const both = await runCli(["checkpoint", "set-ttl", path, "--ttl", "7200", "--remove"], env());
    expect(both.stderr).toContain("Cannot specify both --ttl and --remove");
    const tooShort = await runCli(["checkpoint", "set-ttl", path, "--ttl", "5"], env());
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toMatch(/ttlSeconds.*3600/);
  });
});

describe("checkpoint delete", () => {
  const user = (n: number): string => `tml-cli-delete-user-${n}`;
  const paths = async (apiKey: string, runId: string): Promise<string[]> => (await checkpointsOf(apiKey, runId)).map((c) => c.tinker_path).sort();

  it("refuses without --yes when there is no terminal to ask on, and deletes nothing", async () => {
    const s = await seedRun(emulator.url, user(1), { training: ["a"] });
    const r = await runCli(["checkpoint", "delete", s.training[0]!], env(user(1)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Refusing to delete 1 checkpoint(s) without confirmation");
    expect(r.stderr).toContain("--yes");
    expect(await paths(user(1), s.runId)).toEqual(s.training);
  });

  it("deletes explicit paths and reports each failure (JSON shape of the Python CLI)", async () => {
    const s = await seedRun(emulator.url, user(2), { training: ["a", "b"] });
    const missing = `tinker://${s.runId}/weights/missing`;
    const r = await runCli(["-f", "json", "checkpoint", "delete", "--yes", s.training[0]!, missing, s.training[1]!], env(user(2)));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { deleted_count: number; failed: { tinker_path: string; error: string }[] };
    expect(out.deleted_count).toBe(2);
    expect(out.failed).toHaveLength(1);
    expect(out.failed[0]!.tinker_path).toBe(missing);
    expect(out.failed[0]!.error).toMatch(/404|not found/i);
    expect(r.stderr).toContain("Error: 1 of 3 deletion(s) failed");
    expect(await paths(user(2), s.runId)).toEqual([]);
  });

  it("deletes by run with --type, --before and --after filters", async () => {
    const s = await seedRun(emulator.url, user(3), { training: ["t1", "t2"], sampler: ["s1"] });
    const e = env(user(3));
    const t1 = (await checkpointsOf(user(3), s.runId)).find((c) => c.tinker_path.endsWith("/t1"))!;

    const none = await runCli(["checkpoint", "delete", "--run-id", s.runId, "--before", "2000-01-01", "--yes"], e);
    expect(none.stdout).toContain(`No checkpoints found for run ${s.runId} matching filters`);

    const sampler = await runCli(["-f", "json", "checkpoint", "delete", "--run-id", s.runId, "--type", "sampler_weights", "--yes"], e);
    expect(JSON.parse(sampler.stdout)).toEqual({ deleted_count: 1, failed: [] });
    expect(await paths(user(3), s.runId)).toEqual(s.training);

    const afterT1 = await runCli(["-f", "json", "checkpoint", "delete", "--run-id", s.runId, "--type", "weights", "--after", t1.time, "--yes"], e);
    expect(JSON.parse(afterT1.stdout)).toEqual({ deleted_count: 1, failed: [] });
    expect(await paths(user(3), s.runId)).toEqual([s.training[0]]);

    const rest = await runCli(["checkpoint", "delete", "--run-id", s.runId, "--before", "2999-01-01T00:00:00Z", "-y"], e);
    expect(rest.stdout).toContain("Deleted 1 checkpoint(s)");
    expect(await paths(user(3), s.runId)).toEqual([]);
  });

  it("validates its arguments", async () => {
    const e = env(user(4));
    expect((await runCli(["checkpoint", "delete"], e)).stderr).toContain("Must specify checkpoint paths or --run-id");
    expect((await runCli(["checkpoint", "delete", "--type", "weights", "tinker://r/weights/a"], e)).stderr).toContain("--type, --before, and --after require --run-id");
    expect((await runCli(["checkpoint", "delete", "--run-id", "r", "tinker://r/weights/a"], e)).stderr).toContain("Cannot specify both");
    const s = await seedRun(emulator.url, user(4), { training: ["a"] });
    const badDate = await runCli(["checkpoint", "delete", "--run-id", s.runId, "--before", "June 1st", "--yes"], e);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain("Invalid date: June 1st");
    const badType = await runCli(["checkpoint", "delete", "--run-id", s.runId, "--type", "optimizer", "--yes"], e);
    expect(badType.stderr).toContain("Invalid checkpoint type: optimizer");
    expect(await paths(user(4), s.runId)).toEqual(s.training);
  });
});

describe("checkpoint download", () => {
  it("downloads and extracts into <output>/<run>_weights_<name>, refusing to overwrite without --force", async () => {
    const out = join(work, "downloads");
    const path = main.training[0]!;
    const dir = join(out, `${main.runId}_weights_step-1`);
    const r = await runCli(["-f", "json", "checkpoint", "download", path, "--output", out], env());
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { checkpoint_path: string; destination: string; file_size_bytes: number };
    expect(result).toMatchObject({ checkpoint_path: path, destination: dir });
    expect(result.file_size_bytes).toBeGreaterThan(0);
    expect(await readdir(dir)).toContain("adapter_config.json");

    const again = await runCli(["checkpoint", "download", path, "-o", out], env());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Target directory already exists");

    await writeFile(join(dir, "stale.txt"), "old");
    const forced = await runCli(["checkpoint", "download", path, "-o", out, "--force"], env());
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Checkpoint Download: ${path}`);
    expect(await readdir(dir)).not.toContain("stale.txt");
  });
});

describe("session export-trace", () => {
  it("polls the export, then downloads the trace (or prints the URL)", async () => {
    const trace = Buffer.from("perfetto-trace-bytes");
    let polls = 0;
    const server = createServer((req, res) => {
      const url = req.url ?? "";
      const { port } = server.address() as AddressInfo;
      res.setHeader("content-type", "application/json");
      if (url === "/api/v1/client/config" || url === "/api/v1/client/dynamic_config") res.end("{}");
      else if (url === "/api/v1/sessions/sess-9/trace_export") {
        res.end(JSON.stringify(++polls < 2 ? { status: "pending" } : { status: "ready", url: `http://127.0.0.1:${port}/signed/trace` }));
      } else if (url === "/signed/trace") {
        res.setHeader("content-type", "application/octet-stream");
        res.end(trace);
      } else res.writeHead(404).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const e = { TINKER_BASE_URL: `http://127.0.0.1:${port}`, TINKER_API_KEY: KEY };
    try {
      const file = join(work, "traces", "t.pftrace");
      await mkdir(join(work, "traces"), { recursive: true });
      const r = await runCli(["-f", "json", "session", "export-trace", "sess-9", "-o", file], e);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ session_id: "sess-9", destination: file, file_size_bytes: trace.length });
      expect(await readFile(file)).toEqual(trace);

      const urlOnly = await runCli(["session", "export-trace", "sess-9", "--url-only"], e);
      expect(urlOnly.stdout.trim()).toBe(`http://127.0.0.1:${port}/signed/trace`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 30_000);
});

describe("credentials", () => {
  it("never prints the API key, even when the service rejects it", async () => {
    const locked = await startEmulator({ apiKeys: ["tml-the-only-good-key"] });
    try {
      const secret = "tml-this-key-is-wrong-and-secret";
      const r = await runCli(["run", "list"], { TINKER_BASE_URL: locked.url, TINKER_API_KEY: secret });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Error: Authentication failed");
    } finally {
      await locked.close();
    }
  });

  it("explains a malformed or missing API key without echoing it", async () => {
    const malformed = await runCli(["run", "list"], { TINKER_BASE_URL: emulator.url, TINKER_API_KEY: "sk-not-a-tinker-key" });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^Error: apiKey: must start with 'tml-'/);
    const missing = await runCli(["run", "list"], { TINKER_BASE_URL: emulator.url, TINKER_API_KEY: "" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("TINKER_API_KEY");
  });
});
