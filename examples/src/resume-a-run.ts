/**
 * Resume a run: save the full training state, then continue it later — in the same process or a
 * new one — with the optimizer state (exact continuation) or with the weights only (fresh Adam).
 */
import { ModelInput, ServiceClient } from "@tinker-ts/client";

const baseModel = process.env["TINKER_BASE_MODEL"] ?? "meta-llama/Llama-3.2-1B";
const service = new ServiceClient();

const tokens = [...new TextEncoder().encode("resume me exactly, please. ")];
const batch = [
  {
    model_input: ModelInput.fromInts(tokens.slice(0, -1)),
    loss_fn_inputs: { target_tokens: tokens.slice(1), weights: tokens.slice(1).map(() => 1) },
  },
];
const step = async (client: Awaited<ReturnType<typeof service.createLoraTrainingClient>>) => {
  const output = await client.forwardBackward(batch, "cross_entropy");
  await client.optimStep({ learning_rate: 0.01 });
  return output.metrics["loss:sum"];
};

const original = await service.createLoraTrainingClient({ baseModel, rank: 8, seed: 1 });
for (let i = 0; i < 3; i++) await step(original);

// saveState keeps weights and optimizer state; ttlSeconds (>= 3600) lets the service expire it.
const saved = await original.saveState("before-step-4", { ttlSeconds: 3600 });
console.log(`saved ${saved.path}`);
const expected = await step(original);

// 1. Everything, in a new training client: continues exactly where the original was.
const exact = await service.createTrainingClientFromStateWithOptimizer(saved.path);
const exactLoss = await step(exact);
console.log(`with optimizer: step 4 loss ${exactLoss} (original ${expected}) → ${exactLoss === expected ? "identical" : "different"}`);

// 2. Weights only, loaded into an existing client: the optimizer starts afresh.
const weightsOnly = await service.createLoraTrainingClient({ baseModel, rank: 8, seed: 1 });
await weightsOnly.loadState(saved.path);
await step(weightsOnly);
const later = await step(weightsOnly);
await step(exact);
console.log(`weights only: step 5 loss ${later} (continues from the same weights, with a fresh Adam state)`);

if (exactLoss !== expected) process.exitCode = 1;

await service.close();
