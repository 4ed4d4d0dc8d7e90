/** Order statistics over repeated rounds. Pure functions: the bench's own tests check them. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError("spread of an empty list");
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { median: median(values), min, max, n: values.length };
}

/**
 * The ratio of two drivers as the median of their per-round ratios: rounds run interleaved, so a
 * round's two numbers saw the same machine state and their ratio cancels slow drift.
 */
export function pairRatio(numerators: readonly number[], denominators: readonly number[]): Spread {
  if (numerators.length !== denominators.length) {
    throw new RangeError(`pairRatio needs as many rounds on both sides (${numerators.length} vs ${denominators.length})`);
  }
  return spread(numerators.map((n, i) => n / denominators[i]!));
}
