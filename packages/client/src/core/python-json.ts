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

/** Thrown by an untracked encode (no paths built) to ask for a second, tracked one for the error. */
const NEEDS_PATH = Symbol("needs path");

/** `path` null: not tracked (the common case, no strings built per value); see NEEDS_PATH. */
function encode(value: unknown, options: PythonJsonOptions, asFloat: boolean, path: string | null): string | undefined {
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) {
        if (path === null) throw NEEDS_PATH;
        throw new ValidationError(path || "json", `${value} cannot be sent as JSON`);
      }
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
    return `[${value.map((v, i) => encode(v, options, asFloat, path === null ? null : `${path}[${i}]`) ?? "null").join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const floatKeys = options.floatKeys;
  let out = "";
  for (const k of Object.keys(record)) {
    const encoded = encode(record[k], options, floatKeys?.has(k) ?? false, path === null ? null : path ? `${path}.${k}` : k);
    if (encoded !== undefined) out += `${out === "" ? "" : ","}${JSON.stringify(k)}:${encoded}`;
  }
  return `{${out}}`;
}

const NO_OPTIONS: PythonJsonOptions = {};

/** Serialises `value` as the Python SDK would; pass the result as `body` with `contentType: "application/json"`. */
export function encodePythonJson(value: unknown, options: PythonJsonOptions = NO_OPTIONS): string {
  try {
    return encode(value, options, false, null) ?? "null";
  } catch (e) {
    if (e !== NEEDS_PATH) throw e;
    return encode(value, options, false, "") ?? "null";
  }
}
