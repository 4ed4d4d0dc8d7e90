import { describe, expect, it } from "vitest";
import { interleave, runInterleaved } from "../src/schedule.js";

describe("interleave", () => {
  it("runs every driver once per round, in the same order: A B C D A B C D", () => {
    const order = interleave(["A", "B", "C", "D"], 2).map((s) => `${s.driver}${s.round}`);
    expect(order).toEqual(["A0", "B0", "C0", "D0", "A1", "B1", "C1", "D1"]);
  });
  it("rejects a non-positive round count", () => {
    expect(() => interleave(["A"], 0)).toThrow(RangeError);
  });
});

describe("runInterleaved", () => {
  it("measures sequentially in schedule order and groups values per driver", async () => {
    const calls: string[] = [];
    let active = 0;
    const result = await runInterleaved(["ts", "py"] as const, 3, async (driver, round) => {
      active++;
      expect(active).toBe(1); // never two measurements at once
      calls.push(`${driver}${round}`);
      await new Promise((r) => setImmediate(r));
      active--;
      return round * 10 + (driver === "ts" ? 1 : 2);
    });
    expect(calls).toEqual(["ts0", "py0", "ts1", "py1", "ts2", "py2"]);
    expect(result).toEqual({ ts: [1, 11, 21], py: [2, 12, 22] });
  });
});
