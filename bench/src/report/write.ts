import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderMarkdown, type BenchReport } from "./markdown.js";

const BEGIN = "<!-- bench:latest:begin -->";
const END = "<!-- bench:latest:end -->";

/** Replaces the text between the README's markers (appending them when absent). */
export function spliceReadme(readme: string, table: string): string {
  const block = `${BEGIN}\n${table.trim()}\n${END}`;
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) return `${readme.trimEnd()}\n\n## Latest results\n\n${block}\n`;
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

/** Writes results/<stamp>.json and .md, results/latest.{json,md}, and the README's latest table. */
export async function writeReport(benchDir: string, report: BenchReport): Promise<{ json: string; md: string }> {
  const dir = join(benchDir, "results");
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-").replace(/-\d+Z$/, "Z") + (report.quick ? "-quick" : "");
  const md = renderMarkdown(report);
  const json = JSON.stringify(report, null, 2) + "\n";
  const paths = { json: join(dir, `${stamp}.json`), md: join(dir, `${stamp}.md`) };
  await writeFile(paths.json, json);
  await writeFile(paths.md, md);
  await writeFile(join(dir, report.quick ? "latest-quick.json" : "latest.json"), json);
  await writeFile(join(dir, report.quick ? "latest-quick.md" : "latest.md"), md);
  if (!report.quick) {
    const readmePath = join(benchDir, "README.md");
    const readme = await readFile(readmePath, "utf8").catch(() => "# @tinker-ts/bench\n");
    // Demote the report's headings under the README's "Latest results" section.
    const table = md.replace(/^# .*\n/, "").replace(/^## /gm, "### ");
    await writeFile(readmePath, spliceReadme(readme, table));
  }
  return paths;
}
