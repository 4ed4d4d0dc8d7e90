import type { SessionContext } from "../core/context.js";
import type { Deadline } from "../core/deadline.js";

/**
 * The session-wide sampling backoff of the Python SDK: when a sample submit is refused with 429
 * (sent with `X-Tinker-Sampling-Backpressure: 1`), every sampling client of the session holds its
 * submits for 1 s (5 s for prompts over 128 KiB) and then re-sends the same request.
 */
class SamplingBackoff {
  #until = 0;

  /** Waits (abortably) while a backoff is in force. */
  async wait(deadline: Deadline): Promise<void> {
    for (;;) {
      const remaining = this.#until - Date.now();
      if (remaining <= 0) return;
      await deadline.sleep(remaining);
    }
  }

  /** Starts a backoff sized by the refused prompt's estimated bytes. */
  trigger(estimatedBytes: number): void {
    const ms = estimatedBytes <= 128 * 1024 ? 1000 : 5000;
    this.#until = Math.max(this.#until, Date.now() + ms);
  }
}

const bySession = new WeakMap<SessionContext, SamplingBackoff>();

export function samplingBackoff(ctx: SessionContext): SamplingBackoff {
  let b = bySession.get(ctx);
  if (!b) {
    b = new SamplingBackoff();
    bySession.set(ctx, b);
  }
  return b;
}
