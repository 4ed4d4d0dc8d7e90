// forwardBackwardCustom against the emulator: a client-side loss whose gradient equals weighted
// cross-entropy must train exactly like forwardBackward with those weights.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TinkerError, ValidationError } from "../../src/core/errors.js";
import { ModelInput } from "../../src/data/index.js";
import { BASE_MODEL, seqIdOf, startHarness, type Harness } from "./emulator-harness.js";

const weights = [[1, 0.5, 2], [0.25, 1]];
const data = [
  { model_input: ModelInput.fromInts([3, 14, 15]), loss_fn_inputs: { target_tokens: [14, 15, 92] } },
  { model_input: ModelInput.fromInts([6, 5]), loss_fn_inputs: { target_tokens: [5, 35] } },
];
const weighted = data.map((d, i) => ({ ...d, loss_fn_inputs: { ...d.loss_fn_inputs, weights: weights[i] as number[] } }));

/** Σ -w·logprob, and its gradient -w. */
const weightedCrossEntropy = (_data: unknown, logprobs: number[][]) => ({
  loss: logprobs.reduce((sum, lps, i) => sum + lps.reduce((s, lp, j) => s - (weights[i]?.[j] as number) * lp, 0), 0),
  gradients: logprobs.map((lps, i) => lps.map((_, j) => -(weights[i]?.[j] as number))),
  metrics: { "custom:sum": 1 },
});

describe("forwardBackwardCustom", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clientConfig: { fwdbwd_max_chunk_len: 1 } });
  });
  afterAll(() => h.close());

  it("trains exactly like forwardBackward with the equivalent weights, and reports the custom loss", async () => {
    const custom = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 11 });
    const plain = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 11 });

    const customOut = custom.forwardBackwardCustom(data, weightedCrossEntropy);
    const customStep = custom.optimStep({ learning_rate: 0.1 });
    const plainOut = plain.forwardBackward(weighted, "cross_entropy");
    const plainStep = plain.optimStep({ learning_rate: 0.1 });
    const [c, p] = await Promise.all([customOut, plainOut, customStep, plainStep]);

    expect(c.loss_fn_outputs).toEqual(p.loss_fn_outputs);
    expect(c.metrics["loss:sum"]).toBeCloseTo(p.metrics["loss:sum"] as number, 4);
    expect(c.metrics["surrogate_loss:sum"]).toBe(p.metrics["loss:sum"]);
    expect(c.metrics["custom:sum"]).toBe(1);
    // Same update: the next forward agrees bit for bit.
    const [nextC, nextP] = await Promise.all([custom.forward(weighted, "cross_entropy"), plain.forward(weighted, "cross_entropy")]);
    expect(nextC).toEqual(nextP);

    // Two chunks forward (seq 1,2), two backward (3,4), then the optimizer step (5) and the forward (6,7).
    const mine = h.sent.filter((r) => ["/api/v1/forward_backward", "/api/v1/optim_step"].includes(r.path) && r.text.includes(custom.modelId));
    expect((await Promise.all(mine.map(seqIdOf))).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("a failing loss function fails the call and every later request of that client (no hang)", async () => {
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    const failing = tc.forwardBackwardCustom(data, () => {
      throw new Error("loss blew up");
    });
    const after = tc.optimStep();
    await expect(failing).rejects.toThrow("loss blew up");
    await expect(after).rejects.toBeInstanceOf(TinkerError);
    await expect(tc.saveState("x")).rejects.toThrow(/cannot send more requests/);
  });

  it("gradients of the wrong shape are refused with a ValidationError", async () => {
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    await expect(tc.forwardBackwardCustom(data, () => ({ loss: 0, gradients: [[1, 2, 3], [1]] }))).rejects.toMatchObject({ field: "gradients[1]" });
    expect(() => tc.forwardBackwardCustom([{ model_input: ModelInput.fromInts([1]) }], weightedCrossEntropy)).toThrow(ValidationError);
  });

  it("saveState refuses an overwrite that is not a boolean; null means the default (false)", async () => {
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    expect(() => tc.saveState("x", { overwrite: "yes" as unknown as boolean })).toThrow(ValidationError);
    await expect(tc.saveState("y", { overwrite: null as unknown as boolean })).resolves.toMatchObject({ path: expect.stringContaining("/weights/y") });
    const body = h.sent.filter((r) => r.path === "/api/v1/save_weights").at(-1);
    expect(body?.text).toContain('"overwrite":false');
  });
});
