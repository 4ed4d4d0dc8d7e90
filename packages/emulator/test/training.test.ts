import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADAM, type Api, BATCH, forwardBackward, fwdBwdBody, optimStep, startApi } from "./helpers.js";

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.emulator.close();
});

/** Runs `steps` (forward_backward + optim_step) from seq `seq`, returning the losses and the next seq. */
async function train(modelId: string, seq: number, steps: number): Promise<{ losses: number[]; seq: number }> {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    losses.push((await forwardBackward(api, modelId, seq++, BATCH)).loss);
    await optimStep(api, modelId, seq++);
  }
  return { losses, seq };
}

async function save(modelId: string, seq: number, name: string): Promise<string> {
  const f = await api.postJson<{ request_id: string }>("/api/v1/save_weights", { model_id: modelId, path: name, seq_id: seq, overwrite: false, type: "save_weights" });
  return (await api.result<{ path: string }>(f.request_id)).path;
}

async function load(sessionId: string, modelSeqId: number, path: string, optimizer: boolean): Promise<string> {
  const f = await api.postJson<{ request_id: string; model_id: string }>("/api/v1/load_weights", { session_id: sessionId, model_seq_id: modelSeqId, path, optimizer, type: "load_weights" });
  return (await api.result<{ model_id: string }>(f.request_id)).model_id;
}

describe("the tiny model", () => {
  it("gives the same numbers for the same seed and data, and different ones for another seed", async () => {
    const s = await api.session();
    const a = await api.createModel(s, 0, 4, 1);
    const b = await api.createModel(s, 1, 4, 1);
    const c = await api.createModel(s, 2, 4, 2);
    const ra = await train(a, 1, 3);
    const rb = await train(b, 1, 3);
    const rc = await train(c, 1, 3);
    expect(rb.losses).toEqual(ra.losses);
    expect(rc.losses[2]).not.toBe(ra.losses[2]);
    // Training lowers the loss on the batch it sees.
    expect(ra.losses[2]!).toBeLessThan(ra.losses[0]!);
  });

  it("returns real cross-entropy: loss = -Σ w·logprob, weights honoured, one logprob per token", async () => {
    const s = await api.session();
    const m = await api.createModel(s);
    const out = await forwardBackward(api, m, 1, BATCH, { forwardOnly: true });
    expect(out.logprobs.map((l) => l.length)).toEqual([5, 5, 3]);
    const weights = BATCH.map((d) => d.weights ?? d.targets.map(() => 1));
    let expected = 0;
    out.logprobs.forEach((lps, i) => lps.forEach((lp, j) => (expected -= weights[i]![j]! * lp)));
    expect(out.loss).toBeCloseTo(expected, 3);
    for (const lps of out.logprobs) for (const lp of lps) expect(lp).toBeLessThan(0);
    // Zero weights contribute nothing.
    const zero = await forwardBackward(api, m, 2, [{ tokens: [1, 2], targets: [3, 4], weights: [0, 0] }], { forwardOnly: true });
    expect(zero.loss).toBe(0);
  });

  it("folds token ids of any size into the vocabulary", async () => {
    const s = await api.session();
    const m = await api.createModel(s);
    const big = await forwardBackward(api, m, 1, [{ tokens: [5 + 512 * 1000], targets: [9 + 512 * 7] }], { forwardOnly: true });
    const small = await forwardBackward(api, m, 2, [{ tokens: [5], targets: [9] }], { forwardOnly: true });
    expect(big.loss).toBe(small.loss);
  });

  it("forward_only computes no gradient: an optim_step after it changes nothing", async () => {
    const s = await api.session();
    const m = await api.createModel(s);
    const before = await forwardBackward(api, m, 1, BATCH, { forwardOnly: true });
    await optimStep(api, m, 2, { ...ADAM, weight_decay: 0 });
    const after = await forwardBackward(api, m, 3, BATCH, { forwardOnly: true });
    expect(after.loss).toBe(before.loss);
  });

  it("applies every AdamParams field: learning rate, betas, eps, weight decay and gradient clipping matter", async () => {
    const s = await api.session();
    const variants = [
      ADAM,
      { ...ADAM, learning_rate: 0.01 },
      { ...ADAM, beta1: 0.5 },
      { ...ADAM, beta2: 0.5 },
      { ...ADAM, eps: 1 },
      { ...ADAM, weight_decay: 0.9 },
      { ...ADAM, grad_clip_norm: 1e-4 },
    ];
    const results: number[] = [];
    for (const [i, adam] of variants.entries()) {
      const m = await api.createModel(s, i, 4, 5);
      let seq = 1;
      for (let step = 0; step < 3; step++) {
        await forwardBackward(api, m, seq++, BATCH);
        await optimStep(api, m, seq++, adam);
      }
      results.push((await forwardBackward(api, m, seq, BATCH, { forwardOnly: true })).loss);
    }
    expect(new Set(results).size).toBe(variants.length);
  });
});

describe("resume from a checkpoint", () => {
  it("load_weights with optimizer=true continues bit-identically; optimizer=false diverges", async () => {
    const s = await api.session();
    const reference = await api.createModel(s, 0, 4, 42);
    const uninterrupted = await train(reference, 1, 6);

    const resumed = await api.createModel(s, 1, 4, 42);
    const firstHalf = await train(resumed, 1, 3);
    const path = await save(resumed, firstHalf.seq, "half");
    expect(firstHalf.losses).toEqual(uninterrupted.losses.slice(0, 3));

    const withOptimizer = await load(s, 2, path, true);
    const secondHalf = await train(withOptimizer, 1, 3);
    expect(secondHalf.losses).toEqual(uninterrupted.losses.slice(3));

    const withoutOptimizer = await load(s, 3, path, false);
    const fresh = await train(withoutOptimizer, 1, 3);
    // Same weights at the first step, so the first loss matches; the reset Adam moments then diverge.
    expect(fresh.losses[0]).toBe(uninterrupted.losses[3]);
    expect(fresh.losses[1]).not.toBe(uninterrupted.losses[4]);
  });

  it("legacy load_weights (model_id + seq_id) into a live model also resumes exactly", async () => {
    const s = await api.session();
    const m = await api.createModel(s, 0, 4, 9);
    const first = await train(m, 1, 2);
    const path = await save(m, first.seq, "two");
    const more = await train(m, first.seq + 1, 2);
    const f = await api.postJson<{ request_id: string }>("/api/v1/load_weights", { model_id: m, seq_id: more.seq, path, optimizer: true, type: "load_weights" });
    await api.result(f.request_id);
    const again = await train(m, more.seq + 1, 2);
    expect(again.losses).toEqual(more.losses);
  });
});

describe("seq_id ordering", () => {
  it("runs an early arrival after the earlier seq_ids, and answers a retried seq_id with the same future", async () => {
    const s = await api.session();
    const ordered = await api.createModel(s, 0, 4, 3);
    const refOptim = async (): Promise<number> => {
      await forwardBackward(api, ordered, 1, BATCH);
      await optimStep(api, ordered, 2);
      return (await forwardBackward(api, ordered, 3, BATCH, { forwardOnly: true })).loss;
    };
    const expected = await refOptim();

    const m = await api.createModel(s, 1, 4, 3);
    // Submit seq 3 and 2 before seq 1: they must wait for their turn.
    const third = api.post("/api/v1/forward_backward", fwdBwdBody(m, 3, BATCH, { forwardOnly: true }), { "content-type": "application/x-protobuf" });
    const second = api.postJson<{ request_id: string }>("/api/v1/optim_step", { model_id: m, seq_id: 2, type: "optim_step", adam_params: ADAM });
    const thirdId = ((await (await third).json()) as { request_id: string }).request_id;
    const secondId = (await second).request_id;
    const retry = await api.postJson<{ request_id: string }>("/api/v1/optim_step", { model_id: m, seq_id: 2, type: "optim_step", adam_params: ADAM });
    expect(retry.request_id).toBe(secondId);
    await forwardBackward(api, m, 1, BATCH);
    const { decodeFwdBwd } = await import("./helpers.js");
    expect(decodeFwdBwd(await api.resultProto(thirdId)).loss).toBe(expected);
  });

  it("skips a gap after the bounded wait", async () => {
    const quick = await startApi({ seqGapTimeoutMs: 50 });
    try {
      const s = await quick.session();
      const m = await quick.createModel(s);
      const out = await forwardBackward(quick, m, 5, BATCH, { forwardOnly: true });
      expect(out.logprobs).toHaveLength(3);
      const stale = await quick.post("/api/v1/optim_step", { model_id: m, seq_id: 2, type: "optim_step", adam_params: ADAM });
      expect(stale.status).toBe(400);
      expect(((await stale.json()) as { field: string }).field).toBe("seq_id");
    } finally {
      await quick.emulator.close();
    }
  });
});

describe("rejected sequenced requests", () => {
  it("release their seq_id at once: the next seq_id runs without waiting for the gap timeout", async () => {
    const strict = await startApi({ seqGapTimeoutMs: 600_000 });
    try {
      const s = await strict.session();
      const m = await strict.createModel(s);
      const rejected = await strict.post("/api/v1/save_weights", { model_id: m, path: "x", seq_id: 1, ttl_seconds: 5, overwrite: false, type: "save_weights" });
      expect(rejected.status).toBe(400);
      // With a 10-minute gap timeout, this would hang if seq 1 still held its turn.
      const out = await forwardBackward(strict, m, 2, BATCH, { forwardOnly: true });
      expect(out.logprobs).toHaveLength(3);
    } finally {
      await strict.emulator.close();
    }
  });
});

describe("image chunks in forward_backward", () => {
  it("count expected_tokens positions", async () => {
    const { create, toBinary } = await import("@bufbuild/protobuf");
    const proto = await import("@tinker-ts/types/proto");
    const s = await api.session();
    const m = await api.createModel(s);
    const body = toBinary(
      proto.ForwardBackwardRequestSchema,
      create(proto.ForwardBackwardRequestSchema, {
        modelId: m,
        seqId: 1,
        lossFn: "cross_entropy",
        forwardOnly: true,
        data: [
          create(proto.DatumSchema, {
            modelInput: [
              create(proto.ChunkSchema, { chunk: { case: "image", value: create(proto.ImageChunkSchema, { data: new Uint8Array([1, 2, 3]), format: "png", expectedTokens: 2 }) } }),
              create(proto.ChunkSchema, { chunk: { case: "encodedText", value: create(proto.EncodedTextChunkSchema, { tokens: new Uint8Array(Int32Array.from([7]).buffer) }) } }),
            ],
            lossFnInputs: {
              target_tokens: create(proto.TensorSchema, { encoding: { case: "dense", value: new Uint8Array(BigInt64Array.from([1n, 2n, 3n]).buffer) }, dtype: proto.DType.DTYPE_INT64, shape: [3n] }),
            },
          }),
        ],
      }),
    );
    const res = await api.post("/api/v1/forward_backward", body, { "content-type": "application/x-protobuf" });
    expect(res.status).toBe(200);
    const { decodeFwdBwd } = await import("./helpers.js");
    const out = decodeFwdBwd(await api.resultProto(((await res.json()) as { request_id: string }).request_id));
    expect(out.logprobs[0]).toHaveLength(3);
  });
});
