/** TypeScript twins of the sampling capture scenario. */
import { BASE_MODEL, modelInput } from "./common.js";
import type { TsScenario } from "./run.js";

export const sample: TsScenario = async (run) => {
  const sc = run.service();
  const smp = await run.call("ServiceClient.create_sampling_client", () => sc.createSamplingClient({ baseModel: BASE_MODEL }));
  const prompt = modelInput([1, 2, 3, 4]);
  await run.call("SamplingClient.sample", () => smp.sample(prompt, { numSamples: 1, samplingParams: { max_tokens: 5 } }).result());
  await run.call("SamplingClient.sample", () =>
    smp.sample(prompt, { numSamples: 3, samplingParams: { max_tokens: 6, seed: 42, stop: [7], temperature: 0.5, top_k: 20, top_p: 0.9 } }).result(),
  );
  await run.call("SamplingClient.sample", () =>
    smp.sample(prompt, { numSamples: 1, samplingParams: { max_tokens: 2, seed: 1 }, includePromptLogprobs: true, topkPromptLogprobs: 3 }).result(),
  );
  await run.call("SamplingClient.compute_logprobs", () => smp.computeLogprobs(prompt).result());
};

export const sample_retrieve_futures: TsScenario = async (run) => {
  const sc = run.service();
  const smp = await run.call("ServiceClient.create_sampling_client", () => sc.createSamplingClient({ baseModel: BASE_MODEL }));
  for (const prompt of [[1, 2], [3, 4, 5]]) {
    await run.call("SamplingClient.sample", () => smp.sample(modelInput(prompt), { numSamples: 1, samplingParams: { max_tokens: 3, seed: 3 } }).result());
  }
};
