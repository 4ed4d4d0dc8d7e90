/** tinker:// paths: tinker://<training_run_id>/<weights|sampler_weights>/<name>. */
import { badRequest } from "../server/errors.js";

export type CheckpointKind = "weights" | "sampler_weights";

export interface TinkerPath {
  readonly trainingRunId: string;
  readonly kind: CheckpointKind;
  readonly name: string;
  /** "weights/<name>" or "sampler_weights/<name>": the REST checkpoint id keeps the kind prefix. */
  readonly checkpointId: string;
}

export function parseTinkerPath(path: string, field = "path"): TinkerPath {
  if (!path.startsWith("tinker://")) throw badRequest(`${field} must start with tinker:// (got "${path}")`, field);
  const parts = path.slice("tinker://".length).split("/");
  const [runId, kind, name] = parts;
  if (parts.length !== 3 || !runId || !name || (kind !== "weights" && kind !== "sampler_weights")) {
    throw badRequest(`${field} is not a valid tinker path: expected tinker://<training_run_id>/weights/<name> or tinker://<training_run_id>/sampler_weights/<name> (got "${path}")`, field);
  }
  return { trainingRunId: runId, kind, name, checkpointId: `${kind}/${name}` };
}

export function tinkerPath(runId: string, kind: CheckpointKind, name: string): string {
  return `tinker://${runId}/${kind}/${name}`;
}

export function checkpointType(kind: CheckpointKind): "training" | "sampler" {
  return kind === "weights" ? "training" : "sampler";
}

export function validateCheckpointName(name: string, field = "path"): void {
  if (name.length === 0 || name.includes("/") || name === "." || name === "..") {
    throw badRequest(`${field} must be a checkpoint name without "/" (got "${name}")`, field);
  }
}
