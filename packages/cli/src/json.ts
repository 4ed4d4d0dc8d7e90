// JSON printed the way Python's json.dumps prints it (the Python CLI's output): ", " and ": "
// separators, non-ASCII escaped, and with `indent` one item per line.

function str(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function encode(value: unknown, indent: number | undefined, depth: number): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : value > 0 ? "Infinity" : Number.isNaN(value) ? "NaN" : "-Infinity";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return encode((value as { toJSON(): unknown }).toJSON(), indent, depth);
  const items: string[] = Array.isArray(value)
    ? value.map((v) => encode(v, indent, depth + 1))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${str(k)}: ${encode(v, indent, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  if (indent === undefined) return `${open}${items.join(", ")}${close}`;
  const pad = " ".repeat(indent * (depth + 1));
  return `${open}\n${pad}${items.join(`,\n${pad}`)}\n${" ".repeat(indent * depth)}${close}`;
}

/** `json.dumps(value)` (one line) or `json.dumps(value, indent=n)`. */
export function pythonJson(value: unknown, indent?: number): string {
  return encode(value, indent, 0);
}
