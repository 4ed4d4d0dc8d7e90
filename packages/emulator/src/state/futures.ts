/** Futures: work the server finishes later, fetched with a long-polled retrieve_future. */
import { randomUUID } from "node:crypto";
import type { RequestFailedResponse } from "../wire.js";

export type FutureResult =
  | { readonly kind: "json"; readonly value: unknown }
  /** A result that can be sent as protobuf (when the client accepts it) or as JSON. */
  | { readonly kind: "proto"; readonly json: () => unknown; readonly binary: () => Uint8Array };

/** A failed future's answer, as retrieve_future sends it. */
export type FutureFailure = RequestFailedResponse;

export interface FutureRecord {
  readonly requestId: string;
  readonly requestType: string;
  readonly modelId: string | undefined;
  state: "pending" | "done" | "failed";
  result?: FutureResult;
  failure?: FutureFailure;
  cancelled: boolean;
  /** When it was settled (epoch ms), for eviction. */
  settledAt?: number;
  /** Long-polls waiting for it; created by the first wait (most futures are settled before anyone asks). */
  waiters?: Set<() => void>;
}

/** Settled futures are kept this long after settling, then forgotten (retrieve answers 404). */
export const FUTURE_RETENTION_MS = 30 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 1000;

export class FutureStore {
  private readonly futures = new Map<string, FutureRecord>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  create(requestType: string, modelId?: string): FutureRecord {
    const record: FutureRecord = {
      requestId: `req-${randomUUID()}`,
      requestType,
      modelId,
      state: "pending",
      cancelled: false,
    };
    this.futures.set(record.requestId, record);
    if (this.now() - this.lastSweep >= SWEEP_INTERVAL_MS) this.evict();
    return record;
  }

  get(requestId: string): FutureRecord | undefined {
    return this.futures.get(requestId);
  }

  resolve(record: FutureRecord, result: FutureResult): void {
    if (record.state !== "pending") return;
    record.state = "done";
    record.settledAt = this.now();
    record.result = result.kind === "proto" ? { ...result, binary: memo(result.binary) } : result;
    this.wake(record);
  }

  fail(record: FutureRecord, failure: FutureFailure): void {
    if (record.state !== "pending") return;
    record.state = "failed";
    record.settledAt = this.now();
    record.failure = failure;
    this.wake(record);
  }

  /** Runs `work` and settles the future with its result or its error. */
  async settle(record: FutureRecord, work: () => FutureResult | Promise<FutureResult>): Promise<void> {
    try {
      this.resolve(record, await work());
    } catch (error) {
      const status = (error as { status?: number }).status;
      const message = error instanceof Error ? error.message : String(error);
      this.fail(record, { error: message, category: status !== undefined && status < 500 ? "user" : "server" });
    }
  }

  /** Waits until the future is settled or `ms` elapse (or `signal` aborts). */
  wait(record: FutureRecord, ms: number, signal: AbortSignal): Promise<void> {
    if (record.state !== "pending" || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = (record.waiters ??= new Set());
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  /** Forgets futures settled more than FUTURE_RETENTION_MS ago. */
  evict(): void {
    this.lastSweep = this.now();
    const cutoff = this.lastSweep - FUTURE_RETENTION_MS;
    for (const [id, record] of this.futures) if (record.settledAt !== undefined && record.settledAt < cutoff) this.futures.delete(id);
  }

  get size(): number {
    return this.futures.size;
  }

  /** Wakes every waiter (used on shutdown). */
  wakeAll(): void {
    for (const record of this.futures.values()) this.wake(record);
  }

  private wake(record: FutureRecord): void {
    if (record.waiters) for (const waiter of [...record.waiters]) waiter();
  }
}

function memo<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}
