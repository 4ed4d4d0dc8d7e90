import { describe, expect, it } from "vitest";
import { encodePythonJson, pyFloat, ValidationError } from "../../src/core/index.js";
import { pythonFloatRepr } from "../../src/core/python-json.js";

describe("Python-compatible JSON", () => {
  // Known answers of CPython's repr(float).
  it.each([
    [1, "1.0"],
    [0, "0.0"],
    [-0, "-0.0"],
    [0.0001, "0.0001"],
    [1e-5, "1e-05"],
    [1e-12, "1e-12"],
    [1.5e-7, "1.5e-07"],
    [0.9, "0.9"],
    [0.95, "0.95"],
    [123.456, "123.456"],
    [-2.5, "-2.5"],
    [1e15, "1000000000000000.0"],
    [1e16, "1e+16"],
    [1.2345e20, "1.2345e+20"],
    [0.1 + 0.2, "0.30000000000000004"],
    [5e-324, "5e-324"],
  ])("repr(%s) = %s", (n, expected) => {
    expect(pythonFloatRepr(n)).toBe(expected);
  });

  it("keeps key order and compactness, and writes marked floats as Python does", () => {
    const body = {
      model_id: "m",
      seq_id: 3,
      type: "optim_step",
      adam_params: { learning_rate: 0.0001, beta1: 0.9, beta2: 0.95, eps: 1e-12, weight_decay: 0, grad_clip_norm: 0 },
      note: "ünï",
      skip: undefined,
      n: null,
    };
    const floatKeys = new Set(["learning_rate", "beta1", "beta2", "eps", "weight_decay", "grad_clip_norm"]);
    expect(encodePythonJson(body, { floatKeys })).toBe(
      '{"model_id":"m","seq_id":3,"type":"optim_step","adam_params":{"learning_rate":0.0001,"beta1":0.9,"beta2":0.95,"eps":1e-12,"weight_decay":0.0,"grad_clip_norm":0.0},"note":"ünï","n":null}',
    );
    expect(encodePythonJson({ t: pyFloat(1), xs: [pyFloat(2), 3] })).toBe('{"t":1.0,"xs":[2.0,3]}');
    expect(JSON.stringify({ t: pyFloat(1) })).toBe('{"t":1}');
  });

  it("refuses NaN and Infinity, naming the field", () => {
    expect(() => encodePythonJson({ a: { b: Number.NaN } })).toThrow(expect.objectContaining({ name: "ValidationError", field: "a.b" }));
    expect(() => encodePythonJson({ a: [{ b: 1 }, { b: [0, Infinity] }] })).toThrow(expect.objectContaining({ field: "a[1].b[1]" }));
    expect(() => encodePythonJson({ lr: pyFloat(Infinity) })).toThrow(ValidationError);
  });
});
