// Calls never hang without the caller's consent: a timeout or an abort ends one call, and the
// client's later calls still go through in order.
import { describe, expect, it } from "vitest";
import { AbortError, DeadlineExceededError } from "../../src/core/errors.js";
import { ModelInput } from "../../src/data/index.js";
import { BASE_MODEL, seqIdOf, startHarness } from "./emulator-harness.js";

const batch = [{ model_input: ModelInput.fromInts([1, 2, 3]), loss_fn_inputs: { target_tokens: [2, 3, 4], weights: [1, 1, 1] } }];

describe("deadlines and aborts", () => {
  it("a timeout ends a call whose result does not come; the next calls still work", async () => {
    // Every poll for a ForwardBackward result stalls (1.2 s), once per poll.
    const h = await startHarness({ faultFor: (headers) => (headers["x-tinker-request-type"] === "ForwardBackward" ? "stall=1200;times=1" : undefined) });
    try {
      const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
      const slow = tc.forwardBackward(batch, "cross_entropy", null, { timeout: 300 });
      const next = tc.optimStep({ learning_rate: 0.01 });
      await expect(slow).rejects.toBeInstanceOf(DeadlineExceededError);
      await expect(next).resolves.toMatchObject({ metrics: expect.any(Object) });
      await expect(tc.forward(batch, "cross_entropy")).resolves.toMatchObject({ loss_fn_outputs: [expect.any(Object)] });
      const seqs = await Promise.all(h.sent.filter((r) => ["/api/v1/forward_backward", "/api/v1/optim_step"].includes(r.path)).map(seqIdOf));
      expect(seqs).toEqual([1, 2, 3]);
    } finally {
      await h.close();
    }
  });

  it("an abort ends the call with AbortError", async () => {
    const h = await startHarness({ faultFor: (headers) => (headers["x-tinker-request-type"] === "SaveWeights" ? "stall=1200;times=1" : undefined) });
    try {
      const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
      const controller = new AbortController();
      const saving = tc.saveState("aborted", { signal: controller.signal });
      await saving.submitted;
      controller.abort();
      await expect(saving).rejects.toBeInstanceOf(AbortError);
      await expect(tc.saveState("after")).resolves.toMatchObject({ path: `tinker://${tc.modelId}/weights/after` });
    } finally {
      await h.close();
    }
  });

  it("a call that times out while earlier ones hold the line is still sent in its place, so nothing after it is held up", async () => {
    // The first forward_backward submit takes 1 s to be answered.
    const h = await startHarness({ faultFor: (_headers, path) => (path === "/api/v1/forward_backward" ? "stall=1000;times=1" : undefined) });
    try {
      const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
      const settled: string[] = [];
      const first = tc.forwardBackward(batch, "cross_entropy").then(() => settled.push("forwardBackward"));
      const impatient = tc.optimStep({ learning_rate: 0.01 }, { timeout: 100 }).catch((e: unknown) => {
        settled.push("optimStep timed out");
        throw e;
      });
      await expect(impatient).rejects.toBeInstanceOf(DeadlineExceededError);
      await first;
      expect(settled).toEqual(["optimStep timed out", "forwardBackward"]);
      await expect(tc.saveState("after")).resolves.toMatchObject({ path: `tinker://${tc.modelId}/weights/after` });
      const seqs = await Promise.all(h.sent.filter((r) => ["/api/v1/forward_backward", "/api/v1/optim_step", "/api/v1/save_weights"].includes(r.path)).map(seqIdOf));
      expect(seqs).toEqual([1, 2, 3]);
    } finally {
      await h.close();
    }
  });
});
