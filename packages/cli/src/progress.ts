import cliProgress from "cli-progress";
import type { CommandContext } from "./context.js";

export interface ProgressReporter {
  update(progress: { bytesDownloaded: number; totalBytes: number | undefined }): void;
  stop(): void;
}

/** A byte progress bar on stderr, only when stderr is a terminal and the output is a table. */
export function progressReporter(ctx: CommandContext, label: string): ProgressReporter | undefined {
  if (!process.stderr.isTTY || ctx.format() !== "table") return undefined;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} bytes | ETA {eta}s`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ bytesDownloaded, totalBytes }) {
      if (!started) {
        bar.start(totalBytes ?? 0, 0);
        started = true;
      }
      if (totalBytes !== undefined) bar.setTotal(totalBytes);
      bar.update(bytesDownloaded);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
