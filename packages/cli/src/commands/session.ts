import { Command } from "commander";
import { join } from "node:path";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { downloadFile } from "@tinker-ts/client/node";
import type { CommandContext } from "../context.js";
import { formatSize } from "../format.js";
import { propertyOutput, render } from "../output.js";
import { pythonJson } from "../json.js";
import { progressReporter } from "../progress.js";

export function sessionCommand(ctx: CommandContext): Command {
  const cmd = new Command("session").description("Manage sessions.");
  cmd
    .command("export-trace")
    .description("Export a session's timeline as a Perfetto trace (.pftrace); open it in https://ui.perfetto.dev.")
    .argument("<session-id>", "session ID")
    .option("-o, --output <file>", "output file (default: ./<session-id>.pftrace)")
    .option("--url-only", "print the signed download URL instead of downloading")
    .action(async (sessionId: string, opts: { output?: string; urlOnly?: boolean }) => {
      const format = ctx.format();
      if (format !== "json") ctx.io.stderr(`Exporting trace for session ${sessionId} (this may take a while)...\n`);
      const url = await ctx.rest().exportSessionTrace(sessionId, { signal: ctx.signal });
      if (opts.urlOnly) {
        ctx.io.stdout(format === "json" ? `${pythonJson({ session_id: sessionId, url }, 2)}\n` : `${url}\n`);
        return;
      }
      const file = opts.output ?? join(process.cwd(), `${sessionId}.pftrace`);
      await mkdir(dirname(file), { recursive: true });
      const progress = progressReporter(ctx, "Downloading trace");
      let bytes: number;
      try {
        bytes = await downloadFile(url, file, { signal: ctx.signal, ...(progress ? { onProgress: progress.update } : {}) });
      } finally {
        progress?.stop();
      }
      const json: Record<string, unknown> = { session_id: sessionId, destination: file };
      if (bytes > 0) json["file_size_bytes"] = bytes;
      const rows = [
        ["Session ID", sessionId],
        ["Saved to", file],
        ...(bytes > 0 ? [["Size", formatSize(bytes)]] : []),
      ];
      ctx.io.stdout(render(propertyOutput(`Trace Export: ${sessionId}`, json, rows), format));
    });
  return cmd;
}
