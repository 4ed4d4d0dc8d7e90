/**
 * Per-model seq_id ordering. Operations run strictly in seq_id order: an early arrival waits for the
 * missing earlier ids for at most `gapTimeoutMs`; after that the gap is skipped (those ids count as
 * lost) and waiting operations run in order. A seq_id that already ran or is queued is a duplicate
 * (a retried submit) and is answered with the original request id. Operations without seq_id run
 * in arrival order after the ones already queued. A request rejected at submit (400/404/409) releases
 * its seq_id, so later ones do not wait for it; a later request with that seq_id runs at once.
 */

type Op = () => Promise<void>;

/** How many recent seq_ids are remembered to answer retried submits. */
const DUPLICATE_WINDOW = 4096;

export class Sequencer {
  private nextSeq: number;
  private readonly waiting = new Map<number, Op>();
  private readonly seen = new Map<number, string>();
  /** seq_ids whose request was rejected at submit; a later request with one of them runs at once. */
  private readonly released = new Set<number>();
  private gapTimer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    firstSeq: number,
    private readonly gapTimeoutMs: number,
  ) {
    this.nextSeq = firstSeq;
  }

  /** The request id already issued for `seq`, if this seq was submitted before. */
  duplicateOf(seq: number): string | undefined {
    return this.seen.get(seq);
  }

  isStale(seq: number): boolean {
    return seq < this.nextSeq && !this.seen.has(seq) && !this.released.has(seq);
  }

  submit(seq: number | undefined, requestId: string, op: Op): void {
    if (seq === undefined) {
      this.enqueue(op);
      return;
    }
    this.seen.set(seq, requestId);
    if (this.released.delete(seq)) {
      this.enqueue(op);
      return;
    }
    this.waiting.set(seq, op);
    this.drain();
  }

  /** A seq_id whose request was rejected at submit: its turn passes at once, so later ones do not wait for it. */
  release(seq: number): void {
    if (seq < this.nextSeq || this.waiting.has(seq) || this.seen.has(seq)) return;
    this.released.add(seq);
    this.waiting.set(seq, async () => {});
    this.drain();
  }

  close(): void {
    clearTimeout(this.gapTimer);
  }

  private enqueue(op: Op): void {
    this.chain = this.chain.then(op, op);
  }

  private drain(): void {
    clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    for (;;) {
      const op = this.waiting.get(this.nextSeq);
      if (!op) break;
      this.waiting.delete(this.nextSeq);
      // Retries come soon after the original; remembering the last few thousand ids keeps memory flat.
      this.seen.delete(this.nextSeq - DUPLICATE_WINDOW);
      this.released.delete(this.nextSeq - DUPLICATE_WINDOW);
      this.nextSeq += 1;
      this.enqueue(op);
    }
    if (this.waiting.size > 0) {
      this.gapTimer = setTimeout(() => {
        const earliest = Math.min(...this.waiting.keys());
        this.nextSeq = earliest;
        this.drain();
      }, this.gapTimeoutMs);
      this.gapTimer.unref();
    }
  }
}
