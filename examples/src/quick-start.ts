/**
 * Quick start: create a LoRA training client, train a few steps, then sample from the result.
 *
 *   TINKER_API_KEY=tml-… node dist/quick-start.js
 *   (or against a local emulator: TINKER_BASE_URL=http://127.0.0.1:8080 TINKER_API_KEY=tml-local …)
 */
import { ModelInput, ServiceClient } from "@tinker-ts/client";

const baseModel = process.env["TINKER_BASE_MODEL"] ?? "meta-llama/Llama-3.2-1B";

// Reads TINKER_API_KEY and TINKER_BASE_URL from the environment.
const service = new ServiceClient();
const training = await service.createLoraTrainingClient({ baseModel, rank: 8 });
console.log(`training run ${training.modelId}`);

// Byte-level "tokens" keep the example self-contained; use your model's tokenizer in real code.
const tokens = [...new TextEncoder().encode("Tinker from TypeScript. ")];
const example = {
  model_input: ModelInput.fromInts(tokens.slice(0, -1)),
  loss_fn_inputs: { target_tokens: tokens.slice(1), weights: tokens.slice(1).map(() => 1) },
};

for (let step = 1; step <= 5; step++) {
  const output = await training.forwardBackward([example], "cross_entropy");
  await training.optimStep({ learning_rate: 0.01 });
  console.log(`step ${step}: loss ${output.metrics["loss:sum"]?.toFixed(3)}`);
}

const sampler = await training.saveWeightsAndGetSamplingClient();
const result = await sampler.sample(ModelInput.fromInts(tokens.slice(0, 4)), {
  numSamples: 2,
  samplingParams: { max_tokens: 12, temperature: 0.7, seed: 1 },
});
for (const sequence of result.sequences) console.log(`sample: ${sequence.tokens.length} tokens, stop reason ${sequence.stop_reason}`);

// Finish the session (stops its heartbeat) when done.
await service.close();
