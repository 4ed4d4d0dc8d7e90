/**
 * A custom training loop with pipelined futures: forwardBackward and optimStep are submitted
 * without waiting for the previous step's result, so the service always has the next request
 * queued. Requests are sent in call order; each result is awaited when it is needed.
 */
import { ModelInput, ServiceClient } from "@tinker-ts/client";

const baseModel = process.env["TINKER_BASE_MODEL"] ?? "meta-llama/Llama-3.2-1B";
const service = new ServiceClient();
const training = await service.createLoraTrainingClient({ baseModel, rank: 8 });

const text = [...new TextEncoder().encode("pipelines keep the GPU busy. ")];
const batchFor = (step: number) => {
  const start = step % 8;
  const window = text.slice(start, start + 16);
  return [
    {
      model_input: ModelInput.fromInts(window.slice(0, -1)),
      loss_fn_inputs: { target_tokens: window.slice(1), weights: window.slice(1).map(() => 1) },
    },
  ];
};

const steps = 12;
const inFlight = 3;
// Start the forwardBackward + optimStep pair of a step; results are awaited later.
const submit = (step: number) => ({
  step,
  forwardBackward: training.forwardBackward(batchFor(step), "cross_entropy"),
  optimStep: training.optimStep({ learning_rate: 0.01 }),
});

const window: ReturnType<typeof submit>[] = [];
let next = 0;
const losses: number[] = [];
while (next < steps || window.length > 0) {
  while (next < steps && window.length < inFlight) window.push(submit(next++));
  const oldest = window.shift();
  if (!oldest) break;
  const [output] = await Promise.all([oldest.forwardBackward, oldest.optimStep]);
  const loss = output.metrics["loss:sum"] ?? Number.NaN;
  losses.push(loss);
  console.log(`step ${oldest.step + 1}: loss ${loss.toFixed(3)} (${window.length} more in flight)`);
}
if (losses.length !== steps || losses.some(Number.isNaN)) process.exitCode = 1;

await service.close();
