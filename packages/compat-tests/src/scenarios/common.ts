/** The same inputs as tools/capture-python/scenarios/_common.py. */
import type { ServiceClient, TrainingClient } from "@tinker-ts/client";
import type { ScenarioRun } from "./run.js";

export const BASE_MODEL = "Qwen/Qwen3-8B";
export const BATCH: ReadonlyArray<readonly number[]> = [[1, 2, 3, 4, 5], [7, 8, 9], [10, 11, 12, 13]];

export const modelInput = (tokens: readonly number[]) => ({ chunks: [{ tokens: [...tokens], type: "encoded_text" as const }] });

/** A next-token datum: model_input = tokens[:-1], target_tokens = tokens[1:], weights 1. */
export function datum(tokens: readonly number[]) {
  return {
    model_input: modelInput(tokens.slice(0, -1)),
    loss_fn_inputs: { target_tokens: tokens.slice(1), weights: tokens.slice(1).map(() => 1.0) },
  };
}

export const batch = (rows: ReadonlyArray<readonly number[]> = BATCH) => rows.map(datum);

/** create_lora_training_client(BASE_MODEL, rank=4, …) recorded as a call. */
export async function trainingClient(
  run: ScenarioRun,
  service?: ServiceClient,
  extra: { rank?: number; trainAttn?: boolean } = {},
): Promise<{ service: ServiceClient; tc: TrainingClient }> {
  const sc = service ?? run.service();
  const tc = await run.call("ServiceClient.create_lora_training_client", () =>
    sc.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: extra.rank ?? 4, ...(extra.trainAttn === undefined ? {} : { trainAttn: extra.trainAttn }) }),
  );
  return { service: sc, tc };
}

export async function trainStep(run: ScenarioRun, tc: TrainingClient, rows: ReadonlyArray<readonly number[]> = BATCH, lr = 1e-3): Promise<void> {
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(rows), "cross_entropy").result());
  await run.call("TrainingClient.optim_step", () => tc.optimStep({ learning_rate: lr }).result());
}
