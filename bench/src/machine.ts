import { execFileSync } from "node:child_process";
import os from "node:os";
import { cpuPinning } from "./process/cpu-pinning.js";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  node: string;
  python: string | null;
  pythonSdk: string | null;
  date: string;
  /** 1/5/15-minute load averages when the report was written: other work on the machine skews timings. */
  loadAverage: number[];
  /** Which CPU the emulator and the drivers ran on. */
  cpuPinning?: string | undefined;
}

export function machineInfo(python: string | null): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: python === null ? null : pythonVersion(python, "import sys; print(sys.version.split()[0])"),
    pythonSdk: python === null ? null : pythonVersion(python, "import importlib.metadata as m; print(m.version('tinker'))"),
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    cpuPinning: cpuPinning().description,
  };
}

function pythonVersion(python: string, code: string): string | null {
  try {
    return execFileSync(python, ["-c", code], { encoding: "utf8", timeout: 30_000 }).trim();
  } catch {
    return null;
  }
}
