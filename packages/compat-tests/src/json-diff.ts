/**
 * Structural diff of two JSON values that names every differing field by its path. Objects are
 * compared by key (missing / unexpected keys reported by name) and, when `checkOrder`, by key order;
 * numbers by value (1 and 1.0 are equal here — byte differences are reported separately).
 */
import type { Difference } from "./difference.js";

export interface JsonDiffOptions {
  /** Report objects whose common keys come in a different order. */
  readonly checkOrder?: boolean;
  /** Treat an absent key and a null value as equal (for values returned to the caller). */
  readonly nullEqualsAbsent?: boolean;
  /** Do not report keys only the actual value has (it may carry more than Python's model keeps). */
  readonly ignoreUnexpected?: boolean;
  /** Two ISO 8601 timestamps that name the same instant are equal (Python re-renders datetimes). */
  readonly sameInstant?: boolean;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function instant(text: string): number | undefined {
  if (!ISO_DATETIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

type Json = unknown;

function kindOf(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function child(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

export function diffJson(expected: Json, actual: Json, path: string, options: JsonDiffOptions = {}): Difference[] {
  const out: Difference[] = [];
  walk(expected, actual, path, options, out);
  return out;
}

function walk(e: Json, a: Json, path: string, o: JsonDiffOptions, out: Difference[]): void {
  const ke = kindOf(e);
  const ka = kindOf(a);
  if (ke !== ka) {
    if (o.nullEqualsAbsent && ((e === null && a === undefined) || (a === null && e === undefined))) return;
    out.push({ where: path || "(root)", kind: ke === "undefined" ? "unexpected" : ka === "undefined" ? "missing" : "type", expected: e, actual: a });
    return;
  }
  if (ke === "array") {
    const ea = e as Json[];
    const aa = a as Json[];
    if (ea.length !== aa.length) {
      out.push({ where: `${path}.length`, kind: "changed", expected: ea.length, actual: aa.length });
    }
    for (let i = 0; i < Math.min(ea.length, aa.length); i++) walk(ea[i], aa[i], child(path, i), o, out);
    return;
  }
  if (ke === "object") {
    const eo = e as Record<string, Json>;
    const ao = a as Record<string, Json>;
    const eKeys = Object.keys(eo);
    const aKeys = Object.keys(ao);
    for (const k of eKeys) {
      if (!(k in ao)) {
        if (o.nullEqualsAbsent && eo[k] === null) continue;
        out.push({ where: child(path, k), kind: "missing", expected: eo[k] });
      }
    }
    for (const k of aKeys) {
      if (!(k in eo) && !o.ignoreUnexpected) {
        if (o.nullEqualsAbsent && ao[k] === null) continue;
        out.push({ where: child(path, k), kind: "unexpected", actual: ao[k] });
      }
    }
    if (o.checkOrder) {
      const common = new Set(eKeys.filter((k) => k in ao));
      const eOrder = eKeys.filter((k) => common.has(k));
      const aOrder = aKeys.filter((k) => common.has(k));
      if (eOrder.join("\u0000") !== aOrder.join("\u0000")) {
        out.push({ where: path || "(root)", kind: "order", expected: eOrder, actual: aOrder });
      }
    }
    for (const k of eKeys) if (k in ao) walk(eo[k], ao[k], child(path, k), o, out);
    return;
  }
  if (ke === "number") {
    if (!Object.is(e, a) && !(e === 0 && a === 0)) out.push({ where: path || "(root)", kind: "changed", expected: e, actual: a });
    return;
  }
  if (e === a) return;
  if (o.sameInstant && typeof e === "string" && typeof a === "string") {
    const ie = instant(e);
    if (ie !== undefined && ie === instant(a)) return;
  }
  out.push({ where: path || "(root)", kind: "changed", expected: e, actual: a });
}
