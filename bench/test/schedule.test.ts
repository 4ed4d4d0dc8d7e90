import { describe, expect, it } from "vitest";
import { interleave, runInterleaved } from "../src/schedule.js";

describe("interleave", () => {
  it("runs every driver once per round, reversing the order every other round: A B C D D C B A A B C D", () => {
    const order = interleave(["A", "B", "C", "D"], 3).map((s) => `${s.driver}${s.round}`);
    expect(order).toEqual(["A0", "B0", "C0", "D0", "D1", "C1", "B1", "A1", "A2", "B2", "C2", "D2"]);
  });
  it("lets a linear drift favour no driver: summed over an even number of rounds, every position is the same", () => {
    const slots = interleave(["A", "B", "C"], 4);
    const positionSum = (d: string) => slots.reduce((sum, s, i) => (s.driver === d ? sum + i : sum), 0);
    expect(new Set(["A", "B", "C"].map(positionSum)).size).toBe(1);
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
    expect(calls).toEqual(["ts0", "py0", "py1", "ts1", "ts2", "py2"]);
    expect(result).toEqual({ ts: [1, 11, 21], py: [2, 12, 22] });
  });
});
