/** TypeScript twins of the error-path capture scenarios (the faults are in Python's recorded responses). */
import { BASE_MODEL, batch, modelInput, trainingClient, trainStep } from "./common.js";
import type { TsScenario } from "./run.js";

export const error_try_again: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
};

export const error_5xx_then_success: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  await run.call("TrainingClient.save_state", () => tc.saveState("after-503").result());
};

export const error_400_message: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  await run.callExpectingError("TrainingClient.save_state", () => tc.saveState("rejected").result());
  await run.call("TrainingClient.save_state", () => tc.saveState("accepted").result());
};

export const error_410_training: TsScenario = async (run) => {
  const sc = run.service();
  await run.callExpectingError("ServiceClient.create_lora_training_client", () => sc.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 4 }));
};

export const error_410_sample: TsScenario = async (run) => {
  const sc = run.service();
  const smp = await run.call("ServiceClient.create_sampling_client", () => sc.createSamplingClient({ baseModel: BASE_MODEL }));
  await run.call("SamplingClient.sample", () => smp.sample(modelInput([9, 8]), { numSamples: 1, samplingParams: { max_tokens: 3, seed: 5 } }).result());
};

export const error_request_failed: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(), "cross_entropy").result());
  await run.callExpectingError("TrainingClient.optim_step", () => tc.optimStep({ learning_rate: 1e-3 }).result());
};

export const error_400_validation: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await run.callExpectingError("TrainingClient.forward_backward", () => tc.forwardBackward(batch(), "ppo").result());
  await trainStep(run, tc);
};

export const error_poll_statuses: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
};

export const futures_metadata_peek: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await run.call("TrainingClient.forward_backward", () => tc.forwardBackward(batch(), "cross_entropy").result());
};
