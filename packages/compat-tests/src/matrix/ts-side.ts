/** The TypeScript side of the matrix: the same recipe with @tinker-ts/client. */
import { ServiceClient, type TrainingClient } from "@tinker-ts/client";
import { batch } from "../scenarios/common.js";
import { loadRecipe, type LoadResult, type MatrixSide, type MatrixStep, type SaveResult } from "./recipe.js";

const recipe = loadRecipe();

async function step(tc: TrainingClient, rows: ReadonlyArray<readonly number[]>): Promise<MatrixStep> {
  const out = await tc.forwardBackward(batch(rows), "cross_entropy").result();
  const optim = await tc.optimStep({ learning_rate: recipe.learning_rate }).result();
  return {
    loss: out.metrics["loss:sum"] as number,
    logprobs: out.loss_fn_outputs.map((o) => Array.from((o as Record<string, { data: ArrayLike<number> }>)["logprobs"]?.data ?? [])),
    optim_metrics: { ...(optim.metrics ?? {}) },
  };
}

async function withService<T>(baseUrl: string, apiKey: string, fn: (service: ServiceClient) => Promise<T>): Promise<T> {
  const service = new ServiceClient({ baseUrl, apiKey });
  try {
    return await fn(service);
  } finally {
    await service.close();
  }
}

function withClient<T>(baseUrl: string, apiKey: string, seed: number, fn: (tc: TrainingClient) => Promise<T>): Promise<T> {
  return withService(baseUrl, apiKey, async (service) =>
    fn(await service.createLoraTrainingClient({ baseModel: recipe.base_model, rank: recipe.rank, seed })),
  );
}

async function continueFrom(tc: TrainingClient): Promise<LoadResult> {
  const continuation: MatrixStep[] = [];
  for (const rows of recipe.continuation) continuation.push(await step(tc, rows));
  return { continuation };
}

export const tsSide: MatrixSide = {
  name: "TypeScript",
  save: (baseUrl, apiKey, name): Promise<SaveResult> =>
    withClient(baseUrl, apiKey, recipe.saver_seed, async (tc) => {
      for (const rows of recipe.warmup) await step(tc, rows);
      const { path } = await tc.saveState(name).result();
      return { path, ...(await continueFrom(tc)) };
    }),
  load: (baseUrl, apiKey, path): Promise<LoadResult> =>
    withClient(baseUrl, apiKey, recipe.loader_seed, async (tc) => {
      await tc.loadStateWithOptimizer(path).result();
      return continueFrom(tc);
    }),
};

/** The loader creates its client with createTrainingClientFromStateWithOptimizer instead. */
export const tsFromStateSide: MatrixSide = {
  name: "TypeScript (createTrainingClientFromStateWithOptimizer)",
  save: (...args) => tsSide.save(...args),
  load: (baseUrl, apiKey, path) =>
    withService(baseUrl, apiKey, async (service) => continueFrom(await service.createTrainingClientFromStateWithOptimizer(path))),
};
