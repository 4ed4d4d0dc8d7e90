// numpy reduces float64 sums pairwise (8 accumulators, blocks of 128). Metrics combined across chunks
// must come out bit-identical to the Python SDK's, so the same order of additions is used here.
const BLOCK = 128;

export function pairwiseSum(a: readonly number[], start = 0, n = a.length): number {
  const at = (i: number): number => a[start + i] as number;
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += at(i);
    return res;
  }
  if (n <= BLOCK) {
    const r = [at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7)];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = (r[j] as number) + at(i + j);
    }
    let res = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) res += at(i);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

export function mean(xs: readonly number[]): number {
  return pairwiseSum(xs) / xs.length;
}

/** np.average(xs, weights=ws): Σ(x·w) / Σw, both sums pairwise. */
export function weightedAverage(xs: readonly number[], ws: readonly number[]): number {
  return pairwiseSum(xs.map((x, i) => x * (ws[i] as number))) / pairwiseSum(ws);
}
