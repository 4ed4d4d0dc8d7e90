/**
 * One checkpoint-archive download in a fresh process, so its peak RSS is its own.
 *   node dist/download-child.js <tinker-ts|fetch|node:http> <url> <dest>
 * Prints one JSON line: { ms, bytes, rssBaselineMiB, rssPeakMiB }.
 */
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import * as http from "node:http";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

const [mode, url, dest] = process.argv.slice(2) as [string, string, string];
const MiB = 2 ** 20;

async function viaNodeHttp(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    http
      .get(url, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
        pipeline(res, createWriteStream(dest)).then(resolve, reject);
      })
      .on("error", reject);
  });
}

async function viaFetch(): Promise<void> {
  const res = await fetch(url);
  if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
  await pipeline(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(dest));
}

async function main(): Promise<void> {
  let run: () => Promise<unknown>;
  if (mode === "tinker-ts") {
    // A variable specifier: the bench must build even before the client's node entry exists.
    const specifier = "@tinker-ts/client/node";
    const { downloadFile } = (await import(specifier)) as { downloadFile: (url: string, dest: string) => Promise<number> };
    run = () => downloadFile(url, dest);
  } else if (mode === "fetch") run = viaFetch;
  else if (mode === "node:http") run = viaNodeHttp;
  else throw new Error(`unknown mode ${mode}`);
  // Baseline: everything loaded, nothing downloaded yet.
  (globalThis as { gc?: () => void }).gc?.();
  const rssBaselineMiB = process.memoryUsage().rss / MiB;
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const rssPeakMiB = process.resourceUsage().maxRSS / 1024;
  const bytes = (await stat(dest)).size;
  process.stdout.write(JSON.stringify({ ms, bytes, rssBaselineMiB, rssPeakMiB }) + "\n");
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
