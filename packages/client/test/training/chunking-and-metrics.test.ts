import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ModelInput, prepareData } from "../../src/data/index.js";
import type { ForwardBackwardOutput } from "../../src/proto/index.js";
import { chunkData } from "../../src/training/chunking.js";
import { combineForwardBackwardOutputs } from "../../src/training/combine-outputs.js";
import { mean, pairwiseSum, weightedAverage } from "../../src/training/numpy-sum.js";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;

describe("chunkData", () => {
  const datum = (tokens: number) => ({ model_input: ModelInput.fromInts(Array.from({ length: tokens }, (_, i) => i)) });

  it("closes a chunk at maxLen datums", () => {
    const chunks = chunkData(prepareData(Array.from({ length: 5 }, () => datum(1))), { maxLen: 2, maxBytes: 1e9 });
    expect(chunks.map((c) => c.data.length)).toEqual([2, 2, 1]);
  });

  it("closes a chunk before the datum that would pass maxBytes; an oversized datum rides alone", () => {
    // 4 bytes per token
    const chunks = chunkData(prepareData([datum(2), datum(2), datum(1), datum(10), datum(1)]), { maxLen: 100, maxBytes: 16 });
    expect(chunks.map((c) => c.data.length)).toEqual([2, 1, 1, 1]);
    expect(chunks.map((c) => c.estimatedBytes)).toEqual([16, 4, 40, 4]);
  });
});

describe("numpy-identical sums", () => {
  const { cases } = fixture<{ cases: { xs: number[]; ws: number[]; sum: number; mean: number; average: number }[] }>("numpy-sums.json");
  it.each(cases.map((c) => [c.xs.length, c] as const))("n=%i matches np.sum / np.mean / np.average bit for bit", (_n, c) => {
    expect(pairwiseSum(c.xs)).toBe(c.sum);
    expect(mean(c.xs)).toBe(c.mean);
    expect(weightedAverage(c.xs, c.ws)).toBe(c.average);
  });
});

describe("combineForwardBackwardOutputs", () => {
  it("reduces metrics exactly as the Python SDK 0.38 helper (fixture made by it)", () => {
    const { chunks, combined } = fixture<{ chunks: { n: number; metrics: Record<string, number> }[]; combined: Record<string, number> }>("combine-metrics.json");
    const results: ForwardBackwardOutput[] = chunks.map((c) => ({ loss_fn_output_type: "X", loss_fn_outputs: Array.from({ length: c.n }, () => ({})), metrics: c.metrics }));
    const out = combineForwardBackwardOutputs(results);
    expect(out.metrics).toEqual(combined);
    expect(Object.keys(out.metrics)).not.toContain("weird:median");
    expect(Object.keys(out.metrics)).not.toContain("partial:mean");
    expect(out.loss_fn_outputs).toHaveLength(chunks.reduce((n, c) => n + c.n, 0));
  });

  it("concatenates outputs in chunk order", () => {
    const a = { data: [1], dtype: "float32" as const, shape: [1] };
    const b = { data: [2], dtype: "float32" as const, shape: [1] };
    const out = combineForwardBackwardOutputs([
      { loss_fn_output_type: "T", loss_fn_outputs: [{ x: a }], metrics: {} },
      { loss_fn_output_type: "T", loss_fn_outputs: [{ x: b }], metrics: {} },
    ]);
    expect(out.loss_fn_outputs).toEqual([{ x: a }, { x: b }]);
  });
});
