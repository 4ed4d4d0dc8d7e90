// Train, checkpoint, resume against the emulator over a real socket, in both addressings the service
// supports for creating a training client from a checkpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelInput } from "../../src/data/index.js";
import type { ForwardBackwardOutput } from "../../src/proto/index.js";
import type { TrainingClient } from "../../src/training/training-client.js";
import { BASE_MODEL, startHarness, type Harness } from "./emulator-harness.js";

const batch = [
  { model_input: ModelInput.fromInts([5, 17, 42, 9]), loss_fn_inputs: { target_tokens: [17, 42, 9, 77], weights: [1, 1, 1, 1] } },
  { model_input: ModelInput.fromInts([3, 8]), loss_fn_inputs: { target_tokens: new BigInt64Array([8n, 100n]), weights: new Float32Array([0.5, 1]) } },
];

/** One training step; returns what the forward/backward measured before the update. */
async function step(tc: TrainingClient): Promise<ForwardBackwardOutput> {
  const fb = tc.forwardBackward(batch, "cross_entropy");
  const opt = tc.optimStep({ learning_rate: 0.05 });
  const [out] = await Promise.all([fb, opt]);
  return out;
}

async function steps(tc: TrainingClient, n: number): Promise<ForwardBackwardOutput[]> {
  const out: ForwardBackwardOutput[] = [];
  for (let i = 0; i < n; i++) out.push(await step(tc));
  return out;
}

describe.each([
  ["create-via-load", true],
  ["legacy weights_info → create_model → load_weights", false],
])("resume from a checkpoint (%s)", (_label, viaLoad) => {
  let h: Harness;
  let sessionId: string;
  let original: TrainingClient;
  let checkpoint: string;
  let uninterrupted: ForwardBackwardOutput[];

  beforeAll(async () => {
    h = await startHarness({ clientConfig: { create_model_via_load_weights: viaLoad } });
    sessionId = await h.service.sessionId();
    original = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 4, seed: 7 });
    await steps(original, 3);
    checkpoint = (await original.saveState("ckpt")).path;
    uninterrupted = await steps(original, 2);
  });
  afterAll(() => h.close());

  it("saveState names the checkpoint after the model and sends the exact 0.38.0 body", () => {
    expect(checkpoint).toBe(`tinker://${original.modelId}/weights/ckpt`);
    // 3 steps = seq 1..6, so the save is seq 7
    expect(h.to("/api/v1/save_weights").map((r) => r.text)).toEqual([
      `{"model_id":"${original.modelId}","path":"ckpt","seq_id":7,"overwrite":false,"type":"save_weights"}`,
    ]);
  });

  it("the training itself moved the loss (so equal losses below mean something)", () => {
    expect(uninterrupted[1]?.metrics["loss:sum"]).not.toBe(uninterrupted[0]?.metrics["loss:sum"]);
  });

  it("createTrainingClientFromStateWithOptimizer continues bit-identically", async () => {
    const before = h.sent.length;
    const resumed = await h.service.createTrainingClientFromStateWithOptimizer(checkpoint);
    const loads = h.sent.slice(before).filter((r) => r.path === "/api/v1/load_weights");
    if (viaLoad) {
      expect(resumed.modelId).toMatch(new RegExp(`^${sessionId}:train:\\d+$`));
      const seq = Number(resumed.modelId.split(":").at(-1));
      expect(loads.map((r) => r.text)).toEqual([`{"session_id":"${sessionId}","model_seq_id":${seq},"path":"${checkpoint}","optimizer":true,"type":"load_weights"}`]);
      expect(h.sent.slice(before).some((r) => r.path === "/api/v1/create_model")).toBe(false);
    } else {
      // (the sessionless REST context that asks weights_info starts with client/config + dynamic_config, as Python's)
      const background = new Set(["/api/v1/retrieve_future", "/api/v1/session_heartbeat", "/api/v1/client/config", "/api/v1/client/dynamic_config"]);
      const paths = h.sent.slice(before).map((r) => r.path).filter((p) => !background.has(p));
      expect(paths).toEqual(["/api/v1/weights_info", "/api/v1/create_model", "/api/v1/get_info", "/api/v1/load_weights"]);
      expect(h.sent.slice(before).find((r) => r.path === "/api/v1/weights_info")?.text).toBe(`{"tinker_path":"${checkpoint}"}`);
      expect(loads.map((r) => r.text)).toEqual([`{"model_id":"${resumed.modelId}","seq_id":1,"path":"${checkpoint}","optimizer":true,"type":"load_weights"}`]);
    }
    expect(await steps(resumed, 2)).toEqual(uninterrupted);
  });

  it("createTrainingClientFromState loads the weights but not the optimizer: same first loss, different after", async () => {
    const resumed = await h.service.createTrainingClientFromState(checkpoint);
    const [first, second] = await steps(resumed, 2);
    expect(first).toEqual(uninterrupted[0]);
    expect(second?.metrics["loss:sum"]).not.toBe(uninterrupted[1]?.metrics["loss:sum"]);
  });

  it("loadStateWithOptimizer on an existing client continues bit-identically; loadState does not", async () => {
    const withOpt = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 4, seed: 99 });
    await withOpt.loadStateWithOptimizer(checkpoint);
    expect(await steps(withOpt, 2)).toEqual(uninterrupted);
    expect(h.to("/api/v1/load_weights").at(-1)?.text).toBe(`{"model_id":"${withOpt.modelId}","seq_id":1,"path":"${checkpoint}","optimizer":true,"type":"load_weights"}`);

    const weightsOnly = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 4, seed: 99 });
    await weightsOnly.loadState(checkpoint);
    expect(h.to("/api/v1/load_weights").at(-1)?.text).toBe(`{"model_id":"${weightsOnly.modelId}","seq_id":1,"path":"${checkpoint}","optimizer":false,"type":"load_weights"}`);
    const [first, second] = await steps(weightsOnly, 2);
    expect(first).toEqual(uninterrupted[0]);
    expect(second?.metrics["loss:sum"]).not.toBe(uninterrupted[1]?.metrics["loss:sum"]);
  });

  it("create_model and optim_step bodies are 0.38.0's", () => {
    const creates = h.to("/api/v1/create_model").map((r) => r.text);
    expect(creates[0]).toBe(
      `{"session_id":"${sessionId}","model_seq_id":0,"base_model":"${BASE_MODEL}","lora_config":{"rank":4,"seed":7,"train_unembed":true,"train_mlp":true,"train_attn":true},"optimizer_config":{"type":"adamw"},"type":"create_model"}`,
    );
    expect(h.to("/api/v1/optim_step")[0]?.text).toBe(
      `{"model_id":"${original.modelId}","seq_id":2,"type":"optim_step","adam_params":{"learning_rate":0.05,"beta1":0.9,"beta2":0.95,"eps":1e-12,"weight_decay":0.0,"grad_clip_norm":0.0}}`,
    );
  });
});
