/** Sampling and prompt scoring over the tiny LM. Token ids below 256 decode as bytes (for stop strings). */
import { type Adapter, foldToken, logSumExp, nextLogits, VOCAB_SIZE } from "./lm.js";
import { Rng } from "./rng.js";

export interface SamplingOptions {
  readonly maxTokens: number;
  readonly temperature: number;
  /** -1 or 0 = off. */
  readonly topK: number;
  readonly topP: number;
  readonly seed: number | undefined;
  readonly stopTokens: readonly number[];
  readonly stopStrings: readonly string[];
}

export interface SampledSequence {
  readonly tokens: number[];
  readonly logprobs: number[];
  readonly stopReason: "length" | "stop";
}

let unseededCounter = 0;

/**
 * Samples one continuation. `streamIndex` separates the streams of the samples of one request.
 * logprobs are those of the chosen tokens under the temperature-scaled distribution (before top-k/top-p).
 */
export function sampleSequence(adapter: Adapter, prompt: readonly number[], options: SamplingOptions, streamIndex: number): SampledSequence {
  const rng = options.seed === undefined ? new Rng(0x5eed, Date.now() % 1e9, unseededCounter++, streamIndex) : new Rng(options.seed, streamIndex);
  const tokens: number[] = [];
  const logprobs: number[] = [];
  const logits = new Float64Array(VOCAB_SIZE);
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const bytes: number[] = [];
  let prev = prompt.length > 0 ? foldToken(prompt[prompt.length - 1]!) : 0;
  for (let step = 0; step < options.maxTokens; step++) {
    nextLogits(adapter, prev, logits);
    const temperature = options.temperature;
    let chosen: number;
    let chosenLogprob: number;
    if (temperature <= 0) {
      chosen = argmax(logits);
      chosenLogprob = 0;
    } else {
      for (let j = 0; j < VOCAB_SIZE; j++) logits[j] = logits[j]! / temperature;
      const lse = logSumExp(logits);
      const candidates = truncatedCandidates(logits, lse, options.topK, options.topP);
      chosen = drawFrom(candidates, rng.nextFloat());
      chosenLogprob = logits[chosen]! - lse;
    }
    tokens.push(chosen);
    logprobs.push(chosenLogprob);
    prev = chosen;
    if (options.stopTokens.some((t) => foldToken(t) === chosen)) return { tokens, logprobs, stopReason: "stop" };
    if (options.stopStrings.length > 0 && chosen < 256) {
      bytes.push(chosen);
      const text = decoder.decode(Uint8Array.from(bytes));
      if (options.stopStrings.some((s) => s.length > 0 && text.includes(s))) return { tokens, logprobs, stopReason: "stop" };
    }
  }
  return { tokens, logprobs, stopReason: "length" };
}

interface Candidate {
  readonly token: number;
  readonly prob: number;
}

function truncatedCandidates(scaledLogits: Float64Array, lse: number, topK: number, topP: number): Candidate[] {
  let all: Candidate[] = [];
  for (let j = 0; j < VOCAB_SIZE; j++) all.push({ token: j, prob: Math.exp(scaledLogits[j]! - lse) });
  const truncating = (topK > 0 && topK < VOCAB_SIZE) || topP < 1;
  if (!truncating) return all;
  all.sort((x, y) => y.prob - x.prob || x.token - y.token);
  if (topK > 0 && topK < VOCAB_SIZE) all = all.slice(0, topK);
  if (topP < 1) {
    const kept: Candidate[] = [];
    let mass = 0;
    for (const c of all) {
      kept.push(c);
      mass += c.prob;
      if (mass >= topP) break;
    }
    all = kept;
  }
  return all;
}

function drawFrom(candidates: readonly Candidate[], u: number): number {
  let total = 0;
  for (const c of candidates) total += c.prob;
  let acc = 0;
  const target = u * total;
  for (const c of candidates) {
    acc += c.prob;
    if (target < acc) return c.token;
  }
  return candidates[candidates.length - 1]!.token;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[best]!) best = j;
  return best;
}

export interface PromptScores {
  /** logprobs[0] is NaN (no context); logprobs[i] = log p(prompt[i] | prompt[i-1]). */
  readonly logprobs: Float64Array;
  /** Row-major prompt.length × k; row 0 is masked. */
  readonly topkTokenIds: Int32Array;
  readonly topkLogprobs: Float64Array;
}

export const MASK_LOGPROB = -99999;

export function scorePrompt(adapter: Adapter, prompt: readonly number[], k: number): PromptScores {
  const n = prompt.length;
  const logprobs = new Float64Array(n);
  const topkTokenIds = new Int32Array(n * k);
  const topkLogprobs = new Float64Array(n * k).fill(MASK_LOGPROB);
  const logits = new Float64Array(VOCAB_SIZE);
  if (n > 0) logprobs[0] = NaN;
  for (let i = 1; i < n; i++) {
    nextLogits(adapter, foldToken(prompt[i - 1]!), logits);
    const lse = logSumExp(logits);
    logprobs[i] = logits[foldToken(prompt[i]!)]! - lse;
    if (k > 0) {
      const order = Array.from({ length: VOCAB_SIZE }, (_, j) => j).sort((x, y) => logits[y]! - logits[x]! || x - y);
      for (let c = 0; c < k && c < VOCAB_SIZE; c++) {
        topkTokenIds[i * k + c] = order[c]!;
        topkLogprobs[i * k + c] = logits[order[c]!]! - lse;
      }
    }
  }
  return { logprobs, topkTokenIds, topkLogprobs };
}
