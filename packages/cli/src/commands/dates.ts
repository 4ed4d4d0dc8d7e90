import { CliError } from "../errors.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO 8601 date or date-time for the delete filters. Date-only values and
 * date-times without an offset are taken as UTC, as the Python CLI does.
 */
export function parseDate(value: string): Date {
  const hint = "Use ISO 8601 format: 2024-01-01, 2024-01-01T12:00:00Z";
  const match = ISO.exec(value.trim());
  if (!match) throw new CliError(`Invalid date: ${value}`, hint);
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone] = match as unknown as string[];
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const realDay = calendar.getUTCFullYear() === Number(y) && calendar.getUTCMonth() === Number(mo) - 1 && calendar.getUTCDate() === Number(d);
  const offset = zone === undefined || zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`);
  if (!realDay || Number.isNaN(date.getTime())) throw new CliError(`Invalid date: ${value}`, hint);
  return date;
}
