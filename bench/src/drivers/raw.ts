import { performance } from "node:perf_hooks";
import type { FutureOpTemplates } from "../wire/future-op.js";
import { retrieve, runFutureOp, submitOnly } from "../wire/future-op.js";
import type { ChunkTemplate } from "../wire/captured-ops.js";
import type { RequestTemplate } from "../wire/template.js";
import type { Sender } from "../wire/senders.js";
import { timedPersistRound, type PersistDriver, type PersistRound } from "../scenarios/persistence.js";
import type { PipelineDriver, PipelineRound } from "../scenarios/pipeline.js";
import { cpuMs } from "../cpu.js";
import type { EncodeDriver, EncodeRound } from "../scenarios/encode.js";

export interface RawTemplates {
  save: FutureOpTemplates;
  load: FutureOpTemplates;
  forwardBackward: FutureOpTemplates;
  optimStep: FutureOpTemplates;
  bigBatch?: { chunks: ChunkTemplate[]; retrieve: RequestTemplate };
}

/**
 * A raw loop on its own model: the client's captured bytes replayed through a bare sender, with
 * only model_id, seq_id, names and request ids changed. Its seq_ids continue from `nextSeq`.
 */
export class RawDriver implements PersistDriver {
  private seq: number;

  constructor(
    readonly name: string,
    private readonly sender: Sender,
    private readonly modelId: string,
    private readonly templates: RawTemplates,
    private readonly tag: string,
    nextSeq = 1,
  ) {
    this.seq = nextSeq;
  }

  private vars(extra: Record<string, string | number> = {}) {
    return { model_id: this.modelId, seq_id: this.seq++, ...extra };
  }

  /** One saveState-equivalent; resolves to the checkpoint's tinker path. */
  async save(name: string): Promise<string> {
    const res = await runFutureOp(this.sender, this.templates.save, this.vars({ path: name }));
    return (JSON.parse(res.body.toString("utf8")) as { path: string }).path;
  }

  async load(path: string): Promise<void> {
    await runFutureOp(this.sender, this.templates.load, this.vars({ path }));
  }

  round(n: number, firstIndex: number): Promise<PersistRound> {
    return timedPersistRound(n, firstIndex, this.tag, this);
  }

  /** Submits in order (each after the previous submit's acknowledgement, as the clients do), polls concurrently. */
  async pipeline(n: number): Promise<PipelineRound> {
    const pending: Promise<unknown>[] = [];
    const cpu0 = cpuMs();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      for (const op of [this.templates.forwardBackward, this.templates.optimStep]) {
        const { requestId, seconds } = await submitOnly(this.sender, op, this.vars());
        const p = retrieve(this.sender, op, requestId, seconds);
        p.catch(() => {});
        pending.push(p);
      }
    }
    await Promise.all(pending);
    return { wallMs: performance.now() - t0, cpuMs: cpuMs() - cpu0 };
  }

  /** The captured chunks of one large batch: all but the first concurrently, the first last, then every result. */
  async bigBatch(): Promise<EncodeRound> {
    const big = this.templates.bigBatch;
    if (big === undefined) throw new Error("no large batch was captured");
    const base = this.seq;
    this.seq += Math.max(...big.chunks.map((c) => c.seqOffset)) + 1;
    const t0 = performance.now();
    const submit = async (c: ChunkTemplate) => {
      const s = performance.now();
      const res = await this.sender.send(c.template.render({ model_id: this.modelId, seq_id: base + c.seqOffset }));
      if (res.status !== 200) throw new Error(`forward_backward chunk: HTTP ${res.status} ${res.body.toString("utf8").slice(0, 200)}`);
      return { requestId: (JSON.parse(res.body.toString("utf8")) as { request_id: string }).request_id, seconds: (performance.now() - s) / 1000 };
    };
    const firstChunk = big.chunks.find((c) => c.seqOffset === 0)!;
    const rest = await Promise.all(big.chunks.filter((c) => c !== firstChunk).map(submit));
    const first = await submit(firstChunk);
    const op = { submit: firstChunk.template, retrieve: big.retrieve };
    await Promise.all([first, ...rest].map((s) => retrieve(this.sender, op, s.requestId, s.seconds)));
    return { e2eMs: performance.now() - t0 };
  }

  asPipelineDriver(): PipelineDriver {
    return { name: this.name, round: (n) => this.pipeline(n) };
  }

  asEncodeDriver(): EncodeDriver {
    return { name: this.name, round: () => this.bigBatch() };
  }

  close(): void {
    this.sender.close();
  }
}
