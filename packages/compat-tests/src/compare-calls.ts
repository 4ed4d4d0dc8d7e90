/**
 * Compares what each public call returned to its caller in Python with what the TypeScript call
 * returned, after the scenario mapped the TypeScript value to Python's JSON shape. Errors compare by
 * HTTP status and failure category (the message texts are each language's own).
 */
import type { CallRecord } from "./fixture.js";
import { describeDifference, type Difference } from "./difference.js";
import { diffJson } from "./json-diff.js";

/**
 * How returned values are compared: null and absent are alike (Python models list every field),
 * fields only TypeScript returns are allowed (Python's models drop unknown fields), and timestamps
 * compare as instants (Python re-renders datetimes as `+00:00` with microseconds).
 */
export const RETURNED_OPTIONS = { nullEqualsAbsent: true, ignoreUnexpected: true, sameInstant: true } as const;

export interface TsCall {
  readonly call: string;
  readonly returned?: unknown;
  readonly raised?: { readonly status_code?: number; readonly category?: string; readonly message?: string };
}

export function compareCalls(python: readonly CallRecord[], ts: readonly TsCall[]): Difference[] {
  return compareCallList(python, ts).map((d) => ({ ...d, subject: "returned" as const }));
}

function compareCallList(python: readonly CallRecord[], ts: readonly TsCall[]): Difference[] {
  const out: Difference[] = [];
  const n = Math.max(python.length, ts.length);
  for (let i = 0; i < n; i++) {
    const p = python[i];
    const t = ts[i];
    const where = `call #${i} ${p?.call ?? t?.call ?? ""}`;
    if (!p) {
      out.push({ where, kind: "changed", expected: "(no such call)", actual: t?.call, note: "TypeScript made a call Python did not" });
      continue;
    }
    if (!t) {
      out.push({ where, kind: "changed", expected: p.call, actual: "(no such call)", note: "the TypeScript scenario stopped before this call" });
      continue;
    }
    if (p.call !== t.call) out.push({ where: `${where} name`, kind: "changed", expected: p.call, actual: t.call });
    if (p.raised) {
      if (!t.raised) {
        out.push({ where: `${where} outcome`, kind: "changed", expected: `raised ${p.raised.type}: ${p.raised.message}`, actual: "returned a value" });
        continue;
      }
      if (p.raised.status_code !== undefined && p.raised.status_code !== t.raised.status_code) {
        out.push({ where: `${where} error status`, kind: "changed", expected: p.raised.status_code, actual: t.raised.status_code });
      }
      if (p.raised.category !== undefined && p.raised.category !== t.raised.category) {
        out.push({ where: `${where} error category`, kind: "changed", expected: p.raised.category, actual: t.raised.category });
      }
      continue;
    }
    if (t.raised) {
      out.push({ where: `${where} outcome`, kind: "changed", expected: "returned a value", actual: `raised: ${t.raised.message ?? ""}` });
      continue;
    }
    out.push(...diffJson(p.returned, t.returned, `${where} returned`, RETURNED_OPTIONS));
  }
  return out;
}

export function formatCallDifferences(diffs: readonly Difference[]): string {
  return diffs.map(describeDifference).join("\n");
}
