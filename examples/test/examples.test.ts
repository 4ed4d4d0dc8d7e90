import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@tinker-ts/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist");
let emulator: { url: string; close(): Promise<void> };
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "tinker-examples-"));
  emulator = await startEmulator({ port: 0, dataDir });
});

afterAll(async () => {
  await emulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs a built example as a user would, configured only through the environment. */
function runExample(name: string): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("TINKER_")));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dist, `${name}.js`)], {
      env: { ...env, TINKER_BASE_URL: emulator.url, TINKER_API_KEY: "tml-examples" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe.each([
  { name: "quick-start", expected: [/training run \S+/, /step 5: loss \d/, /sample: \d+ tokens/] },
  { name: "resume-a-run", expected: [/saved tinker:\/\/\S+\/weights\/before-step-4/, /→ identical/] },
  { name: "manage-checkpoints", expected: [/3 checkpoints, \d+ bytes/, /left: tinker:\/\/\S+\/weights\/checkpoint-b$/m] },
  { name: "sample", expected: [/base sample 2: \d+ tokens/, /prompt logprobs: /, /computeLogprobs: \d+ values/] },
  { name: "pipelined-training-loop", expected: [/step 12: loss \d/] },
])("examples/src/$name.ts", ({ name, expected }) => {
  it("runs against the emulator and exits 0", async () => {
    const { code, output } = await runExample(name);
    expect(code, output).toBe(0);
    for (const pattern of expected) expect(output).toMatch(pattern);
  });
});
