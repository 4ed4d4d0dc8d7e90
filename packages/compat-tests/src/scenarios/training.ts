/** TypeScript twins of the training and checkpoint capture scenarios (same names as the fixtures). */
import { BASE_MODEL, BATCH, batch, modelInput, trainingClient, trainStep } from "./common.js";
import type { TsScenario } from "./run.js";

export const create_lora_training_client_defaults: TsScenario = async (run) => {
  const sc = run.service();
  await run.call("ServiceClient.create_lora_training_client", () => sc.createLoraTrainingClient({ baseModel: BASE_MODEL }));
};

export const create_lora_training_client_options: TsScenario = async (run) => {
  const sc = run.service({ userMetadata: { team: "compat", run: "options" }, projectId: "proj-compat" });
  await run.call("ServiceClient.create_lora_training_client", () =>
    sc.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 8, seed: 7, trainMlp: true, trainAttn: false, trainUnembed: true, userMetadata: { purpose: "capture" } }),
  );
  await run.call("ServiceClient.create_lora_training_client", () =>
    sc.createLoraTrainingClient({ baseModel: "meta-llama/Llama-3.2-1B", rank: 2, seed: 0, trainMlp: false, trainAttn: false, trainUnembed: true }),
  );
};

export const save_state: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  await run.call("TrainingClient.save_state", () => tc.saveState("plain").result());
  await run.call("TrainingClient.save_state", () => tc.saveState("with-ttl", { ttlSeconds: 7200 }).result());
  await run.call("TrainingClient.save_state", () => tc.saveState("plain", { overwrite: true }).result());
  await run.call("TrainingClient.save_state", () => tc.saveState("meta", { userMetadata: { step: "1" } }).result());
};

function loadScenario(withOptimizer: boolean): TsScenario {
  return async (run) => {
    const { tc } = await trainingClient(run);
    await trainStep(run, tc);
    const saved = await run.call("TrainingClient.save_state", () => tc.saveState("ckpt").result());
    await trainStep(run, tc);
    if (withOptimizer) await run.call("TrainingClient.load_state_with_optimizer", () => tc.loadStateWithOptimizer(saved.path).result());
    else await run.call("TrainingClient.load_state", () => tc.loadState(saved.path).result());
    await trainStep(run, tc);
  };
}
export const load_state = loadScenario(false);
export const load_state_with_optimizer = loadScenario(true);

export const save_weights_for_sampler: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  await run.call("TrainingClient.save_weights_for_sampler", () => tc.saveWeightsForSampler("named").result());
  await run.call("TrainingClient.save_weights_for_sampler", () => tc.saveWeightsForSampler("named-ttl", { ttlSeconds: 3600 }).result());
  const smp = await run.call("TrainingClient.save_weights_and_get_sampling_client", () => tc.saveWeightsAndGetSamplingClient().result());
  await run.call("SamplingClient.sample", () => smp.sample(modelInput([1, 2, 3]), { numSamples: 1, samplingParams: { max_tokens: 4, temperature: 0.0 } }).result());
};

export const save_weights_and_get_sampling_client: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  for (let step = 0; step < 2; step++) {
    await trainStep(run, tc);
    const smp = await run.call("TrainingClient.save_weights_and_get_sampling_client", () => tc.saveWeightsAndGetSamplingClient().result());
    await run.call("SamplingClient.sample", () => smp.sample(modelInput([4, 5]), { numSamples: 2, samplingParams: { max_tokens: 3, seed: 11, temperature: 0.7 } }).result());
  }
};

function fromStateScenario(withOptimizer: boolean): TsScenario {
  const name = withOptimizer ? "ServiceClient.create_training_client_from_state_with_optimizer" : "ServiceClient.create_training_client_from_state";
  return async (run) => {
    const { service, tc } = await trainingClient(run);
    await trainStep(run, tc);
    const saved = await run.call("TrainingClient.save_state", () => tc.saveState("resume").result());
    const create = (options: { baseModel?: string; userMetadata?: Record<string, string> }) =>
      withOptimizer ? service.createTrainingClientFromStateWithOptimizer(saved.path, options) : service.createTrainingClientFromState(saved.path, options);
    const tc2 = await run.call(name, () => create({}));
    await trainStep(run, tc2);
    const tc3 = await run.call(name, () => create({ baseModel: BASE_MODEL, userMetadata: { resumed: "yes" } }));
    await trainStep(run, tc3);
  };
}
export const create_training_client_from_state_legacy = fromStateScenario(false);
export const create_training_client_from_state_via_load_weights = fromStateScenario(false);
export const create_training_client_from_state_with_optimizer_legacy = fromStateScenario(true);
export const create_training_client_from_state_with_optimizer_via_load_weights = fromStateScenario(true);

export const forward: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await run.call("TrainingClient.forward", () => tc.forward(batch(), "cross_entropy").result());
  await trainStep(run, tc);
  await run.call("TrainingClient.forward", () => tc.forward(batch(), "cross_entropy").result());
};

export const forward_backward_small: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(BATCH), "cross_entropy").result());
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch([[3, 1, 4, 1, 5, 9]]), "cross_entropy").result());
};

export const forward_backward_chunked: TsScenario = async (run) => {
  const rows = [[1, 2, 3], [4, 5, 6, 7], [8, 9], [10, 11, 12], [13, 14, 15, 16, 17]];
  const { tc } = await trainingClient(run);
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(rows), "cross_entropy").result());
  await run.call("TrainingClient.optim_step", () => tc.optimStep({ learning_rate: 1e-3 }).result());
};

export const optim_step: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  for (const params of [{}, { learning_rate: 5e-4, beta1: 0.8, beta2: 0.99, eps: 1e-8, weight_decay: 0.01, grad_clip_norm: 1.0 }]) {
    await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(), "cross_entropy").result());
    await run.call("TrainingClient.optim_step", () => tc.optimStep(params).result());
  }
};

export const session_close: TsScenario = async (run) => {
  const { service, tc } = await trainingClient(run);
  await trainStep(run, tc);
  await run.call("ServiceClient.close", () => service.close({ status: "success", detail: "capture done" }));
};

export const forward_backward_loss_config: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(), "cross_entropy", { clip_low: 0.2, clip_high: 1, mode: "token" }).result());
};

export const forward_backward_zstd: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  await run.call("TrainingClient.forward", () => tc.forward(batch(), "cross_entropy").result());
};
