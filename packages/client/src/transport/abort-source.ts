/**
 * How the engine hands a transport of this package a `CancelSource` (core/abort-fanout.ts) instead
 * of an `AbortSignal`: Node 20 spends tens of µs creating an AbortSignal, so the exchanges of a
 * future pass its CancelSource as `cancelSource` to the transports built here, which wait on it
 * through `onAbort`. Any other transport (a user's own) still receives a real `signal` only.
 */
import { CancelSource, type AbortSource } from "../core/abort-fanout.js";
import type { Transport, TransportRequest } from "./types.js";

const sourceAware = new WeakSet<Transport>();

interface SourcedRequest extends TransportRequest {
  /** Set instead of `signal` for a transport marked with `acceptsCancelSource`. */
  readonly cancelSource?: CancelSource | undefined;
}

/** Marks `transport` as reading its abort source with `abortSourceOf` (returns it). */
export function acceptsCancelSource<T extends Transport>(transport: T): T {
  sourceAware.add(transport);
  return transport;
}

/** Whether `transport` reads `cancelSource` (see `acceptsCancelSource`). */
export function takesCancelSource(transport: Transport): boolean {
  return sourceAware.has(transport);
}

/**
 * The request for one exchange bounded by `source`: a signal goes in `signal`; a CancelSource goes
 * in `cancelSource` when `sourceAware` (see `takesCancelSource`), else as its real `signal`.
 */
export function boundRequest(
  sourceAware: boolean,
  method: TransportRequest["method"],
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array | undefined,
  timeoutMs: number | undefined,
  redirect: TransportRequest["redirect"],
  source: AbortSource | undefined,
): TransportRequest {
  if (!(source instanceof CancelSource)) return { method, url, headers, body, signal: source, timeoutMs, redirect };
  if (sourceAware) {
    const sourced: SourcedRequest = { method, url, headers, body, signal: undefined, timeoutMs, redirect, cancelSource: source };
    return sourced;
  }
  return { method, url, headers, body, signal: source.signal, timeoutMs, redirect };
}

/** What aborts `request`: its CancelSource when the engine passed one, else its signal. */
export function abortSourceOf(request: TransportRequest): AbortSource | undefined {
  return (request as SourcedRequest).cancelSource ?? request.signal;
}
