import type { ResponseHeaders } from "../transport/types.js";

/** HTTP layer (Python `_base_client`): initial delay 0.5 s, cap 10 s, jitter ×(1 − 0.25·rand). */
export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 10_000;

/** Whether the HTTP layer retries a response: `x-should-retry` first, then 408/409/429/≥500. */
export function shouldRetryStatus(status: number, headers: ResponseHeaders): boolean {
  const header = headers.get("x-should-retry");
  if (header === "true") return true;
  if (header === "false") return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** `retry-after-ms` (ms) or `retry-after` (seconds or HTTP date), in ms, or undefined. */
export function parseRetryAfterMs(headers: ResponseHeaders | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms !== null) {
    const v = Number.parseFloat(ms);
    if (!Number.isNaN(v)) return v;
  }
  const ra = headers.get("retry-after");
  if (ra === null) return undefined;
  const secs = Number.parseFloat(ra);
  if (!Number.isNaN(secs)) return secs * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : date - now;
}

/**
 * Delay before HTTP-layer retry number `retriesTaken` (0-based): the server's Retry-After when it
 * is within (0, 60] s, else `min(0.5·2ⁿ, 10)·(1 − 0.25·rand)` s.
 */
export function httpRetryDelayMs(retriesTaken: number, headers: ResponseHeaders | undefined, random: () => number = Math.random): number {
  const retryAfter = parseRetryAfterMs(headers);
  if (retryAfter !== undefined && retryAfter > 0 && retryAfter <= 60_000) return retryAfter;
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** Math.min(retriesTaken, 1000), MAX_RETRY_DELAY_MS);
  return Math.max(0, base * (1 - 0.25 * random()));
}

/** Holder / retrieve backoff: `min(2ⁿ, 30)` s. */
export function exponentialBackoffMs(n: number): number {
  return Math.min(2 ** Math.min(n, 30), 30) * 1000;
}
