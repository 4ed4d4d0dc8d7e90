/**
 * CPU profile of the tinker-ts driver alone, to say what costs the time and in which file.
 *   node dist/profile.js [persistence|pipeline] [ops]
 * Starts the emulator in its own process, warms up, then profiles only the measured loop with
 * the V8 sampling profiler (node:inspector) and prints self time per function and per file. The
 * raw .cpuprofile is written to bench/results/ for a flame view (Chrome DevTools, speedscope).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { rawRows } from "./data.js";
import { openTinkerTs } from "./drivers/tinker-ts.js";
import { startEmulatorProcess } from "./emulator.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = join(BENCH_DIR, "..");

function shortUrl(url: string): string {
  if (url === "") return "(native/v8)";
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  const rel = relative(REPO, path);
  return rel.startsWith("..") ? path : rel;
}

/** Self time per function and per file, in ms, highest first. */
export function summarise(profile: Profile, top = 25): string {
  const totalHits = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const msPerHit = totalHits === 0 ? 0 : (profile.endTime - profile.startTime) / 1000 / totalHits;
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const file = shortUrl(node.callFrame.url);
    const fn = `${node.callFrame.functionName || "(anonymous)"}  ${file}:${node.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    byFile.set(file, (byFile.get(file) ?? 0) + hits);
  }
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, hits]) => `${(hits * msPerHit).toFixed(1).padStart(8)} ms ${((100 * hits) / totalHits).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  return `self time by file:\n${fmt(byFile)}\n\nself time by function:\n${fmt(byFn)}\n`;
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? "persistence";
  const ops = Number(process.argv[3] ?? (what === "pipeline" ? 500 : 300));
  const tmp = await mkdtemp(join(tmpdir(), "tinker-bench-prof-"));
  // The emulator is profiled too (written when it exits), to show what the server side costs.
  const emuProfDir = join(tmp, "emulator-profile");
  const emulator = await startEmulatorProcess(["--skip-model"], 30_000, [
    "--cpu-prof",
    "--cpu-prof-dir",
    emuProfDir,
  ]);
  const ts = await openTinkerTs(emulator.url, "tml-bench", "Qwen/Qwen3-8B");
  const rows = rawRows({ batch: 4, seqLen: 64, vocab: 151_936 });
  const persist = ts.persistDriver();
  const run = what === "pipeline" ? () => ts.pipeline(ops, rows) : () => persist.round(ops, 1_000_000).then(() => 0);
  const warm = what === "pipeline" ? () => ts.pipeline(50, rows) : () => persist.round(30, 2_000_000).then(() => 0);
  await warm();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
  session.disconnect();
  await ts.close();
  await emulator.close();
  const outDir = join(BENCH_DIR, "results");
  await mkdir(outDir, { recursive: true });
  let emulatorText = "";
  try {
    const [file] = await readdir(emuProfDir);
    const emuProfile = JSON.parse(await readFile(join(emuProfDir, file!), "utf8")) as Profile;
    emulatorText = `\n\nEMULATOR process over the whole run (start-up, warm-up and the measured loop):\n\n${summarise(emuProfile)}`;
  } catch (err) {
    emulatorText = `\n\n(no emulator profile: ${err instanceof Error ? err.message : String(err)})\n`;
  }
  await rm(tmp, { recursive: true, force: true });
  const file = join(outDir, `profile-${what}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  const perOp = what === "pipeline" ? `${(wall / ops).toFixed(3)} ms/step` : `${(wall / (2 * ops)).toFixed(3)} ms/op (save+load)`;
  const text = `tinker-ts ${what}: ${ops} ops in ${wall.toFixed(0)} ms = ${perOp}\n\nCLIENT (the measured loop only):\n\n${summarise(profile)}${emulatorText}`;
  await writeFile(join(outDir, `profile-${what}.txt`), text);
  process.stdout.write(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
