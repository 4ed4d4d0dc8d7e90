import Table from "cli-table3";
import { pythonJson } from "./json.js";

export type OutputFormat = "table" | "json";

/** What a command prints: the same data as JSON or as a titled table. */
export interface Output {
  json(): unknown;
  title(): string | undefined;
  columns(): string[];
  rows(): string[][];
  /** Lines printed under the table (e.g. totals). */
  footer?(): string[];
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A two-column Property/Value table (or the given JSON). */
export function propertyOutput(title: string, json: unknown, rows: string[][]): Output {
  return { json: () => json, title: () => title, columns: () => ["Property", "Value"], rows: () => rows };
}

export function render(output: Output, format: OutputFormat): string {
  if (format === "json") return `${pythonJson(output.json(), 2)}\n`;
  const table = new Table({
    head: output.columns(),
    style: { head: [], border: [] },
    // No rule between body rows (as the Python CLI's tables).
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    wordWrap: false,
  });
  for (const row of output.rows()) table.push(row);
  const title = output.title();
  const footer = output.footer?.() ?? [];
  return [...(title ? [title] : []), table.toString(), ...footer].join("\n") + "\n";
}
