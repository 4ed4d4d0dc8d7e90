import { AbortError, APITimeoutError, DeadlineExceededError } from "./errors.js";
import { TransportTimeoutError } from "../transport/types.js";
import { anyFollows, CancelSource, onAnyAbort, type AbortSource } from "./abort-fanout.js";

/** Per-call options every public method accepts. */
export interface CallOptions {
  /** Cancels the call (and its retries, sleeps and polling). Rejects with `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Deadline of the whole call in milliseconds: retries, backoff sleeps and future polling
   * included. When it runs out the call rejects with `DeadlineExceededError`. Default: none
   * (each HTTP attempt is still bounded by the client's `timeout`).
   */
  readonly timeout?: number | undefined;
  /** Observes the server queue state of a future (active / paused, with reason). */
  readonly onQueueState?: ((event: QueueStateEvent) => void) | undefined;
}

export type QueueState = "active" | "paused_capacity" | "paused_rate_limit" | "unknown";

export interface QueueStateEvent {
  readonly state: QueueState;
  /** The server's `queue_state_reason`, when given. */
  readonly reason: string | undefined;
  readonly requestId: string;
  /** e.g. "SaveWeights", "ForwardBackward", "Sample". */
  readonly requestType: string;
  /** Milliseconds since polling began. */
  readonly elapsedMs: number;
}

function abortErrorFor(signal: AbortSource): AbortError {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortError) return reason;
  return new AbortError("Request was aborted.", { cause: reason });
}

const noop = (): void => {};
const NO_SIGNALS: readonly AbortSource[] = [];


/** Bounds of one transport exchange (see Deadline.exchange). */
export interface ExchangeBounds {
  /** One source for the exchange (several are merged into a CancelSource). */
  readonly signal: AbortSource | undefined;
  readonly timeoutMs: number | undefined;
  /** The typed error for a transport failure caused by these bounds, else undefined. */
  classify(cause: unknown): AbortError | APITimeoutError | undefined;
  dispose(): void;
}

/**
 * The time and cancellation bounds of one logical call: any number of abort signals (the
 * caller's, the client's close signal) and an optional absolute deadline. Everything that waits
 * (HTTP attempts, backoff sleeps, long-polls) goes through one of these, so nothing waits past it.
 */
export class Deadline {
  /** Absolute epoch ms (Date.now clock), or undefined for none. */
  readonly at: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly signals: readonly AbortSource[];

  private constructor(at: number | undefined, timeoutMs: number | undefined, signals: readonly AbortSource[]) {
    this.at = at;
    this.timeoutMs = timeoutMs;
    this.signals = signals;
  }

  static none(): Deadline {
    return new Deadline(undefined, undefined, []);
  }

  /**
   * A deadline from call options, nested in `parent` (the tighter bound wins; all signals apply).
   * A non-finite or negative timeout is a ValidationError raised by the caller, not here.
   */
  static from(options: Pick<CallOptions, "signal" | "timeout"> | undefined, parent?: Deadline, extraSignal?: AbortSignal): Deadline {
    const parentSignals = parent?.signals ?? NO_SIGNALS;
    // A signal the parent already has, or that one of its CancelSources follows (e.g. a future's,
    // linked to the client's close signal), is not added again: every exchange would merge two.
    const signal = options?.signal && !anyFollows(parentSignals, options.signal) ? options.signal : undefined;
    const extra = extraSignal && extraSignal !== signal && !anyFollows(parentSignals, extraSignal) ? extraSignal : undefined;
    let at = parent?.at;
    let timeoutMs = parent?.timeoutMs;
    if (options?.timeout !== undefined) {
      const own = Date.now() + options.timeout;
      if (at === undefined || own < at) {
        at = own;
        timeoutMs = options.timeout;
      }
    }
    // Deadlines are immutable: one that adds nothing to its parent is the parent.
    if (parent !== undefined && signal === undefined && extra === undefined && at === parent.at) return parent;
    const signals: AbortSource[] = [...parentSignals];
    if (signal) signals.push(signal);
    if (extra) signals.push(extra);
    return new Deadline(at, timeoutMs, signals);
  }

  /**
   * The same time bound with `signal` as its only abort signal. `signal` must already fire whenever
   * one of this deadline's signals does (see `submitFuture`, which links them once per future so
   * each of its exchanges can pass one signal through instead of merging several per exchange).
   */
  withLinkedSignal(signal: AbortSource): Deadline {
    return new Deadline(this.at, this.timeoutMs, [signal]);
  }

  /** Milliseconds left (Infinity when there is no deadline; 0 when past). */
  remaining(): number {
    return this.at === undefined ? Infinity : Math.max(0, this.at - Date.now());
  }

  abortedSignal(): AbortSource | undefined {
    for (const s of this.signals) if (s.aborted) return s;
    return undefined;
  }

  /** Throws AbortError / DeadlineExceededError when the call can no longer proceed. */
  check(lastError?: unknown): void {
    const aborted = this.abortedSignal();
    if (aborted) throw abortErrorFor(aborted);
    if (this.at !== undefined && Date.now() >= this.at) throw this.exceeded(lastError);
  }

  exceeded(lastError?: unknown): DeadlineExceededError {
    const ms = this.timeoutMs ?? 0;
    const suffix = lastError instanceof Error ? ` Last error: ${lastError.message}` : "";
    return new DeadlineExceededError(ms, `Deadline of ${ms} ms exceeded.${suffix}`, lastError === undefined ? {} : { cause: lastError });
  }

  /**
   * Sleeps `ms`, abortable. If the deadline would pass first, rejects at once with
   * DeadlineExceededError (carrying `lastError`) instead of waiting for a retry that cannot run.
   */
  sleep(ms: number, lastError?: unknown): Promise<void> {
    try {
      this.check(lastError);
    } catch (e) {
      return Promise.reject(e);
    }
    if (ms >= this.remaining()) return Promise.reject(this.exceeded(lastError));
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        resolve();
      }, ms);
      const off = onAnyAbort(this.signals, (signal) => {
        clearTimeout(timer);
        reject(abortErrorFor(signal));
      });
    });
  }

  /**
   * The bounds of one transport exchange without allocating when possible: a single signal is
   * passed through as is (several are merged into one), and the timeout is the smaller of
   * `attemptTimeoutMs` and what is left of the deadline. `classify` maps a transport failure to
   * AbortError / DeadlineExceededError / APITimeoutError (retryable) or returns undefined.
   */
  exchange(attemptTimeoutMs: number | undefined): ExchangeBounds {
    const remaining = this.remaining();
    const byDeadline = attemptTimeoutMs === undefined || remaining <= attemptTimeoutMs;
    const timeoutMs = byDeadline ? (remaining === Infinity ? undefined : remaining) : attemptTimeoutMs;
    const signals = this.signals;
    const signal = signals.length === 1 ? signals[0] : signals.length > 1 ? new CancelSource(signals) : undefined;
    return new Exchange(this, signal, timeoutMs, byDeadline, attemptTimeoutMs);
  }

  /**
   * Settles like `promise`, unless an abort signal fires or the deadline passes first. Waits on the
   * signals through one shared listener each (see abort-fanout.ts), so any number of concurrent
   * races on the client's close signal stay cheap.
   */
  race<T>(promise: PromiseLike<T>): Promise<T> {
    try {
      this.check();
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let off = noop;
      const settle = (): void => {
        off();
        if (timer !== undefined) clearTimeout(timer);
      };
      off = onAnyAbort(this.signals, (signal) => {
        if (timer !== undefined) clearTimeout(timer);
        reject(abortErrorFor(signal));
      });
      const remaining = this.remaining();
      if (remaining !== Infinity) {
        timer = setTimeout(() => {
          off();
          reject(this.exceeded());
        }, remaining);
      }
      promise.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }
}

/** ExchangeBounds as one object per exchange (methods on the prototype, no closures). */
class Exchange implements ExchangeBounds {
  constructor(
    private readonly deadline: Deadline,
    readonly signal: AbortSource | undefined,
    readonly timeoutMs: number | undefined,
    private readonly byDeadline: boolean,
    private readonly attemptTimeoutMs: number | undefined,
  ) {}

  classify(cause: unknown): AbortError | APITimeoutError | undefined {
    const aborted = this.deadline.abortedSignal();
    if (aborted) return abortErrorFor(aborted);
    if (cause instanceof TransportTimeoutError) {
      return this.byDeadline ? this.deadline.exceeded() : new APITimeoutError(`Request timed out after ${this.attemptTimeoutMs} ms.`, { cause });
    }
    return undefined;
  }

  dispose(): void {
    // A merged source stops following the deadline's signals; a passed-through one is not ours.
    if (this.signal instanceof CancelSource && this.signal !== this.deadline.signals[0]) this.signal.unlink();
  }
}
