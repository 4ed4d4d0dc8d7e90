/**
 * One real `abort` listener per signal, fanning out to a set of waiters.
 *
 * A client's close signal (or one caller signal shared by many calls) is waited on by every call in
 * flight. Adding an `EventTarget` listener per waiter is linear per add/remove — quadratic with a
 * thousand queued futures — and makes Node print `MaxListenersExceededWarning` past ten. Here each
 * signal carries a single listener for its whole life; waiters join and leave a `Set` in O(1).
 *
 * A future's own cancellation (its caller's signal, the client's close signal and `result()` giving
 * up, linked once) is a `CancelSource`, not an `AbortController`: creating an `AbortSignal` and its
 * first listener costs Node 20 tens of µs of CPU and garbage per future — a third of the client's
 * CPU above a raw `node:http` loop. A real `AbortSignal` is only made for code that asks for one.
 */
export type AbortSource = AbortSignal | CancelSource;
export type AbortWaiter = (source: AbortSource) => void;

const waitersBySignal = new WeakMap<AbortSignal, Set<AbortWaiter>>();

function runWaiters(set: Set<AbortWaiter>, source: AbortSource): void {
  const snapshot = [...set];
  set.clear();
  for (const waiter of snapshot) waiter(source);
}

function waitersOf(signal: AbortSignal): Set<AbortWaiter> {
  let waiters = waitersBySignal.get(signal);
  if (waiters === undefined) {
    const set = new Set<AbortWaiter>();
    waiters = set;
    waitersBySignal.set(signal, set);
    signal.addEventListener("abort", () => runWaiters(set, signal), { once: true });
  }
  return waiters;
}

/** Runs `waiter` on a later turn unless the returned function is called first. */
function later(source: AbortSource, waiter: AbortWaiter): () => void {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) waiter(source);
  });
  return () => {
    cancelled = true;
  };
}

/**
 * An abort source of our own: aborted by `abort(reason)` or by any source it was linked to, with
 * `aborted`/`reason` like an AbortSignal and waiters kept in a Set. `signal` gives a real
 * AbortSignal that follows it, created on first use (for transports and APIs that need one).
 */
export class CancelSource {
  #aborted = false;
  #reason: unknown;
  #waiters: Set<AbortWaiter> | undefined;
  #controller: AbortController | undefined;
  #unlink: (() => void) | undefined;
  readonly #links: readonly AbortSource[];

  /** A source that aborts (with the same reason) when any of `links` does; already aborted if one has. */
  constructor(links: readonly AbortSource[] = []) {
    this.#links = links;
    for (const link of links) {
      if (link.aborted) {
        this.abort(link.reason);
        return;
      }
    }
    if (links.length > 0) this.#unlink = onAnyAbort(links, (s) => this.abort(s.reason));
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  /** Whether this source follows `source` (it is one of its links, at any depth). */
  follows(source: AbortSource): boolean {
    return anyFollows(this.#links, source);
  }

  /** Aborts with `reason` (once; later calls are ignored) and runs every waiter. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.unlink();
    this.#controller?.abort(reason);
    if (this.#waiters !== undefined) runWaiters(this.#waiters, this);
  }

  /** Stops following the linked sources (when the work this source bounds is over). */
  unlink(): void {
    this.#unlink?.();
    this.#unlink = undefined;
  }

  /** A real AbortSignal that aborts with this source. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** See `onAbort`. */
  onAbort(waiter: AbortWaiter): () => void {
    if (this.#aborted) return later(this, waiter);
    const waiters = (this.#waiters ??= new Set());
    waiters.add(waiter);
    return () => {
      waiters.delete(waiter);
    };
  }
}

/** Whether `source` is one of `sources` or followed by one of their CancelSources (at any depth). */
export function anyFollows(sources: readonly AbortSource[], source: AbortSource): boolean {
  for (const s of sources) if (s === source || (s instanceof CancelSource && s.follows(source))) return true;
  return false;
}

/**
 * Calls `waiter` once when `source` aborts (on a later turn if it already has). Returns the function
 * that removes the waiter; calling it after the abort is harmless.
 */
export function onAbort(source: AbortSource, waiter: AbortWaiter): () => void {
  if (source instanceof CancelSource) return source.onAbort(waiter);
  if (source.aborted) return later(source, waiter);
  const waiters = waitersOf(source);
  waiters.add(waiter);
  return () => {
    waiters.delete(waiter);
  };
}

/** `onAbort` on each of `sources`: the waiter runs once, for the first that aborts. */
export function onAnyAbort(sources: readonly AbortSource[], waiter: AbortWaiter): () => void {
  if (sources.length === 0) return noop;
  if (sources.length === 1) return onAbort(sources[0]!, waiter);
  let done = false;
  const once: AbortWaiter = (source) => {
    if (done) return;
    done = true;
    off();
    waiter(source);
  };
  const offs = sources.map((s) => onAbort(s, once));
  const off = (): void => {
    for (const o of offs) o();
  };
  return off;
}

function noop(): void {}
