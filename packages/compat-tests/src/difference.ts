/** A named difference between what Python sent (expected) and what TypeScript sent (actual). */
export type DifferenceKind = "changed" | "missing" | "unexpected" | "order" | "bytes" | "type";

export interface Difference {
  /** Where, e.g. `body.optimizer`, `header content-type`, `query.limit`, `path`. */
  readonly where: string;
  readonly kind: DifferenceKind;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly note?: string;
  /** What is being compared: a request TypeScript sent (default) or a value a call returned. */
  readonly subject?: "request" | "returned";
}

function show(value: unknown): string {
  if (value === undefined) return "(nothing)";
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function describeDifference(d: Difference): string {
  const [did, does] = d.subject === "returned" ? ["returned", "return"] : ["sent", "send"];
  switch (d.kind) {
    case "missing":
      return `${d.where}: missing — Python ${did} ${show(d.expected)}, TypeScript did not ${does} it`;
    case "unexpected":
      return `${d.where}: unexpected — TypeScript ${did} ${show(d.actual)}, Python does not ${does} this`;
    case "order":
      if (d.where === "request order") return `request order differs — Python sent ${String(d.expected)}, TypeScript sent ${String(d.actual)}`;
      return `${d.where}: key order differs — Python ${show(d.expected)}, TypeScript ${show(d.actual)}`;
    case "bytes":
      return `${d.where}: same values, different bytes — ${d.note ?? ""}`;
    case "type":
      return `${d.where}: type differs — Python ${show(d.expected)}, TypeScript ${show(d.actual)}`;
    case "changed":
      return `${d.where}: Python ${show(d.expected)}, TypeScript ${show(d.actual)}${d.note ? ` (${d.note})` : ""}`;
  }
}
