import { pairRatio, spread, type Spread } from "./stats.js";

export type DriverName = "tinker-ts" | "python" | "fetch" | "node:http" | "curl" | string;

/**
 * A claim from the issue: ratio `numerator / denominator` (of the metric's per-round values)
 * compared to `limit`; without a denominator, the numerator's own median is compared.
 */
export interface Target {
  label: string;
  numerator: DriverName;
  denominator?: DriverName;
  /** "<=": the ratio must not exceed `limit`; ">=": it must reach it. */
  op: "<=" | ">=";
  limit: number;
}

export interface TargetOutcome extends Target {
  ratio: Spread | null;
  met: boolean | null;
}

export interface Metric {
  name: string;
  unit: string;
  /** Per driver, one value per round (rounds interleaved across drivers). */
  rounds: Record<DriverName, number[]>;
  summary: Record<DriverName, Spread>;
  /** Per-pair ratios: median of per-round ratios. Key `a/b`. */
  ratios: Record<string, Spread>;
  targets: TargetOutcome[];
}

export interface ScenarioResult {
  id: string;
  title: string;
  params: Record<string, unknown>;
  metrics: Metric[];
  /** Single values that are not per-round (bundle size, bytes on the wire, …). */
  facts: Array<{ label: string; value: string }>;
  notes: string[];
  error?: string;
}

/** Summaries, every pairwise ratio among the listed pairs, and the targets' outcomes. */
export function metric(
  name: string,
  unit: string,
  rounds: Record<DriverName, number[]>,
  pairs: ReadonlyArray<[DriverName, DriverName]>,
  targets: readonly Target[] = [],
): Metric {
  const summary: Record<string, Spread> = {};
  for (const [driver, values] of Object.entries(rounds)) if (values.length > 0) summary[driver] = spread(values);
  const ratios: Record<string, Spread> = {};
  const ratioOf = (a: DriverName, b: DriverName): Spread | null => {
    const x = rounds[a];
    const y = rounds[b];
    if (x === undefined || y === undefined || x.length === 0 || x.length !== y.length) return null;
    return pairRatio(x, y);
  };
  for (const [a, b] of pairs) {
    const r = ratioOf(a, b);
    if (r !== null) ratios[`${a}/${b}`] = r;
  }
  const outcomes = targets.map((t): TargetOutcome => {
    const r = t.denominator === undefined ? (summary[t.numerator] ?? null) : ratioOf(t.numerator, t.denominator);
    if (r !== null && t.denominator !== undefined) ratios[`${t.numerator}/${t.denominator}`] = r;
    return { ...t, ratio: r, met: r === null ? null : t.op === "<=" ? r.median <= t.limit : r.median >= t.limit };
  });
  return { name, unit, rounds, summary, ratios, targets: outcomes };
}
