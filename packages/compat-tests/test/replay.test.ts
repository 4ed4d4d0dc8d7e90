/**
 * Every Python fixture, replayed against the TypeScript client: each request must equal Python's
 * (method, path, query, service-read headers, body), no request may be missing or extra, and every
 * call must return what Python returned. Open differences are listed, line for line, in
 * known-differences.ts (owned here, fixed elsewhere): any other difference fails the test; a listed
 * one that no longer occurs is reported as fixed, so it can be deleted from the list.
 */
import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture } from "../src/index.js";
import { TS_SCENARIOS } from "../src/scenarios/index.js";
import { replayFixture } from "../src/scenarios/replay-fixture.js";
import { KNOWN_DIFFERENCES } from "./known-differences.js";

const names = fixtureNames();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Ids change with every capture, and exchange numbers with the timing of background polls. */
const withoutIds = (line: string): string => line.replace(UUID, "<uuid>").replace(/#\d+/g, "#<n>");

describe("replay of the Python captures against @tinker-ts/client", () => {
  it("has a TypeScript scenario for every fixture, and known differences only for fixtures", () => {
    expect(names.filter((n) => TS_SCENARIOS[n] === undefined)).toEqual([]);
    expect(Object.keys(KNOWN_DIFFERENCES).filter((n) => !names.includes(n))).toEqual([]);
  });

  it.each(names)("%s", async (name) => {
    const problems = (await replayFixture(name)).map(withoutIds);
    const known = KNOWN_DIFFERENCES[name] ?? [];
    const fixed = known.filter((line) => !problems.includes(line));
    if (fixed.length > 0) console.info(`${name}: these known differences no longer occur; delete them from known-differences.ts:\n  ${fixed.join("\n  ")}`);
    const unexpected = problems.filter((line) => !known.includes(line));
    expect(unexpected, `${name} (captured with tinker ${loadFixture(name).sdk.version}): differences from Python`).toEqual([]);
  }, 60_000);
});
