import { describe, expect, it } from "vitest";
import { pyFloat, pythonFloatRepr, toPythonJson } from "../../src/service/python-json.js";

describe("pythonFloatRepr", () => {
  // Expected strings are CPython 3.11's repr() of the same doubles.
  it.each([
    [1, "1.0"],
    [0, "0.0"],
    [-0, "-0.0"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1e-12, "1e-12"],
    [1.5e-7, "1.5e-07"],
    [0.95, "0.95"],
    [123.456, "123.456"],
    [1e15, "1000000000000000.0"],
    [1e16, "1e+16"],
    [1.2345678901234568e20, "1.2345678901234568e+20"],
    [-2.5, "-2.5"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1e100, "1e+100"],
    [5e-324, "5e-324"],
  ])("%d → %s", (x, repr) => {
    expect(pythonFloatRepr(x)).toBe(repr);
  });
});

describe("toPythonJson", () => {
  it("is compact, keeps key order, drops undefined, writes pyFloat like Python and ints like ints", () => {
    expect(toPythonJson({ b: 1, a: pyFloat(1), c: undefined, d: [pyFloat(1e-5), "x"], e: null, f: { g: true } })).toBe(
      '{"b":1,"a":1.0,"d":[1e-05,"x"],"e":null,"f":{"g":true}}',
    );
  });
  it("refuses NaN", () => {
    expect(() => toPythonJson({ x: Number.NaN })).toThrow(RangeError);
    expect(() => toPythonJson({ x: pyFloat(Number.POSITIVE_INFINITY) })).toThrow(RangeError);
  });
});
