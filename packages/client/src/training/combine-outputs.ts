import type { ForwardBackwardOutput } from "../proto/forward-backward-output.js";
import { pairwiseSum, weightedAverage } from "./numpy-sum.js";

const MASK64 = (1n << 64n) - 1n;

function hash2(xs: readonly number[]): number {
  let acc = 0n;
  for (const x of xs) acc += BigInt(Math.trunc(x)) & MASK64;
  return Number(acc & MASK64);
}

/**
 * Reduces the metrics of a chunked forward/backward as the Python SDK does: each key ends in
 * `:<reduction>`; mean and slack are weighted by each chunk's datum count; `unique` keeps every value
 * (`key`, `key_1`, …); a key missing from any chunk, or with an unknown reduction, is dropped.
 */
export function reduceMetrics(results: readonly ForwardBackwardOutput[]): Record<string, number> {
  const first = results[0];
  if (first === undefined) return {};
  const weights = results.map((r) => r.loss_fn_outputs.length);
  const out: Record<string, number> = {};
  for (const key of Object.keys(first.metrics)) {
    const parts = key.split(":");
    if (parts.length !== 2) continue;
    const reduction = parts[1];
    if (!results.every((r) => Object.hasOwn(r.metrics, key))) continue;
    const values = results.map((r) => r.metrics[key] as number);
    switch (reduction) {
      case "mean":
        out[key] = weightedAverage(values, weights);
        break;
      case "slack":
        out[key] = Math.max(...values) - weightedAverage(values, weights);
        break;
      case "sum":
        out[key] = pairwiseSum(values);
        break;
      case "min":
        out[key] = Math.min(...values);
        break;
      case "max":
        out[key] = Math.max(...values);
        break;
      case "hash2":
        out[key] = hash2(values);
        break;
      case "unique":
        out[key] = values[0] as number;
        values.slice(1).forEach((v, i) => (out[`${key}_${i + 1}`] = v));
        break;
      default:
        break;
    }
  }
  return out;
}

/** One result for a chunked call: outputs concatenated in chunk order, metrics reduced. */
export function combineForwardBackwardOutputs(results: readonly ForwardBackwardOutput[]): ForwardBackwardOutput {
  const first = results[0];
  if (first === undefined) return { loss_fn_output_type: "", loss_fn_outputs: [], metrics: {} };
  return {
    loss_fn_output_type: first.loss_fn_output_type,
    loss_fn_outputs: results.flatMap((r) => r.loss_fn_outputs),
    metrics: reduceMetrics(results),
  };
}
