/**
 * JSON text byte-identical to what the Python SDK sends (httpx: compact separators,
 * `ensure_ascii=False`, NaN/Infinity refused, floats in Python `repr` form).
 *
 * JSON.stringify already matches Python for key order (insertion order), strings and integers;
 * it differs for floats: Python writes `1.0`, `0.0`, `1e-05`, `1e+16` where JavaScript writes
 * `1`, `0`, `0.00001`, `10000000000000000`. A JS number does not know whether it was a float, so
 * the caller says so: wrap a value in `pyFloat(x)`, or name float-typed keys in `floatKeys`.
 */
import { ValidationError } from "./errors.js";

/** Marks a number as a Python float for `encodePythonJson`. */
export class PyFloat {
  constructor(readonly value: number) {}
  /** Plain JSON.stringify sees the number. */
  toJSON(): number {
    return this.value;
  }
}

export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** Python's `repr(float)` for a finite number. */
export function pythonFloatRepr(n: number): string {
  if (!Number.isFinite(n)) throw new ValidationError("json", `${n} cannot be sent: the JSON the service accepts has no NaN/Infinity`);
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = n.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${"0".repeat(intLen - digits.length)}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

export interface PythonJsonOptions {
  /** Object keys whose numeric values (or arrays of numbers) are Python floats, at any depth. */
  readonly floatKeys?: ReadonlySet<string> | undefined;
}

function encode(value: unknown, options: PythonJsonOptions, asFloat: boolean, path: string): string | undefined {
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new ValidationError(path || "json", `${value} cannot be sent as JSON`);
      return asFloat ? pythonFloatRepr(value) : JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "bigint":
      return value.toString();
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    return `[${value.map((v, i) => encode(v, options, asFloat, `${path}[${i}]`) ?? "null").join(",")}]`;
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const encoded = encode(v, options, options.floatKeys?.has(k) ?? false, path ? `${path}.${k}` : k);
    if (encoded !== undefined) parts.push(`${JSON.stringify(k)}:${encoded}`);
  }
  return `{${parts.join(",")}}`;
}

/** Serialises `value` as the Python SDK would; pass the result as `body` with `contentType: "application/json"`. */
export function encodePythonJson(value: unknown, options: PythonJsonOptions = {}): string {
  return encode(value, options, false, "") ?? "null";
}
