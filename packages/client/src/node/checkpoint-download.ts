import { mkdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { downloadFile, temporarySibling, type DownloadProgress } from "./download-file.js";
import { extractArchiveSafely } from "./safe-extract.js";
import { TargetExistsError } from "./errors.js";

/** What the download needs from a RestClient: a signed URL for the checkpoint's archive. */
export interface CheckpointArchiveSource {
  getCheckpointArchiveUrlFromTinkerPath(
    tinkerPath: string,
    options?: { signal?: AbortSignal },
  ): Promise<{ url: string }>;
}

export interface DownloadCheckpointOptions {
  /** Parent directory of the extracted checkpoint (default: the current directory). */
  outputDir?: string;
  /** Replace an existing checkpoint directory. */
  force?: boolean;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Injected for tests; used for the archive itself (the signed URL needs no credentials). */
  fetch?: typeof globalThis.fetch;
}

export interface DownloadCheckpointResult {
  /** The directory the checkpoint was extracted into. */
  destination: string;
  /** Size of the downloaded archive. */
  archiveBytes: number;
}

/** Directory name for a checkpoint, as the Python CLI names it: `tinker://a/weights/b` → `a_weights_b`. */
export function checkpointDirectoryName(tinkerPath: string): string {
  return tinkerPath.replace(/^tinker:\/\//, "").replace(/\//g, "_");
}

/**
 * Downloads a checkpoint archive and extracts it into `<outputDir>/<run>_<kind>_<name>`.
 * The archive is streamed to a temporary file (constant memory), checked entry by entry before
 * anything is extracted, and the result is moved into place only when complete.
 */
export async function downloadCheckpoint(
  source: CheckpointArchiveSource,
  tinkerPath: string,
  options: DownloadCheckpointOptions = {},
): Promise<DownloadCheckpointResult> {
  const outputDir = resolve(options.outputDir ?? ".");
  const destination = join(outputDir, checkpointDirectoryName(tinkerPath));
  const force = options.force ?? false;
  if (!force && (await stat(destination).then(() => true, () => false))) {
    throw new TargetExistsError(destination);
  }

  const signal = options.signal;
  const { url } = await source.getCheckpointArchiveUrlFromTinkerPath(tinkerPath, signal ? { signal } : {});
  await mkdir(outputDir, { recursive: true });
  const archive = temporarySibling(destination, "archive");
  try {
    const archiveBytes = await downloadFile(url, archive, {
      ...(signal ? { signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    await extractArchiveSafely(archive, destination, { force });
    return { destination, archiveBytes };
  } finally {
    await rm(archive, { force: true });
  }
}
