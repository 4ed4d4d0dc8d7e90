/**
 * pnpm bench [-- --quick] [-- --only=persistence,pipeline,encode,download,cold-start]
 *
 * One emulator process (model skipped) serves every scenario; each scenario runs its drivers
 * interleaved over rounds (A B C D, D C B A, …). Results go to bench/results/ and the README's latest table.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { rawRows, type BatchShape } from "./data.js";
import { findPython, startPythonWorker } from "./drivers/python.js";
import { pythonEncode, pythonPersist, pythonPipeline } from "./drivers/python-drivers.js";
import { NodeDriverProcess } from "./drivers/node-drivers.js";
import { openTinkerTs, type TinkerTsSession } from "./drivers/tinker-ts.js";
import { startEmulatorProcess } from "./emulator.js";
import { machineInfo } from "./machine.js";
import { processCpuMs } from "./proc-cpu.js";
import type { BenchReport } from "./report/markdown.js";
import { targetSummary } from "./report/markdown.js";
import { writeReport } from "./report/write.js";
import type { ScenarioResult } from "./results.js";
import { coldStartScenario } from "./scenarios/cold-start.js";
import { downloadScenario } from "./scenarios/download.js";
import { encodeScenario } from "./scenarios/encode.js";
import { persistenceScenario } from "./scenarios/persistence.js";
import { pipelineScenario } from "./scenarios/pipeline.js";
import { startCaptureProxy, type CapturedRequest } from "./wire/capture.js";
import { writeCapturedPass } from "./wire/captured-file.js";
import { submitsTo } from "./wire/captured-ops.js";
import { rawTemplatesFrom, type CapturedPass } from "./wire/raw-templates.js";

const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = join(BENCH_DIR, "..");
const ALL = ["persistence", "pipeline", "encode", "download", "cold-start"] as const;
const API_KEY = "tml-bench";
const BASE_MODEL = "Qwen/Qwen3-8B";

interface Plan {
  persistence: { rounds: number; opsPerRound: number; warmupOps: number };
  pipeline: { rounds: number; steps: number; warmupSteps: number; batch: number; seqLen: number };
  encode: { rounds: number; batch: number; seqLen: number };
  download: { rounds: number; archiveBytes: number };
  coldStart: { rounds: number };
}

const FULL: Plan = {
  persistence: { rounds: 16, opsPerRound: 50, warmupOps: 500 },
  pipeline: { rounds: 6, steps: 500, warmupSteps: 500, batch: 4, seqLen: 64 },
  encode: { rounds: 6, batch: 256, seqLen: 4096 },
  download: { rounds: 6, archiveBytes: 2 ** 30 },
  coldStart: { rounds: 10 },
};

const QUICK: Plan = {
  persistence: { rounds: 4, opsPerRound: 20, warmupOps: 100 },
  pipeline: { rounds: 4, steps: 50, warmupSteps: 50, batch: 4, seqLen: 64 },
  encode: { rounds: 2, batch: 32, seqLen: 4096 },
  download: { rounds: 2, archiveBytes: 64 * 2 ** 20 },
  coldStart: { rounds: 4 },
};

const VOCAB = 151_936;
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function hasCurl(): boolean {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: "boolean", default: false }, only: { type: "string" } },
    allowPositionals: true,
  });
  const quick = values.quick ?? false;
  const only = new Set(values.only ? values.only.split(",") : ALL);
  for (const s of only) if (!(ALL as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}; known: ${ALL.join(", ")}`);
  const plan = quick ? QUICK : FULL;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const pythonPath = findPython(REPO_ROOT);
  if (pythonPath === null) log("no Python SDK venv found (TINKER_PYTHON_VENV, tools/capture-python/.venv): the python driver is skipped");

  const tmp = await mkdtemp(join(tmpdir(), "tinker-bench-"));
  const cleanups: Array<() => Promise<void> | void> = [() => rm(tmp, { recursive: true, force: true })];
  const scenarios: ScenarioResult[] = [];
  try {
    // No --data-dir: under --skip-model the emulator then keeps checkpoints in memory, so its
    // per-op cost is HTTP and bookkeeping only (file I/O would be server time every driver pays).
    const emulator = await startEmulatorProcess([
      "--skip-model",
      "--archive-padding-bytes",
      String(plan.download.archiveBytes),
    ]);
    cleanups.unshift(() => emulator.close());
    log(`emulator ${emulator.url} (pid ${emulator.pid})`);

    const python = pythonPath === null ? null : await startPythonWorker(pythonPath);
    if (python !== null) {
      cleanups.unshift(() => python.close());
      await python.call("setup", { slot: "main", base_url: emulator.url, api_key: API_KEY, base_model: BASE_MODEL });
    }

    const small: BatchShape = { batch: plan.pipeline.batch, seqLen: plan.pipeline.seqLen, vocab: VOCAB };
    const big: BatchShape = { batch: plan.encode.batch, seqLen: plan.encode.seqLen, vocab: VOCAB };
    const needTraining = only.has("persistence") || only.has("pipeline") || only.has("encode");

    let captured: CapturedPass | null = null;
    const encodeFacts: Array<{ label: string; value: string }> = [];
    const sessions: TinkerTsSession[] = [];
    const open = async (url: string) => {
      const s = await openTinkerTs(url, API_KEY, BASE_MODEL);
      sessions.push(s);
      return s;
    };
    cleanups.unshift(async () => {
      for (const s of sessions) await s.close();
    });

    if (needTraining) {
      // Untimed capture pass: what tinker-ts puts on the wire, for the raw loops to replay.
      log("capturing tinker-ts requests");
      const proxy = await startCaptureProxy(emulator.url);
      // Not in `sessions`: closed before the proxy goes away, so its heartbeat never outlives it.
      const cap = await openTinkerTs(proxy.url, API_KEY, BASE_MODEL);
      try {
        const path = await cap.saveState("bench-ts-000000");
        await cap.loadState(path);
        await cap.pipeline(1, rawRows(small));
        const ops = [...proxy.requests];
        let bigBatch: CapturedRequest[] | undefined;
        if (only.has("encode")) {
          const before = proxy.requests.length;
          await cap.forwardBackward(rawRows(big));
          bigBatch = proxy.requests.slice(before);
          const chunks = submitsTo(bigBatch, "/api/v1/forward_backward");
          encodeFacts.push({
            label: "tinker-ts: forward_backward requests / body bytes on the wire",
            value: `${chunks.length} / ${chunks.reduce((n, s) => n + s.body.length, 0).toLocaleString("en")}`,
          });
          if (python !== null) {
            await python.call("setup", { slot: "capture", base_url: proxy.url, api_key: API_KEY, base_model: BASE_MODEL });
            const pyBefore = proxy.requests.length;
            const r = await python.call<{ body_bytes: number }>("encode", { slot: "capture", batch: big.batch, seq_len: big.seqLen, vocab: big.vocab });
            const pySubmits = submitsTo(proxy.requests.slice(pyBefore), "/api/v1/forward_backward");
            encodeFacts.push({
              label: "python: forward_backward requests / body bytes on the wire",
              value: `${pySubmits.length} / ${pySubmits.reduce((n, s) => n + s.body.length, 0).toLocaleString("en")}`,
            });
            encodeFacts.push({ label: "python: the same batch as one unchunked protobuf message", value: `${r.body_bytes.toLocaleString("en")} bytes` });
          }
        }
        captured = { ops, bigBatch };
      } finally {
        await cap.close();
        await proxy.close();
      }
    }

    // Every Node driver runs in a process of its own, as Python does: no shared heap, loop or GC.
    let ts: NodeDriverProcess | null = null;
    let rawFetch: NodeDriverProcess | null = null;
    let rawHttp: NodeDriverProcess | null = null;
    if (needTraining && captured !== null) {
      rawTemplatesFrom(captured); // fails here, not in a driver process, if the capture lacks an op
      const capturedFile = join(tmp, "captured-pass.json");
      await writeCapturedPass(capturedFile, captured);
      const drivers: NodeDriverProcess[] = [];
      cleanups.unshift(async () => {
        for (const d of drivers) await d.close();
      });
      drivers.push((ts = await NodeDriverProcess.openTinkerTs(emulator.url, API_KEY, BASE_MODEL)));
      // Each raw loop gets its own model (created by tinker-ts here, untimed) and starts at seq_id 1.
      drivers.push((rawFetch = await NodeDriverProcess.openRaw("fetch", emulator.url, (await open(emulator.url)).modelId, capturedFile, "fe")));
      drivers.push((rawHttp = await NodeDriverProcess.openRaw("node:http", emulator.url, (await open(emulator.url)).modelId, capturedFile, "ht")));
    }

    // Every scenario is bounded: a stuck exchange ends the scenario (reported), not the run.
    const scenarioLimitMs = quick ? 180_000 : 480_000;
    const guarded = async (id: string, title: string, run: () => Promise<ScenarioResult>) => {
      log(`scenario ${id}`);
      const s0 = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scenario ${id} did not finish within ${scenarioLimitMs / 1000} s`)), scenarioLimitMs);
      });
      try {
        scenarios.push(await Promise.race([run(), limit]));
      } catch (err) {
        log(`scenario ${id} failed: ${err instanceof Error ? err.stack : String(err)}`);
        scenarios.push({ id, title, params: {}, metrics: [], facts: [], notes: [], error: err instanceof Error ? err.message : String(err) });
      } finally {
        clearTimeout(timer);
      }
      log(`scenario ${id} took ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    };

    if (only.has("persistence") && ts && rawFetch && rawHttp) {
      const drivers = [ts.persistDriver(), ...(python ? [pythonPersist(python)] : []), rawFetch.persistDriver(), rawHttp.persistDriver()];
      await guarded("persistence", "1. Persistence op latency", () => persistenceScenario(drivers, plan.persistence, () => processCpuMs(emulator.pid)));
    }
    if (only.has("pipeline") && ts && rawFetch && rawHttp) {
      const drivers = [ts.pipelineDriver(small), ...(python ? [pythonPipeline(python, small)] : []), rawFetch.pipelineDriver(small), rawHttp.pipelineDriver(small)];
      await guarded("pipeline", "2. Pipelined training", () => pipelineScenario(drivers, plan.pipeline));
    }
    if (only.has("encode") && ts && rawFetch && rawHttp) {
      const drivers = [ts.encodeDriver(big), ...(python ? [pythonEncode(python, big)] : []), rawFetch.encodeDriver(big), rawHttp.encodeDriver(big)];
      await guarded("encode", "3. Large batch encode", () => encodeScenario(drivers, plan.encode, encodeFacts));
    }
    if (only.has("download")) {
      await guarded("download", "4. Checkpoint download", async () => {
        const dl = await open(emulator.url);
        const path = await dl.saveState("bench-dl-000000");
        const url = await dl.archiveUrl(path);
        const size = await dl.contentLength(url);
        return downloadScenario(url, size, { rounds: plan.download.rounds, tmpDir: tmp, python, hasCurl: hasCurl() });
      });
    }
    if (only.has("cold-start")) {
      await guarded("cold-start", "5. Cold start", () => coldStartScenario({ rounds: plan.coldStart.rounds, cwd: BENCH_DIR, python: pythonPath, tmpDir: tmp }));
    }
  } finally {
    for (const c of cleanups) {
      try {
        await c();
      } catch (err) {
        log(`cleanup: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  const report: BenchReport = {
    command: `pnpm bench${quick || values.only ? " --" : ""}${quick ? " --quick" : ""}${values.only ? ` --only=${values.only}` : ""}`,
    quick: quick || values.only !== undefined,
    machine: machineInfo(pythonPath),
    startedAt,
    durationS: (performance.now() - t0) / 1000,
    scenarios,
  };
  const paths = await writeReport(BENCH_DIR, report);
  for (const line of targetSummary(report)) log(line);
  log(`wrote ${paths.md} and ${paths.json} in ${report.durationS.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
