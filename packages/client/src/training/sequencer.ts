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
  async inTurn<T>(minId: number, submit: () => Promise<T>): Promise<T> {
    if (this.turn < minId) {
      await new Promise<void>((resolve) => {
        const list = this.waiters.get(minId);
        if (list) list.push(resolve);
        else this.waiters.set(minId, [resolve]);
      });
    }
    try {
      return await submit();
    } finally {
      this.turn += 1;
      const ready = this.waiters.get(this.turn);
      if (ready) {
        this.waiters.delete(this.turn);
        for (const wake of ready) wake();
      }
    }
  }
}
