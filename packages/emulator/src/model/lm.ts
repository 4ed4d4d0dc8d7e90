/**
 * The emulator's tiny language model: a bigram logit table fixed by the base model's name plus a
 * LoRA adapter (A: V×r, B: r×V). logits(next | prev) = W0[prev] + A[prev]·B.
 * Everything is float64 with a fixed order of operations, so equal inputs give bit-identical outputs.
 */
import { hashString, Rng } from "./rng.js";

export const VOCAB_SIZE = 512;
const BASE_SCALE = 2;
const A_INIT_SCALE = 0.05;

const baseTables = new Map<string, Float64Array>();

/** The base model's bigram logits, V×V row-major, derived from its name. */
export function baseTable(baseModel: string): Float64Array {
  let table = baseTables.get(baseModel);
  if (!table) {
    table = new Float64Array(VOCAB_SIZE * VOCAB_SIZE);
    const rng = new Rng(hashString(baseModel));
    for (let i = 0; i < table.length; i++) table[i] = BASE_SCALE * rng.nextNormal();
    baseTables.set(baseModel, table);
  }
  return table;
}

/** Folds any integer token id into the vocabulary. */
export function foldToken(id: number): number {
  const m = id % VOCAB_SIZE;
  return m < 0 ? m + VOCAB_SIZE : m;
}

/** LoRA parameters laid out as [A (V×r) | B (r×V)]. */
export interface Adapter {
  readonly baseModel: string;
  readonly rank: number;
  readonly params: Float64Array;
}

export function parameterCount(rank: number): number {
  return 2 * VOCAB_SIZE * rank;
}

/** A fresh adapter: A seeded from (base model, seed), B zero, so the initial model equals the base. */
export function initAdapter(baseModel: string, rank: number, seed: number): Adapter {
  const params = new Float64Array(parameterCount(rank));
  const rng = new Rng(hashString(baseModel), seed, rank);
  const aLen = VOCAB_SIZE * rank;
  for (let i = 0; i < aLen; i++) params[i] = A_INIT_SCALE * rng.nextNormal();
  return { baseModel, rank, params };
}

/** Writes the logits that follow `prev` into `out` (length V). */
export function nextLogits(adapter: Adapter, prev: number, out: Float64Array): void {
  const { rank, params } = adapter;
  const w0 = baseTable(adapter.baseModel);
  const rowOffset = prev * VOCAB_SIZE;
  const aOffset = prev * rank;
  const bOffset = VOCAB_SIZE * rank;
  for (let j = 0; j < VOCAB_SIZE; j++) out[j] = w0[rowOffset + j]!;
  for (let k = 0; k < rank; k++) {
    const a = params[aOffset + k]!;
    if (a === 0) continue;
    const bRow = bOffset + k * VOCAB_SIZE;
    for (let j = 0; j < VOCAB_SIZE; j++) out[j] = out[j]! + a * params[bRow + j]!;
  }
}

export function logSumExp(logits: Float64Array): number {
  let max = -Infinity;
  for (let j = 0; j < logits.length; j++) if (logits[j]! > max) max = logits[j]!;
  let sum = 0;
  for (let j = 0; j < logits.length; j++) sum += Math.exp(logits[j]! - max);
  return max + Math.log(sum);
}

export interface CrossEntropyDatum {
  readonly tokens: readonly number[];
  readonly targets: readonly number[];
  readonly weights: readonly number[];
}

export interface CrossEntropyResult {
  readonly logprobs: Float64Array;
  readonly elementwiseLoss: Float64Array;
  readonly loss: number;
}

/**
 * Weighted cross-entropy of one datum: loss = -Σ w_i · log p(t_i | x_i).
 * When `grad` is given, adds d loss / d params into it.
 */
export function crossEntropy(adapter: Adapter, datum: CrossEntropyDatum, grad?: Float64Array): CrossEntropyResult {
  const n = datum.tokens.length;
  const logprobs = new Float64Array(n);
  const elementwiseLoss = new Float64Array(n);
  const logits = new Float64Array(VOCAB_SIZE);
  const { rank, params } = adapter;
  const bOffset = VOCAB_SIZE * rank;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const prev = foldToken(datum.tokens[i]!);
    const target = foldToken(datum.targets[i]!);
    const weight = datum.weights[i]!;
    nextLogits(adapter, prev, logits);
    const lse = logSumExp(logits);
    const lp = logits[target]! - lse;
    logprobs[i] = lp;
    elementwiseLoss[i] = -weight * lp;
    loss += -weight * lp;
    if (!grad || weight === 0) continue;
    // g_j = w · (softmax_j − [j = target])
    const g = logits;
    for (let j = 0; j < VOCAB_SIZE; j++) g[j] = weight * Math.exp(logits[j]! - lse);
    g[target] = g[target]! - weight;
    const aOffset = prev * rank;
    for (let k = 0; k < rank; k++) {
      const a = params[aOffset + k]!;
      const bRow = bOffset + k * VOCAB_SIZE;
      let dA = 0;
      for (let j = 0; j < VOCAB_SIZE; j++) {
        dA += params[bRow + j]! * g[j]!;
        grad[bRow + j] = grad[bRow + j]! + a * g[j]!;
      }
      grad[aOffset + k] = grad[aOffset + k]! + dA;
    }
  }
  return { logprobs, elementwiseLoss, loss };
}
