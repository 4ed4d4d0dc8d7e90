// The read-only commands: version, usage errors, run list|info, checkpoint list|info.
import { mkdtemp, rm } from "node:fs/promises";
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
