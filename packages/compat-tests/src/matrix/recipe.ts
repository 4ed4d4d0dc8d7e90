/** The shared recipe of the live checkpoint-sharing matrix (tools/capture-python/matrix-recipe.json). */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface MatrixRecipe {
  readonly base_model: string;
  readonly rank: number;
  readonly saver_seed: number;
  readonly loader_seed: number;
  readonly learning_rate: number;
  readonly warmup: ReadonlyArray<ReadonlyArray<readonly number[]>>;
  readonly continuation: ReadonlyArray<ReadonlyArray<readonly number[]>>;
}

/** One continuation step: the forward_backward loss and logprobs, and the optim_step metrics. */
export interface MatrixStep {
  readonly loss: number;
  readonly logprobs: ReadonlyArray<readonly number[]>;
  readonly optim_metrics: Readonly<Record<string, number>>;
}

export interface SaveResult {
  readonly path: string;
  readonly continuation: readonly MatrixStep[];
}

export interface LoadResult {
  readonly continuation: readonly MatrixStep[];
}

/** One language's side: save after warmup and continue, or load (with optimizer) and continue. */
export interface MatrixSide {
  readonly name: string;
  save(baseUrl: string, apiKey: string, checkpointName: string): Promise<SaveResult>;
  load(baseUrl: string, apiKey: string, path: string): Promise<LoadResult>;
}

export const CAPTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../tools/capture-python");

export function loadRecipe(): MatrixRecipe {
  return JSON.parse(readFileSync(resolve(CAPTURE_DIR, "matrix-recipe.json"), "utf8")) as MatrixRecipe;
}
