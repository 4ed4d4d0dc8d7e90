import { metric, type ScenarioResult, type Target } from "../results.js";
import { runInterleaved } from "../schedule.js";

/** One driver of scenario 2: n × (forwardBackward + optimStep) submitted without waiting, then all results. */
export interface PipelineDriver {
  readonly name: string;
  /** Wall time of the whole round in ms. */
  round(n: number): Promise<number>;
}

const TARGETS: Target[] = [
  { label: "throughput ≥3× Python", numerator: "python", denominator: "tinker-ts", op: ">=", limit: 3 },
  { label: "≤1.3× the node:http floor", numerator: "tinker-ts", denominator: "node:http", op: "<=", limit: 1.3 },
];

export async function pipelineScenario(
  drivers: readonly PipelineDriver[],
  opts: { rounds: number; steps: number; warmupSteps: number; batch: number; seqLen: number },
): Promise<ScenarioResult> {
  const byName = new Map(drivers.map((d) => [d.name, d]));
  const names = drivers.map((d) => d.name);
  for (const d of drivers) await d.round(opts.warmupSteps);
  const times = await runInterleaved(names, opts.rounds, (name) => byName.get(name)!.round(opts.steps));
  const throughput = Object.fromEntries(names.map((n) => [n, times[n]!.map((ms) => (opts.steps * 1000) / ms)]));
  const pairs: Array<[string, string]> = [
    ["fetch", "node:http"],
    ["python", "node:http"],
  ];
  return {
    id: "pipeline",
    title: "2. Pipelined training (forwardBackward + optimStep, submitted without waiting)",
    params: opts,
    metrics: [
      metric(`${opts.steps} steps, wall time`, "ms per round", times, pairs, TARGETS),
      metric("throughput", "steps/s", throughput, []),
    ],
    facts: [],
    notes: [
      "Ratios on the wall-time row: python/tinker-ts is the throughput gain over Python; tinker-ts/node:http the overhead above the floor.",
    ],
  };
}
