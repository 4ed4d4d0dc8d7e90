import type { FutureCompletion, FuturesRetrieveResponse } from "@tinker-ts/types";
import type { SessionContext } from "../core/context.js";
import type { Deadline } from "../core/deadline.js";
import { AbortError, APIStatusError, TinkerError } from "../core/errors.js";
import { encodePythonJson, pyFloat } from "../core/python-json.js";
import { isRetryableError } from "../core/retry-window.js";

const POLL_ATTEMPT_TIMEOUT_MS = 45_000;
const ACK_ATTEMPT_TIMEOUT_MS = 5_000;
const MAX_BAD_REQUESTS = 3;

interface Waiter {
  resolve(completion: FutureCompletion): void;
  reject(error: unknown): void;
}

/**
 * The session futures poller of tinker 0.38.0 (server flag `sample_use_retrieve_futures`): one
 * long-poll of `POST /api/v1/retrieve_futures` per sampling client reports which samples finished,
 * instead of one `retrieve_future` poll per sample. Payloads are still fetched one by one afterwards;
 * fetched ids are acknowledged on the next poll. Polls only while someone waits or something is left
 * to acknowledge.
 */
export class SessionFuturesPoller {
  readonly #ctx: SessionContext;
  readonly #samplingSessionId: string;
  #cursor = 0;
  #ackedCursor = 0;
  readonly #waiters = new Map<string, Waiter>();
  readonly #completions = new Map<string, FutureCompletion>();
  readonly #retrieved = new Set<string>();
  #failure: TinkerError | undefined;
  #running = false;

  constructor(ctx: SessionContext, samplingSessionId: string) {
    this.#ctx = ctx;
    this.#samplingSessionId = samplingSessionId;
  }

  /** Resolves when `requestId` has finished or failed on the service (the caller then fetches its payload). */
  waitFor(requestId: string, deadline: Deadline): Promise<FutureCompletion> {
    const done = this.#completions.get(requestId);
    if (done) {
      this.#completions.delete(requestId);
      return Promise.resolve(done);
    }
    if (this.#failure) return Promise.reject(this.#failure);
    const completion = new Promise<FutureCompletion>((resolve, reject) => this.#waiters.set(requestId, { resolve, reject }));
    this.#kick();
    return deadline.race(completion).finally(() => this.#waiters.delete(requestId));
  }

  /** The payload of `requestId` was fetched: acknowledge it on the next poll. */
  markRetrieved(requestId: string): void {
    this.#retrieved.add(requestId);
    this.#kick();
  }

  #kick(): void {
    if (this.#running || this.#ctx.closed) return;
    this.#running = true;
    void this.#loop().finally(() => {
      this.#running = false;
      if (this.#hasWork() && !this.#failure && !this.#ctx.closed) this.#kick();
    });
  }

  #hasWork(): boolean {
    return this.#waiters.size > 0 || this.#retrieved.size > 0 || this.#cursor > this.#ackedCursor;
  }

  async #loop(): Promise<void> {
    const deadline = this.#ctx.deadline();
    let badRequests = 0;
    while (this.#hasWork()) {
      const retrieved = [...this.#retrieved].sort();
      const ackOnly = this.#waiters.size === 0;
      const prevCursor = this.#cursor;
      const body = encodePythonJson({
        target: { type: "sampling_session", sampling_session_id: this.#samplingSessionId, cloned_sampler_id: 0 },
        prev_cursor: prevCursor,
        timeout: ackOnly ? pyFloat(0) : undefined,
        retrieved_request_ids: retrieved,
      });
      let response: FuturesRetrieveResponse;
      try {
        const res = await this.#ctx.http.request<FuturesRetrieveResponse>(
          { method: "POST", path: "/api/v1/retrieve_futures", body, contentType: "application/json" },
          { deadline, maxRetries: 0, attemptTimeout: ackOnly ? ACK_ATTEMPT_TIMEOUT_MS : POLL_ATTEMPT_TIMEOUT_MS },
        );
        response = res.data;
      } catch (error) {
        if (error instanceof AbortError || this.#ctx.closed) return;
        if (error instanceof APIStatusError && error.status === 402 && this.#ctx.billing.shouldPause(error)) {
          await deadline.sleep(5000).catch(() => undefined);
          continue;
        }
        if (isRetryableError(error) || (error instanceof APIStatusError && error.status === 400 && badRequests++ < MAX_BAD_REQUESTS)) {
          await deadline.sleep(1000).catch(() => undefined);
          continue;
        }
        this.#fail(new TinkerError(`retrieve_futures polling failed for sampling session ${this.#samplingSessionId}: ${String(error)}`, { cause: error }));
        return;
      }
      badRequests = 0;
      for (const id of retrieved) this.#retrieved.delete(id);
      this.#ackedCursor = Math.max(this.#ackedCursor, prevCursor);
      this.#cursor = typeof response?.cursor === "number" ? response.cursor : this.#cursor;
      for (const completion of response?.completions ?? []) {
        const waiter = this.#waiters.get(completion.request_id);
        if (waiter) {
          this.#waiters.delete(completion.request_id);
          waiter.resolve(completion);
        } else this.#completions.set(completion.request_id, completion);
      }
    }
  }

  #fail(error: TinkerError): void {
    this.#ctx.logger.error(error.message);
    this.#failure = error;
    for (const waiter of this.#waiters.values()) waiter.reject(error);
    this.#waiters.clear();
  }
}
