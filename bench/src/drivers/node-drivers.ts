import { fileURLToPath } from "node:url";
import type { BatchShape } from "../data.js";
import { JsonLineWorker } from "../process/json-line-worker.js";
import type { EncodeDriver, EncodeRound } from "../scenarios/encode.js";
import type { PersistDriver, PersistRound } from "../scenarios/persistence.js";
import type { PipelineDriver, PipelineRound } from "../scenarios/pipeline.js";

const NODE_DRIVER = fileURLToPath(new URL("../node-driver.js", import.meta.url));

/** A Node driver process (src/node-driver.ts), opened as tinker-ts or as a raw loop. */
export class NodeDriverProcess {
  private constructor(
    readonly name: string,
    private readonly worker: JsonLineWorker,
  ) {}

  static async openTinkerTs(baseUrl: string, apiKey: string, baseModel: string): Promise<NodeDriverProcess> {
    const worker = await JsonLineWorker.start("tinker-ts", process.execPath, [NODE_DRIVER]);
    await worker.call("open-ts", { baseUrl, apiKey, baseModel });
    return new NodeDriverProcess("tinker-ts", worker);
  }

  /** A raw loop on its own model, replaying the capture pass written to `capturedFile`. */
  static async openRaw(sender: "fetch" | "node:http", baseUrl: string, modelId: string, capturedFile: string, tag: string): Promise<NodeDriverProcess> {
    const worker = await JsonLineWorker.start(sender, process.execPath, [NODE_DRIVER]);
    await worker.call("open-raw", { sender, baseUrl, modelId, capturedFile, tag });
    return new NodeDriverProcess(sender, worker);
  }

  persistDriver(): PersistDriver {
    return { name: this.name, round: (n, firstIndex) => this.worker.call<PersistRound>("persist", { n, firstIndex }) };
  }

  pipelineDriver(shape: BatchShape): PipelineDriver {
    return { name: this.name, round: (n) => this.worker.call<PipelineRound>("pipeline", { n, shape }) };
  }

  encodeDriver(shape: BatchShape): EncodeDriver {
    return { name: this.name, round: () => this.worker.call<EncodeRound>("encode", { shape }) };
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
