import type { MachineInfo } from "../machine.js";
import type { Metric, ScenarioResult } from "../results.js";
import type { Spread } from "../stats.js";

export interface BenchReport {
  command: string;
  quick: boolean;
  machine: MachineInfo;
  startedAt: string;
  durationS: number;
  scenarios: ScenarioResult[];
}

function num(v: number): string {
  const a = Math.abs(v);
  if (a >= 1000) return v.toFixed(0);
  if (a >= 100) return v.toFixed(1);
  if (a >= 10) return v.toFixed(2);
  return v.toFixed(3);
}

function spreadText(s: Spread): string {
  return `${num(s.median)} (${num(s.min)}–${num(s.max)})`;
}

function metricTable(m: Metric): string[] {
  const lines = [`**${m.name}** — ${m.unit}; median (min–max) over ${Object.values(m.summary)[0]?.n ?? 0} rounds`, ""];
  lines.push("| driver | value |", "|---|---|");
  for (const [driver, s] of Object.entries(m.summary)) lines.push(`| ${driver} | ${spreadText(s)} |`);
  const ratioRows = Object.entries(m.ratios);
  const targetRows = m.targets;
  if (ratioRows.length > 0 || targetRows.length > 0) {
    lines.push("", "| ratio (median of per-round ratios) | value | target | met |", "|---|---|---|---|");
    const shown = new Set<string>();
    for (const t of targetRows) {
      const key = t.denominator === undefined ? `${t.numerator} (absolute)` : `${t.numerator}/${t.denominator}`;
      shown.add(key);
      const value = t.ratio === null ? "n/a" : spreadText(t.ratio);
      const met = t.met === null ? "n/a" : t.met ? "✅ yes" : "❌ no";
      lines.push(`| ${key} | ${value} | ${t.label} (${t.op} ${t.limit}) | ${met} |`);
    }
    for (const [key, s] of ratioRows) if (!shown.has(key)) lines.push(`| ${key} | ${spreadText(s)} | | |`);
  }
  lines.push("");
  return lines;
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# tinker-ts benchmark — ${report.startedAt}`,
    "",
    `Command: \`${report.command}\`${report.quick ? " (quick mode: fewer ops and rounds)" : ""}; ran ${report.durationS.toFixed(0)} s.`,
    "",
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; Python ${m.python ?? "n/a"}, tinker SDK ${m.pythonSdk ?? "n/a"}. Load average at the end (1/5/15 min): ${m.loadAverage.join(" / ")}.${m.cpuPinning ? ` CPUs: ${m.cpuPinning}.` : ""}`,
    "",
  ];
  for (const s of report.scenarios) {
    lines.push(`## ${s.title}`, "");
    if (s.error !== undefined) lines.push(`**Not measured:** ${s.error}`, "");
    const params = Object.entries(s.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ");
    if (params) lines.push(`Parameters: ${params}`, "");
    for (const metric of s.metrics) lines.push(...metricTable(metric));
    if (s.facts.length > 0) {
      lines.push("| fact | value |", "|---|---|");
      for (const f of s.facts) lines.push(`| ${f.label} | ${f.value} |`);
      lines.push("");
    }
    for (const n of s.notes) lines.push(`- ${n}`);
    if (s.notes.length > 0) lines.push("");
  }
  return lines.join("\n");
}

/** Summary lines of every target, for the console and the report's top. */
export function targetSummary(report: BenchReport): string[] {
  const out: string[] = [];
  for (const s of report.scenarios) {
    for (const m of s.metrics) {
      for (const t of m.targets) {
        const v = t.ratio === null ? "n/a" : num(t.ratio.median);
        out.push(`${t.met === null ? "·" : t.met ? "✓" : "✗"} ${s.id} / ${m.name}: ${t.label}: ${v}`);
      }
    }
  }
  return out;
}
