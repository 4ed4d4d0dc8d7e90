import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

const KEY = "tml-cli-download-key";
let work: string;
let server: Server | undefined;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "tinker-cli-dl-"));
});
afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  }
  await rm(work, { recursive: true, force: true });
});

/** A stand-in service: start-up endpoints plus the given routes. */
async function serve(routes: Record<string, (res: import("node:http").ServerResponse, base: string) => void>): Promise<string> {
  server = createServer((req, res) => {
    const { port } = server!.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const url = (req.url ?? "").replace(/\?.*$/, "");
    if (url === "/api/v1/client/config" || url === "/api/v1/client/dynamic_config") {
      res.setHeader("content-type", "application/json");
      res.end("{}");
      return;
    }
    const route = routes[url];
    if (route) route(res, base);
    else res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"no such route"}');
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("checkpoint download of external weights", () => {
  it("fetches each signed file into <run>_external_weights_<name>", async () => {
    const url = await serve({
      "/api/v1/training_runs/run-1/checkpoints/external_weights/final/external_weights_urls": (res, base) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ urls: { "adapter_config.json": `${base}/f/a`, "adapter_model.safetensors": `${base}/f/b` }, expires: new Date(Date.now() + 3_600_000).toISOString() }));
      },
      "/f/a": (res) => res.end('{"r":4}'),
      "/f/b": (res) => res.end(Buffer.alloc(3000, 1)),
    });
    const r = await runCli(["-f", "json", "checkpoint", "download", "tinker://run-1/external_weights/final", "-o", work], { TINKER_BASE_URL: url, TINKER_API_KEY: KEY });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const dir = join(work, "run-1_external_weights_final");
    expect(JSON.parse(r.stdout)).toEqual({ checkpoint_path: "tinker://run-1/external_weights/final", destination: dir, file_size_bytes: 3007 });
    expect(await readFile(join(dir, "adapter_config.json"), "utf8")).toBe('{"r":4}');
  });
});

describe("Ctrl-C", () => {
  it("stops a download, removes its partial files and exits 130", async () => {
    let started!: () => void;
    const streaming = new Promise<void>((resolve) => (started = resolve));
    const url = await serve({
      "/api/v1/training_runs/run-1/checkpoints/weights/big/archive": (res, base) => {
        res.writeHead(302, { location: `${base}/archive.tar` }).end();
      },
      "/archive.tar": (res) => {
        res.writeHead(200, { "content-length": 100_000_000 });
        res.write(Buffer.alloc(64 * 1024));
        started();
      },
    });
    const child = spawn(process.execPath, [fileURLToPath(new URL("../dist/bin.js", import.meta.url)), "checkpoint", "download", "tinker://run-1/weights/big", "-o", work], {
      env: { PATH: process.env["PATH"] ?? "", TINKER_BASE_URL: url, TINKER_API_KEY: KEY, TINKER_LOG: "off" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await streaming;
    // Give the client a moment to open its temporary file before interrupting.
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("Interrupted.");
    expect(await readdir(work)).toEqual([]);
  });
});
