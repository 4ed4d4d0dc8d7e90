import { invalidArgument } from "./invalid-argument.js";

/** Shortest TTL the service accepts for a checkpoint: one hour. */
export const MIN_TTL_SECONDS = 3600;
/**
 * Longest TTL the Python SDK documents: "10 years". Counted as ten Julian years (3652.5 days) so a caller
 * counting leap days is never refused by us; the service stays the final judge.
 */
export const MAX_TTL_SECONDS = 315_576_000;

/** A checkpoint name becomes the last segment of a tinker:// path, so it must be non-empty and free of `/`. */
export function checkCheckpointName(name: unknown, parameter = "name"): string {
  if (typeof name !== "string") invalidArgument(parameter, `expected a checkpoint name string, got ${typeof name}`);
  if (name.length === 0) invalidArgument(parameter, "checkpoint name must not be empty");
  if (name.includes("/")) invalidArgument(parameter, `checkpoint name ${JSON.stringify(name)} must not contain "/"`);
  return name;
}

/** `undefined` means "never expires"; anything else must be a whole number of seconds in [1 h, 10 y]. */
export function checkTtlSeconds(ttl: unknown, parameter = "ttlSeconds"): number | undefined {
  if (ttl === undefined) return undefined;
  if (typeof ttl !== "number" || !Number.isInteger(ttl)) invalidArgument(parameter, `expected an integer number of seconds, got ${String(ttl)}`);
  if (ttl < MIN_TTL_SECONDS) invalidArgument(parameter, `must be at least ${MIN_TTL_SECONDS} (one hour), got ${ttl}`);
  if (ttl > MAX_TTL_SECONDS) invalidArgument(parameter, `must be at most ${MAX_TTL_SECONDS} (ten years), got ${ttl}`);
  return ttl;
}

export function checkPositiveInteger(value: unknown, parameter: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    invalidArgument(parameter, `expected a positive integer, got ${String(value)}`);
  }
  return value;
}

export function checkNonNegativeInteger(value: unknown, parameter: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    invalidArgument(parameter, `expected a non-negative integer, got ${String(value)}`);
  }
  return value;
}

export function checkNonEmptyString(value: unknown, parameter: string): string {
  if (typeof value !== "string" || value.length === 0) invalidArgument(parameter, `expected a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

/** `fallback` when undefined, else the value, which must be a boolean (callers that also take null pass `value ?? undefined`). */
export function checkBoolean(value: unknown, parameter: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") invalidArgument(parameter, `expected a boolean, got ${String(value)}`);
  return value;
}

/** `user_metadata` is a string→string map on the wire. */
export function checkStringMap(value: unknown, parameter: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) invalidArgument(parameter, "expected an object of string values");
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string") invalidArgument(parameter, `value of ${JSON.stringify(k)} must be a string, got ${typeof v}`);
  }
  return value as Record<string, string>;
}
