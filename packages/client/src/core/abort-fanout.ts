/**
 * One real `abort` listener per signal, fanning out to a set of waiters.
 *
 * A client's close signal (or one caller signal shared by many calls) is waited on by every call in
 * flight. Adding an `EventTarget` listener per waiter is linear per add/remove — quadratic with a
 * thousand queued futures — and makes Node print `MaxListenersExceededWarning` past ten. Here each
 * signal carries a single listener for its whole life; waiters join and leave a `Set` in O(1).
 */
export type AbortWaiter = (signal: AbortSignal) => void;

const waitersBySignal = new WeakMap<AbortSignal, Set<AbortWaiter>>();

function waitersOf(signal: AbortSignal): Set<AbortWaiter> {
  let waiters = waitersBySignal.get(signal);
  if (waiters === undefined) {
    const set = new Set<AbortWaiter>();
    waiters = set;
    waitersBySignal.set(signal, set);
    signal.addEventListener(
      "abort",
      () => {
        const snapshot = [...set];
        set.clear();
        for (const waiter of snapshot) waiter(signal);
      },
      { once: true },
    );
  }
  return waiters;
}

/**
 * Calls `waiter` once when `signal` aborts (on a later turn if it already has). Returns the function
 * that removes the waiter; calling it after the abort is harmless.
 */
export function onAbort(signal: AbortSignal, waiter: AbortWaiter): () => void {
  if (signal.aborted) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) waiter(signal);
    });
    return () => {
      cancelled = true;
    };
  }
  const waiters = waitersOf(signal);
  waiters.add(waiter);
  return () => {
    waiters.delete(waiter);
  };
}

/** `onAbort` on each of `signals`: the waiter runs once, for the first that aborts. */
export function onAnyAbort(signals: readonly AbortSignal[], waiter: AbortWaiter): () => void {
  if (signals.length === 0) return noop;
  if (signals.length === 1) return onAbort(signals[0]!, waiter);
  let done = false;
  const once: AbortWaiter = (signal) => {
    if (done) return;
    done = true;
    off();
    waiter(signal);
  };
  const offs = signals.map((s) => onAbort(s, once));
  const off = (): void => {
    for (const o of offs) o();
  };
  return off;
}

function noop(): void {}
