/**
 * Manage checkpoints: list what a run saved with sizes, set a TTL, publish, and delete.
 * Storage is billed, so delete what you no longer need.
 */
import { ServiceClient } from "@tinker-ts/client";

const baseModel = process.env["TINKER_BASE_MODEL"] ?? "meta-llama/Llama-3.2-1B";
const service = new ServiceClient();
const rest = service.createRestClient();

const training = await service.createLoraTrainingClient({ baseModel, rank: 4 });
const first = await training.saveState("checkpoint-a");
const second = await training.saveState("checkpoint-b");
const sampler = await training.saveWeightsForSampler("for-sampling");

const { checkpoints } = await rest.listCheckpoints(training.modelId);
let total = 0;
for (const c of checkpoints) {
  total += c.size_bytes ?? 0;
  console.log(`${c.checkpoint_id.padEnd(28)} ${c.checkpoint_type.padEnd(8)} ${String(c.size_bytes ?? "?").padStart(10)} B  expires ${c.expires_at ?? "never"}`);
}
console.log(`${checkpoints.length} checkpoints, ${total} bytes`);

// Expire the first in a day (the service requires at least an hour); null would clear the TTL.
await rest.setCheckpointTtlFromTinkerPath(first.path, 24 * 3600);

// Publishing lets other accounts load a checkpoint by its path.
await rest.publishCheckpointFromTinkerPath(second.path);
await rest.unpublishCheckpointFromTinkerPath(second.path);

// Delete what is no longer needed.
await rest.deleteCheckpointFromTinkerPath(first.path);
await rest.deleteCheckpointFromTinkerPath(sampler.path);
const left = (await rest.listCheckpoints(training.modelId)).checkpoints.map((c) => c.tinker_path);
console.log(`left: ${left.join(", ")}`);
if (left.length !== 1 || left[0] !== second.path) process.exitCode = 1;

await service.close();
