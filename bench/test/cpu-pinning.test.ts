import { describe, expect, it } from "vitest";
import { parseCpuList } from "../src/process/cpu-pinning.js";

describe("parseCpuList", () => {
  it("expands ranges and lists as taskset prints them", () => {
    expect(parseCpuList("0-3,6")).toEqual([0, 1, 2, 3, 6]);
    expect(parseCpuList("1")).toEqual([1]);
    expect(parseCpuList(" 0,2-3 ")).toEqual([0, 2, 3]);
  });
});
