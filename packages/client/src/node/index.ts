// Node-only helpers (file system, streams, tar). Import from "@tinker-ts/client/node";
// the package's main entry never loads this module, so it stays usable in browsers.
export { downloadFile, type DownloadFileOptions, type DownloadProgress } from "./download-file.js";
export { extractArchiveSafely, assertArchiveIsSafe, type ExtractOptions } from "./safe-extract.js";
export {
  downloadCheckpoint,
  checkpointDirectoryName,
  type CheckpointArchiveSource,
  type DownloadCheckpointOptions,
  type DownloadCheckpointResult,
} from "./checkpoint-download.js";
export {
  downloadExternalWeights,
  type ExternalWeightsSource,
  type DownloadExternalWeightsOptions,
} from "./external-weights-download.js";
export { UnsafeArchiveError, TargetExistsError, DownloadError } from "./errors.js";
