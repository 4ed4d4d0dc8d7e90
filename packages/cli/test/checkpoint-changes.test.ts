// The commands that change checkpoints: publish, unpublish, set-ttl, delete.
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { KEY, seedRun, useSeededEmulator } from "./emulator-fixture.js";

const fx = useSeededEmulator();

/** A run's checkpoints straight from the emulator (verification without another subprocess). */
async function checkpointsOf(apiKey: string, runId: string): Promise<{ tinker_path: string; time: string; public: boolean; expires_at: string | null }[]> {
  const res = await fetch(`${fx.emulator.url}/api/v1/training_runs/${runId}/checkpoints`, { headers: { "x-api-key": apiKey } });
  return ((await res.json()) as { checkpoints: { tinker_path: string; time: string; public: boolean; expires_at: string | null }[] }).checkpoints;
}

describe("checkpoint publish, unpublish and set-ttl", () => {
  const info = async (path: string): Promise<Record<string, unknown>> => (await checkpointsOf(KEY, fx.main.runId)).find((c) => c.tinker_path === path)!;

  it("publishes and unpublishes", async () => {
    const path = fx.main.training[1]!;
    expect((await runCli(["checkpoint", "publish", path], fx.env())).code).toBe(0);
    expect((await info(path))["public"]).toBe(true);
    expect((await runCli(["checkpoint", "unpublish", path], fx.env())).code).toBe(0);
    expect((await info(path))["public"]).toBe(false);
  });

  it("sets and removes a TTL, and explains a missing or conflicting option", async () => {
    const path = fx.main.training[1]!;
    expect((await runCli(["checkpoint", "set-ttl", path, "--ttl", "7200"], fx.env())).code).toBe(0);
    expect(typeof (await info(path))["expires_at"]).toBe("string");
    expect((await runCli(["checkpoint", "set-ttl", path, "--remove"], fx.env())).code).toBe(0);
    expect((await info(path))["expires_at"]).toBeNull();

    const neither = await runCli(["checkpoint", "set-ttl", path], fx.env());
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain("Must specify either --ttl <seconds> or --remove");
    const both = await runCli(["checkpoint", "set-ttl", path, "--ttl", "7200", "--remove"], fx.env());
    expect(both.stderr).toContain("Cannot specify both --ttl and --remove");
    const tooShort = await runCli(["checkpoint", "set-ttl", path, "--ttl", "5"], fx.env());
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toMatch(/ttlSeconds.*3600/);
  });
});

describe("checkpoint delete", () => {
  const user = (n: number): string => `tml-cli-delete-user-${n}`;
  const paths = async (apiKey: string, runId: string): Promise<string[]> => (await checkpointsOf(apiKey, runId)).map((c) => c.tinker_path).sort();

  it("refuses without --yes when there is no terminal to ask on, and deletes nothing", async () => {
    const s = await seedRun(fx.emulator.url, user(1), { training: ["a"] });
    const r = await runCli(["checkpoint", "delete", s.training[0]!], fx.env(user(1)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Refusing to delete 1 checkpoint(s) without confirmation");
    expect(r.stderr).toContain("--yes");
    expect(await paths(user(1), s.runId)).toEqual(s.training);
  });

  it("deletes explicit paths and reports each failure (JSON shape of the Python CLI)", async () => {
    const s = await seedRun(fx.emulator.url, user(2), { training: ["a", "b"] });
    const missing = `tinker://${s.runId}/weights/missing`;
    const r = await runCli(["-f", "json", "checkpoint", "delete", "--yes", s.training[0]!, missing, s.training[1]!], fx.env(user(2)));
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
    const s = await seedRun(fx.emulator.url, user(3), { training: ["t1", "t2"], sampler: ["s1"] });
    const e = fx.env(user(3));
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
    const e = fx.env(user(4));
    expect((await runCli(["checkpoint", "delete"], e)).stderr).toContain("Must specify checkpoint paths or --run-id");
    expect((await runCli(["checkpoint", "delete", "--type", "weights", "tinker://r/weights/a"], e)).stderr).toContain("--type, --before, and --after require --run-id");
    expect((await runCli(["checkpoint", "delete", "--run-id", "r", "tinker://r/weights/a"], e)).stderr).toContain("Cannot specify both");
    const s = await seedRun(fx.emulator.url, user(4), { training: ["a"] });
    const badDate = await runCli(["checkpoint", "delete", "--run-id", s.runId, "--before", "June 1st", "--yes"], e);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain("Invalid date: June 1st");
    const badType = await runCli(["checkpoint", "delete", "--run-id", s.runId, "--type", "optimizer", "--yes"], e);
    expect(badType.stderr).toContain("Invalid checkpoint type: optimizer");
    expect(await paths(user(4), s.runId)).toEqual(s.training);
  });
});
