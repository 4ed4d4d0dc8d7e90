/** TypeScript twins of the RestClient capture scenarios. */
import { trainingClient, trainStep } from "./common.js";
import type { TsScenario } from "./run.js";

export const weights_info: TsScenario = async (run) => {
  const { tc } = await trainingClient(run, undefined, { rank: 8, trainAttn: false });
  await trainStep(run, tc);
  const saved = await run.call("TrainingClient.save_state", () => tc.saveState("info").result());
  const rc = run.rest();
  await run.call("RestClient.get_weights_info_by_tinker_path", () => rc.getWeightsInfoByTinkerPath(saved.path));
};

export const rest_checkpoints: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  const a = await run.call("TrainingClient.save_state", () => tc.saveState("a").result());
  const b = await run.call("TrainingClient.save_state", () => tc.saveState("b", { ttlSeconds: 86400 }).result());
  const s = await run.call("TrainingClient.save_weights_for_sampler", () => tc.saveWeightsForSampler("s").result());
  const rc = run.rest();
  const runId = tc.modelId;
  await run.call("RestClient.list_checkpoints", () => rc.listCheckpoints(runId));
  await run.call("RestClient.list_user_checkpoints", () => rc.listUserCheckpoints());
  await run.call("RestClient.list_user_checkpoints", () => rc.listUserCheckpoints({ limit: 2, offset: 1 }));
  await run.call("RestClient.publish_checkpoint_from_tinker_path", () => rc.publishCheckpointFromTinkerPath(a.path));
  await run.call("RestClient.unpublish_checkpoint_from_tinker_path", () => rc.unpublishCheckpointFromTinkerPath(a.path));
  await run.call("RestClient.set_checkpoint_ttl_from_tinker_path", () => rc.setCheckpointTtlFromTinkerPath(a.path, 3600));
  await run.call("RestClient.set_checkpoint_ttl_from_tinker_path", () => rc.setCheckpointTtlFromTinkerPath(b.path, null));
  await run.call("RestClient.list_checkpoints", () => rc.listCheckpoints(runId));
  await run.call("RestClient.delete_checkpoint", () => rc.deleteCheckpoint(runId, "weights/b"));
  await run.call("RestClient.delete_checkpoint_from_tinker_path", () => rc.deleteCheckpointFromTinkerPath(s.path));
  await run.call("RestClient.list_checkpoints", () => rc.listCheckpoints(runId));
};

export const rest_runs: TsScenario = async (run) => {
  const { service, tc } = await trainingClient(run);
  await trainStep(run, tc);
  const saved = await run.call("TrainingClient.save_state", () => tc.saveState("r").result());
  const sampler = await run.call("TrainingClient.save_weights_for_sampler", () => tc.saveWeightsForSampler("rs").result());
  const rc = run.rest();
  const runId = tc.modelId;
  await run.call("RestClient.get_training_run", () => rc.getTrainingRun(runId));
  await run.call("RestClient.get_training_run", () => rc.getTrainingRun(runId, { accessScope: "accessible" }));
  await run.call("RestClient.get_training_run_by_tinker_path", () => rc.getTrainingRunByTinkerPath(saved.path));
  await run.call("RestClient.list_training_runs", () => rc.listTrainingRuns());
  await run.call("RestClient.list_training_runs", () => rc.listTrainingRuns({ limit: 5, offset: 0, accessScope: "accessible", projectId: "proj-x" }));
  const sessionId = runId.split(":train:")[0] as string;
  await run.call("RestClient.get_session", () => rc.getSession(sessionId));
  await run.call("RestClient.list_sessions", () => rc.listSessions());
  await run.call("RestClient.list_sessions", () => rc.listSessions({ limit: 1, offset: 0 }));
  await run.call("ServiceClient.create_sampling_client", () => service.createSamplingClient({ modelPath: sampler.path }));
  await run.call("RestClient.get_sampler", () => rc.getSampler(`${sessionId}:sample:0`));
};

export const rest_more: TsScenario = async (run) => {
  const { tc } = await trainingClient(run);
  await trainStep(run, tc);
  const saved = await run.call("TrainingClient.save_state", () => tc.saveState("src").result());
  const rc = run.rest();
  await run.call("RestClient.copy_weights", () => rc.copyWeights(saved.path, "proj-copy", { ttlSeconds: 7200 }));
  await run.call("RestClient.get_server_capabilities", () => rc.getServerCapabilities());
  const sessionId = tc.modelId.split(":train:")[0] as string;
  await run.call("RestClient.assign_session_project", () => rc.assignSessionProject(sessionId, "proj-2"));
  await run.call("RestClient.export_session_trace", () => rc.exportSessionTrace(sessionId));
};
