/** Validates JSON request bodies against the spec's component schemas (JSON Schema 2020-12). */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { componentSchemas } from "@tinker-ts/types/schemas";
import { badRequest } from "./errors.js";

const SCHEMA_ID = "tinker";

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: SCHEMA_ID, components: { schemas: componentSchemas } });
  }
  return ajv;
}

function validatorFor(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const found = instance().getSchema(`${SCHEMA_ID}#/components/schemas/${name}`);
    if (!found) throw new Error(`schema ${name} is not in @tinker-ts/types`);
    validate = found;
    compiled.set(name, validate);
  }
  return validate;
}

/** Throws a 400 naming the offending field when `body` does not match schema `name`. */
export function validateBody<T>(name: string, body: unknown): T {
  const validate = validatorFor(name);
  if (!validate(body)) throw describe(name, mostUseful(validate.errors ?? []));
  return body as T;
}

const PRIORITY = ["additionalProperties", "unevaluatedProperties", "required"];

/** Unknown fields first, then missing ones, then the rest (oneOf branches add noise after these). */
function mostUseful(errors: readonly ErrorObject[]): ErrorObject | undefined {
  for (const keyword of PRIORITY) {
    const found = errors.find((e) => e.keyword === keyword);
    if (found) return found;
  }
  return errors.find((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf" && e.keyword !== "if") ?? errors[0];
}

function describe(name: string, error: ErrorObject | undefined): Error {
  if (!error) return badRequest(`request body does not match ${name}`);
  const at = error.instancePath.replace(/^\//, "").split("/").filter(Boolean);
  const where = at.length > 0 ? at.join(".") : undefined;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const field = String(params["additionalProperty"] ?? params["unevaluatedProperty"]);
    const full = where ? `${where}.${field}` : field;
    return badRequest(`${name}: unknown field "${full}"`, field);
  }
  if (error.keyword === "required") {
    const field = String(params["missingProperty"]);
    const full = where ? `${where}.${field}` : field;
    return badRequest(`${name}: missing required field "${full}"`, field);
  }
  const field = at[at.length - 1];
  return badRequest(`${name}: field "${where ?? "(body)"}" ${error.message ?? "is invalid"}`, field);
}
