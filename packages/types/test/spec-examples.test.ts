// The examples in the spec are part of the contract documentation: each must be valid for the schema
// it illustrates.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDir } from "./helpers/paths.js";
import { operations, schemaNameOf, type MediaType } from "./helpers/spec.js";
import { check } from "./helpers/validator.js";

interface Example {
  readonly where: string;
  readonly schema: string;
  readonly value: unknown;
}

function examplesOf(where: string, media: MediaType | undefined): Example[] {
  const schema = schemaNameOf(media);
  if (!media || !schema) return [];
  const out: Example[] = [];
  if (media.example !== undefined) out.push({ where, schema, value: media.example });
  for (const [name, example] of Object.entries(media.examples ?? {})) out.push({ where: `${where} (${name})`, schema, value: example.value });
  return out;
}

const examples = operations().flatMap(({ method, path, operation }) => [
  ...examplesOf(`${method} ${path} request`, operation.requestBody?.content["application/json"]),
  ...Object.entries(operation.responses).flatMap(([status, response]) =>
    examplesOf(`${method} ${path} ${status}`, response.content?.["application/json"]),
  ),
]);

describe("spec examples", () => {
  it("exist on every weights and checkpoint operation", () => {
    const weightsOps = operations().filter(
      ({ path, operation }) => /weights|checkpoints/.test(path) && (operation.requestBody?.content["application/json"] !== undefined),
    );
    expect(weightsOps.length).toBeGreaterThan(5);
    for (const { method, path } of weightsOps) {
      expect(examples.some((e) => e.where.startsWith(`${method} ${path} request`)), `${method} ${path}`).toBe(true);
    }
  });

  it.each(examples.map((e) => [e.where, e] as const))("%s is valid", (_where, example) => {
    expect(check(example.schema, example.value).problems).toEqual([]);
  });
});

const venv = process.env["TINKER_PYTHON_VENV"];
const python = venv ? join(venv, "bin", "python") : undefined;

describe.runIf(python !== undefined && existsSync(python))("spec examples against the Python SDK's models", () => {
  it("are accepted by the model of the same name", () => {
    const out = execFileSync(python!, [resolve(packageDir, "scripts/sdk-check-examples.py")], {
      input: JSON.stringify(examples),
      encoding: "utf8",
    });
    const { rejected } = JSON.parse(out) as { rejected: unknown[] };
    expect(rejected).toEqual([]);
  }, 60_000);
});
