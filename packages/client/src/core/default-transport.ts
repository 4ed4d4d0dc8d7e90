import type { Transport } from "../transport/types.js";

/**
 * The process-wide default transport. Unset in the browser/default entry (clients then use a
 * late-bound `globalThis.fetch`); the Node entry (`transport/node-entry.ts`, chosen by the
 * `"node"` export condition) installs the `node:http` keep-alive transport here.
 */
let factory: (() => Transport) | undefined;
let shared: Transport | undefined;

export function setDefaultTransport(make: (() => Transport) | undefined): void {
  factory = make;
  shared = undefined;
}

/** The shared default transport (created once, on first use), or undefined for fetch. */
export function getDefaultTransport(): Transport | undefined {
  if (factory === undefined) return undefined;
  shared ??= factory();
  return shared;
}
