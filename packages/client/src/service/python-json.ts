// The Python SDK's request bodies are httpx's compact JSON of pydantic dumps, where a `float` field is
// written by Python's repr (`1.0`, `1e-05`, `1e+16`) and an `int` field without a fraction. JS numbers
// do not know which they are, so float fields are wrapped with `pyFloat` and written the Python way.

const FLOAT = Symbol("pyFloat");

/** Marks a number for a pydantic `float` field. */
export interface PyFloat {
  readonly [FLOAT]: number;
}

export function pyFloat(value: number): PyFloat {
  return { [FLOAT]: value };
}

function isPyFloat(v: unknown): v is PyFloat {
  return typeof v === "object" && v !== null && FLOAT in v;
}

/** `repr(float)` of CPython: shortest round-trip digits; scientific below 1e-4 or from 1e16 up. */
export function pythonFloatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`${x} cannot be sent as JSON`);
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = x.toExponential().split("e") as [string, string];
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
  /** Leave out object members that are `null` too (pydantic's `exclude_none`, used for every resource body). */
  readonly omitNull?: boolean;
}

/** Compact JSON (`{"a":1}`) in insertion order, `undefined` members left out, PyFloat written as Python does. */
export function toPythonJson(value: unknown, options: PythonJsonOptions = {}): string {
  if (isPyFloat(value)) return pythonFloatRepr(value[FLOAT]);
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be sent as JSON`);
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : toPythonJson(v, options))).join(",")}]`;
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined || (v === null && options.omitNull)) continue;
        parts.push(`${JSON.stringify(k)}:${toPythonJson(v, options)}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      throw new TypeError(`cannot serialise a ${typeof value} as JSON`);
  }
}
