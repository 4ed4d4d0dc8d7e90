// The interactive paths (progress bar, confirmation prompt) need a terminal: `script` (util-linux)
// runs the CLI on a pseudo-terminal.
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { seedRun, type SeededRun } from "./emulator-fixture.js";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const KEY = "tml-cli-tty-user";
const hasScript = ((): boolean => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function onTerminal(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number; output: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return new Promise((resolve) => {
    const child = execFile("script", ["-qefc", command, "/dev/null"], { env: { PATH: process.env["PATH"] ?? "", TINKER_LOG: "off", ...env } }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout }),
    );
    // script forwards stdin to the terminal, where it waits until the prompt reads it.
    child.stdin?.end(input ?? "");
  });
}

describe.skipIf(!hasScript)("on a terminal", () => {
  let emulator: Emulator;
  let seeded: SeededRun;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator({ archivePaddingBytes: 4_000_000 });
    seeded = await seedRun(emulator.url, KEY, { training: ["a", "b", "c"] });
    work = await mkdtemp(join(tmpdir(), "tinker-cli-tty-"));
    env = { TINKER_BASE_URL: emulator.url, TINKER_API_KEY: KEY };
  });
  afterAll(async () => {
    await emulator.close();
    await rm(work, { recursive: true, force: true });
  });

  it("download shows a progress bar", async () => {
    const r = await onTerminal(["checkpoint", "download", seeded.training[0]!, "-o", work], env);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Downloading \[[^\]]*\] 100% \| \d+\/\d+ bytes/);
    expect(r.output).not.toContain(KEY);
  });

  it("delete asks first, and deletes only on yes", async () => {
    const no = await onTerminal(["checkpoint", "delete", seeded.training[1]!], env, "n\n");
    expect(no.output).toContain("Are you sure you want to delete 1 checkpoint(s)? [y/N]");
    expect(no.output).toContain("Deletion cancelled.");
    const yes = await onTerminal(["checkpoint", "delete", seeded.training[1]!, seeded.training[2]!], env, "y\n");
    expect(yes.output).toContain("Deleted 2 checkpoint(s)");
    const res = await fetch(`${emulator.url}/api/v1/training_runs/${seeded.runId}/checkpoints`, { headers: { "x-api-key": KEY } });
    const left = ((await res.json()) as { checkpoints: { tinker_path: string }[] }).checkpoints.map((c) => c.tinker_path);
    expect(left).toEqual([seeded.training[0]]);
    expect(await readdir(work)).toHaveLength(1);
  });
});
