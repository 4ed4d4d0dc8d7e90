/**
 * Which request headers are compared, and how. The Tinker service reads only a few headers; the rest
 * are platform or timing values that differ between any two runs or languages (documented in README).
 */
import type { Difference } from "./difference.js";

/** Compared exactly (case-insensitive names, values as sent): absent on one side is a difference. */
export const COMPARED_HEADERS = [
  "content-type",
  "content-encoding",
  "accept",
  "x-tinker-sampling-backpressure",
  "x-tinker-request-type",
] as const;

/** Volatile values: only their presence is compared. */
export const PRESENCE_HEADERS = ["x-idempotency-key", "x-api-key", "x-tinker-weights-access-token"] as const;

/** Everything else is ignored; these are the ones Python 0.38.0 sends, with why. */
export const IGNORED_HEADERS: Readonly<Record<string, string>> = {
  "user-agent": "platform: names the language/runtime",
  "x-stainless-package-version": "platform",
  "x-stainless-os": "platform",
  "x-stainless-arch": "platform",
  "x-stainless-runtime": "platform",
  "x-stainless-runtime-version": "platform",
  "x-stainless-async": "platform",
  "x-stainless-retry-count": "timing: HTTP-layer retry counter of the Python client library",
  "x-stainless-read-timeout": "timing: the Python client's socket timeout",
  "x-stainless-raw-response": "platform: a Python client-library flag that leaks onto the wire",
  "x-sdk-version": "platform: the SDK's own version",
  "x-sdk-method": "platform: the Python method name the call came from",
  "x-tinker-request-iteration": "timing: poll counter of one future",
  "x-tinker-create-promise-roundtrip-time": "timing: measured latency",
  "accept-encoding": "platform: what the HTTP library can decompress",
  "host": "transport",
  "connection": "transport",
  "content-length": "transport (the body itself is compared)",
  "transfer-encoding": "transport",
};

function lowerKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

export function compareHeaders(expected: Readonly<Record<string, string>>, actual: Readonly<Record<string, string>>): Difference[] {
  const e = lowerKeys(expected);
  const a = lowerKeys(actual);
  const out: Difference[] = [];
  for (const name of COMPARED_HEADERS) {
    const ev = e[name];
    const av = a[name];
    if (ev === av) continue;
    if (ev === undefined) out.push({ where: `header ${name}`, kind: "unexpected", actual: av });
    else if (av === undefined) out.push({ where: `header ${name}`, kind: "missing", expected: ev });
    else if (ev.trim().toLowerCase() !== av.trim().toLowerCase()) out.push({ where: `header ${name}`, kind: "changed", expected: ev, actual: av });
  }
  for (const name of PRESENCE_HEADERS) {
    const has = (h: Record<string, string>): boolean => h[name] !== undefined && h[name] !== "";
    if (has(e) && !has(a)) out.push({ where: `header ${name}`, kind: "missing", expected: "(present)" });
    if (!has(e) && has(a)) out.push({ where: `header ${name}`, kind: "unexpected", actual: "(present)" });
  }
  return out;
}
