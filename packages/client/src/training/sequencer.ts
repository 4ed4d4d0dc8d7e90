import { TinkerError } from "../core/errors.js";

/**
 * Orders one training client's requests the way the service needs them: ids are reserved
 * synchronously when a method is called (wire `seq_id = id + 1`), and each request's submit POST waits
 * until every earlier id has been submitted. Results are awaited independently.
 *
 * A range of ids (the chunks of one forward/backward) shares one turn: all of them may submit
 * together once the range is reached, and the range is passed when every one of them has submitted.
 */
export class RequestSequencer {
  private reserved = 0;
  private turn = 0;
  private readonly waiters = new Map<number, (() => void)[]>();
  private poisonedBy: { error: unknown } | undefined;

  /** Reserves `count` consecutive ids now, in call order; returns the first. */
  reserve(count = 1): number {
    const start = this.reserved;
    this.reserved += count;
    return start;
  }

  /** Ids reserved so far (the next id to hand out). */
  get reservedCount(): number {
    return this.reserved;
  }

  /**
   * Runs `submit` once the turn reaches `minId` (ids `minId..maxId` share the turn), then advances
   * the turn by one whether `submit` succeeded or not, so a failed request never blocks later ones.
   */
  inTurn<T>(minId: number, submit: () => Promise<T>): Promise<T> {
    if (this.poisonedBy !== undefined || this.turn < minId) return this.#waitForTurn(minId, submit);
    // Its turn already: submit now, without the async function's extra promise and hop.
    let sending: Promise<T>;
    try {
      sending = submit();
    } catch (error) {
      this.#pass();
      return Promise.reject(error);
    }
    return sending.then(
      (value) => {
        this.#pass();
        return value;
      },
      (error: unknown) => {
        this.#pass();
        throw error;
      },
    );
  }

  async #waitForTurn<T>(minId: number, submit: () => Promise<T>): Promise<T> {
    if (this.poisonedBy === undefined && this.turn < minId) {
      await new Promise<void>((resolve) => {
        const list = this.waiters.get(minId);
        if (list) list.push(resolve);
        else this.waiters.set(minId, [resolve]);
      });
    }
    if (this.poisonedBy !== undefined) {
      throw new TinkerError("An earlier request of this TrainingClient failed after reserving its place in the order; the client cannot send more requests.", {
        cause: this.poisonedBy.error,
      });
    }
    try {
      return await submit();
    } finally {
      this.#pass();
    }
  }

  /** Advances the turn by one and wakes whoever waits for the new turn. */
  #pass(): void {
    this.turn += 1;
    const ready = this.waiters.get(this.turn);
    if (ready) {
      this.waiters.delete(this.turn);
      for (const wake of ready) wake();
    }
  }

  /**
   * Ids were reserved that will never be sent (a custom-loss call failed between its two phases), so
   * the turn can never pass them: every waiting and later request fails instead of hanging.
   */
  poison(error: unknown): void {
    this.poisonedBy ??= { error };
    for (const list of this.waiters.values()) for (const wake of list) wake();
    this.waiters.clear();
  }
}
