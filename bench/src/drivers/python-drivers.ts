import type { PythonWorker } from "./python.js";
import type { PersistDriver } from "../scenarios/persistence.js";
import type { PipelineDriver } from "../scenarios/pipeline.js";
import type { EncodeDriver } from "../scenarios/encode.js";
import type { BatchShape } from "../data.js";

const shapeArgs = (s: BatchShape) => ({ batch: s.batch, seq_len: s.seqLen, vocab: s.vocab });

export function pythonPersist(worker: PythonWorker, slot = "main"): PersistDriver {
  return {
    name: "python",
    async round(n, firstIndex) {
      const r = await worker.call<{ save_ms: number[]; load_ms: number[]; cpu_ms: number }>("persist", {
        slot,
        n,
        first_index: firstIndex,
        name_format: "bench-py-{i}",
      });
      return { saveMs: r.save_ms, loadMs: r.load_ms, cpuMs: r.cpu_ms };
    },
  };
}

export function pythonPipeline(worker: PythonWorker, shape: BatchShape, slot = "main"): PipelineDriver {
  return {
    name: "python",
    async round(n) {
      const r = await worker.call<{ total_ms: number; cpu_ms: number }>("pipeline", { slot, n, ...shapeArgs(shape) });
      return { wallMs: r.total_ms, cpuMs: r.cpu_ms };
    },
  };
}

export function pythonEncode(worker: PythonWorker, shape: BatchShape, slot = "main"): EncodeDriver {
  return {
    name: "python",
    async round() {
      const r = await worker.call<{ encode_ms: number; e2e_ms: number }>("encode", { slot, ...shapeArgs(shape) });
      return { encodeMs: r.encode_ms, e2eMs: r.e2e_ms };
    },
  };
}
