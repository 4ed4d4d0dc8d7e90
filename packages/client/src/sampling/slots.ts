import type { Deadline } from "../core/deadline.js";

/**
 * A counting semaphore whose waits end with the caller's deadline (a waiter that gives up never
 * takes a slot). Bounds how many samples of one client are in flight, as the Python SDK bounds them
 * by the server's `sample_max_concurrent_requests`.
 */
export class Slots {
  #free: number;
  readonly #waiters: (() => void)[] = [];

  constructor(size: number) {
    this.#free = Math.max(1, Math.floor(size));
  }

  /** Resolves with the function that gives the slot back (call it exactly once). */
  async acquire(deadline: Deadline): Promise<() => void> {
    if (this.#free > 0) {
      this.#free--;
      return this.#releaser();
    }
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    this.#waiters.push(grant);
    try {
      await deadline.race(granted);
    } catch (error) {
      const at = this.#waiters.indexOf(grant);
      if (at >= 0) this.#waiters.splice(at, 1);
      else this.#release(); // granted just as we gave up: pass the slot on
      throw error;
    }
    return this.#releaser();
  }

  get available(): number {
    return this.#free;
  }

  #releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#release();
    };
  }

  #release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#free++;
  }
}
