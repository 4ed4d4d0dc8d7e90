/**
 * Sample: from a base model, and from weights saved by a training run; several samples, stop
 * sequences, and prompt log-probabilities.
 */
import { ModelInput, ServiceClient } from "@tinker-ts/client";

const baseModel = process.env["TINKER_BASE_MODEL"] ?? "meta-llama/Llama-3.2-1B";
const service = new ServiceClient();
const prompt = ModelInput.fromInts([...new TextEncoder().encode("Once upon a time")]);

// From the base model.
const base = await service.createSamplingClient({ baseModel });
const fromBase = await base.sample(prompt, {
  numSamples: 3,
  samplingParams: { max_tokens: 16, temperature: 0.8, top_p: 0.95, seed: 42 },
});
fromBase.sequences.forEach((s, i) => console.log(`base sample ${i}: ${s.tokens.length} tokens (${s.stop_reason})`));

// From named sampler weights of a training run.
const training = await service.createLoraTrainingClient({ baseModel, rank: 4 });
const saved = await training.saveWeightsForSampler("sample-example");
const tuned = await service.createSamplingClient({ modelPath: saved.path });
const withLogprobs = await tuned.sample(prompt, {
  numSamples: 1,
  samplingParams: { max_tokens: 8, stop: [10], seed: 7 },
  includePromptLogprobs: true,
});
console.log(`prompt logprobs: ${withLogprobs.prompt_logprobs?.map((l) => (l === null ? "—" : l.toFixed(2))).join(" ")}`);

// computeLogprobs scores a sequence without sampling.
const logprobs = await tuned.computeLogprobs(prompt);
console.log(`computeLogprobs: ${logprobs.length} values, first is ${logprobs[0] === null ? "null (no context)" : logprobs[0]}`);
if (fromBase.sequences.length !== 3 || logprobs.length !== ModelInput.length(prompt)) process.exitCode = 1;

await service.close();
