import { mkdtemp, readdir, readFile, rm, writeFile, mkdir, readlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DownloadError,
  TargetExistsError,
  UnsafeArchiveError,
  checkpointDirectoryName,
  downloadCheckpoint,
  downloadFile,
  type DownloadProgress,
} from "../../src/node/index.js";
import { makeTar, type TarEntrySpec } from "./tar-fixture.js";
import { startServer, type TestServer } from "./http-fixture.js";

const PATH = "tinker://run-1:train:0/weights/final";
const archives = new Map<string, Buffer>();
let server: TestServer;
let work: string;

function serve(name: string, entries: TarEntrySpec[]): { getCheckpointArchiveUrlFromTinkerPath(): Promise<{ url: string }> } {
  archives.set(`/${name}.tar`, makeTar(entries));
  return { getCheckpointArchiveUrlFromTinkerPath: async () => ({ url: `${server.url}/${name}.tar` }) };
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    const body = archives.get(req.url ?? "");
    if (!body) {
      res.writeHead(404).end("no such archive");
      return;
    }
    res.writeHead(200, { "content-type": "application/x-tar", "content-length": body.length });
    res.end(body);
  });
});
afterAll(async () => server.close());
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "tinker-download-"));
  return () => rm(work, { recursive: true, force: true });
});

describe("downloadCheckpoint", () => {
  it("streams the archive, reports progress and extracts it into <run>_<kind>_<name>", async () => {
    const weights = new Uint8Array(200_000).map((_, i) => i % 251);
    const source = serve("good", [
      { path: "adapter_config.json", body: '{"r":8}' },
      { path: "nested/", type: "dir" },
      { path: "nested/adapter_model.safetensors", body: weights },
      { path: "nested/link", type: "symlink", linkpath: "adapter_model.safetensors" },
    ]);
    const progress: DownloadProgress[] = [];
    const result = await downloadCheckpoint(source, PATH, { outputDir: work, onProgress: (p) => progress.push({ ...p }) });

    expect(result.destination).toBe(join(work, "run-1:train:0_weights_final"));
    expect(await readFile(join(result.destination, "adapter_config.json"), "utf8")).toBe('{"r":8}');
    expect(new Uint8Array(await readFile(join(result.destination, "nested/adapter_model.safetensors")))).toEqual(weights);
    expect(await readlink(join(result.destination, "nested/link"))).toBe("adapter_model.safetensors");
    const size = archives.get("/good.tar")!.length;
    expect(result.archiveBytes).toBe(size);
    expect(progress.at(-1)).toEqual({ bytesDownloaded: size, totalBytes: size });
    expect(progress.map((p) => p.bytesDownloaded)).toEqual([...progress.map((p) => p.bytesDownloaded)].sort((a, b) => a - b));
    // No temporary archive or staging directory is left behind.
    expect(await readdir(work)).toEqual(["run-1:train:0_weights_final"]);
  });

  it("refuses an archive with a ../ entry and writes nothing, inside or outside the target", async () => {
    const outputDir = join(work, "out");
    const source = serve("dotdot", [
      { path: "ok.txt", body: "fine" },
      { path: "../escaped.txt", body: "gotcha" },
    ]);
    const error = await downloadCheckpoint(source, PATH, { outputDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeArchiveError);
    expect((error as UnsafeArchiveError).entryPath).toBe("../escaped.txt");
    expect((error as Error).message).toMatch(/\.\./);
    expect(await readdir(work)).toEqual(["out"]);
    expect(await readdir(outputDir)).toEqual([]);
  });

  it.each<[string, TarEntrySpec[]]>([
    ["an absolute path", [{ path: "/tmp/tinker-absolute-escape.txt", body: "x" }]],
    ["a nested ../ path", [{ path: "a/../../b.txt", body: "x" }]],
    ["a symlink pointing outside", [{ path: "evil", type: "symlink", linkpath: "../../etc" }]],
    ["an absolute symlink", [{ path: "evil", type: "symlink", linkpath: "/etc/passwd" }]],
    ["a hard link outside", [{ path: "evil", type: "hardlink", linkpath: "../secret" }]],
    [
      "a write through a symlink",
      [
        { path: "d/", type: "dir" },
        { path: "d/up", type: "symlink", linkpath: ".." },
        { path: "d/up/x.txt", body: "x" },
      ],
    ],
    ["a FIFO", [{ path: "pipe", type: "fifo" }]],
  ])("refuses %s", async (_label, entries) => {
    const source = serve(`bad-${archives.size}`, entries);
    await expect(downloadCheckpoint(source, PATH, { outputDir: work })).rejects.toBeInstanceOf(UnsafeArchiveError);
    expect(await readdir(work)).toEqual([]);
  });

  it("does not overwrite an existing checkpoint unless forced", async () => {
    const target = join(work, checkpointDirectoryName(PATH));
    await mkdir(target);
    await writeFile(join(target, "old.txt"), "old");
    let asked = 0;
    const source = serve("v2", [{ path: "new.txt", body: "new" }]);
    const counting = {
      getCheckpointArchiveUrlFromTinkerPath: () => {
        asked++;
        return source.getCheckpointArchiveUrlFromTinkerPath();
      },
    };

    await expect(downloadCheckpoint(counting, PATH, { outputDir: work })).rejects.toBeInstanceOf(TargetExistsError);
    expect(asked).toBe(0);
    expect(await readdir(target)).toEqual(["old.txt"]);

    await downloadCheckpoint(counting, PATH, { outputDir: work, force: true });
    expect(await readdir(target)).toEqual(["new.txt"]);
    expect(await readdir(work)).toEqual([checkpointDirectoryName(PATH)]);
  });

  it("reports an HTTP failure of the archive URL and leaves no partial file", async () => {
    const source = { getCheckpointArchiveUrlFromTinkerPath: async () => ({ url: `${server.url}/missing.tar` }) };
    const error = await downloadCheckpoint(source, PATH, { outputDir: work }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).status).toBe(404);
    expect(await readdir(work)).toEqual([]);
  });
});

describe("downloadFile", () => {
  it("keeps memory flat while streaming 1 GiB to disk", async () => {
    const total = 1024 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const big = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": total });
      let sent = 0;
      const pump = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    try {
      globalThis.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const target = join(work, "big.bin");
      const bytes = await downloadFile(`${big.url}/big`, target, {
        onProgress: () => {
          peak = Math.max(peak, process.memoryUsage().rss);
        },
      });
      expect(bytes).toBe(total);
      expect(await readdir(work)).toEqual(["big.bin"]);
      expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
    } finally {
      await big.close();
    }
  }, 120_000);

  it("follows redirects over node:http and reports an HTTP error as DownloadError", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/start") {
        res.writeHead(302, { location: "/file" });
        res.end();
      } else if (req.url === "/file") {
        res.writeHead(200, { "content-length": 5 });
        res.end("hello");
      } else {
        res.writeHead(404);
        res.end("no");
      }
    });
    try {
      const target = join(work, "r.bin");
      expect(await downloadFile(`${server.url}/start`, target)).toBe(5);
      expect(await readFile(target, "utf8")).toBe("hello");
      const missing = await downloadFile(`${server.url}/gone`, join(work, "m.bin")).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(DownloadError);
      expect((missing as DownloadError).message).toContain("HTTP 404");
      expect(await readdir(work)).toEqual(["r.bin"]);
    } finally {
      await server.close();
    }
  });

  it("writes a chunked body (no Content-Length) and reports progress without a total", async () => {
    const payload = randomBytes(2 * 1024 * 1024 + 5);
    const server = await startServer((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < payload.length; i += 300_000) res.write(payload.subarray(i, i + 300_000));
      res.end();
    });
    try {
      const progress: DownloadProgress[] = [];
      const target = join(work, "c.bin");
      expect(await downloadFile(`${server.url}/c`, target, { onProgress: (p) => progress.push({ ...p }) })).toBe(payload.length);
      expect((await readFile(target)).equals(payload)).toBe(true);
      expect(progress.at(-1)).toEqual({ bytesDownloaded: payload.length, totalBytes: undefined });
    } finally {
      await server.close();
    }
  });

  it("falls back to node:http for a content-encoded body and stores it decoded", async () => {
    const text = "compressed archive bytes ".repeat(1000);
    let requests = 0;
    const server = await startServer((_req, res) => {
      requests++;
      const body = gzipSync(text);
      res.writeHead(200, { "content-encoding": "gzip", "content-length": body.length });
      res.end(body);
    });
    try {
      const target = join(work, "g.txt");
      expect(await downloadFile(`${server.url}/g`, target)).toBe(text.length);
      expect(await readFile(target, "utf8")).toBe(text);
      expect(requests).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("sends the credentials of a user:password@ URL as Basic auth, as node:http does", async () => {
    const server = await startServer((req, res) => {
      res.end(req.headers.authorization ?? "none");
    });
    try {
      const target = join(work, "a.txt");
      await downloadFile(server.url.replace("http://", "http://user:secret@") + "/a", target);
      expect(await readFile(target, "utf8")).toBe(`Basic ${Buffer.from("user:secret").toString("base64")}`);
    } finally {
      await server.close();
    }
  });

  it("reports a response that is not HTTP as DownloadError and leaves nothing behind", async () => {
    const server = createNetServer((socket) => socket.resume().end("garbage\r\n\r\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const err = await downloadFile(`http://127.0.0.1:${port}/x`, join(work, "n.bin")).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DownloadError);
      expect(await readdir(work)).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("rejects a body shorter than its Content-Length and leaves nothing behind", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": 100 });
      res.end(Buffer.alloc(10));
      res.socket?.destroy();
    });
    try {
      const err = await downloadFile(`${server.url}/short`, join(work, "s.bin")).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DownloadError);
      expect(await readdir(work)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("stops and cleans up when aborted", async () => {
    const hang = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": 10_000_000 });
      res.write(Buffer.alloc(1000));
    });
    try {
      const controller = new AbortController();
      const done = downloadFile(`${hang.url}/x`, join(work, "x.bin"), {
        signal: controller.signal,
        onProgress: () => controller.abort(new Error("stop")),
      });
      await expect(done).rejects.toThrow();
      expect(await readdir(work)).toEqual([]);
    } finally {
      await hang.close();
    }
  });
});
