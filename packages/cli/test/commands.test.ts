// download, session export-trace, and how credentials are handled.
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startEmulator } from "@tinker-ts/emulator";
import { runCli } from "./cli.js";
import { KEY, useSeededEmulator } from "./emulator-fixture.js";

const fx = useSeededEmulator();

describe("checkpoint download", () => {
  it("downloads and extracts into <output>/<run>_weights_<name>, refusing to overwrite without --force", async () => {
    const out = join(fx.work, "downloads");
    const path = fx.main.training[0]!;
    const dir = join(out, `${fx.main.runId}_weights_step-1`);
    const r = await runCli(["-f", "json", "checkpoint", "download", path, "--output", out], fx.env());
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { checkpoint_path: string; destination: string; file_size_bytes: number };
    expect(result).toMatchObject({ checkpoint_path: path, destination: dir });
    expect(result.file_size_bytes).toBeGreaterThan(0);
    expect(await readdir(dir)).toContain("adapter_config.json");

    const again = await runCli(["checkpoint", "download", path, "-o", out], fx.env());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Target directory already exists");

    await writeFile(join(dir, "stale.txt"), "old");
    const forced = await runCli(["checkpoint", "download", path, "-o", out, "--force"], fx.env());
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
      const file = join(fx.work, "traces", "t.pftrace");
      await mkdir(join(fx.work, "traces"), { recursive: true });
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
    const malformed = await runCli(["run", "list"], { TINKER_BASE_URL: fx.emulator.url, TINKER_API_KEY: "sk-not-a-tinker-key" });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^Error: apiKey: must start with 'tml-'/);
    const missing = await runCli(["run", "list"], { TINKER_BASE_URL: fx.emulator.url, TINKER_API_KEY: "" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("TINKER_API_KEY");
  });
});
