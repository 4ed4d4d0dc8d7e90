// download, session export-trace, and how credentials are handled.
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
