// The read-only commands: version, usage errors, run list|info, checkpoint list|info.
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { KEY, useSeededEmulator } from "./emulator-fixture.js";

const fx = useSeededEmulator();

describe("version and usage", () => {
  it("prints the version", async () => {
    const r = await runCli(["version"], fx.env());
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^tinker-ts \d+\.\d+\.\d+/);
  });

  it("rejects an unknown command and a bad --format on stderr with a non-zero exit", async () => {
    const unknown = await runCli(["frobnicate"], fx.env());
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/i);
    const format = await runCli(["--format", "xml", "run", "list"], fx.env());
    expect(format.code).not.toBe(0);
    expect(format.stderr).toMatch(/xml/);
  });
});

describe("run", () => {
  it("lists runs as JSON and as a table, paging with --limit", async () => {
    const json = await runCli(["--format", "json", "run", "list"], fx.env());
    expect(json.code).toBe(0);
    const runs = (JSON.parse(json.stdout) as { runs: { training_run_id: string }[] }).runs;
    expect(runs.map((r) => r.training_run_id).sort()).toEqual([fx.main.runId, fx.second.runId].sort());

    const table = await runCli(["run", "list", "--limit", "1", "-c", "id,model,lora,checkpoint"], fx.env());
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("1 training run (1 more not shown, use --limit to see more)");
    expect(table.stdout).toContain("Qwen/Qwen3-8B");
    expect(table.stdout).toContain("Rank 4");
  });

  it("refuses an unknown column", async () => {
    const r = await runCli(["run", "list", "-c", "id,colour"], fx.env());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Unknown column(s): colour");
  });

  it("shows one run", async () => {
    const json = await runCli(["-f", "json", "run", "info", fx.main.runId], fx.env());
    expect(JSON.parse(json.stdout)).toMatchObject({ training_run_id: fx.main.runId, lora_rank: 4 });
    const table = await runCli(["run", "info", fx.main.runId], fx.env());
    expect(table.stdout).toContain(`Training Run: ${fx.main.runId}`);
    expect(table.stdout).toContain(fx.main.sampler[0]);
  });

  it("reports a missing run on stderr with exit code 1", async () => {
    const r = await runCli(["run", "info", "nope"], fx.env());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Error: Resource not found\nDetails: .*not found/);
  });
});

describe("checkpoint list and info", () => {
  it("lists a run's checkpoints with sizes and a total", async () => {
    const table = await runCli(["checkpoint", "list", "--run-id", fx.main.runId], fx.env());
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`3 checkpoints for run ${fx.main.runId}`);
    expect(table.stdout).toMatch(/weights\/step-1 .*KB/);
    expect(table.stdout).toMatch(/Total size: \d+(\.\d)? KB/);

    const json = JSON.parse((await runCli(["-f", "json", "checkpoint", "list", "--run-id", fx.main.runId], fx.env())).stdout) as {
      run_id: string;
      checkpoints: { checkpoint_id: string; size_bytes: number }[];
    };
    expect(json.run_id).toBe(fx.main.runId);
    expect(json.checkpoints.map((c) => c.checkpoint_id).sort()).toEqual(["sampler_weights/final", "weights/step-1", "weights/step-2"]);
  });

  it("lists all of the user's checkpoints", async () => {
    const json = JSON.parse((await runCli(["-f", "json", "checkpoint", "list", "--limit", "0"], fx.env())).stdout) as { checkpoints: unknown[] };
    expect(json.checkpoints).toHaveLength(4);
    const limited = await runCli(["checkpoint", "list", "--limit", "2"], fx.env());
    expect(limited.stdout).toContain("2 checkpoints (2 more not shown, use --limit to see more)");
  });

  it("shows one checkpoint with its run's LoRA rank", async () => {
    const json = JSON.parse((await runCli(["-f", "json", "checkpoint", "info", fx.main.training[0]!], fx.env())).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ tinker_path: fx.main.training[0], checkpoint_type: "training", is_lora: true, lora_rank: 4 });
  });

  it("refuses a malformed path before contacting the service", async () => {
    const r = await runCli(["checkpoint", "info", "tinker://run/weights"], { TINKER_BASE_URL: "http://127.0.0.1:9", TINKER_API_KEY: KEY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: Invalid checkpoint path: tinker://run/weights");
  });
});
