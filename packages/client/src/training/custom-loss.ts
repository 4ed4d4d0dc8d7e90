import type { ForwardBackwardOutput } from "@tinker-ts/types";
import type { DatumInput, PreparedDatum } from "../data/datum.js";
import { estimateTensorBytes, type PackedTensor } from "../data/tensor.js";
import { invalidArgument } from "../paths/invalid-argument.js";

/** What a custom loss function returns for a batch. */
export interface CustomLossResult {
  /** The loss value (reported as `loss:sum`). */
  readonly loss: number;
  /**
   * d(loss)/d(logprob) for every target token of every datum, shaped like the logprobs given. There is
   * no autograd in JavaScript: compute the gradient yourself (or with your own autodiff library).
   */
  readonly gradients: readonly ArrayLike<number>[];
  /** Extra metrics to report (keys `name:reduction`, as the service's). */
  readonly metrics?: Readonly<Record<string, number>> | undefined;
}

/** A client-side loss over the target-token logprobs of each datum (from a forward pass). */
export type CustomLossFn = (data: readonly DatumInput[], logprobs: number[][]) => CustomLossResult | Promise<CustomLossResult>;

function withInputs(d: PreparedDatum, inputs: [string, PackedTensor][]): PreparedDatum {
  const chunkBytes = d.estimatedBytes - d.inputs.reduce((n, [, t]) => n + estimateTensorBytes(t), 0);
  return { chunks: d.chunks, inputs, estimatedBytes: chunkBytes + inputs.reduce((n, [, t]) => n + estimateTensorBytes(t), 0) };
}

function targetTokens(d: PreparedDatum, i: number): PackedTensor {
  const target = d.inputs.find(([k]) => k === "target_tokens")?.[1];
  if (target === undefined) invalidArgument(`data[${i}].loss_fn_inputs.target_tokens`, "a custom loss needs target_tokens in every datum");
  return target;
}

/** The forward phase's data: target_tokens, and weights (zeros when absent), nothing else (as Python). */
export function customLossForwardData(prepared: readonly PreparedDatum[]): PreparedDatum[] {
  return prepared.map((d, i) => {
    const target = targetTokens(d, i);
    const weights = d.inputs.find(([k]) => k === "weights")?.[1] ?? { dtype: "float32" as const, values: new Float32Array(target.values.length), shape: target.shape };
    return withInputs(d, [
      ["target_tokens", target],
      ["weights", weights],
    ]);
  });
}

/** The backward phase's data: the same tokens with weights = -gradient (the service's loss is Σ -logprob·weight). */
export function customLossBackwardData(forward: readonly PreparedDatum[], gradients: readonly ArrayLike<number>[], logprobs: readonly number[][]): PreparedDatum[] {
  if (!Array.isArray(gradients) || gradients.length !== forward.length) {
    invalidArgument("gradients", `expected one gradient per datum (${forward.length}), got ${Array.isArray(gradients) ? gradients.length : typeof gradients}`);
  }
  return forward.map((d, i) => {
    const grad = gradients[i] as ArrayLike<number>;
    const expected = logprobs[i]?.length ?? 0;
    if (grad?.length !== expected) invalidArgument(`gradients[${i}]`, `expected ${expected} values (one per logprob), got ${grad?.length}`);
    const weights = new Float32Array(expected);
    for (let j = 0; j < expected; j++) {
      const g = grad[j] as number;
      if (typeof g !== "number" || !Number.isFinite(g)) invalidArgument(`gradients[${i}]`, `value at index ${j} must be a finite number, got ${String(g)}`);
      weights[j] = -g;
    }
    const target = targetTokens(d, i);
    return withInputs(d, [
      ["target_tokens", target],
      ["weights", { dtype: "float32", values: weights, shape: target.shape }],
    ]);
  });
}

/** Python's metric merge: the surrogate's loss:sum is kept as surrogate_loss:sum; the custom loss becomes loss:sum. */
export function mergeCustomLossMetrics(backward: ForwardBackwardOutput, result: CustomLossResult): ForwardBackwardOutput {
  const { ["loss:sum"]: surrogate, ...rest } = backward.metrics;
  const metrics: Record<string, number> = { ...rest, ...(result.metrics ?? {}), "loss:sum": result.loss };
  if (surrogate !== undefined) metrics["surrogate_loss:sum"] = surrogate;
  return { ...backward, metrics };
}
