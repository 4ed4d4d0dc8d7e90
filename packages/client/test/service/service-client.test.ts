import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, APIStatusError, ValidationError } from "../../src/core/errors.js";
import { ModelInput } from "../../src/data/index.js";
import { ServiceClient } from "../../src/service/service-client.js";
import { BASE_MODEL, startHarness, type Harness } from "../training/emulator-harness.js";

describe("ServiceClient", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("checks options in the constructor and arguments before any request", async () => {
    expect(() => new ServiceClient({ apiKey: "not-a-key", baseUrl: h.emulator.url })).toThrow(ValidationError);
    const requests = () => h.sent.filter((r) => r.path !== "/api/v1/session_heartbeat").length;
    const before = requests();
    await expect(h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 0 })).rejects.toMatchObject({ name: "ValidationError", field: "rank" });
    await expect(h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, trainMlp: false, trainAttn: false, trainUnembed: false })).rejects.toThrow(
      /at least one of trainMlp, trainAttn or trainUnembed/,
    );
    await expect(h.service.createLoraTrainingClient({ baseModel: "" })).rejects.toMatchObject({ field: "baseModel" });
    await expect(h.service.createSamplingClient({} as never)).rejects.toThrow(/exactly one of modelPath or baseModel/);
    expect(requests()).toBe(before);
  });

  it("getServerCapabilities lists the service's models", async () => {
    const caps = await h.service.getServerCapabilities();
    expect(caps.supported_models.map((m) => m.model_name)).toContain(BASE_MODEL);
  });

  it("createRestClient gives a working RestClient that lists this session's checkpoints", async () => {
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2 });
    const { path } = await tc.saveState("listed");
    const rest = h.service.createRestClient();
    const list = await rest.listCheckpoints(tc.modelId);
    expect(list.checkpoints.map((c) => c.tinker_path)).toContain(path);
    expect(tc.getConsoleUrl()).toBe(`https://tinker.thinkingmachines.ai/training_runs/${tc.modelId}`);
    expect(h.service.getConsoleUrl()).toBe(`https://tinker.thinkingmachines.ai/sessions/${await h.service.sessionId()}`);
  });

  it("every request made inside a public method names it in x-sdk-method, as tinker 0.38.0 does", async () => {
    const from = h.sent.length;
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2 });
    await tc.saveState("named");
    const sc = await tc.saveWeightsAndGetSamplingClient();
    await sc.sample(ModelInput.fromInts([1, 2]), { samplingParams: { max_tokens: 1 } });
    const methods = h.sent
      .slice(from)
      .filter((r) => r.path !== "/api/v1/session_heartbeat")
      .map((r) => `${r.path} ${r.headers["x-sdk-method"]} ${r.headers["x-sdk-version"]}`)
      .filter((line, i, all) => line !== all[i - 1]); // a poll may repeat
    expect(methods).toEqual([
      "/api/v1/create_model ServiceClient.create_lora_training_client 0.38.0",
      "/api/v1/retrieve_future ServiceClient.create_lora_training_client 0.38.0",
      "/api/v1/get_info ServiceClient.create_lora_training_client 0.38.0",
      "/api/v1/save_weights TrainingClient.save_state 0.38.0",
      "/api/v1/retrieve_future TrainingClient.save_state 0.38.0",
      "/api/v1/save_weights_for_sampler TrainingClient.save_weights_and_get_sampling_client 0.38.0",
      "/api/v1/retrieve_future TrainingClient.save_weights_and_get_sampling_client 0.38.0",
      "/api/v1/asample SamplingClient.sample 0.38.0",
      "/api/v1/retrieve_future SamplingClient.sample 0.38.0",
    ]);
  });

  it("saveWeightsExternal sends tinker 0.38.0's body (the emulator has no such route: a typed error)", async () => {
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2 });
    await expect(tc.saveWeightsExternal("hf", { ttlSeconds: 7200 })).rejects.toBeInstanceOf(APIStatusError);
    expect(h.to("/api/v1/save_weights_external").map((r) => r.text)).toEqual([
      `{"model_id":"${tc.modelId}","path":"hf","seq_id":1,"ttl_seconds":7200,"type":"save_weights_external"}`,
    ]);
    expect(() => tc.saveWeightsExternal("x", { ageEncryptionRecipients: Array.from({ length: 11 }, () => "age1") })).toThrow(ValidationError);
  });

  it("getInfo answers from what was fetched at creation", async () => {
    const tc = await h.service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 3 });
    const before = h.to("/api/v1/get_info").length;
    const info = await tc.getInfo();
    expect(info).toMatchObject({ model_id: tc.modelId, lora_rank: 3, model_data: { model_name: BASE_MODEL } });
    expect(h.to("/api/v1/get_info").length).toBe(before);
    expect(h.to("/api/v1/get_info").at(-1)?.text).toBe(`{"model_id":"${tc.modelId}","type":"get_info"}`);
  });

  it("close finishes the session, is idempotent, and later calls reject with AbortError", async () => {
    const other = await startHarness();
    const service = other.service;
    await service.createSamplingClient({ baseModel: BASE_MODEL });
    await service.close();
    await service.close();
    const finishes = other.sent.filter((r) => /\/api\/v1\/sessions\/[^/]+\/finish$/.test(r.path));
    expect(finishes.map((r) => r.text)).toEqual(['{"reason":{"type":"success"},"detail":null}']);
    await expect(service.createLoraTrainingClient({ baseModel: BASE_MODEL })).rejects.toBeInstanceOf(AbortError);
    expect(() => service.createRestClient()).toThrow(AbortError);
    await other.emulator.close();
  });

  it("supports await using", async () => {
    const other = await startHarness();
    {
      await using service = other.service;
      await service.sessionId();
    }
    expect(other.sent.some((r) => r.path.endsWith("/finish"))).toBe(true);
    await other.emulator.close();
  });
});
