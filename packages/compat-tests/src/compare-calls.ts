/**
 * Compares what each public call returned to its caller in Python with what the TypeScript call
 * returned, after the scenario mapped the TypeScript value to Python's JSON shape. Errors compare by
 * HTTP status and failure category (the message texts are each language's own).
 */
import type { CallRecord } from "./fixture.js";
import { describeDifference, type Difference } from "./difference.js";
import { diffJson } from "./json-diff.js";

export interface TsCall {
  readonly call: string;
  readonly returned?: unknown;
  readonly raised?: { readonly status_code?: number; readonly category?: string; readonly message?: string };
}

export function compareCalls(python: readonly CallRecord[], ts: readonly TsCall[]): Difference[] {
  const out: Difference[] = [];
  const n = Math.max(python.length, ts.length);
  for (let i = 0; i < n; i++) {
    const p = python[i];
    const t = ts[i];
    const where = `call #${i} ${p?.call ?? t?.call ?? ""}`;
    if (!p) {
      out.push({ where, kind: "unexpected", actual: t?.call });
      continue;
    }
    if (!t) {
      out.push({ where, kind: "missing", expected: p.call });
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
    out.push(...diffJson(p.returned, t.returned, `${where} returned`, { nullEqualsAbsent: true }));
  }
  return out;
}

export function formatCallDifferences(diffs: readonly Difference[]): string {
  return diffs.map(describeDifference).join("\n");
}
