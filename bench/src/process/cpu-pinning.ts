import { spawnSync } from "node:child_process";
import os from "node:os";

/**
 * Which CPU each process of a run may use. On a small machine the scheduler otherwise moves the
 * emulator and a driver between sharing one core and using two from one round to the next, and a
 * loopback request/response exchange is up to 2× faster in one placement than in the other: per-op
 * latencies came out bimodal, and a ratio between two drivers depended on which mode each round
 * caught. Pinned, every driver meets the same placement: the emulator on one CPU, the driver
 * under test (and curl) on another. Linux `taskset` only; elsewhere nothing is pinned, and the
 * report says so. `TINKER_BENCH_NO_PIN=1` turns it off.
 */
export type CpuRole = "server" | "driver";

export interface CpuPinning {
  /** How the report describes it. */
  readonly description: string;
  /** `command args…` wrapped so that it runs on the CPU of `role`. */
  wrap(role: CpuRole, command: string, args: readonly string[]): { command: string; args: string[] };
}

const NONE = (why: string): CpuPinning => ({
  description: `not pinned (${why})`,
  wrap: (_role, command, args) => ({ command, args: [...args] }),
});

let detected: CpuPinning | undefined;

export function cpuPinning(): CpuPinning {
  detected ??= detect();
  return detected;
}

function detect(): CpuPinning {
  if (process.env["TINKER_BENCH_NO_PIN"] === "1") return NONE("TINKER_BENCH_NO_PIN=1");
  if (os.platform() !== "linux") return NONE(`${os.platform()} has no taskset`);
  const cpus = allowedCpus();
  if (cpus === null) return NONE("taskset not found");
  if (cpus.length < 2) return NONE(`only ${cpus.length} CPU available`);
  const server = cpus[0]!;
  const driver = cpus[1]!;
  return {
    description: `emulator on CPU ${server}, the driver under test (and curl) on CPU ${driver} (taskset)`,
    wrap: (role, command, args) => ({ command: "taskset", args: ["-c", String(role === "server" ? server : driver), command, ...args] }),
  };
}

/** The CPUs this process may run on, from `taskset -pc <pid>` ("… current affinity list: 0-3,6"). */
function allowedCpus(): number[] | null {
  const out = spawnSync("taskset", ["-pc", String(process.pid)], { encoding: "utf8" });
  if (out.error !== undefined || out.status !== 0) return null;
  const list = /list:\s*([\d,\s-]+)$/m.exec(out.stdout)?.[1];
  return list === undefined ? null : parseCpuList(list);
}

/** "0-2,5" → [0, 1, 2, 5]. */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const [from, to] = part.split("-").map(Number) as [number, number | undefined];
    for (let c = from; c <= (to ?? from); c++) cpus.push(c);
  }
  return cpus;
}
