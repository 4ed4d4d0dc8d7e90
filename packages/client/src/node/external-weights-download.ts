import { mkdir, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { checkpointDirectoryName } from "./checkpoint-download.js";
import { downloadFile, temporarySibling, type DownloadProgress } from "./download-file.js";
import { TargetExistsError, UnsafeArchiveError, DownloadError } from "./errors.js";
import { moveIntoPlace, relativePathProblem } from "./safe-extract.js";

/** What the download needs from a RestClient: signed per-file URLs of an external-weights checkpoint. */
export interface ExternalWeightsSource {
  getExternalWeightsUrls(tinkerPath: string, options?: { signal?: AbortSignal }): Promise<{ urls: Record<string, string>; expires: string }>;
}

export interface DownloadExternalWeightsOptions {
  /** Parent directory of the checkpoint directory (default: the current directory). */
  outputDir?: string;
  force?: boolean;
  /** Bytes of all files together; `totalBytes` is known only for the file being fetched. */
  onProgress?: (progress: DownloadProgress & { file: string }) => void;
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

/** URLs are signed again when less than this remains before they expire (as the Python CLI). */
const RESIGN_MARGIN_MS = 5 * 60_000;

/**
 * Downloads every file of a `tinker://<run>/external_weights/<name>` checkpoint into
 * `<outputDir>/<run>_external_weights_<name>`: each file streamed to disk, names checked so none
 * lands outside the directory, URLs re-signed when about to expire, and the directory moved into
 * place only once every file is complete.
 */
export async function downloadExternalWeights(
  source: ExternalWeightsSource,
  tinkerPath: string,
  options: DownloadExternalWeightsOptions = {},
): Promise<{ destination: string; totalBytes: number }> {
  const outputDir = resolve(options.outputDir ?? ".");
  const destination = join(outputDir, checkpointDirectoryName(tinkerPath));
  const force = options.force ?? false;
  if (!force && (await stat(destination).then(() => true, () => false))) throw new TargetExistsError(destination);

  const signal = options.signal;
  const sign = (): ReturnType<ExternalWeightsSource["getExternalWeightsUrls"]> =>
    source.getExternalWeightsUrls(tinkerPath, signal ? { signal } : {});
  let signed = await sign();
  const names = Object.keys(signed.urls).sort();
  if (names.length === 0) throw new DownloadError(`External weights checkpoint has no files: ${tinkerPath}`);
  for (const name of names) {
    const problem = relativePathProblem(name.replace(/\\/g, "/"));
    if (problem) throw new UnsafeArchiveError(name, problem);
  }

  await mkdir(outputDir, { recursive: true });
  const staging = temporarySibling(destination, "download");
  let totalBytes = 0;
  try {
    for (const name of names) {
      if (Date.now() >= Date.parse(signed.expires) - RESIGN_MARGIN_MS) signed = await sign();
      const url = signed.urls[name];
      if (url === undefined) throw new DownloadError(`Re-signed URLs no longer include ${name}`);
      const file = join(staging, name);
      await mkdir(dirname(file), { recursive: true });
      const before = totalBytes;
      const onProgress = options.onProgress;
      totalBytes += await downloadFile(url, file, {
        ...(signal ? { signal } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(onProgress ? { onProgress: (p: DownloadProgress) => onProgress({ ...p, bytesDownloaded: before + p.bytesDownloaded, file: name }) } : {}),
      });
    }
    await moveIntoPlace(staging, destination, force);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { destination, totalBytes };
}
