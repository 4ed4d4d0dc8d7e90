import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DownloadError, TargetExistsError, UnsafeArchiveError, downloadExternalWeights } from "../../src/node/index.js";
import { startServer, type TestServer } from "./http-fixture.js";

const PATH = "tinker://run-7/external_weights/final";
const DIR = "run-7_external_weights_final";
const files: Record<string, string> = { "adapter_config.json": '{"r":4}', "weights/adapter_model.safetensors": "x".repeat(5000) };
let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "").replace(/^\/files\//, "").replace(/\?.*$/, ""));
    const body = files[name];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-length": Buffer.byteLength(body) }).end(body);
  });
});
afterAll(async () => server.close());
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "tinker-external-"));
  return () => rm(work, { recursive: true, force: true });
});

function source(names: string[], expiresInMs = 3_600_000): { getExternalWeightsUrls(): Promise<{ urls: Record<string, string>; expires: string }>; signed: number } {
  const s = {
    signed: 0,
    async getExternalWeightsUrls() {
      s.signed++;
      return {
        urls: Object.fromEntries(names.map((n) => [n, `${server.url}/files/${encodeURIComponent(n)}?sig=${s.signed}`])),
        expires: new Date(Date.now() + expiresInMs).toISOString(),
      };
    },
  };
  return s;
}

describe("downloadExternalWeights", () => {
  it("downloads every file into <run>_external_weights_<name>", async () => {
    const progress: number[] = [];
    const result = await downloadExternalWeights(source(Object.keys(files)), PATH, { outputDir: work, onProgress: (p) => progress.push(p.bytesDownloaded) });
    expect(result.destination).toBe(join(work, DIR));
    expect(result.totalBytes).toBe(5007);
    expect(await readFile(join(work, DIR, "weights/adapter_model.safetensors"), "utf8")).toBe(files["weights/adapter_model.safetensors"]);
    expect(progress.at(-1)).toBe(5007);
    expect(await readdir(work)).toEqual([DIR]);
  });

  it("signs the URLs again when they are about to expire", async () => {
    const s = source(Object.keys(files), 60_000);
    await downloadExternalWeights(s, PATH, { outputDir: work });
    expect(s.signed).toBe(3);
  });

  it("refuses a file name that would escape the directory, writing nothing", async () => {
    await expect(downloadExternalWeights(source(["adapter_config.json", "../escape.txt"]), PATH, { outputDir: work })).rejects.toBeInstanceOf(UnsafeArchiveError);
    expect(await readdir(work)).toEqual([]);
  });

  it("removes the partial directory when a file fails, and honours force", async () => {
    await expect(downloadExternalWeights(source(["adapter_config.json", "missing.bin"]), PATH, { outputDir: work })).rejects.toBeInstanceOf(DownloadError);
    expect(await readdir(work)).toEqual([]);
    await downloadExternalWeights(source(["adapter_config.json"]), PATH, { outputDir: work });
    await expect(downloadExternalWeights(source(["adapter_config.json"]), PATH, { outputDir: work })).rejects.toBeInstanceOf(TargetExistsError);
    await downloadExternalWeights(source(Object.keys(files)), PATH, { outputDir: work, force: true });
    expect((await readdir(join(work, DIR))).sort()).toEqual(["adapter_config.json", "weights"]);
  });
});
