// Submit order against the emulator: many calls in flight on one client still reach the service in
// call order, each with its seq_id; chunked forward/backward sends its first chunk last.
import { afterEach, describe, expect, it } from "vitest";
import { ModelInput } from "../../src/data/index.js";
import { BASE_MODEL, decodeFwdBwd, seqIdOf, startHarness, type Harness } from "./emulator-harness.js";

const SEQUENCED = new Set(["/api/v1/forward_backward", "/api/v1/optim_step", "/api/v1/save_weights", "/api/v1/save_weights_for_sampler", "/api/v1/load_weights"]);
const datum = (t: number) => ({ model_input: ModelInput.fromInts([t, t + 1, t + 2]), loss_fn_inputs: { target_tokens: [t + 1, t + 2, t + 3], weights: [1, 1, 1] } });

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("request order", () => {
  it("50 calls made without waiting are submitted in call order (seq_id 1..50), with a random delay on every request", async () => {
    h = await startHarness({ jitterMs: 8 });
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    const calls: PromiseLike<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      if (i % 10 === 9) calls.push(tc.saveState(`c${i}`));
      else if (i % 2 === 0) calls.push(tc.forwardBackward([datum(i)], "cross_entropy"));
      else calls.push(tc.optimStep({ learning_rate: 0.01 }));
    }
    const results = await Promise.all(calls);
    expect(results).toHaveLength(50);
    const submits = h.sent.filter((r) => SEQUENCED.has(r.path));
    expect(await Promise.all(submits.map(seqIdOf))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("chunks a large forward_backward by the server's limits, sends the first chunk last, and joins the outputs in order", async () => {
    h = await startHarness({ clientConfig: { fwdbwd_max_chunk_len: 2 } });
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    const data = [1, 20, 40, 60, 80].map(datum);
    const chunked = await tc.forward(data, "cross_entropy");
    const submits = await Promise.all(h.to("/api/v1/forward_backward").map(decodeFwdBwd));
    expect(submits.map((m) => m.seqId)).toEqual([2, 3, 1]);
    expect(submits.map((m) => m.data.length)).toEqual([2, 1, 2]);
    expect(submits.every((m) => m.forwardOnly)).toBe(true);
    // The same data one datum at a time gives the same per-datum outputs, in the same order.
    const single = await Promise.all(data.map((d) => tc.forward([d], "cross_entropy")));
    expect(chunked.loss_fn_outputs).toEqual(single.flatMap((s) => s.loss_fn_outputs));
    const total = single.reduce((n, s) => n + (s.metrics["loss:sum"] as number), 0);
    expect(chunked.metrics["loss:sum"]).toBeCloseTo(total, 10);
  });

  it("compresses forward_backward bodies with zstd when the server asks", async () => {
    h = await startHarness({ clientConfig: { proto_compress_fwdbwd: true } });
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    const out = await tc.forwardBackward([datum(3)], "cross_entropy");
    expect(out.loss_fn_outputs).toHaveLength(1);
    const [req] = h.to("/api/v1/forward_backward");
    expect(req?.headers["content-encoding"]).toBe("zstd");
    expect(req?.headers["content-type"]).toBe("application/x-protobuf");
    expect([...(req?.bytes.subarray(0, 4) ?? [])]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    expect((await decodeFwdBwd(req!)).seqId).toBe(1);
  });

  it("a sparse CSR loss input reaches the service as the same tensor as its dense form", async () => {
    h = await startHarness();
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    const model_input = ModelInput.fromInts([7, 8, 9, 10]);
    const target_tokens = [8, 9, 10, 11];
    const dense = await tc.forward([{ model_input, loss_fn_inputs: { target_tokens, weights: { data: [1, 0, 0, 0.5], dtype: "float32", shape: [1, 4] } } }], "cross_entropy");
    const sparse = await tc.forward(
      [{ model_input, loss_fn_inputs: { target_tokens, weights: { data: [1, 0.5], dtype: "float32", shape: [1, 4], sparse_crow_indices: [0, 2], sparse_col_indices: [0, 3] } } }],
      "cross_entropy",
    );
    expect(sparse).toEqual(dense);
    // (weights do matter to the service, so the equality above is not vacuous)
    const ones = await tc.forward([{ model_input, loss_fn_inputs: { target_tokens, weights: [1, 1, 1, 1] } }], "cross_entropy");
    expect(ones.metrics["loss:sum"]).not.toBe(dense.metrics["loss:sum"]);
    const sent = await decodeFwdBwd(h.to("/api/v1/forward_backward")[1]!); // the sparse call
    expect(sent.data[0]?.lossFnInputs["weights"]?.encoding.case).toBe("sparseCsr");
  });
});
