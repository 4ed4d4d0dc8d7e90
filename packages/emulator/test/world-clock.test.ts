// World#nowIso assembles timestamps from a per-second prefix; it must equal Date#toISOString.
import { describe, expect, it } from "vitest";
import { World } from "../src/state/world.js";

describe("World.nowIso", () => {
  it("writes exactly what Date#toISOString writes, across milliseconds, seconds and odd clocks", () => {
    let now = 0;
    const world = new World({ dataDir: undefined, now: () => now, seqGapTimeoutMs: 1000 });
    const base = Date.parse("2026-03-01T23:59:58.990Z");
    const clocks = [base, base + 1, base + 9, base + 10, base + 99, base + 100, base + 1009, base + 1010, base + 2000, base + 0.7, 0, 999, 1000, Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -1, -1500, -1.5];
    for (const clock of clocks) {
      now = clock;
      expect(world.nowIso()).toBe(new Date(clock).toISOString());
    }
    world.close();
  });
});
