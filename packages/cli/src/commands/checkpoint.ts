import { Command, Option } from "commander";
import type { Checkpoint, TrainingRun } from "@tinker-ts/client";
import { downloadCheckpoint, downloadExternalWeights } from "@tinker-ts/client/node";
import type { CommandContext } from "../context.js";
import { CliError } from "../errors.js";
import { formatBool, formatLora, formatSize, formatTimestamp } from "../format.js";
import { propertyOutput, render, type Output } from "../output.js";
import { pythonJson } from "../json.js";
import { fetchUpTo, moreNotShown, parseLimit } from "./paging.js";
import { parseDate } from "./dates.js";
import { progressReporter } from "../progress.js";
import { mapBounded } from "./bounded.js";

const PATH_HINT = "Checkpoint path must be in the format: tinker://run-id/weights/0001";
const USER_CHECKPOINTS_PAGE = 1000;
/** Deletes in flight at once, as the Python CLI. */
export const DELETE_CONCURRENCY = 32;

const PATH_SHAPE = /^tinker:\/\/([^/]+)\/(weights|sampler_weights|external_weights)\/([^/]+)$/;

/** Checks a checkpoint path's shape (as the SDK's parser does) and returns its training run id. */
function parsePath(path: string): { training_run_id: string; kind: string } {
  const match = PATH_SHAPE.exec(path);
  if (!match) throw new CliError(`Invalid checkpoint path: ${path}`, PATH_HINT);
  return { training_run_id: match[1]!, kind: match[2]! };
}

function checkpointRows(checkpoints: Checkpoint[]): string[][] {
  return checkpoints.map((c) => [
    c.checkpoint_id,
    c.checkpoint_type,
    formatSize(c.size_bytes),
    formatBool(c.public),
    formatTimestamp(c.time),
    c.expires_at ? formatTimestamp(c.expires_at) : "Never",
    c.tinker_path,
  ]);
}

function totalSize(checkpoints: Checkpoint[]): number {
  return checkpoints.reduce((sum, c) => sum + (c.size_bytes ?? 0), 0);
}

function checkpointListOutput(checkpoints: Checkpoint[], runId: string | undefined, total?: number): Output {
  return {
    json: () => (runId ? { run_id: runId, checkpoints } : { checkpoints }),
    title: () => {
      const n = checkpoints.length;
      const where = runId ? ` for run ${runId}` : "";
      if (n === 0) return `No checkpoints found${where}`;
      return `${n} checkpoint${n === 1 ? "" : "s"}${where}${moreNotShown(total, n)}`;
    },
    columns: () => ["Checkpoint ID", "Type", "Size", "Public", "Created", "Expires", "Path"],
    rows: () => checkpointRows(checkpoints),
    footer: () => (checkpoints.length > 0 ? [`Total size: ${formatSize(totalSize(checkpoints))}`] : []),
  };
}

function checkpointInfoOutput(checkpoint: Checkpoint, run: TrainingRun): Output {
  const rows: string[][] = [
    ["Checkpoint ID", checkpoint.checkpoint_id],
    ["Type", checkpoint.checkpoint_type],
    ["Tinker Path", checkpoint.tinker_path],
  ];
  if (checkpoint.size_bytes !== null && checkpoint.size_bytes !== undefined) rows.push(["Size", formatSize(checkpoint.size_bytes)]);
  rows.push(
    ["Public", formatBool(checkpoint.public)],
    ["Created", formatTimestamp(checkpoint.time)],
    ["Expires", checkpoint.expires_at ? formatTimestamp(checkpoint.expires_at) : "Never"],
    ["Training Run ID", run.training_run_id],
    ["LoRA", formatLora(run)],
  );
  return propertyOutput(`Checkpoint: ${checkpoint.checkpoint_id}`, { ...checkpoint, is_lora: run.is_lora, lora_rank: run.lora_rank ?? null }, rows);
}

/** `--type` accepts the path segment or the API's kind name. */
const TYPE_FILTER: Readonly<Record<string, Checkpoint["checkpoint_type"]>> = {
  weights: "training",
  sampler_weights: "sampler",
  external_weights: "external",
  training: "training",
  sampler: "sampler",
  external: "external",
};

export function filterCheckpoints(
  checkpoints: Checkpoint[],
  filters: { type?: string | undefined; before?: Date | undefined; after?: Date | undefined },
): Checkpoint[] {
  let result = checkpoints;
  if (filters.type !== undefined) {
    const kind = Object.hasOwn(TYPE_FILTER, filters.type) ? TYPE_FILTER[filters.type] : undefined;
    if (kind === undefined) {
      throw new CliError(`Invalid checkpoint type: ${filters.type}`, "Valid types: weights, sampler_weights, external_weights");
    }
    result = result.filter((c) => c.checkpoint_type === kind);
  }
  const { before, after } = filters;
  if (before) result = result.filter((c) => new Date(c.time).getTime() < before.getTime());
  if (after) result = result.filter((c) => new Date(c.time).getTime() > after.getTime());
  return result;
}

async function confirmDeletion(ctx: CommandContext, paths: string[], checkpoints?: Checkpoint[]): Promise<boolean> {
  const n = paths.length;
  if (!ctx.interactive) {
    throw new CliError(
      `Refusing to delete ${n} checkpoint(s) without confirmation: no terminal to ask on`,
      "Pass --yes to delete without asking.",
    );
  }
  const lines = [`Will delete ${n} checkpoint(s):`];
  if (checkpoints) {
    for (const c of checkpoints) lines.push(`  - ${c.tinker_path} (${formatSize(c.size_bytes)}, created ${formatTimestamp(c.time)})`);
    lines.push("", `Total size: ${formatSize(totalSize(checkpoints))}`);
  } else {
    for (const p of paths) lines.push(`  - ${p}`);
    lines.push("");
  }
  lines.push("WARNING: This action is permanent and cannot be undone.");
  ctx.io.stderr(`${lines.join("\n")}\n`);
  return ctx.confirm(`Are you sure you want to delete ${n} checkpoint(s)?`);
}

async function deletePaths(ctx: CommandContext, paths: string[]): Promise<void> {
  const rest = ctx.rest();
  const failed: { tinker_path: string; error: string }[] = [];
  let deleted = 0;
  await mapBounded(paths, DELETE_CONCURRENCY, async (path) => {
    try {
      await rest.deleteCheckpointFromTinkerPath(path);
      deleted++;
    } catch (error) {
      failed.push({ tinker_path: path, error: error instanceof Error ? error.message : String(error) });
    }
  });
  if (ctx.format() === "json") {
    ctx.io.stdout(`${pythonJson({ deleted_count: deleted, failed })}\n`);
  } else {
    const lines = [`Deleted ${deleted} checkpoint(s)`];
    if (failed.length > 0) {
      lines.push(`Failed to delete ${failed.length} checkpoint(s):`);
      for (const f of failed) lines.push(`  - ${f.tinker_path}: ${f.error}`);
    }
    ctx.io.stdout(`${lines.join("\n")}\n`);
  }
  if (failed.length > 0) throw new CliError(`${failed.length} of ${paths.length} deletion(s) failed`, undefined, 1);
}

interface DeleteOptions {
  runId?: string;
  type?: string;
  before?: string;
  after?: string;
  yes?: boolean;
}

async function deleteAction(ctx: CommandContext, paths: string[], opts: DeleteOptions): Promise<void> {
  if (paths.length === 0 && !opts.runId) {
    throw new CliError(
      "Must specify checkpoint paths or --run-id",
      "Examples:\n  tinker-ts checkpoint delete tinker://run-id/weights/0001\n  tinker-ts checkpoint delete --run-id <run-id>\n  tinker-ts checkpoint delete --run-id <run-id> --type weights --before 2024-06-01",
    );
  }
  if (paths.length > 0 && opts.runId) {
    throw new CliError("Cannot specify both checkpoint paths and --run-id", "Use either explicit paths or --run-id with optional filters");
  }
  if ((opts.type !== undefined || opts.before !== undefined || opts.after !== undefined) && !opts.runId) {
    throw new CliError(
      "--type, --before, and --after require --run-id",
      "Example: tinker-ts checkpoint delete --run-id <run-id> --type weights --before 2024-06-01",
    );
  }
  if (opts.runId) {
    const before = opts.before !== undefined ? parseDate(opts.before) : undefined;
    const after = opts.after !== undefined ? parseDate(opts.after) : undefined;
    const response = await ctx.rest().listCheckpoints(opts.runId);
    const checkpoints = filterCheckpoints(response.checkpoints, { type: opts.type, before, after });
    if (checkpoints.length === 0) {
      ctx.io.stdout(
        ctx.format() === "json"
          ? `${pythonJson({ deleted_count: 0, failed: [] })}\n`
          : `No checkpoints found for run ${opts.runId} matching filters\n`,
      );
      return;
    }
    const toDelete = checkpoints.map((c) => c.tinker_path);
    if (!opts.yes && !(await confirmDeletion(ctx, toDelete, checkpoints))) {
      ctx.io.stderr("Deletion cancelled.\n");
      return;
    }
    await deletePaths(ctx, toDelete);
    return;
  }
  for (const p of paths) parsePath(p);
  if (!opts.yes && !(await confirmDeletion(ctx, paths))) {
    ctx.io.stderr("Deletion cancelled.\n");
    return;
  }
  await deletePaths(ctx, paths);
}

export function checkpointCommand(ctx: CommandContext): Command {
  const cmd = new Command("checkpoint").description("Manage checkpoints.");

  cmd
    .command("list")
    .description("List checkpoints of one run (--run-id) or of all your runs, with sizes and a total.")
    .option("--run-id <id>", "training run ID")
    .addOption(new Option("--limit <n>", "maximum number of checkpoints when listing all runs (0 = all)").default("20"))
    .action(async (opts: { runId?: string; limit: string }) => {
      const limit = parseLimit(opts.limit);
      const rest = ctx.rest();
      if (opts.runId) {
        const response = await rest.listCheckpoints(opts.runId);
        ctx.io.stdout(render(checkpointListOutput(response.checkpoints, opts.runId), ctx.format()));
        return;
      }
      const { items, total } = await fetchUpTo(limit, USER_CHECKPOINTS_PAGE, async (pageLimit, offset) => {
        const page = await rest.listUserCheckpoints({ limit: pageLimit, offset });
        return { items: page.checkpoints, total: page.cursor?.total_count ?? undefined };
      });
      ctx.io.stdout(render(checkpointListOutput(items, undefined, total), ctx.format()));
    });

  cmd
    .command("info")
    .description("Show details of a checkpoint.")
    .argument("<path>", "tinker path, e.g. tinker://run-id/weights/0001")
    .action(async (path: string) => {
      const parsed = parsePath(path);
      const rest = ctx.rest();
      const { checkpoints } = await rest.listCheckpoints(parsed.training_run_id);
      const checkpoint = checkpoints.find((c) => c.tinker_path === path);
      if (!checkpoint) throw new CliError(`Checkpoint not found: ${path}`);
      const run = await rest.getTrainingRun(parsed.training_run_id);
      ctx.io.stdout(render(checkpointInfoOutput(checkpoint, run), ctx.format()));
    });

  cmd
    .command("publish")
    .description("Make a checkpoint publicly accessible (owner only).")
    .argument("<path>", "tinker path")
    .action(async (path: string) => {
      parsePath(path);
      await ctx.rest().publishCheckpointFromTinkerPath(path);
    });

  cmd
    .command("unpublish")
    .description("Make a published checkpoint private again (owner only).")
    .argument("<path>", "tinker path")
    .action(async (path: string) => {
      parsePath(path);
      await ctx.rest().unpublishCheckpointFromTinkerPath(path);
    });

  cmd
    .command("set-ttl")
    .description("Set (--ttl) or remove (--remove) a checkpoint's expiration.")
    .argument("<path>", "tinker path")
    .option("--ttl <seconds>", "time to live in seconds (1 hour to 10 years)")
    .option("--remove", "remove the expiration")
    .action(async (path: string, opts: { ttl?: string; remove?: boolean }) => {
      parsePath(path);
      const hint = "Use --ttl to set an expiration or --remove to clear it";
      if (opts.ttl === undefined && !opts.remove) throw new CliError("Must specify either --ttl <seconds> or --remove", hint);
      if (opts.ttl !== undefined && opts.remove) throw new CliError("Cannot specify both --ttl and --remove", hint);
      let ttl: number | null = null;
      if (opts.ttl !== undefined) {
        if (!/^-?\d+$/.test(opts.ttl.trim())) throw new CliError(`Invalid --ttl: ${opts.ttl}`, "Use a whole number of seconds.", 2);
        ttl = Number(opts.ttl);
      }
      await ctx.rest().setCheckpointTtlFromTinkerPath(path, ttl);
    });

  cmd
    .command("delete")
    .description("Delete checkpoints permanently, by path or by --run-id with filters.")
    .argument("[paths...]", "tinker paths to delete")
    .option("--run-id <id>", "delete checkpoints of this training run (filters apply)")
    .option("--type <type>", "filter: weights or sampler_weights")
    .option("--before <date>", "filter: created before this UTC date (ISO 8601)")
    .option("--after <date>", "filter: created after this UTC date (ISO 8601)")
    .option("-y, --yes", "do not ask for confirmation")
    .action(async (paths: string[], opts: DeleteOptions) => deleteAction(ctx, paths, opts));

  cmd
    .command("download")
    .description("Download a checkpoint archive and extract it into <output>/<run>_<kind>_<name>.")
    .argument("<path>", "tinker path")
    .option("-o, --output <dir>", "parent directory (default: current directory)")
    .option("--force", "overwrite an existing directory")
    .action(async (path: string, opts: { output?: string; force?: boolean }) => {
      const { kind } = parsePath(path);
      const progress = progressReporter(ctx, "Downloading");
      const common = {
        force: opts.force ?? false,
        signal: ctx.signal,
        ...(opts.output !== undefined ? { outputDir: opts.output } : {}),
      };
      let result: { destination: string; bytes: number };
      try {
        if (kind === "external_weights") {
          // One signed URL per file (what the Python 0.38.0 CLI downloads).
          const r = await downloadExternalWeights(ctx.rest(), path, {
            ...common,
            ...(progress ? { onProgress: (p) => progress.update({ bytesDownloaded: p.bytesDownloaded, totalBytes: undefined }) } : {}),
          });
          result = { destination: r.destination, bytes: r.totalBytes };
        } else {
          // The checkpoint's tar archive through its signed archive URL.
          const r = await downloadCheckpoint(ctx.rest(), path, { ...common, ...(progress ? { onProgress: progress.update } : {}) });
          result = { destination: r.destination, bytes: r.archiveBytes };
        }
      } finally {
        progress?.stop();
      }
      ctx.io.stdout(
        render(
          propertyOutput(
            `Checkpoint Download: ${path}`,
            { checkpoint_path: path, destination: result.destination, file_size_bytes: result.bytes },
            [
              ["Checkpoint Path", path],
              ["Total Size", formatSize(result.bytes)],
              ["Downloaded to", result.destination],
            ],
          ),
          ctx.format(),
        ),
      );
    });
  return cmd;
}
