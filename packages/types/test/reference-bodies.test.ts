// The JSON bodies the reference (Python SDK 0.25.0) marks "(verified)" are still accepted: the
// service takes requests from older clients, so the spec must too.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { referenceBodies } from "./helpers/fixtures.js";
import { referencePath } from "./helpers/paths.js";
import { check } from "./helpers/validator.js";

describe("verified bodies of the reference", () => {
  it.runIf(existsSync(referencePath))("are transcribed verbatim from the reference", () => {
    const reference = readFileSync(referencePath, "utf8");
    for (const fixture of referenceBodies.bodies) {
      expect(reference, `${fixture.name} (transcribed from line ${fixture.reference_line})`).toContain(fixture.body);
    }
  });

  it.each(referenceBodies.bodies.map((b) => [b.name, b] as const))("%s validates", (_name, fixture) => {
    expect(check(fixture.schema, JSON.parse(fixture.body)).problems).toEqual([]);
  });
});
