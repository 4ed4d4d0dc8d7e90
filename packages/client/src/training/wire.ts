// Minimal shape checks on future results: a 2xx result missing what the SDK needs is an
// APIResponseValidationError, never a crash further down.
import { APIResponseValidationError } from "../core/errors.js";

export function expectObject(payload: unknown, what: string): Record<string, unknown> {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    throw new APIResponseValidationError(`${what}: expected a JSON object, got ${JSON.stringify(payload)?.slice(0, 200)}`, undefined);
  }
  return payload as Record<string, unknown>;
}

export function expectStringField(payload: unknown, field: string, what: string): string {
  const value = expectObject(payload, what)[field];
  if (typeof value !== "string") throw new APIResponseValidationError(`${what}: field ${field} is missing or not a string`, undefined);
  return value;
}
