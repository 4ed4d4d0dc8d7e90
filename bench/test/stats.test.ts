import { describe, expect, it } from "vitest";
import { median, pairRatio, spread } from "../src/stats.js";

describe("median", () => {
  it("takes the middle of an odd list regardless of order", () => {
    expect(median([5, 1, 3])).toBe(3);
  });
  it("averages the two middle values of an even list", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("rejects an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("spread", () => {
  it("reports median, min, max and count", () => {
    expect(spread([3, 9, 1, 4])).toEqual({ median: 3.5, min: 1, max: 9, n: 4 });
  });
});

describe("pairRatio", () => {
  it("is the median of per-round ratios, not the ratio of medians", () => {
    // per-round ratios 2, 1, 4 -> median 2; the ratio of medians would be 4/2 = 2 too, so use a
    // case where they differ: a = [10, 1, 8], b = [5, 1, 2] -> ratios 2, 1, 4 -> median 2;
    // median(a)/median(b) = 8/2 = 4.
    const r = pairRatio([10, 1, 8], [5, 1, 2]);
    expect(r.median).toBe(2);
    expect(r.min).toBe(1);
    expect(r.max).toBe(4);
    expect(median([10, 1, 8]) / median([5, 1, 2])).toBe(4);
  });
  it("refuses lists of different lengths", () => {
    expect(() => pairRatio([1, 2], [1])).toThrow(/as many rounds/);
  });
});
