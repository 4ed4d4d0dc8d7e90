import { spawn } from "node:child_process";
import { join } from "node:path";
import { startEmulator } from "@tinker-ts/emulator";
import { describe, expect, it } from "vitest";

const demoMain = join(import.meta.dirname, "..", "dist", "main.js");

/** Runs the built demo as `bash scripts/run demo` does, with only the given TINKER_* variables. */
function runDemo(tinkerEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TINKER_")));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [demoMain], {
      env: { ...env, ...tinkerEnv, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The status mark (✓ ✗ –) of every step in the summary. */
function summaryMarks(stdout: string): string[] {
  const summary = stdout.slice(stdout.indexOf("Summary — "));
  return [...summary.matchAll(/^ {2}(\S) +\d+\. /gm)].map((m) => m[1] as string);
}

describe("the demo", () => {
  it("runs end to end on the embedded emulator, prints its summary and exits 0", async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(code, `${stdout}\n${stderr}`).toBe(0);

    expect(stdout).toMatch(/^Summary — embedded emulator at http:\/\/127\.0\.0\.1:\d+$/m);
    const marks = summaryMarks(stdout);
    expect(marks.length).toBeGreaterThanOrEqual(10);
    expect(marks.every((mark) => mark === "✓"), stdout).toBe(true);
    expect(stdout).toContain(`demo succeeded: ${marks.length}/${marks.length} steps`);

    // The facts the demo exists to show, as it printed them.
    expect(stdout).toMatch(/loss \d+\.\d+ → \d+\.\d+ per byte/);
    expect(stdout).toContain("continues exactly: 5/5 losses bit-identical to the original run");
    expect(stdout).toMatch(/fresh Adam state: [1-4]\/5 later losses differ/);
    expect(stdout).toMatch(/trained {5}"[^"]*lora fits!\\n/);
    expect(stdout).toMatch(/2 deleted; left: tinker:\/\/\S+\/weights\/demo-final/);
  });

  it("uses the server that TINKER_BASE_URL and TINKER_API_KEY name, and exits 1 when a step fails", async () => {
    const emulator = await startEmulator({ port: 0, apiKeys: ["tml-the-right-key"] });
    try {
      // The emulator's tiny model wants a larger learning rate than the default for a remote service.
      const good = await runDemo({
        TINKER_BASE_URL: emulator.url,
        TINKER_API_KEY: "tml-the-right-key",
        TINKER_DEMO_LEARNING_RATE: "0.05",
      });
      expect(good.code, good.stdout + good.stderr).toBe(0);
      expect(good.stdout).toContain(`Summary — ${emulator.url} (from TINKER_API_KEY/TINKER_BASE_URL)`);

      const bad = await runDemo({ TINKER_BASE_URL: emulator.url, TINKER_API_KEY: "tml-a-wrong-key" });
      expect(bad.code).toBe(1);
      const marks = summaryMarks(bad.stdout);
      expect(marks.slice(0, 2)).toEqual(["✓", "✗"]);
      expect(marks.length).toBeGreaterThanOrEqual(10);
      expect(marks.slice(2).every((mark) => mark === "–")).toBe(true);
      expect(bad.stdout).toMatch(/AuthenticationError/);
      expect(bad.stdout).toContain(`demo failed: 1/${marks.length} steps succeeded`);
      expect(bad.stdout + bad.stderr).not.toContain("tml-a-wrong-key");
    } finally {
      await emulator.close();
    }
  });
});
