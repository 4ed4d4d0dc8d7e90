// Runs inside headless Chromium (plain browser JavaScript, served as-is by the page server).
// `tinker` is the esbuild bundle of @tinker-ts/client; `config` says where the API is.

/** Trains one step, saves sampler weights, samples and lists the run's checkpoints. */
export async function run(tinker, config) {
  const service = new tinker.ServiceClient({ apiKey: config.apiKey, baseUrl: config.baseUrl });
  const training = await service.createLoraTrainingClient({ baseModel: config.baseModel, rank: 4 });
  const tokens = [...new TextEncoder().encode("hello from a browser")];
  const datum = {
    model_input: tinker.ModelInput.fromInts(tokens.slice(0, -1)),
    loss_fn_inputs: { target_tokens: tokens.slice(1), weights: tokens.slice(1).map(() => 1) },
  };
  const output = await training.forwardBackward([datum], "cross_entropy");
  await training.optimStep({ learning_rate: 0.05 });
  const sampler = await training.saveWeightsAndGetSamplingClient();
  const sampled = await sampler.sample(tinker.ModelInput.fromInts(tokens.slice(0, 3)), {
    numSamples: 2,
    samplingParams: { max_tokens: 5, seed: 7, temperature: 1 },
  });
  const saved = await training.saveState("browser-step-1");
  const rest = service.createRestClient();
  const listed = await rest.listCheckpoints(training.modelId);
  return {
    loss: output.metrics["loss:sum"] ?? null,
    sampleLengths: sampled.sequences.map((s) => s.tokens.length),
    savedPath: saved.path,
    checkpointPaths: listed.checkpoints.map((c) => c.tinker_path),
    userAgent: navigator.userAgent,
  };
}
