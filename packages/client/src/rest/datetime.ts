import { ValidationError } from "../core/errors.js";

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function fraction(micros: string): string {
  return /^0*$/.test(micros) ? "" : `.${micros}`;
}

/**
 * A timestamp query parameter serialised the way the Python SDK's pydantic model does it:
 * `YYYY-MM-DDTHH:MM:SS`, microseconds only when non-zero, `Z` for UTC, the offset otherwise, and
 * nothing for a naive value. A `Date` is sent in UTC. Throws ValidationError on anything else.
 */
export function formatDateTimeParam(field: string, value: Date | string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(field, "is an invalid Date");
    const micros = pad(value.getUTCMilliseconds() * 1000, 6);
    return (
      `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` +
      `T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}${fraction(micros)}Z`
    );
  }
  if (typeof value !== "string") throw new ValidationError(field, `expected a Date or an RFC 3339 string, got ${typeof value}`);
  const match = RFC3339.exec(value.trim());
  if (!match) throw new ValidationError(field, `not an RFC 3339 date-time: ${JSON.stringify(value)}`);
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone] = match as unknown as (string | undefined)[];
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || check.getUTCMinutes() !== Number(mi)) {
    throw new ValidationError(field, `not a real date-time: ${JSON.stringify(value)}`);
  }
  const micros = (frac ?? "").slice(0, 6).padEnd(6, "0");
  let offset = "";
  if (zone !== undefined) {
    const normal = zone.toUpperCase() === "Z" ? "+00:00" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    offset = normal === "+00:00" || normal === "-00:00" ? "Z" : normal;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction(micros)}${offset}`;
}

/** A `day` query parameter: `YYYY-MM-DD` (a Date gives its UTC day). */
export function formatDateParam(field: string, value: Date | string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(field, "is an invalid Date");
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value) return value;
  }
  throw new ValidationError(field, `expected a Date or a YYYY-MM-DD string, got ${JSON.stringify(value)}`);
}

/** An HTTP date (`Expires` header) as an ISO 8601 string, or undefined when absent or unreadable. */
export function httpDateToIso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
