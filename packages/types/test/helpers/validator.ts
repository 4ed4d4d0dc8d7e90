// Validates JSON bodies against the spec's component schemas the way the emulator does:
// ajv's JSON Schema 2020-12 build, schemas registered once under the id "tinker" and looked up as
// "tinker#/components/schemas/<Name>". Strict mode here, so a malformed schema fails the tests.
import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import { componentSchemas, type ComponentSchemaName } from "../../src/schemas.js";

export const SCHEMA_ID = "tinker";

export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, validateFormats: false, ...options });
  // Not JSON Schema keywords: the OpenAPI wrapper object and our own annotation.
  ajv.addVocabulary(["components", "x-tinker-always-sent"]);
  ajv.addSchema({ $id: SCHEMA_ID, components: { schemas: componentSchemas } });
  return ajv;
}

const shared = createAjv();

export function validatorFor(name: ComponentSchemaName | string): ValidateFunction {
  const validate = shared.getSchema(`${SCHEMA_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`no component schema named ${name}`);
  return validate;
}

/** One line per problem, naming the offending property, e.g. `(body): unexpected property "load_optimizer_state"`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath === "" ? "(body)" : error.instancePath;
    if (error.keyword === "additionalProperties") {
      return `${at}: unexpected property "${String(error.params["additionalProperty"])}"`;
    }
    if (error.keyword === "required") {
      return `${at}: missing required property "${String(error.params["missingProperty"])}"`;
    }
    if (error.keyword === "false schema") {
      return `${at}: must not be present`;
    }
    return `${at}: ${error.message ?? error.keyword}`;
  });
}

export function check(name: string, body: unknown): { ok: boolean; problems: string[] } {
  const validate = validatorFor(name);
  const ok = validate(body) as boolean;
  return { ok, problems: describeErrors(validate.errors) };
}
