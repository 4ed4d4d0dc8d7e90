// The sampling backpressure protocol against the emulator: a 429 on asample is not an error but a
// session-wide pause, after which the very same request (same seq_id) is sent again.
import { describe, expect, it } from "vitest";
import { DeadlineExceededError } from "../../src/core/errors.js";
import { ModelInput } from "../../src/data/index.js";
import { BASE_MODEL, startHarness } from "../training/emulator-harness.js";

describe("sampling backpressure", () => {
  it("429s pause sampling and re-send the identical request, which then succeeds", async () => {
    const h = await startHarness({ faults: [{ method: "POST", path: "/api/v1/asample", fault: "status=429", times: 2 }] });
    try {
      const sc = await h.service.createSamplingClient({ baseModel: BASE_MODEL });
      const res = await sc.sample(ModelInput.fromInts([1, 2, 3]), { samplingParams: { max_tokens: 2, seed: 1 } });
      expect(res.sequences).toHaveLength(1);
      const sends = h.to("/api/v1/asample");
      expect(sends).toHaveLength(3);
      expect(new Set(sends.map((r) => r.text)).size).toBe(1);
      expect(JSON.parse(sends[0]!.text)).toMatchObject({ seq_id: 0 });
    } finally {
      await h.close();
    }
  });

  it("a sample whose future expired (410) is submitted again as a new attempt with a new seq_id", async () => {
    const h = await startHarness({ faults: [{ method: "POST", path: "/api/v1/retrieve_future", fault: "expire", times: 1 }] });
    try {
      const sc = await h.service.createSamplingClient({ baseModel: BASE_MODEL });
      const res = await sc.sample(ModelInput.fromInts([4, 5]), { samplingParams: { max_tokens: 2, seed: 2 } });
      expect(res.sequences).toHaveLength(1);
      const seqIds = h.to("/api/v1/asample").map((r) => (JSON.parse(r.text) as { seq_id: number }).seq_id);
      expect(seqIds).toEqual([0, 1]);
      // …and the next call continues the counter.
      await sc.sample(ModelInput.fromInts([4, 5]), { samplingParams: { max_tokens: 1 } });
      expect(JSON.parse(h.to("/api/v1/asample").at(-1)!.text)).toMatchObject({ seq_id: 2 });
    } finally {
      await h.close();
    }
  });

  it.each([
    ["enabled", true],
    ["disabled", false],
  ])("a sample abandoned after submission is cancelled on the service when the dynamic config says so (%s)", async (_label, enabled) => {
    const h = await startHarness({
      faultFor: (headers) => (headers["x-tinker-request-type"] === "Sample" ? "stall=800;times=1" : undefined),
      rewriteJson: (path, body) => (path === "/api/v1/client/dynamic_config" ? { ...body, sample_cancel_enabled: enabled } : body),
    });
    try {
      const sc = await h.service.createSamplingClient({ baseModel: BASE_MODEL });
      const sampling = sc.sample(ModelInput.fromInts([1]), { samplingParams: { max_tokens: 1 }, timeout: 200 });
      const { requestId } = await sampling.submitted;
      await expect(sampling).rejects.toBeInstanceOf(DeadlineExceededError);
      // A later sample's round trip is enough for a cancel sent at abandonment to have been recorded.
      await sc.sample(ModelInput.fromInts([1]), { samplingParams: { max_tokens: 1 } });
      expect(h.to("/api/v1/cancel_future").map((r) => r.text)).toEqual(enabled ? [`{"request_id":"${requestId}"}`] : []);
    } finally {
      await h.close();
    }
  });

  it("with sample_use_retrieve_futures, samples wait on the session's retrieve_futures long-poll and are acknowledged after fetching", async () => {
    const h = await startHarness({ clientConfig: { sample_use_retrieve_futures: true } });
    try {
      const sc = await h.service.createSamplingClient({ baseModel: BASE_MODEL });
      const first = sc.sample(ModelInput.fromInts([1, 2]), { numSamples: 2, samplingParams: { max_tokens: 2, seed: 1 } });
      const second = sc.sample(ModelInput.fromInts([3]), { samplingParams: { max_tokens: 1 } });
      const [a, b] = await Promise.all([first, second]);
      expect(a.sequences).toHaveLength(2);
      expect(b.sequences).toHaveLength(1);
      await sc.sample(ModelInput.fromInts([4]), { samplingParams: { max_tokens: 1 } });
      const polls = h.to("/api/v1/retrieve_futures").map((r) => JSON.parse(r.text) as { target: unknown; prev_cursor: number; retrieved_request_ids: string[] });
      expect(polls.length).toBeGreaterThan(0);
      expect(h.to("/api/v1/retrieve_futures")[0]?.text).toBe(
        `{"target":{"type":"sampling_session","sampling_session_id":"${sc.samplingSessionId}","cloned_sampler_id":0},"prev_cursor":0,"retrieved_request_ids":[]}`,
      );
      // The first two results were fetched and then acknowledged by a later poll.
      const acked = polls.flatMap((p) => p.retrieved_request_ids);
      expect(acked).toEqual(expect.arrayContaining([(await first.submitted).requestId, (await second.submitted).requestId]));
      // Each payload is fetched once, after the poller reported it with its size, so (like Python
      // 0.38.0) the fetch skips the metadata-only peek.
      const fetches = h.to("/api/v1/retrieve_future").map((r) => JSON.parse(r.text) as { allow_metadata_only: boolean });
      expect(fetches.map((f) => f.allow_metadata_only)).toEqual([false, false, false]);
    } finally {
      await h.close();
    }
  });
});
