export { parseTinkerPath, parseTrainingCheckpointPath, checkSamplingModelPath } from "./tinker-path.js";
export type { ParsedTinkerPath, CheckpointType } from "./tinker-path.js";
export {
  MIN_TTL_SECONDS,
  MAX_TTL_SECONDS,
  checkCheckpointName,
  checkTtlSeconds,
  checkPositiveInteger,
  checkNonNegativeInteger,
  checkNonEmptyString,
  checkStringMap,
  checkBoolean,
} from "./checkpoint-args.js";
