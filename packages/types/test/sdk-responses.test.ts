// Responses shaped by the Python SDK's own response models (scripts/sdk-responses.py), with unset
// optionals both as null and omitted, must be accepted by the spec's (open) response schemas.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "./helpers/paths.js";
import { check } from "./helpers/validator.js";

const fixture = JSON.parse(readFileSync(resolve(fixturesDir, "sdk-0.38.0-responses.json"), "utf8")) as {
  sdk_version: string;
  bodies: { schema: string; body: string }[];
};

describe(`response bodies of the Python SDK ${fixture.sdk_version} models`, () => {
  it.each(fixture.bodies.map((b, i) => [b.schema, i, b] as const))("%s #%i validates", (schema, _i, { body }) => {
    expect(check(schema, JSON.parse(body)).problems).toEqual([]);
  });
});
