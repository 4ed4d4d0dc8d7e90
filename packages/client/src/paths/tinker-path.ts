import { invalidArgument } from "./invalid-argument.js";

/** Checkpoint kinds a `tinker://` path can name, as the service calls them. */
export type CheckpointType = "training" | "sampler" | "external";

/** A `tinker://<training_run_id>/<kind>/<name>` path split into its parts (snake_case, as the Python SDK's model). */
export interface ParsedTinkerPath {
  tinker_path: string;
  training_run_id: string;
  checkpoint_type: CheckpointType;
  /** Includes the kind segment, e.g. `weights/step-10`: REST routes take it as is. */
  checkpoint_id: string;
}

const SCHEME = "tinker://";

const SEGMENT_TO_TYPE: Readonly<Record<string, CheckpointType>> = {
  weights: "training",
  sampler_weights: "sampler",
  external_weights: "external",
};

/**
 * Parses a checkpoint path exactly as the Python SDK does: the scheme, then exactly three
 * `/`-separated parts whose middle one names the kind. Throws `ValidationError` naming `parameter`.
 */
export function parseTinkerPath(path: unknown, parameter = "path"): ParsedTinkerPath {
  if (typeof path !== "string") invalidArgument(parameter, `expected a tinker:// path string, got ${typeof path}`);
  if (!path.startsWith(SCHEME)) invalidArgument(parameter, `invalid tinker path ${JSON.stringify(path)}: must start with tinker://`);
  const parts = path.slice(SCHEME.length).split("/");
  if (parts.length !== 3) {
    invalidArgument(
      parameter,
      `invalid tinker path ${JSON.stringify(path)}: expected tinker://<training_run_id>/<weights|sampler_weights|external_weights>/<name>`,
    );
  }
  const [runId, segment, name] = parts as [string, string, string];
  const checkpointType = Object.hasOwn(SEGMENT_TO_TYPE, segment) ? SEGMENT_TO_TYPE[segment] : undefined;
  if (checkpointType === undefined) {
    invalidArgument(
      parameter,
      `invalid tinker path ${JSON.stringify(path)}: kind ${JSON.stringify(segment)} is not weights, sampler_weights or external_weights`,
    );
  }
  return { tinker_path: path, training_run_id: runId, checkpoint_type: checkpointType, checkpoint_id: `${segment}/${name}` };
}

/** A path a training client can load: a `weights/` (training-state) checkpoint, never sampler or external weights. */
export function parseTrainingCheckpointPath(path: unknown, parameter = "path"): ParsedTinkerPath {
  const parsed = parseTinkerPath(path, parameter);
  if (parsed.checkpoint_type !== "training") {
    invalidArgument(
      parameter,
      `${JSON.stringify(parsed.tinker_path)} is a ${parsed.checkpoint_type} checkpoint; training state loads need a tinker://<run>/weights/<name> path (saveState makes one)`,
    );
  }
  return parsed;
}

/** The only check the Python SDK makes on a sampling client's `model_path`: it must start with `tinker://`. */
export function checkSamplingModelPath(path: unknown, parameter = "modelPath"): string {
  if (typeof path !== "string" || !path.startsWith(SCHEME)) {
    invalidArgument(parameter, `expected a tinker:// path, got ${JSON.stringify(path)}`);
  }
  return path;
}
