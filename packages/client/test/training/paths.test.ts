import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors.js";
import {
  checkBoolean,
  checkCheckpointName,
  checkPositiveInteger,
  checkTtlSeconds,
  MAX_TTL_SECONDS,
  parseTinkerPath,
  parseTrainingCheckpointPath,
  checkSamplingModelPath,
} from "../../src/paths/index.js";

function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("parseTinkerPath", () => {
  it("splits the three kinds the service knows, keeping the kind in checkpoint_id", () => {
    expect(parseTinkerPath("tinker://sess:train:0/weights/step-10")).toEqual({
      tinker_path: "tinker://sess:train:0/weights/step-10",
      training_run_id: "sess:train:0",
      checkpoint_type: "training",
      checkpoint_id: "weights/step-10",
    });
    expect(parseTinkerPath("tinker://r/sampler_weights/final").checkpoint_type).toBe("sampler");
    expect(parseTinkerPath("tinker://r/external_weights/hf").checkpoint_type).toBe("external");
  });

  it.each([
    ["not a tinker path", "weights/x"],
    ["other scheme", "s3://r/weights/x"],
    ["too few parts", "tinker://r/weights"],
    ["too many parts", "tinker://r/weights/a/b"],
    ["unknown kind", "tinker://r/checkpoints/x"],
    ["prototype key as kind", "tinker://r/constructor/x"],
  ])("refuses %s with a ValidationError naming the parameter", (_label, path) => {
    const err = validationErrorOf(() => parseTinkerPath(path, "modelPath"));
    expect(err.field).toBe("modelPath");
    expect(err.message).toContain(path);
  });

  it("refuses a non-string", () => {
    expect(validationErrorOf(() => parseTinkerPath(42)).field).toBe("path");
  });

  it("training loads accept only weights/ paths", () => {
    expect(parseTrainingCheckpointPath("tinker://r/weights/a").checkpoint_id).toBe("weights/a");
    const err = validationErrorOf(() => parseTrainingCheckpointPath("tinker://r/sampler_weights/a"));
    expect(err.message).toMatch(/sampler checkpoint/);
  });

  it("sampling model paths only need the scheme", () => {
    expect(checkSamplingModelPath("tinker://anything")).toBe("tinker://anything");
    expect(validationErrorOf(() => checkSamplingModelPath("r/weights/x")).field).toBe("modelPath");
  });
});

describe("checkpoint arguments", () => {
  it("names must be non-empty and free of /", () => {
    expect(checkCheckpointName("step-1")).toBe("step-1");
    expect(validationErrorOf(() => checkCheckpointName("")).field).toBe("name");
    expect(validationErrorOf(() => checkCheckpointName("a/b")).message).toContain('"a/b"');
  });

  it("ttlSeconds is an integer between one hour and ten years, or absent", () => {
    expect(checkTtlSeconds(undefined)).toBeUndefined();
    expect(checkTtlSeconds(3600)).toBe(3600);
    expect(checkTtlSeconds(MAX_TTL_SECONDS)).toBe(MAX_TTL_SECONDS);
    for (const bad of [3599, 0, -1, 3600.5, Number.NaN, MAX_TTL_SECONDS + 1, "3600"]) {
      expect(validationErrorOf(() => checkTtlSeconds(bad)).field).toBe("ttlSeconds");
    }
  });

  it("a boolean option is a boolean, or absent for its default", () => {
    expect(checkBoolean(undefined, "overwrite", false)).toBe(false);
    expect(checkBoolean(false, "trainMlp", true)).toBe(false);
    for (const bad of [0, "true", null]) {
      expect(validationErrorOf(() => checkBoolean(bad, "overwrite", false)).field).toBe("overwrite");
    }
  });

  it("rank must be a positive integer", () => {
    expect(checkPositiveInteger(8, "rank")).toBe(8);
    for (const bad of [0, -4, 1.5, Number.POSITIVE_INFINITY, "8"]) {
      expect(validationErrorOf(() => checkPositiveInteger(bad, "rank")).field).toBe("rank");
    }
  });
});
