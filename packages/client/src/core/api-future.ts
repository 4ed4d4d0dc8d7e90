import { DeadlineExceededError, AbortError } from "./errors.js";
import { checkTimeout } from "./options.js";
import { onAbort as onSignalAbort } from "./abort-fanout.js";

/** What the moment of submission reports. */
export interface Submitted {
  /** The future's `request_id` (use it to correlate with server logs). */
  readonly requestId: string;
  /** `model_id` when the submit response carried one (e.g. create_model). */
  readonly modelId: string | undefined;
}

export interface ResultOptions {
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds to wait for the result before rejecting with DeadlineExceededError. */
  readonly timeout?: number | undefined;
}

const swallow = (): void => {};

/**
 * The result of an asynchronous Tinker operation.
 *
 * - `await future` (or `future.then`) gives the result: it is a PromiseLike.
 * - `future.submitted` resolves once the service accepted the request (it has a request id), before
 *   the result is ready — e.g. to pipeline many training steps and only then wait.
 * - `future.result({ signal, timeout })` waits with its own bounds; when they end, polling for this
 *   future is cancelled too (as Python's `result(timeout)` does) and the wait rejects with
 *   AbortError / DeadlineExceededError.
 *
 * Neither promise ever causes an unhandled-rejection warning when nobody awaits it.
 */
export class APIFuture<T> implements PromiseLike<T> {
  readonly submitted: Promise<Submitted>;
  readonly #result: Promise<T>;
  readonly #cancel: ((reason: unknown) => void) | undefined;
  #submittedValue: Submitted | undefined;

  /**
   * @param submitted resolves at submission
   * @param result resolves with the result
   * @param cancel stops the work behind the future (polling); called when `result()` gives up
   */
  constructor(submitted: Promise<Submitted>, result: Promise<T>, cancel?: (reason: unknown) => void) {
    this.submitted = submitted;
    this.#result = result;
    this.#cancel = cancel;
    submitted.then((s) => {
      this.#submittedValue = s;
    }, swallow);
    result.catch(swallow);
  }

  /** The request id once submitted (undefined before). */
  get requestId(): string | undefined {
    return this.#submittedValue?.requestId;
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result.then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#result.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#result.finally(onfinally);
  }

  /** Waits for the result within `timeout` ms / until `signal` aborts (then cancels the polling). */
  result(options: ResultOptions = {}): Promise<T> {
    checkTimeout("timeout", options.timeout);
    const { signal, timeout } = options;
    if (signal === undefined && timeout === undefined) return this.#result;
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let offAbort: (() => void) | undefined;
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        offAbort?.();
      };
      const giveUp = (error: unknown): void => {
        cleanup();
        this.#cancel?.(error);
        reject(error);
      };
      const onAbort = (): void => giveUp(new AbortError("Waiting for the result was aborted.", { cause: signal?.reason }));
      if (signal?.aborted) return onAbort();
      if (signal !== undefined) offAbort = onSignalAbort(signal, onAbort);
      if (timeout !== undefined) {
        timer = setTimeout(() => giveUp(new DeadlineExceededError(timeout, `No result within ${timeout} ms.`)), timeout);
      }
      this.#result.then(
        (v) => {
          cleanup();
          resolve(v);
        },
        (e: unknown) => {
          cleanup();
          reject(e);
        },
      );
    });
  }

  /** An already-settled future (e.g. for results computed locally). */
  static resolved<T>(value: T, submitted: Submitted = { requestId: "", modelId: undefined }): APIFuture<T> {
    return new APIFuture(Promise.resolve(submitted), Promise.resolve(value));
  }

  /**
   * One future over several (e.g. the chunks of a forward_backward): submitted when all are,
   * with the first part's ids; result = `combine(results in order)`; cancelling cancels all.
   */
  static combine<P, T>(parts: readonly APIFuture<P>[], combine: (results: P[]) => T): APIFuture<T> {
    if (parts.length === 0) throw new TypeError("APIFuture.combine needs at least one future");
    if (parts.length === 1) {
      // The common single-chunk case, without Promise.all over thenables (a job per part).
      const only = parts[0]!;
      return new APIFuture(only.submitted, only.#result.then((r) => combine([r])), only.#cancel);
    }
    const submitted = Promise.all(parts.map((p) => p.submitted)).then((all) => all[0]!);
    const result = Promise.all(parts).then(combine);
    return new APIFuture(submitted, result, (reason) => {
      for (const p of parts) p.#cancel?.(reason);
    });
  }
}
