import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { metric, type ScenarioResult, type Target } from "../results.js";
import { runInterleaved } from "../schedule.js";
import { cpuPinning } from "../process/cpu-pinning.js";
import type { PythonWorker } from "../drivers/python.js";

const CHILD = fileURLToPath(new URL("../download-child.js", import.meta.url));
const MiB = 2 ** 20;

interface DownloadRound {
  mbPerS: number;
  rssGrowthMiB?: number;
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const pinned = cpuPinning().wrap("driver", cmd, args);
    const child = spawn(pinned.command, pinned.args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${err.slice(-2000)}`))));
  });
}

const TARGETS_THROUGHPUT: Target[] = [{ label: "≥80 % of curl", numerator: "tinker-ts", denominator: "curl", op: ">=", limit: 0.8 }];
const TARGETS_RSS: Target[] = [{ label: "peak RSS < 100 MiB above baseline", numerator: "tinker-ts", op: "<=", limit: 100 }];

/**
 * Scenario 4: each driver streams the same ≥1 GB archive URL to a file, once untimed and then once
 * per round. The Node drivers run in a fresh process each time, so their peak RSS (minus the RSS
 * after start-up) is theirs alone.
 */
export async function downloadScenario(
  url: string,
  archiveBytes: number,
  opts: { rounds: number; tmpDir: string; python: PythonWorker | null; hasCurl: boolean },
): Promise<ScenarioResult> {
  const drivers = ["tinker-ts", "python", "fetch", "node:http", "curl"].filter(
    (d) => (d !== "python" || opts.python !== null) && (d !== "curl" || opts.hasCurl),
  );
  const dest = join(opts.tmpDir, "archive.download");
  const measure = async (driver: string): Promise<DownloadRound> => {
    await rm(dest, { force: true });
    try {
      if (driver === "curl") {
        const t0 = performance.now();
        await run("curl", ["-sS", "--fail", "-o", dest, url]);
        return { mbPerS: archiveBytes / MiB / ((performance.now() - t0) / 1000) };
      }
      if (driver === "python") {
        const r = await opts.python!.call<{ ms: number; bytes: number }>("download", { url, dest });
        return { mbPerS: r.bytes / MiB / (r.ms / 1000) };
      }
      const line = await run(process.execPath, ["--expose-gc", CHILD, driver, url, dest]);
      const r = JSON.parse(line) as { ms: number; bytes: number; rssBaselineMiB: number; rssPeakMiB: number };
      if (r.bytes !== archiveBytes) throw new Error(`${driver} wrote ${r.bytes} bytes, expected ${archiveBytes}`);
      return { mbPerS: r.bytes / MiB / (r.ms / 1000), rssGrowthMiB: r.rssPeakMiB - r.rssBaselineMiB };
    } finally {
      await rm(dest, { force: true });
    }
  };
  // One untimed download per driver first: the first GiB through a fresh emulator route, file
  // system and page cache ran at a fraction of the later rounds' speed, for every driver.
  for (const d of drivers) await measure(d);
  const rounds = await runInterleaved(drivers, opts.rounds, measure);
  const throughput = Object.fromEntries(drivers.map((d) => [d, rounds[d]!.map((r) => r.mbPerS)]));
  const rss = Object.fromEntries(
    drivers.filter((d) => rounds[d]!.every((r) => r.rssGrowthMiB !== undefined)).map((d) => [d, rounds[d]!.map((r) => r.rssGrowthMiB!)]),
  );
  return {
    id: "download",
    title: `4. Checkpoint archive download (${(archiveBytes / 2 ** 30).toFixed(2)} GiB to a file)`,
    params: { rounds: opts.rounds, archiveBytes },
    metrics: [
      metric("throughput", "MiB/s", throughput, [["fetch", "curl"], ["node:http", "curl"], ["python", "curl"]], TARGETS_THROUGHPUT),
      metric("peak RSS above baseline", "MiB", rss, [], TARGETS_RSS),
    ],
    facts: [],
    notes: [
      "tinker-ts = `downloadFile` from `@tinker-ts/client/node` (what `downloadCheckpoint` streams the archive with, before extraction). python = urllib + shutil.copyfileobj (the SDK 0.38 has no archive download).",
      "Each Node driver runs in a fresh process; RSS growth = peak RSS (getrusage) − RSS after imports.",
    ],
  };
}
