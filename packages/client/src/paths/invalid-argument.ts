import { ValidationError } from "../core/errors.js";

/** Throws the SDK's ValidationError for `parameter`; every argument check of this layer goes through here. */
export function invalidArgument(parameter: string, problem: string): never {
  throw new ValidationError(parameter, problem);
}
