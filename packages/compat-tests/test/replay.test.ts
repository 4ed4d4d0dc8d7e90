/**
 * Every Python fixture, replayed against the TypeScript client: each request must equal Python's
 * (method, path, query, service-read headers, body), no request may be missing or extra, and every
 * call must return what Python returned. Open differences are listed, line for line, in
 * known-differences.ts: the test fails when one appears AND when one is fixed (so the list shrinks).
 */
import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture } from "../src/index.js";
import { TS_SCENARIOS } from "../src/scenarios/index.js";
import { replayFixture } from "../src/scenarios/replay-fixture.js";
import { KNOWN_DIFFERENCES } from "./known-differences.js";

const names = fixtureNames();

describe("replay of the Python captures against @tinker-ts/client", () => {
  it("has a TypeScript scenario for every fixture, and known differences only for fixtures", () => {
    expect(names.filter((n) => TS_SCENARIOS[n] === undefined)).toEqual([]);
    expect(Object.keys(KNOWN_DIFFERENCES).filter((n) => !names.includes(n))).toEqual([]);
  });

  it.each(names)("%s", async (name) => {
    const problems = await replayFixture(name);
    const known = KNOWN_DIFFERENCES[name] ?? [];
    expect(problems, `${name} (captured with tinker ${loadFixture(name).sdk.version}); expected only the known differences`).toEqual(known);
  }, 60_000);
});
