import { ModelInput, ServiceClient, type TrainingClient } from "@tinker-ts/client";
import type { Backend } from "./backend.js";
import { bar, formatBytes, formatLoss, table } from "./format.js";
import { dim, StepFailed, type Progress } from "./progress.js";
import { encode, examplesForStep, followsTrainingLine, printable, printableBytes, trainingLine } from "./text-task.js";

export interface DemoOptions {
  readonly backend: Backend;
  readonly progress: Progress;
  /** Steps before the checkpoint. */
  readonly trainSteps?: number;
  /** Steps after it, run four ways and compared. */
  readonly resumeSteps?: number;
  readonly rank?: number;
  readonly learningRate?: number;
}

/** The examples of one training step, in the SDK's Datum shape. */
function batchForStep(step: number) {
  return examplesForStep(step).map((example) => ({
    model_input: ModelInput.fromInts(example.input),
    loss_fn_inputs: { target_tokens: example.targets, weights: example.targets.map(() => 1) },
  }));
}

/**
 * One optimisation step; returns the mean cross-entropy per target byte before the update. Both
 * requests are submitted before either result is awaited (they run in call order on the server),
 * which saves a round trip per step on the real service.
 */
async function trainStep(client: TrainingClient, step: number, learningRate: number): Promise<number> {
  const batch = batchForStep(step);
  const targets = batch.reduce((n, d) => n + d.loss_fn_inputs.target_tokens.length, 0);
  const [output] = await Promise.all([
    client.forwardBackward(batch, "cross_entropy"),
    client.optimStep({ learning_rate: learningRate }),
  ]);
  const lossSum = output.metrics["loss:sum"];
  if (lossSum === undefined) throw new StepFailed(`forward_backward returned no loss:sum metric (${Object.keys(output.metrics).join(", ")})`);
  return lossSum / targets;
}

async function trainRange(client: TrainingClient, from: number, count: number, learningRate: number): Promise<number[]> {
  const losses: number[] = [];
  for (let step = from; step < from + count; step++) losses.push(await trainStep(client, step, learningRate));
  return losses;
}

/** A value an earlier step produced (steps run only while every earlier one succeeded). */
function need<T>(value: T | undefined): T {
  if (value === undefined) throw new StepFailed("an earlier step produced nothing");
  return value;
}

const sameBits = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** Runs every step of the demo, recording each in `options.progress`; closes its session at the end. */
export async function runDemo(options: DemoOptions): Promise<void> {
  const service = new ServiceClient({
    apiKey: options.backend.apiKey,
    ...(options.backend.baseUrl === undefined ? {} : { baseUrl: options.backend.baseUrl }),
  });
  try {
    await runSteps(service, options);
  } finally {
    await service.close({ status: options.progress.failed ? "errored" : "success" });
  }
}

async function runSteps(service: ServiceClient, options: DemoOptions): Promise<void> {
  const { backend, progress } = options;
  const trainSteps = options.trainSteps ?? 30;
  const resumeSteps = options.resumeSteps ?? 5;
  const rank = options.rank ?? 8;
  const learningRate = options.learningRate ?? backend.learningRate;
  const { baseModel } = backend;

  const rest = service.createRestClient();
  const newLora = () => service.createLoraTrainingClient({ baseModel, rank, seed: 7 });

  const created = await progress.step("Create a LoRA training client", async () => {
    const client = await newLora();
    return { value: client, detail: `run ${client.modelId} (${baseModel}, rank ${rank})` };
  });

  await progress.step(`Train ${trainSteps} steps on ${printable(trainingLine)}, byte by byte`, async () => {
    const training = need(created);
    progress.log(dim(`each step: 4 windows of 24 bytes, cross_entropy, Adam lr ${learningRate}`));
    const losses: number[] = [];
    for (let step = 0; step < trainSteps; step++) {
      const loss = await trainStep(training, step, learningRate);
      losses.push(loss);
      if (step % 5 === 0 || step === trainSteps - 1) {
        progress.log(`step ${String(step + 1).padStart(3)}  loss ${loss.toFixed(4)}  ${bar(loss, losses[0] ?? loss)}`);
      }
    }
    const first = losses[0] ?? Number.NaN;
    const last = losses.at(-1) ?? Number.NaN;
    if (!(last < first / 2)) throw new StepFailed(`loss did not fall: ${first.toFixed(4)} → ${last.toFixed(4)}`);
    return { value: losses, detail: `loss ${first.toFixed(4)} → ${last.toFixed(4)} per byte` };
  });

  const checkpointName = `demo-step-${trainSteps}`;
  const checkpoint = await progress.step(`Save a checkpoint (saveState "${checkpointName}")`, async () => {
    const training = need(created);
    const saved = await training.saveState(checkpointName, { ttlSeconds: 3600 });
    return { value: saved.path, detail: `${saved.path} (weights + Adam state, expires in 1 h)` };
  });

  const reference = await progress.step(`Continue the original run ${resumeSteps} more steps`, async () => {
    const training = need(created);
    const losses = await trainRange(training, trainSteps, resumeSteps, learningRate);
    return { value: losses, detail: `losses of steps ${trainSteps + 1}–${trainSteps + resumeSteps} recorded as the reference` };
  });

  const withOptimizer = await progress.step("Resume in a new client with loadStateWithOptimizer", async () => {
    const client = await newLora();
    await client.loadStateWithOptimizer(need(checkpoint));
    const losses = await trainRange(client, trainSteps, resumeSteps, learningRate);
    const expected = need(reference);
    if (!sameBits(losses, expected)) {
      throw new StepFailed(`did not continue exactly: ${losses.map(formatLoss).join(", ")} vs ${expected.map(formatLoss).join(", ")}`);
    }
    return { value: losses, detail: `continues exactly: ${resumeSteps}/${resumeSteps} losses bit-identical to the original run` };
  });

  const weightsOnly = await progress.step("Resume in a new client with loadState (weights only)", async () => {
    const client = await newLora();
    await client.loadState(need(checkpoint));
    const losses = await trainRange(client, trainSteps, resumeSteps, learningRate);
    const expected = need(reference);
    const differing = losses.filter((loss, i) => !Object.is(loss, expected[i])).length;
    if (!Object.is(losses[0], expected[0])) throw new StepFailed("the first loss differs, so the weights were not restored");
    if (differing === 0) throw new StepFailed("continued exactly although the optimizer state was not loaded");
    return { value: losses, detail: `same weights (step ${trainSteps + 1} equal), fresh Adam state: ${differing}/${resumeSteps} later losses differ` };
  });

  await progress.step("Create a training client from the checkpoint", async () => {
    const client = await service.createTrainingClientFromStateWithOptimizer(need(checkpoint));
    const losses = await trainRange(client, trainSteps, resumeSteps, learningRate);
    const expected = need(reference);
    const [exact, fresh] = [need(withOptimizer), need(weightsOnly)];
    const rows = [["step", "original run", "loadStateWithOptimizer", "loadState", "fromStateWithOptimizer"]];
    for (let i = 0; i < resumeSteps; i++) {
      const ref = expected[i] as number;
      const mark = (x: number | undefined) => (x === undefined ? "?" : Object.is(x, ref) ? `${formatLoss(x)} =` : `${formatLoss(x)} ≠`);
      rows.push([String(trainSteps + i + 1), formatLoss(ref), mark(exact[i]), mark(fresh[i]), mark(losses[i])]);
    }
    for (const line of table(rows)) progress.log(line);
    if (!sameBits(losses, expected)) throw new StepFailed("createTrainingClientFromStateWithOptimizer did not continue exactly");
    return { value: client, detail: `new run ${client.modelId} continues exactly` };
  });

  const samplerName = "demo-sampler";
  const samplerPath = await progress.step("Save sampler weights and sample text", async () => {
    const saved = await need(created).saveWeightsForSampler(samplerName);
    const trained = await service.createSamplingClient({ modelPath: saved.path });
    const base = await service.createSamplingClient({ baseModel });
    const prompt = encode("lo");
    const params = { numSamples: 1, samplingParams: { max_tokens: 40, temperature: 0.3, seed: 11 } };
    const [fromTrained, fromBase] = await Promise.all([
      trained.sample(ModelInput.fromInts(prompt), params),
      base.sample(ModelInput.fromInts(prompt), params),
    ]);
    const trainedTokens = fromTrained.sequences[0]?.tokens ?? [];
    const baseTokens = fromBase.sequences[0]?.tokens ?? [];
    const last = prompt.at(-1) as number;
    const trainedScore = followsTrainingLine(last, trainedTokens);
    const baseScore = followsTrainingLine(last, baseTokens);
    progress.log(`prompt      ${printable("lo")}`);
    progress.log(`base model  ${printableBytes(baseTokens)}  ${dim(`(${Math.round(baseScore * 100)}% of bytes follow the line)`)}`);
    progress.log(`trained     ${printableBytes(trainedTokens)}  ${dim(`(${Math.round(trainedScore * 100)}% of bytes follow the line)`)}`);
    if (trainedTokens.length === 0) throw new StepFailed("the trained sampler returned no tokens");
    if (!(trainedScore >= 0.8 && trainedScore > baseScore)) {
      throw new StepFailed(`samples do not show the training line (${Math.round(trainedScore * 100)}% vs base ${Math.round(baseScore * 100)}%)`);
    }
    return { value: saved.path, detail: `${saved.path}: ${Math.round(trainedScore * 100)}% of sampled bytes follow the line (base model ${Math.round(baseScore * 100)}%)` };
  });

  const kept = await progress.step('Save the final state to keep (saveState "demo-final")', async () => {
    const saved = await need(created).saveState("demo-final");
    return { value: saved.path, detail: saved.path };
  });

  await progress.step("List the run's checkpoints with their sizes", async () => {
    const temporary = [need(checkpoint), need(samplerPath)];
    const { checkpoints } = await rest.listCheckpoints(need(created).modelId);
    const rows = [["checkpoint", "type", "size", "expires", "after the demo"]];
    let total = 0;
    for (const c of checkpoints) {
      total += c.size_bytes ?? 0;
      rows.push([c.checkpoint_id, c.checkpoint_type, formatBytes(c.size_bytes), c.expires_at ?? "never", temporary.includes(c.tinker_path) ? "temporary" : "kept"]);
    }
    for (const line of table(rows)) progress.log(line);
    const paths = checkpoints.map((c) => c.tinker_path);
    const missing = [...temporary, need(kept)].filter((p) => !paths.includes(p));
    if (missing.length > 0) throw new StepFailed(`not listed: ${missing.join(", ")}`);
    return { value: checkpoints, detail: `${checkpoints.length} checkpoints, ${formatBytes(total)} in total` };
  });

  await progress.step("Delete the temporary checkpoints", async () => {
    const temporary = [need(checkpoint), need(samplerPath)];
    for (const path of temporary) {
      await rest.deleteCheckpointFromTinkerPath(path);
      progress.log(`deleted ${path}`);
    }
    const { checkpoints } = await rest.listCheckpoints(need(created).modelId);
    const left = checkpoints.map((c) => c.tinker_path);
    if (temporary.some((p) => left.includes(p))) throw new StepFailed(`still listed after delete: ${left.join(", ")}`);
    if (!left.includes(need(kept))) throw new StepFailed(`${need(kept)} disappeared`);
    if (!backend.embedded) progress.log(dim(`kept on the service; delete it with: tinker-ts checkpoint delete ${need(kept)}`));
    return { value: left, detail: `${temporary.length} deleted; left: ${left.join(", ")}` };
  });
}
