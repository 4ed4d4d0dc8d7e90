import { describe, expect, it } from "vitest";
import { spliceReadme } from "../src/report/write.js";
import { renderMarkdown, targetSummary, type BenchReport } from "../src/report/markdown.js";
import { metric } from "../src/results.js";
import { processCpuMs } from "../src/proc-cpu.js";

const machine = {
  cpuModel: "cpu",
  cores: 2,
  memoryGiB: 1,
  platform: "linux",
  node: "v20",
  python: "3.11",
  pythonSdk: "0.38.0",
  date: "2026-01-01T00:00:00Z",
  loadAverage: [0, 0, 0],
};

describe("metric targets", () => {
  const m = metric(
    "op",
    "ms",
    { "tinker-ts": [1, 2, 3], python: [3, 6, 9], "node:http": [1, 1, 2] },
    [],
    [
      { label: "3x", numerator: "python", denominator: "tinker-ts", op: ">=", limit: 3 },
      { label: "floor", numerator: "tinker-ts", denominator: "node:http", op: "<=", limit: 1.25 },
      { label: "abs", numerator: "tinker-ts", op: "<=", limit: 2 },
    ],
  );
  it("evaluates ratio targets on the median of per-round ratios", () => {
    expect(m.targets[0]!.ratio!.median).toBe(3);
    expect(m.targets[0]!.met).toBe(true);
    expect(m.targets[1]!.ratio!.median).toBe(1.5); // per-round 1, 2, 1.5
    expect(m.targets[1]!.met).toBe(false);
  });
  it("evaluates an absolute target on the driver's median", () => {
    expect(m.targets[2]!.ratio!.median).toBe(2);
    expect(m.targets[2]!.met).toBe(true);
  });
  it("reports a target whose driver did not run as not measured", () => {
    const missing = metric("op", "ms", { "tinker-ts": [1] }, [], [{ label: "x", numerator: "python", denominator: "tinker-ts", op: ">=", limit: 3 }]);
    expect(missing.targets[0]!.met).toBeNull();
  });
  it("renders the tables and the target summary", () => {
    const report: BenchReport = {
      command: "pnpm bench",
      quick: false,
      machine,
      startedAt: "2026-01-01T00:00:00Z",
      durationS: 1,
      scenarios: [{ id: "s", title: "S", params: { n: 1 }, metrics: [m], facts: [{ label: "f", value: "v" }], notes: ["n"] }],
    };
    const md = renderMarkdown(report);
    expect(md).toContain("Command: `pnpm bench`");
    expect(md).toContain("| python/tinker-ts | 3.000 (3.000–3.000) | 3x (>= 3) | ✅ yes |");
    expect(md).toContain("| tinker-ts/node:http | 1.500 (1.000–2.000) | floor (<= 1.25) | ❌ no |");
    expect(targetSummary(report)).toEqual(["✓ s / op: 3x: 3.000", "✗ s / op: floor: 1.500", "✓ s / op: abs: 2.000"]);
  });
});

describe("spliceReadme", () => {
  it("replaces only the text between the markers", () => {
    const readme = "# T\n\nintro\n\n<!-- bench:latest:begin -->\nold\n<!-- bench:latest:end -->\n\ntail\n";
    const out = spliceReadme(readme, "new table\n");
    expect(out).toBe("# T\n\nintro\n\n<!-- bench:latest:begin -->\nnew table\n<!-- bench:latest:end -->\n\ntail\n");
  });
  it("appends a section with markers when there are none", () => {
    expect(spliceReadme("# T\n", "x")).toBe("# T\n\n## Latest results\n\n<!-- bench:latest:begin -->\nx\n<!-- bench:latest:end -->\n");
  });
});

describe("processCpuMs", () => {
  it.runIf(process.platform === "linux")("reads this process's CPU time from procfs", () => {
    let x = 0;
    for (let i = 0; i < 5e6; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    const ms = processCpuMs(process.pid);
    expect(ms).not.toBeNull();
    expect(ms!).toBeGreaterThan(0);
  });
  it("gives null for a process that does not exist", () => {
    expect(processCpuMs(2 ** 30)).toBeNull();
  });
});
