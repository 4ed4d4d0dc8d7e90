// componentSchemas must compile in both ajv set-ups in use: the strict one of these tests (which
// also catches malformed schemas) and the lenient one the emulator validates requests with.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { componentSchemas } from "../src/schemas.js";
import { createAjv, SCHEMA_ID } from "./helpers/validator.js";

const names = Object.keys(componentSchemas);
const seed = { model_id: "m", path: "tinker://r/weights/x", seq_id: 1, load_optimizer_state: true, type: "load_weights" };

describe("componentSchemas under ajv 2020-12", () => {
  it("compiles every schema in strict mode", () => {
    const ajv = createAjv();
    for (const name of names) expect(ajv.getSchema(`${SCHEMA_ID}#/components/schemas/${name}`), name).toBeTypeOf("function");
  });

  it("compiles every schema with the emulator's options and rejects the seed body", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
    ajv.addSchema({ $id: SCHEMA_ID, components: { schemas: componentSchemas } });
    for (const name of names) expect(ajv.getSchema(`${SCHEMA_ID}#/components/schemas/${name}`), name).toBeTypeOf("function");
    expect(ajv.getSchema(`${SCHEMA_ID}#/components/schemas/LoadWeightsRequest`)!(seed)).toBe(false);
  });
});
