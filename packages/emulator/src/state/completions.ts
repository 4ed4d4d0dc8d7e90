/** Per sampling session, the ordered log of finished samples that /retrieve_futures long-polls. */
import type { FutureCompletion as Completion } from "../wire.js";

/** Completions kept per sampling session; older ones are dropped (cursors stay valid, they just see less). */
const MAX_ENTRIES = 100_000;

interface Log {
  /** Cursor value of entries[0]. */
  base: number;
  entries: Array<{ readonly clone: number; readonly completion: Completion }>;
  readonly waiters: Set<() => void>;
}

export class CompletionLog {
  private readonly logs = new Map<string, Log>();

  private log(samplerId: string): Log {
    let log = this.logs.get(samplerId);
    if (!log) {
      log = { base: 0, entries: [], waiters: new Set() };
      this.logs.set(samplerId, log);
    }
    return log;
  }

  push(samplerId: string, clone: number, completion: Completion): void {
    const log = this.log(samplerId);
    log.entries.push({ clone, completion });
    if (log.entries.length > MAX_ENTRIES) {
      const drop = log.entries.length - MAX_ENTRIES / 2;
      log.entries = log.entries.slice(drop);
      log.base += drop;
    }
    for (const wake of [...log.waiters]) wake();
  }

  /** Completions of `clone` after `cursor` (a position in the session's log), waiting up to `ms` for one. */
  async since(samplerId: string, clone: number, cursor: number, ms: number, signal: AbortSignal): Promise<{ completions: Completion[]; cursor: number }> {
    const log = this.log(samplerId);
    const pick = (): Completion[] =>
      log.entries
        .slice(Math.max(cursor - log.base, 0))
        .filter((e) => e.clone === clone)
        .map((e) => e.completion);
    if (pick().length === 0 && ms > 0) {
      await new Promise<void>((resolve) => {
        let timedOut = false;
        const done = (): void => {
          if (pick().length === 0 && !signal.aborted && !timedOut) return;
          clearTimeout(timer);
          log.waiters.delete(done);
          signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(() => {
          timedOut = true;
          done();
        }, ms);
        log.waiters.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
    return { completions: pick(), cursor: Math.max(cursor, log.base + log.entries.length) };
  }
}
