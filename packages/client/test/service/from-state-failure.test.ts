// A from-state load that fails must leave nothing running: no client, no polling, no timer after close.
import { describe, expect, it } from "vitest";
import { RequestFailedError, TinkerError, ValidationError } from "../../src/core/errors.js";
import { BASE_MODEL, startHarness } from "../training/emulator-harness.js";

/** Handles that keep the process alive (ref'd timers, sockets, servers): what a leak would leave behind. */
const liveHandles = () => process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap" && r !== "FSReqCallback").length;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ["create-via-load", true],
  ["legacy", false],
])("a failed from-state load (%s)", (_label, viaLoad) => {
  it("rejects with a typed error and leaks no polling, client or timer", async () => {
    const baseline = liveHandles();
    const h = await startHarness({ clientConfig: { create_model_via_load_weights: viaLoad } });
    const sessionId = await h.service.sessionId();
    const missing = `tinker://${sessionId}:train:77/weights/never-saved`;

    for (const load of [
      () => h.service.createTrainingClientFromState(missing),
      () => h.service.createTrainingClientFromStateWithOptimizer(missing),
    ]) {
      const error = await load().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TinkerError);
      expect(error).not.toBeInstanceOf(ValidationError);
    }
    // Nothing keeps talking to the service for the failed loads.
    const afterFailure = h.sent.filter((r) => r.path !== "/api/v1/session_heartbeat").length;
    await settle(300);
    expect(h.sent.filter((r) => r.path !== "/api/v1/session_heartbeat").length).toBe(afterFailure);

    // The service client is still usable. Create-via-load took a model_seq_id per attempt (as Python);
    // the legacy flow failed at weights_info, before creating a model.
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2 });
    expect(tc.modelId).toBe(`${sessionId}:train:${viaLoad ? 2 : 0}`);

    await h.close();
    await settle(20);
    expect(liveHandles()).toBeLessThanOrEqual(baseline);
  });

  it("a load the service fails (after weights_info/create_model in the legacy flow) returns no client and stops", async () => {
    const baseline = liveHandles();
    const h = await startHarness({ clientConfig: { create_model_via_load_weights: viaLoad }, faults: [{ path: "/api/v1/load_weights", fault: "fail=user" }] });
    const source = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2, seed: 1 });
    const { path } = await source.saveState("good");
    const error = await h.service.createTrainingClientFromStateWithOptimizer(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestFailedError);
    expect((error as RequestFailedError).category).toBe("user");
    expect(h.to("/api/v1/create_model")).toHaveLength(viaLoad ? 1 : 2);
    const afterFailure = h.sent.filter((r) => r.path !== "/api/v1/session_heartbeat").length;
    await settle(300);
    expect(h.sent.filter((r) => r.path !== "/api/v1/session_heartbeat").length).toBe(afterFailure);
    await h.close();
    await settle(20);
    expect(liveHandles()).toBeLessThanOrEqual(baseline);
  });

  it("refuses a sampler_weights path before sending anything", async () => {
    const h = await startHarness({ clientConfig: { create_model_via_load_weights: viaLoad } });
    try {
      await expect(h.service.createTrainingClientFromState("tinker://r/sampler_weights/x")).rejects.toThrow(ValidationError);
      await expect(h.service.createTrainingClientFromStateWithOptimizer("tinker://r/weights/a/b")).rejects.toThrow(/invalid tinker path/);
      expect(h.sent).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
