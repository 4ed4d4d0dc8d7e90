import {
  APIConnectionError,
  APIStatusError,
  APITimeoutError,
  AbortError,
  AuthenticationError,
  BadRequestError,
  BillingError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  ValidationError,
  isTinkerError,
} from "@tinker-ts/client";
import { CliError } from "./errors.js";

function detail(error: Error): string {
  const server = error instanceof APIStatusError ? error.serverMessage : undefined;
  return `Details: ${server ?? error.message}`;
}

/** Turns an SDK error into the message the user sees, in the spirit of the Python CLI. */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof ValidationError) return new CliError(error.message);
  if (error instanceof NotFoundError) return new CliError("Resource not found", detail(error));
  if (error instanceof AuthenticationError) {
    return new CliError("Authentication failed", `Please check your API key or authentication credentials.\n${detail(error)}`);
  }
  if (error instanceof BillingError) {
    return new CliError("Billing issue", `There is a billing issue with your account. Please check that billing is set up.\n${detail(error)}`);
  }
  if (error instanceof PermissionDeniedError) {
    return new CliError("Permission denied", `You don't have permission to access this resource.\n${detail(error)}`);
  }
  if (error instanceof BadRequestError) return new CliError("Invalid request", detail(error));
  if (error instanceof UnprocessableEntityError) return new CliError("Invalid data provided", detail(error));
  if (error instanceof RateLimitError) return new CliError("Rate limit exceeded", `Please wait a moment before trying again.\n${detail(error)}`);
  if (error instanceof InternalServerError) {
    return new CliError("Internal server error", `The Tinker API encountered an internal error. Please try again later.\n${detail(error)}`);
  }
  if (error instanceof APITimeoutError) return new CliError("Request timeout", `The request to Tinker API timed out. Please try again.\n${detail(error)}`);
  if (error instanceof APIConnectionError) {
    return new CliError("Connection failed", `Could not connect to the Tinker API. Please check your network connection.\n${detail(error)}`);
  }
  if (error instanceof APIStatusError) return new CliError(`API error (status ${error.status})`, detail(error));
  if (error instanceof AbortError) return new CliError("Interrupted", undefined, 130);
  if (isTinkerError(error)) return new CliError(error.message);
  if (error instanceof Error) return new CliError(error.message);
  return new CliError(`Unexpected error: ${String(error)}`);
}
