/**
 * The tinker-ts driver: the public API of `@tinker-ts/client` exactly as a user calls it. This is
 * the only file that knows the client's API; the scenarios see the small interfaces below.
 */
import * as http from "node:http";
import { performance } from "node:perf_hooks";
import { rawRows, type BatchShape, type RawRow } from "../data.js";
import { timedPersistRound, type PersistDriver } from "../scenarios/persistence.js";
import type { PipelineDriver, PipelineRound } from "../scenarios/pipeline.js";
import { cpuMs } from "../cpu.js";
import { importPackageSources, packageDir } from "../package-sources.js";
import type { EncodeDriver } from "../scenarios/encode.js";

/** The slice of the client's public API the benchmark uses (structural, so the bench states its needs). */
interface TrainingClientApi {
  readonly modelId: string;
  saveState(name: string): PromiseLike<{ path: string }>;
  loadState(path: string): PromiseLike<unknown>;
  forwardBackward(data: unknown[], lossFn: string): PromiseLike<unknown>;
  optimStep(adam: { learning_rate: number }): PromiseLike<unknown>;
}
interface ServiceClientApi {
  createLoraTrainingClient(options: { baseModel: string; rank?: number }): PromiseLike<TrainingClientApi>;
  close?(): Promise<unknown> | unknown;
}
interface ClientModule {
  ServiceClient: new (options: { apiKey: string; baseUrl: string }) => ServiceClientApi;
}

/** Internal encoder entry points (dist files), timed like Python's request_conv in scenario 3. */
interface EncoderModules {
  prepareData(data: unknown): unknown;
  encodeForwardBackwardRequest(parts: { modelId: string; seqId: number; data: unknown; lossFn: string; forwardOnly: boolean }): Uint8Array;
}

let clientModule: Promise<ClientModule> | undefined;
function loadClient(): Promise<ClientModule> {
  const specifier = "@tinker-ts/client";
  clientModule ??= import(specifier) as Promise<ClientModule>;
  return clientModule;
}

/** The two functions `forwardBackward` runs to encode, from the client's shipped `src/`. */
async function loadEncoder(): Promise<EncoderModules | null> {
  try {
    const mod = await importPackageSources<EncoderModules>(packageDir("@tinker-ts/client"), [
      `export { prepareData } from "./src/data/datum.ts";`,
      `export { encodeForwardBackwardRequest } from "./src/proto/forward-backward-request.ts";`,
    ]);
    return { prepareData: mod.prepareData, encodeForwardBackwardRequest: mod.encodeForwardBackwardRequest };
  } catch {
    return null;
  }
}

/** Rows as a user writes them: `Datum` objects with plain number arrays. */
export function toDatums(rows: readonly RawRow[]): unknown[] {
  return rows.map((r) => ({
    model_input: { chunks: [{ tokens: r.tokens, type: "encoded_text" }] },
    loss_fn_inputs: { target_tokens: r.target, weights: r.weights },
  }));
}

export interface TinkerTsSession {
  readonly modelId: string;
  saveState(name: string): Promise<string>;
  loadState(path: string): Promise<void>;
  forwardBackward(rows: readonly RawRow[]): Promise<void>;
  /** n × (forwardBackward + optimStep) without waiting, then every result. */
  pipeline(n: number, rows: readonly RawRow[]): Promise<PipelineRound>;
  persistDriver(): PersistDriver;
  pipelineDriver(rows: readonly RawRow[]): PipelineDriver;
  encodeDriver(shape: BatchShape): EncodeDriver;
  /** Signed archive URL of a checkpoint (the emulator's archive route, 302 Location or JSON). */
  archiveUrl(tinkerPath: string): Promise<string>;
  contentLength(url: string): Promise<number>;
  close(): Promise<void>;
}

function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      if ((res.statusCode ?? 0) === 200 && res.headers["content-type"]?.includes("json") !== true) {
        res.destroy();
        return resolve({ status: 200, headers: res.headers, body: "" });
      }
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

export async function openTinkerTs(baseUrl: string, apiKey: string, baseModel: string): Promise<TinkerTsSession> {
  const { ServiceClient } = await loadClient();
  const service = new ServiceClient({ apiKey, baseUrl });
  const training = await service.createLoraTrainingClient({ baseModel, rank: 8 });
  const encoder = await loadEncoder();
  const adam = { learning_rate: 1e-4 };

  const session: TinkerTsSession = {
    modelId: training.modelId,
    async saveState(name) {
      return (await training.saveState(name)).path;
    },
    async loadState(path) {
      await training.loadState(path);
    },
    async forwardBackward(rows) {
      await training.forwardBackward(toDatums(rows), "cross_entropy");
    },
    async pipeline(n, rows) {
      const data = toDatums(rows);
      const cpu0 = cpuMs();
      const t0 = performance.now();
      const futures: PromiseLike<unknown>[] = [];
      for (let i = 0; i < n; i++) {
        futures.push(training.forwardBackward(data, "cross_entropy"));
        futures.push(training.optimStep(adam));
      }
      await Promise.all(futures);
      return { wallMs: performance.now() - t0, cpuMs: cpuMs() - cpu0 };
    },
    persistDriver() {
      return {
        name: "tinker-ts",
        round: (n, firstIndex) =>
          timedPersistRound(n, firstIndex, "ts", {
            save: async (name) => (await training.saveState(name)).path,
            load: (path) => training.loadState(path),
          }),
      };
    },
    pipelineDriver(rows) {
      return { name: "tinker-ts", round: (n) => session.pipeline(n, rows) };
    },
    encodeDriver(shape) {
      const rows = rawRows(shape);
      return {
        name: "tinker-ts",
        async round() {
          let encodeMs: number | undefined;
          if (encoder !== null) {
            const t0 = performance.now();
            const prepared = encoder.prepareData(toDatums(rows));
            encoder.encodeForwardBackwardRequest({ modelId: training.modelId, seqId: 1, data: prepared, lossFn: "cross_entropy", forwardOnly: false });
            encodeMs = performance.now() - t0;
          }
          // From plain lists, like the Python driver (whose Datum construction is in its e2e).
          const t1 = performance.now();
          await training.forwardBackward(toDatums(rows), "cross_entropy");
          return { encodeMs, e2eMs: performance.now() - t1 };
        },
      };
    },
    async archiveUrl(tinkerPath) {
      const m = /^tinker:\/\/([^/]+)\/(.+)$/.exec(tinkerPath);
      if (m === null) throw new Error(`not a tinker path: ${tinkerPath}`);
      const res = await getRaw(`${baseUrl}/api/v1/training_runs/${m[1]}/checkpoints/${m[2]}/archive`, {
        "x-api-key": apiKey,
        accept: "application/json",
      });
      if (res.status >= 300 && res.status < 400 && typeof res.headers.location === "string") return new URL(res.headers.location, baseUrl).href;
      if (res.status === 200 && res.body !== "") return (JSON.parse(res.body) as { url: string }).url;
      throw new Error(`archive URL: HTTP ${res.status} ${res.body.slice(0, 200)}`);
    },
    async contentLength(url) {
      const res = await getRaw(url, {});
      const n = Number(res.headers["content-length"]);
      if (res.status !== 200 || !Number.isFinite(n)) throw new Error(`archive: HTTP ${res.status}, content-length ${res.headers["content-length"]}`);
      return n;
    },
    async close() {
      await service.close?.();
    },
  };
  return session;
}
