import { performance } from "node:perf_hooks";
import { cpuMs } from "../cpu.js";
import { metric, type ScenarioResult, type Target } from "../results.js";
import { runInterleaved } from "../schedule.js";
import { median } from "../stats.js";

export interface PersistRound {
  saveMs: number[];
  loadMs: number[];
  /** CPU time the driver's process spent over the whole round (all threads), when known. */
  cpuMs?: number | undefined;
}

/** One driver of scenario 1: n sequential saveState→result, then n loadState→result. */
export interface PersistDriver {
  readonly name: string;
  round(n: number, firstIndex: number): Promise<PersistRound>;
}

/** Checkpoint names are the same length for every driver, so every driver sends as many bytes. */
export function checkpointName(tag: string, index: number): string {
  return `bench-${tag}-${String(index).padStart(6, "0")}`;
}

/**
 * One persistence round as every Node driver runs it: n sequential saves (named `tag`, numbered
 * from firstIndex), then n loads of the last saved path, each op timed, the process's CPU over all.
 */
export async function timedPersistRound(
  n: number,
  firstIndex: number,
  tag: string,
  ops: { save(name: string): PromiseLike<string>; load(path: string): PromiseLike<unknown> },
): Promise<PersistRound> {
  const saveMs: number[] = [];
  const loadMs: number[] = [];
  const cpu0 = cpuMs();
  let path = "";
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    path = await ops.save(checkpointName(tag, firstIndex + i));
    saveMs.push(performance.now() - t0);
  }
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await ops.load(path);
    loadMs.push(performance.now() - t0);
  }
  return { saveMs, loadMs, cpuMs: cpuMs() - cpu0 };
}

const TARGETS: Target[] = [
  { label: "≥3× faster than Python", numerator: "python", denominator: "tinker-ts", op: ">=", limit: 3 },
  { label: "≤1.25× the node:http floor", numerator: "tinker-ts", denominator: "node:http", op: "<=", limit: 1.25 },
];

export async function persistenceScenario(
  drivers: readonly PersistDriver[],
  opts: { rounds: number; opsPerRound: number; warmupOps: number },
  serverCpuMs: () => number | null = () => null,
): Promise<ScenarioResult> {
  const byName = new Map(drivers.map((d) => [d.name, d]));
  const names = drivers.map((d) => d.name);
  // Checkpoint names are numbered from `next`; each round takes the next opsPerRound numbers.
  let next = 0;
  const take = (n: number) => {
    const first = next;
    next += n;
    return first;
  };
  for (const d of drivers) await d.round(opts.warmupOps, take(opts.warmupOps));
  const serverCpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const rounds = await runInterleaved(names, opts.rounds, async (name) => {
    const first = take(opts.opsPerRound);
    const s0 = serverCpuMs();
    const round = await byName.get(name)!.round(opts.opsPerRound, first);
    const s1 = serverCpuMs();
    if (s0 !== null && s1 !== null) serverCpu[name]!.push(((s1 - s0) * 1000) / (2 * opts.opsPerRound));
    return round;
  });
  const per = (pick: (r: PersistRound) => number[]) =>
    Object.fromEntries(names.map((n) => [n, rounds[n]!.map((r) => median(pick(r)))]));
  const pairs: Array<[string, string]> = [
    ["fetch", "node:http"],
    ["python", "node:http"],
  ];
  const cpuDrivers = names.filter((n) => rounds[n]!.every((r) => r.cpuMs !== undefined));
  const cpuPerOp = Object.fromEntries(cpuDrivers.map((n) => [n, rounds[n]!.map((r) => (r.cpuMs! * 1000) / (2 * opts.opsPerRound))]));
  return {
    id: "persistence",
    title: "1. Persistence op latency (sequential, submit + retrieve_future)",
    params: { ...opts, opsPerDriver: opts.rounds * opts.opsPerRound },
    metrics: [
      metric("saveState → result", "ms/op (median of the round)", per((r) => r.saveMs), pairs, TARGETS),
      metric("loadState → result", "ms/op (median of the round)", per((r) => r.loadMs), pairs, TARGETS),
      metric("driver CPU per op (save or load)", "µs of the driver process's CPU (user+system) per op", cpuPerOp, [
        ["tinker-ts", "node:http"],
        ["python", "tinker-ts"],
      ]),
      ...(Object.values(serverCpu).every((v) => v.length === opts.rounds)
        ? [metric("emulator CPU per op, while serving each driver", "µs of the emulator process's CPU per op (10 ms tick resolution)", serverCpu, [])]
        : []),
    ],
    facts: [],
    notes: [
      "The emulator's CPU per op is part of every driver's latency: it bounds how far any client can get below Python's latency on this machine.",
      "CPU per op is the driver process's own CPU time over the round divided by its ops: the client's cost without the emulator's latency (Python: time.process_time, all threads).",
    ],
  };
}
