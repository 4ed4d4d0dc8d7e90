/**
 * Per-layer micro-benchmark of one future operation (submit POST, then POST retrieve_future) against
 * a trivial server in a separate process (`trivial-server.ts`), so only the client's own CPU counts.
 * Each layer adds one layer of the client on top of the previous one:
 *
 *   raw        node:http with one keep-alive agent, header objects built once (the bench's floor)
 *   transport  the client's node:http transport, headers built once
 *   engine     HttpEngine.request (headers, idempotency key, auth, deadline, JSON decode)
 *   future     submitFuture: APIFuture, abort linking, retrieve_future poll loop
 *   save       TrainingClient.saveState(name).result(): sequencer, retry window, body encoding
 *   load       TrainingClient.loadState(path).result()
 *   pipeline   one step of 10 pipelined forwardBackward (4 × 64 tokens) + optimStep pairs, per step
 *              (4 exchanges: compare with 2 × raw; the result is a real ForwardBackwardOutput protobuf)
 *
 * Rounds are interleaved (every layer once per round, order rotated); the table shows medians of
 * CPU µs per op (`process.cpuUsage`, all threads), the main thread's CPU µs per op (Linux schedstat),
 * wall µs per op, and the median per-round CPU ratio to `raw`.
 *
 * The client's internals are not exports of the package, so its `src/` is bundled here with esbuild
 * (as the bench's encoder timing does): build the bench (`pnpm --filter @tinker-ts/bench build`) and
 * run `node bench/dist/micro/layers.js [--rounds=15] [--ops=200] [--client-dir=packages/client]`.
 * `--client-dir=A,B` measures other copies of the client (e.g. an older commit's tree) side by side,
 * interleaved in the same rounds (columns #1, #2, …) — but one client's garbage (e.g. AbortSignals)
 * is collected during the other's rounds, so for before/after numbers prefer one client per process,
 * alternating the processes (A B A B);
 * `--only=future,save` runs just those layers (and raw), e.g. under `node --cpu-prof`;
 * `--in-memory` replaces the server and sockets by an in-memory transport (no raw/transport
 * layers): what is left is the client's own JavaScript per op, without Node's HTTP stack.
 */
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import * as http from "node:http";
import { dirname, join, resolve } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { importPackageSources, packageDir } from "../package-sources.js";

/** The client internals the layers use (typed loosely: this file does not compile against the client's src). */
interface Internals {
  createNodeTransport(): Transport & { destroy(): void };
  /** Absent in clients older than the CancelSource change. */
  acceptsCancelSource?: (transport: Transport) => Transport;
  startSession(options: Record<string, unknown>): Promise<Session>;
  submitFuture(env: unknown, spec: Record<string, unknown>): PromiseLike<unknown>;
  TrainingClient: new (init: { context: Session; modelId: string; modelSeqId: number; info: unknown }) => Training;
}
type Transport = (req: Record<string, unknown>) => Promise<{ status: number; text(): string }>;
interface MemoryResponse {
  status: number;
  headers: { get(name: string): string | null; entries(): Iterable<[string, string]> };
  body: Uint8Array;
  text(): string;
}
interface Engine {
  request(req: Record<string, unknown>, options: Record<string, unknown>): Promise<{ data: unknown }>;
}
interface Session {
  readonly http: Engine;
  readonly billing: unknown;
  readonly logger: unknown;
  close(): Promise<void>;
}
interface Training {
  saveState(name: string): { result(): Promise<unknown> };
  loadState(path: string): { result(): Promise<unknown> };
  forwardBackward(data: unknown[], lossFn: string): PromiseLike<unknown>;
  optimStep(adam: Record<string, number>): PromiseLike<unknown>;
}

type Op = (i: number) => Promise<unknown>;

/** Steps per `pipeline` op: that many forwardBackward + optimStep pairs are in flight together. */
const PIPELINE_STEPS = 10;
const PIPELINE_ROWS = Array.from({ length: 4 }, () => ({
  model_input: { chunks: [{ tokens: Array.from({ length: 64 }, (_, i) => i + 1), type: "encoded_text" }] },
  loss_fn_inputs: { target_tokens: Array.from({ length: 64 }, (_, i) => i + 2), weights: new Array<number>(64).fill(1) },
}));

/**
 * The ForwardBackwardOutput a 4 × 64-token cross-entropy step answers (logprobs and elementwise loss
 * per datum, one metric), encoded by the emulator's own encoder (bundled from its `src/`).
 */
async function forwardBackwardResult(): Promise<Uint8Array> {
  const mod = await importPackageSources<{
    encodeForwardBackwardOutput(result: { outputs: { logprobs: number[]; elementwiseLoss: number[] }[]; metrics: Record<string, number> }): Uint8Array;
  }>(packageDir("@tinker-ts/emulator"), [`export { encodeForwardBackwardOutput } from "./src/proto/fwdbwd.ts";`]);
  const outputs = PIPELINE_ROWS.map(() => ({ logprobs: new Array<number>(64).fill(-1.25), elementwiseLoss: new Array<number>(64).fill(1.25) }));
  return mod.encodeForwardBackwardOutput({ outputs, metrics: { "loss:sum": 80 } });
}

function pipelineLayer(training: Training): Op {
  const adam = { learning_rate: 1e-4 };
  return async () => {
    const steps: PromiseLike<unknown>[] = [];
    for (let k = 0; k < PIPELINE_STEPS; k++) steps.push(training.forwardBackward(PIPELINE_ROWS, "cross_entropy"), training.optimStep(adam));
    await Promise.all(steps);
  };
}

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const ROUNDS = Number(args.get("rounds") ?? 15);
const OPS = Number(args.get("ops") ?? 200);
const API_KEY = "tml-micro-benchmark-key";
const MODEL_ID = "micro:train:0";
const CHECKPOINT = `tinker://${MODEL_ID}/weights/ckpt`;

function loadInternals(clientDir: string): Promise<Internals> {
  return importPackageSources<Internals>(clientDir, [
    `export { createNodeTransport } from "./src/transport/node.ts";`,
    `export { startSession } from "./src/core/context.ts";`,
    `export { submitFuture } from "./src/core/retrieve-future.ts";`,
    `export { TrainingClient } from "./src/training/training-client.ts";`,
    existsSync(join(clientDir, "src/transport/abort-source.ts")) ? `export { acceptsCancelSource } from "./src/transport/abort-source.ts";` : "",
  ]);
}

async function startServer(fwdbwd: Uint8Array): Promise<{ port: number; stop(): void }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), "trivial-server.js");
  const child = fork(script, [], { stdio: ["pipe", "pipe", "inherit", "ipc"] });
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /port=(\d+)/.exec(out);
      if (m) resolvePort(Number(m[1]));
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  await new Promise<void>((ready) => {
    child.once("message", () => ready());
    child.send({ forwardBackwardResult: Buffer.from(fwdbwd).toString("base64") });
  });
  return { port, stop: () => child.kill() };
}

function saveBody(seq: number): string {
  return `{"model_id":"${MODEL_ID}","path":"ckpt","seq_id":${seq},"overwrite":false,"type":"save_weights"}`;
}

function rawLayer(port: number): { op: Op; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const common = { Accept: "application/json", "User-Agent": "tinker-ts/micro", "Content-Type": "application/json", "X-API-Key": API_KEY };
  const submitHeaders = { ...common, "X-Idempotency-Key": `tinker-ts-retry-${randomUUID()}`, "x-sdk-version": "0.38.0", "x-sdk-method": "TrainingClient.save_state" };
  const pollHeaders = { ...submitHeaders, "X-Tinker-Request-Iteration": "0", "X-Tinker-Request-Type": "SaveWeights", "X-Tinker-Create-Promise-Roundtrip-Time": "0.0005" };
  const send = (path: string, headers: Record<string, string>, body: string): Promise<string> =>
    new Promise((done, fail) => {
      const r = http.request(
        { host: "127.0.0.1", port, method: "POST", path, headers: { ...headers, "content-length": Buffer.byteLength(body) }, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", fail);
          res.on("end", () => done((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8")));
        },
      );
      r.on("error", fail);
      r.setNoDelay(true);
      r.end(body);
    });
  return {
    async op(i) {
      const { request_id } = JSON.parse(await send("/api/v1/save_weights", submitHeaders, saveBody(i))) as { request_id: string };
      return JSON.parse(await send("/api/v1/retrieve_future", pollHeaders, JSON.stringify({ request_id, allow_metadata_only: true })));
    },
    close: () => agent.destroy(),
  };
}

function transportLayer(internals: Internals, port: number): { op: Op; close(): void } {
  const transport = internals.createNodeTransport();
  const base = `http://127.0.0.1:${port}`;
  const common = { Accept: "application/json", "User-Agent": "tinker-ts/micro", "Content-Type": "application/json", "X-API-Key": API_KEY };
  const submitHeaders = { ...common, "X-Idempotency-Key": `tinker-ts-retry-${randomUUID()}`, "x-sdk-version": "0.38.0", "x-sdk-method": "TrainingClient.save_state" };
  const pollHeaders = { ...submitHeaders, "X-Tinker-Request-Iteration": "0", "X-Tinker-Request-Type": "SaveWeights", "X-Tinker-Create-Promise-Roundtrip-Time": "0.0005" };
  return {
    async op(i) {
      const submitted = await transport({ method: "POST", url: `${base}/api/v1/save_weights`, headers: submitHeaders, body: saveBody(i), redirect: "follow" });
      const { request_id } = JSON.parse(submitted.text()) as { request_id: string };
      const res = await transport({ method: "POST", url: `${base}/api/v1/retrieve_future`, headers: pollHeaders, body: JSON.stringify({ request_id, allow_metadata_only: true }), redirect: "follow" });
      return JSON.parse(res.text());
    },
    close: () => transport.destroy(),
  };
}

function engineLayer(session: Session): Op {
  const engine = session.http;
  return async (i) => {
    const submitted = await engine.request(
      { method: "POST", path: "/api/v1/save_weights", body: saveBody(i), contentType: "application/json" },
      { maxRetries: 0, sdkMethod: "TrainingClient.save_state" },
    );
    const { request_id } = submitted.data as { request_id: string };
    const res = await engine.request(
      {
        method: "POST",
        path: "/api/v1/retrieve_future",
        json: { request_id, allow_metadata_only: true },
        headers: { "X-Tinker-Request-Iteration": "0", "X-Tinker-Request-Type": "SaveWeights", "X-Tinker-Create-Promise-Roundtrip-Time": "0.0005" },
      },
      { maxRetries: 0, attemptTimeout: 45_000, sdkMethod: "TrainingClient.save_state" },
    );
    return res.data;
  };
}

function futureLayer(internals: Internals, session: Session): Op {
  const env = { http: session.http, billing: session.billing, logger: session.logger };
  return (i) =>
    Promise.resolve(
      internals.submitFuture(env, {
        requestType: "SaveWeights",
        resultFormat: "json",
        sdkMethod: "TrainingClient.save_state",
        decode: (payload: unknown) => payload,
        submit: (deadline: unknown) =>
          session.http
            .request({ method: "POST", path: "/api/v1/save_weights", body: saveBody(i), contentType: "application/json" }, { deadline, maxRetries: 0, sdkMethod: "TrainingClient.save_state" })
            .then((r) => r.data),
      }),
    );
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * CPU ns of the main thread alone (Linux `schedstat`), or NaN: `process.cpuUsage` also counts V8's
 * background threads (GC helpers, optimising compiler) and libuv's pool.
 */
function mainThreadCpuNs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]);
  } catch {
    return Number.NaN;
  }
}

/** Runs `op` n times; the costs are per unit (an op is `unitsPerOp` units: pipeline steps). */
async function measure(op: Op, n: number, offset: number, unitsPerOp = 1): Promise<{ cpuUs: number; mainUs: number; wallUs: number }> {
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpuNs();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op(offset + i);
  const units = n * unitsPerOp;
  const wallUs = ((performance.now() - t0) * 1000) / units;
  const mainUs = (mainThreadCpuNs() - m0) / 1000 / units;
  const c = process.cpuUsage(c0);
  return { cpuUs: (c.user + c.system) / units, mainUs, wallUs };
}

const unitsPerOp = (layer: string): number => (layer === "pipeline" ? PIPELINE_STEPS : 1);

interface ClientUnderTest {
  readonly label: string;
  readonly layers: [string, Op][];
  close(): Promise<void>;
}

const encoder = new TextEncoder();
function memoryResponse(status: number, text: string): MemoryResponse {
  const body = encoder.encode(text);
  return { status, headers: { get: (name) => (name.toLowerCase() === "content-type" ? "application/json" : null), entries: () => [] }, body, text: () => text };
}

/**
 * `--in-memory`: answers at once without a socket (what the trivial server answers), so a layer's
 * CPU is only the client's own JavaScript. Marked like the package's transports when the client
 * knows CancelSource, so the engine passes what it passes to the node:http transport.
 */
function memoryTransport(internals: Internals, fwdbwd: Uint8Array): Transport {
  const result = memoryResponse(200, '{"path":"tinker://micro:train:0/weights/ckpt","type":"save_weights"}');
  const fwdbwdResult: MemoryResponse = {
    status: 200,
    headers: { get: (name) => (name.toLowerCase() === "content-type" ? "application/x-protobuf" : null), entries: () => [] },
    body: fwdbwd,
    text: () => "",
  };
  const fwdbwdIds = new Set<string>();
  const answers = new Map([
    ["/api/v1/retrieve_future", result],
    ["/api/v1/client/config", memoryResponse(200, "{}")],
    ["/api/v1/session_heartbeat", memoryResponse(200, "{}")],
    ["/api/v1/client/dynamic_config", memoryResponse(404, '{"detail":"Not Found"}')],
    ["/api/v1/create_session", memoryResponse(200, '{"session_id":"micro-session"}')],
  ]);
  let nextRequestId = 0;
  const transport: Transport = (req) => {
    const url = String(req["url"]);
    const path = url.slice(url.indexOf("/api/"));
    if (path === "/api/v1/forward_backward") {
      const id = `micro-fb-${nextRequestId++}`;
      fwdbwdIds.add(id);
      return Promise.resolve(memoryResponse(200, `{"request_id":"${id}"}`));
    }
    if (path === "/api/v1/retrieve_future" && fwdbwdIds.size > 0 && fwdbwdIds.delete((JSON.parse(String(req["body"])) as { request_id: string }).request_id)) {
      return Promise.resolve(fwdbwdResult);
    }
    const answer = answers.get(path);
    return Promise.resolve(answer ?? memoryResponse(200, `{"request_id":"micro-${nextRequestId++}"}`));
  };
  return internals.acceptsCancelSource ? internals.acceptsCancelSource(transport) : transport;
}

async function clientUnderTest(label: string, clientDir: string, port: number | undefined, fwdbwd: Uint8Array): Promise<ClientUnderTest> {
  const internals = await loadInternals(clientDir);
  const nodeTransport = internals.createNodeTransport();
  const transport = port === undefined ? memoryTransport(internals, fwdbwd) : nodeTransport;
  const session = await internals.startSession({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port ?? 9}`, transport, logLevel: "warn" });
  const training = new internals.TrainingClient({ context: session, modelId: MODEL_ID, modelSeqId: 0, info: { model_data: { model_name: "micro" } } });
  const viaTransport = port === undefined ? undefined : transportLayer(internals, port);
  return {
    label,
    layers: [
      ...(viaTransport === undefined ? [] : [["transport", viaTransport.op] as [string, Op]]),
      ["engine", engineLayer(session)],
      ["future", futureLayer(internals, session)],
      ["save", (i) => training.saveState(`ckpt-${i}`).result()],
      ["load", () => training.loadState(CHECKPOINT).result()],
      ["pipeline", pipelineLayer(training)],
    ],
    async close() {
      await session.close();
      nodeTransport.destroy();
      viaTransport?.close();
    },
  };
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const dirs = args.has("client-dir") ? args.get("client-dir")!.split(",").map((d) => resolve(d)) : [dirname(require.resolve("@tinker-ts/client/package.json"))];
  const inMemory = args.has("in-memory");
  const fwdbwd = await forwardBackwardResult();
  const server = inMemory ? undefined : await startServer(fwdbwd);
  const raw = server === undefined ? undefined : rawLayer(server.port);
  const clients: ClientUnderTest[] = [];
  for (const [k, dir] of dirs.entries()) clients.push(await clientUnderTest(dirs.length > 1 ? `#${k + 1}` : "", dir, server?.port, fwdbwd));
  // `--only=future,save` keeps those layers (and raw, the reference), e.g. for a --cpu-prof run.
  const only = args.get("only")?.split(",");
  // The reference of the ratio column: the raw loop, or in memory (no raw loop) the engine.
  const reference = raw === undefined ? "engine" : "raw";
  const layerNames = [...(raw === undefined ? [] : ["raw"]), ...clients[0]!.layers.map(([name]) => name)].filter(
    (name) => name === reference || only === undefined || only.includes(name),
  );
  const runs: { layer: string; client: string; op: Op }[] = raw === undefined ? [] : [{ layer: "raw", client: "", op: raw.op }];
  for (const c of clients) for (const [layer, op] of c.layers) if (layerNames.includes(layer)) runs.push({ layer, client: c.label, op });
  const key = (run: { layer: string; client: string }): string => `${run.layer}${run.client}`;

  // Warm-up: JIT and keep-alive sockets.
  for (const run of runs) for (let i = 0; i < 300 / unitsPerOp(run.layer); i++) await run.op(i);

  const cpu = new Map<string, number[]>(runs.map((run) => [key(run), []]));
  const wall = new Map<string, number[]>(runs.map((run) => [key(run), []]));
  const main = new Map<string, number[]>(runs.map((run) => [key(run), []]));
  const ratio = new Map<string, number[]>(runs.map((run) => [key(run), []]));
  let offset = 1000;
  for (let r = 0; r < ROUNDS; r++) {
    const order = runs.map((_, k) => runs[(k + r) % runs.length]!);
    const round = new Map<string, number>();
    for (const run of order) {
      const units = unitsPerOp(run.layer);
      const m = await measure(run.op, Math.max(1, Math.round(OPS / units)), offset, units);
      offset += OPS;
      cpu.get(key(run))!.push(m.cpuUs);
      wall.get(key(run))!.push(m.wallUs);
      main.get(key(run))!.push(m.mainUs);
      round.set(key(run), m.cpuUs);
    }
    for (const run of runs) ratio.get(key(run))!.push(round.get(key(run))! / round.get(reference === "raw" ? "raw" : `${reference}${run.client}`)!);
  }

  for (const c of clients) await c.close();
  raw?.close();
  server?.stop();

  console.log(`${ROUNDS} interleaved rounds × ${OPS} ops (submit + retrieve_future each); medians${inMemory ? "; in-memory transport (the client's JavaScript only)" : ""}`);
  for (const [k, dir] of dirs.entries()) console.log(`client${clients[k]!.label ? ` ${clients[k]!.label}` : ""}: ${dir}`);
  const header = clients.map((c) => `CPU µs/op${c.label.padStart(3)}  Δ prev  main-thread  wall µs/op  CPU × ${reference}`).join(" | ");
  console.log(`${"layer".padEnd(10)} ${header}`);
  const rows: Record<string, unknown>[] = [];
  for (const layer of layerNames) {
    const cells = (layer === "raw" ? [clients[0]!] : clients).map((c) => {
      const k = layer === "raw" ? "raw" : `${layer}${c.label}`;
      const cpuUs = median(cpu.get(k)!);
      const prevLayer = layerNames[layerNames.indexOf(layer) - 1];
      const prevKey = prevLayer === undefined ? undefined : prevLayer === "raw" ? "raw" : `${prevLayer}${c.label}`;
      const delta = prevKey === undefined || layer === "load" || layer === "pipeline" ? "" : `${cpuUs - median(cpu.get(prevKey)!) >= 0 ? "+" : ""}${(cpuUs - median(cpu.get(prevKey)!)).toFixed(0)}`;
      const row = { layer, client: c.label, cpuUs, mainUs: median(main.get(k)!), wallUs: median(wall.get(k)!), cpuRatio: median(ratio.get(k)!) };
      rows.push(row);
      return `${cpuUs.toFixed(0).padStart(12)}  ${delta.padStart(6)}  ${row.mainUs.toFixed(0).padStart(11)}  ${row.wallUs.toFixed(0).padStart(10)}  ${row.cpuRatio.toFixed(2).padStart(9)}`;
    });
    console.log(`${layer.padEnd(10)} ${cells.join(" | ")}`);
  }
  if (args.has("json")) console.log(JSON.stringify(rows));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
