import { metric, type ScenarioResult, type Target } from "../results.js";
import { runInterleaved } from "../schedule.js";

export interface PipelineRound {
  /** Wall time of the whole round. */
  wallMs: number;
  /** CPU time of the driver's process over the round, when known. */
  cpuMs?: number | undefined;
}

/** One driver of scenario 2: n × (forwardBackward + optimStep) submitted without waiting, then all results. */
export interface PipelineDriver {
  readonly name: string;
  round(n: number): Promise<PipelineRound>;
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
  const rounds = await runInterleaved(names, opts.rounds, (name) => byName.get(name)!.round(opts.steps));
  const times = Object.fromEntries(names.map((n) => [n, rounds[n]!.map((r) => r.wallMs)]));
  const cpuDrivers = names.filter((n) => rounds[n]!.every((r) => r.cpuMs !== undefined));
  const cpuPerStep = Object.fromEntries(cpuDrivers.map((n) => [n, rounds[n]!.map((r) => (r.cpuMs! * 1000) / opts.steps)]));
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
      metric("driver CPU per step", "µs of the driver process's CPU per forwardBackward + optimStep", cpuPerStep, [
        ["tinker-ts", "node:http"],
        ["python", "tinker-ts"],
      ]),
    ],
    facts: [],
    notes: [
      "Ratios on the wall-time row: python/tinker-ts is the throughput gain over Python; tinker-ts/node:http the overhead above the floor.",
    ],
  };
}
