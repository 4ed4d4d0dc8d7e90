/**
 * How the engine hands a transport of this package a `CancelSource` (core/abort-fanout.ts) instead
 * of an `AbortSignal`: Node 20 spends tens of µs creating an AbortSignal, so the exchanges of a
 * future pass its CancelSource under a symbol to the transports built here, which wait on it
 * through `onAbort`. Any other transport (a user's own) still receives a real `signal`.
 */
import { CancelSource, type AbortSource } from "../core/abort-fanout.js";
import type { Transport, TransportRequest } from "./types.js";

const CANCEL_SOURCE: unique symbol = Symbol("tinker-ts.cancelSource");
const sourceAware = new WeakSet<Transport>();

interface SourcedRequest extends TransportRequest {
  readonly [CANCEL_SOURCE]?: CancelSource | undefined;
}

/** Marks `transport` as reading its abort source with `abortSourceOf` (returns it). */
export function acceptsCancelSource<T extends Transport>(transport: T): T {
  sourceAware.add(transport);
  return transport;
}

/** The request `transport` gets for an exchange bounded by `source`. */
export function boundRequest(transport: Transport, request: Omit<TransportRequest, "signal">, source: AbortSource | undefined): TransportRequest {
  if (!(source instanceof CancelSource)) return { ...request, signal: source };
  if (sourceAware.has(transport)) return { ...request, [CANCEL_SOURCE]: source } as SourcedRequest;
  return { ...request, signal: source.signal };
}

/** What aborts `request`: its CancelSource when the engine passed one, else its signal. */
export function abortSourceOf(request: TransportRequest): AbortSource | undefined {
  return (request as SourcedRequest)[CANCEL_SOURCE] ?? request.signal;
}
