import type { Deadline } from "./deadline.js";
import { AbortError, APIConnectionError, APIStatusError, DeadlineExceededError } from "./errors.js";
import type { Logger } from "./logger.js";
import { exponentialBackoffMs } from "./retry-policy.js";

/** Python `execute_with_retries`: 300 s budget from the first attempt. */
export const RETRY_WINDOW_MS = 300_000;
/** Sleep between attempts while the account is billing-paused (HTTP 402). */
export const BILLING_PAUSE_SLEEP_MS = 5_000;
const BILLING_LOG_INTERVAL_MS = 60_000;
const BILLING_INCIDENT_RESET_MS = 300_000;

/**
 * The 402 billing pause, shared by every call of one client context (Python keeps it on the
 * holder): while less than `maxPauseMs` has passed since the first 402 of an incident, callers
 * sleep 5 s and retry without counting the attempt. An incident ends 300 s after the last 402.
 */
export class BillingPause {
  #first: number | undefined;
  #lastLogged: number | undefined;

  constructor(
    private readonly maxPauseMs: () => number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the caller should sleep BILLING_PAUSE_SLEEP_MS and retry; false when the pause is over. */
  shouldPause(error: unknown): boolean {
    if (!(error instanceof APIStatusError) || error.status !== 402) return false;
    const now = this.now();
    if (this.#lastLogged !== undefined && now - this.#lastLogged > BILLING_INCIDENT_RESET_MS) {
      this.#first = undefined;
      this.#lastLogged = undefined;
    }
    if (this.#first !== undefined && now - this.#first > this.maxPauseMs()) {
      this.logger.error(`The job was paused for billing for ${Math.round((now - this.#first) / 1000)} s; giving up.`);
      return false;
    }
    if (this.#lastLogged === undefined || now - this.#lastLogged > BILLING_LOG_INTERVAL_MS) {
      this.#lastLogged = now;
      this.logger.warn(`The job is paused due to billing status: ${error.serverMessage ?? error.message}`);
    }
    this.#first ??= now;
    return true;
  }
}

/** Retryable at the outer layer: connection errors and timeouts (not deadline/abort), 408/409/429/5xx. */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof DeadlineExceededError || error instanceof AbortError) return false;
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIStatusError) {
    const s = error.status;
    return s === 408 || s === 409 || s === 429 || (s >= 500 && s < 600);
  }
  return false;
}

export interface RetryWindowOptions {
  readonly deadline: Deadline;
  readonly billing: BillingPause;
  readonly logger: Logger;
  /** Label for log lines. */
  readonly label?: string | undefined;
  /** Budget from the first attempt (default 300 s). */
  readonly windowMs?: number;
}

/**
 * The outer ("holder") retry window of the Python SDK: re-runs `attempt` on retryable errors with
 * `min(2ⁿ, 30)` s sleeps (the last one shortened to the window's end) until 300 s have passed;
 * 402 pauses without counting. Each attempt is a fresh logical request (new idempotency key).
 * All sleeps are abortable and bounded by the deadline.
 */
export async function withRetryWindow<T>(attempt: (n: number) => Promise<T>, options: RetryWindowOptions): Promise<T> {
  const { deadline, billing, logger } = options;
  const windowMs = options.windowMs ?? RETRY_WINDOW_MS;
  const start = Date.now();
  let n = 0;
  for (;;) {
    deadline.check();
    try {
      return await attempt(n);
    } catch (error) {
      if (billing.shouldPause(error)) {
        await deadline.sleep(BILLING_PAUSE_SLEEP_MS, error);
        continue;
      }
      const elapsed = Date.now() - start;
      if (!isRetryableError(error) || elapsed >= windowMs) throw error;
      const wait = Math.min(exponentialBackoffMs(n), windowMs - elapsed);
      n++;
      logger.debug(`${options.label ?? "request"} failed (${(error as Error).message}); retrying in ${wait} ms`);
      await deadline.sleep(wait, error);
    }
  }
}
