// Request bodies are closed (unknown fields rejected, as the service's strict request models do)
// and response bodies are open (the service may add fields), at every level the spec owns.
import { describe, expect, it } from "vitest";
import { componentSchemas } from "../src/schemas.js";
import { operations, requestSchemaName, schemaNameOf } from "./helpers/spec.js";

type Node = Record<string, unknown>;
const schemas = componentSchemas as unknown as Record<string, Node>;
/** Request-side schemas the service itself does not close (plain models there, not strict ones). */
const openOnPurpose = new Set(["SamplingParams", "SessionSearchCursor", "SessionStartEvent", "SessionEndEvent", "UnhandledExceptionEvent", "GenericEvent"]);

/** Every component schema reachable from a schema, following $ref, properties, items and unions. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const ref = (node as Node)["$ref"];
    if (typeof ref === "string") {
      const name = ref.replace("#/components/schemas/", "");
      if (!seen.has(name)) {
        seen.add(name);
        visit(schemas[name]);
      }
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit({ $ref: `#/components/schemas/${start}` });
  return seen;
}

const requestRoots = new Set<string>();
const responseRoots = new Set<string>();
for (const { operation } of operations()) {
  const requestRoot = requestSchemaName(operation);
  if (requestRoot) requestRoots.add(requestRoot);
  for (const response of Object.values(operation.responses)) {
    const responseRoot = schemaNameOf(response.content?.["application/json"]);
    if (responseRoot) responseRoots.add(responseRoot);
  }
}

const isObjectSchema = (schema: Node) => schema["type"] === "object" && schema["properties"] !== undefined;

describe("request schemas", () => {
  const names = [...requestRoots].flatMap((root) => [...reachable(root)]);
  it.each([...new Set(names)].filter((n) => isObjectSchema(schemas[n]!)))("%s is closed (or open on purpose)", (name) => {
    if (openOnPurpose.has(name)) expect(schemas[name]!["additionalProperties"]).toBeUndefined();
    else expect(schemas[name]!["additionalProperties"]).toBe(false);
  });
});

describe("response schemas", () => {
  it.each([...responseRoots])("%s is open", (name) => {
    expect(schemas[name]!["additionalProperties"]).not.toBe(false);
  });
});
