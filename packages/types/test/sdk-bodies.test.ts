// Every JSON body the official Python SDK 0.38.0 sends (captured from its own HTTP client by
// scripts/sdk-bodies.py) must be accepted by the spec, by the operation it was sent to, with the
// object keys in the order the spec lists the properties.
import { describe, expect, it } from "vitest";
import { componentSchemas } from "../src/schemas.js";
import { referenceBodies, sdkBodies } from "./helpers/fixtures.js";
import { findOperation, requestSchemaName } from "./helpers/spec.js";
import { check } from "./helpers/validator.js";

type Schema = {
  $ref?: string;
  const?: unknown;
  default?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
};

const schemas = componentSchemas as unknown as Record<string, Schema>;

function resolveRef(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) {
    const target = schemas[current.$ref.replace("#/components/schemas/", "")];
    if (!target) throw new Error(`dangling ${current.$ref}`);
    current = target;
  }
  return current;
}

/** For a union without own properties: the member whose literals (`const`) and property set fit the value. */
function matchingVariant(value: Record<string, unknown>, schema: Schema): Schema | undefined {
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map(resolveRef).filter((v) => v.properties);
  return variants.find(
    (v) =>
      Object.keys(value).every((k) => k in v.properties!) &&
      Object.entries(v.properties!).every(([k, p]) => !("const" in p) || (p as { const: unknown }).const === value[k]),
  );
}

/** Lists the places where an object's keys are not in the order its schema declares them. */
function keyOrderProblems(value: unknown, schema: Schema, at = "(body)"): string[] {
  const resolved = resolveRef(schema);
  if (Array.isArray(value)) {
    return resolved.items ? value.flatMap((item, i) => keyOrderProblems(item, resolved.items!, `${at}/${i}`)) : [];
  }
  if (value === null || typeof value !== "object") return [];
  const declared = resolved.properties ?? matchingVariant(value as Record<string, unknown>, resolved)?.properties;
  if (!declared) return [];
  const order = Object.keys(declared);
  const keys = Object.keys(value).filter((k) => order.includes(k));
  const problems: string[] = [];
  const positions = keys.map((k) => order.indexOf(k));
  if (positions.some((p, i) => i > 0 && p < positions[i - 1]!)) {
    problems.push(`${at}: keys ${JSON.stringify(Object.keys(value))}, spec order ${JSON.stringify(order)}`);
  }
  for (const key of keys) {
    problems.push(...keyOrderProblems((value as Record<string, unknown>)[key], declared[key]!, `${at}/${key}`));
  }
  return problems;
}

describe(`request bodies of the Python SDK ${sdkBodies.sdk_version}`, () => {
  it("covers the weights/checkpoint requests and the common ones", () => {
    const schemasSeen = new Set(sdkBodies.bodies.map((b) => b.schema));
    for (const name of [
      "SaveWeightsRequest",
      "LoadWeightsRequest",
      "SaveWeightsForSamplerRequest",
      "SaveWeightsExternalRequest",
      "CopyWeightsRequest",
      "WeightsInfoRequest",
      "SetCheckpointTtlRequest",
      "CreateModelRequest",
      "OptimStepRequest",
      "SampleRequest",
      "CreateSessionRequest",
      "FutureRetrieveRequest",
    ]) {
      expect(schemasSeen, name).toContain(name);
    }
  });

  it("differ from 0.25.0 where the SDK moved adam_params to the end (the key-order check notices)", () => {
    const old = referenceBodies.bodies.find((b) => b.name === "optim_step")!;
    expect(keyOrderProblems(JSON.parse(old.body), { $ref: "#/components/schemas/OptimStepRequest" })).toEqual([
      expect.stringContaining('(body): keys ["adam_params","model_id","seq_id","type"]'),
    ]);
  });

  it("key-order check looks inside arrays and unions", () => {
    const chunks = { chunks: [{ tokens: [1], type: "encoded_text" }, { type: "image", format: "png", data: "AA==" }] };
    expect(keyOrderProblems(chunks, { $ref: "#/components/schemas/ModelInput" })).toEqual([
      expect.stringMatching(/^\(body\)\/chunks\/1: keys/),
    ]);
  });

  describe.each(sdkBodies.bodies.map((b) => [b.name, b] as const))("%s", (_name, fixture) => {
    const body: unknown = JSON.parse(fixture.body);

    it(`validates against ${fixture.schema}`, () => {
      expect(check(fixture.schema, body).problems).toEqual([]);
    });

    it(`is what the spec's ${fixture.method} operation takes`, () => {
      const op = findOperation(fixture.method, fixture.path);
      expect(op, `${fixture.method} ${fixture.path}`).toBeDefined();
      expect(requestSchemaName(op!.operation)).toBe(fixture.schema);
    });

    it.runIf(!fixture.source.includes("literal"))("carries every field the spec says is always sent", () => {
      const schema = resolveRef({ $ref: `#/components/schemas/${fixture.schema}` });
      const alwaysSent = Object.entries(schema.properties ?? {})
        .filter(([, p]) => "default" in p || (p as Record<string, unknown>)["x-tinker-always-sent"] === true)
        .map(([k]) => k);
      expect(Object.keys(body as object)).toEqual(expect.arrayContaining(alwaysSent));
    });

    it("lists its keys in the order the spec declares them", () => {
      expect(keyOrderProblems(body, { $ref: `#/components/schemas/${fixture.schema}` })).toEqual([]);
    });
  });
});
