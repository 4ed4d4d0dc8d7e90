import { Command, Option } from "commander";
import type { TrainingRun } from "@tinker-ts/client";
import type { CommandContext } from "../context.js";
import { CliError } from "../errors.js";
import { formatLora, formatTimestamp } from "../format.js";
import { propertyOutput, render, type Output } from "../output.js";
import { fetchUpTo, moreNotShown, parseLimit } from "./paging.js";

interface Column {
  header: string;
  cell: (run: TrainingRun) => string;
  help: string;
}

const COLUMNS: Record<string, Column> = {
  id: { header: "Run ID", cell: (r) => r.training_run_id, help: "Training run ID" },
  model: { header: "Base Model", cell: (r) => r.base_model, help: "Base model name" },
  owner: { header: "Owner", cell: (r) => r.model_owner, help: "Model owner" },
  lora: { header: "LoRA", cell: (r) => loraCell(r), help: "LoRA status and rank" },
  updated: { header: "Last Update", cell: (r) => formatTimestamp(r.last_request_time), help: "Last request time" },
  status: { header: "Status", cell: (r) => (r.corrupted ? "Failed" : "OK"), help: "Run status (OK or Failed)" },
  checkpoint: {
    header: "Last Checkpoint",
    cell: (r) => r.last_checkpoint?.checkpoint_id ?? "None",
    help: "Most recent training checkpoint ID",
  },
  checkpoint_time: {
    header: "Checkpoint Time",
    cell: (r) => (r.last_checkpoint ? formatTimestamp(r.last_checkpoint.time) : "N/A"),
    help: "Time of last checkpoint",
  },
};
const DEFAULT_COLUMNS = ["id", "model", "lora", "updated", "status"];
const PAGE_SIZE = 100;

function loraCell(run: TrainingRun): string {
  if (run.is_lora && run.lora_rank) return `Rank ${run.lora_rank}`;
  return run.is_lora ? "Yes" : "No";
}

function runListOutput(runs: TrainingRun[], columns: string[], total: number | undefined): Output {
  return {
    json: () => ({ runs }),
    title: () => {
      if (runs.length === 0) return "No training runs found";
      return `${runs.length} training run${runs.length === 1 ? "" : "s"}${moreNotShown(total, runs.length)}`;
    },
    columns: () => columns.map((c) => COLUMNS[c]!.header),
    rows: () => runs.map((run) => columns.map((c) => COLUMNS[c]!.cell(run))),
  };
}

function runInfoOutput(run: TrainingRun): Output {
  const rows: string[][] = [
    ["Run ID", run.training_run_id],
    ["Base Model", run.base_model],
    ["Owner", run.model_owner],
    ["LoRA", formatLora(run)],
    ["Last Update", formatTimestamp(run.last_request_time)],
    ["Status", run.corrupted ? "Failed" : "OK"],
  ];
  for (const [label, ckpt] of [
    ["Last Training Checkpoint", run.last_checkpoint],
    ["Last Sampler Checkpoint", run.last_sampler_checkpoint],
  ] as const) {
    if (!ckpt) continue;
    rows.push([label, ckpt.checkpoint_id], ["  - Time", formatTimestamp(ckpt.time)], ["  - Path", ckpt.tinker_path]);
  }
  const metadata = Object.entries(run.user_metadata ?? {});
  if (metadata.length > 0) {
    rows.push(["Metadata", ""]);
    for (const [key, value] of metadata) rows.push([`  - ${key}`, String(value)]);
  }
  return propertyOutput(`Training Run: ${run.training_run_id}`, run, rows);
}

function parseColumns(value: string | undefined): string[] {
  if (value === undefined) return DEFAULT_COLUMNS;
  const columns = value.split(",").map((c) => c.trim());
  const unknown = columns.filter((c) => !Object.hasOwn(COLUMNS, c));
  if (unknown.length > 0) {
    throw new CliError(`Unknown column(s): ${unknown.join(", ")}`, `Available: ${Object.keys(COLUMNS).join(", ")}`, 2);
  }
  return columns;
}

export function runCommand(ctx: CommandContext): Command {
  const run = new Command("run").description("Manage training runs.");
  const columnsHelp = [
    "columns to display (comma-separated):",
    ...Object.entries(COLUMNS).map(([name, c]) => `  ${name}: ${c.help}`),
    `default: ${DEFAULT_COLUMNS.join(",")}`,
  ].join("\n");

  run
    .command("list")
    .description("List training runs.")
    .addOption(new Option("--limit <n>", "maximum number of runs to fetch (0 = all)").default("20"))
    .option("-c, --columns <list>", columnsHelp)
    .action(async (opts: { limit: string; columns?: string }) => {
      const limit = parseLimit(opts.limit);
      const columns = parseColumns(opts.columns);
      const rest = ctx.rest();
      const { items, total } = await fetchUpTo(limit, PAGE_SIZE, async (pageLimit, offset) => {
        const page = await rest.listTrainingRuns({ limit: pageLimit, offset });
        return { items: page.training_runs, total: page.cursor.total_count };
      });
      ctx.io.stdout(render(runListOutput(items, columns, total), ctx.format()));
    });

  run
    .command("info")
    .description("Show details of a training run.")
    .argument("<run-id>", "training run ID")
    .action(async (runId: string) => {
      const result = await ctx.rest().getTrainingRun(runId);
      ctx.io.stdout(render(runInfoOutput(result), ctx.format()));
    });
  return run;
}
