/**
 * Many calls in flight share the client's close signal: they must not pile listeners onto it
 * (Node's MaxListenersExceededWarning past ten), and closing must still reject every one of them.
 */
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, Deadline } from "../../src/core/index.js";
import { ServiceClient } from "../../src/service/service-client.js";
import { createNodeTransport } from "../../src/transport/node.js";

const CALLS = 1_000;
const BASE_MODEL = "Qwen/Qwen3-8B";
const node = createNodeTransport();
let emulator: Emulator;
beforeAll(async () => {
  // The first save never gets an answer, so every later one waits for its turn in the sequencer.
  emulator = await startEmulator({ port: 0, faults: [{ path: "/api/v1/save_weights", fault: "stall" }] });
});
afterAll(async () => {
  await emulator.close();
  node.destroy();
});

async function collectingWarnings<T>(run: () => Promise<T>): Promise<{ result: T; warnings: Error[] }> {
  const warnings: Error[] = [];
  const onWarning = (w: Error): void => {
    warnings.push(w);
  };
  process.on("warning", onWarning);
  try {
    const result = await run();
    // Warnings are delivered on a later tick.
    await new Promise((r) => setImmediate(r));
    return { result, warnings };
  } finally {
    process.off("warning", onWarning);
  }
}

describe("the close signal under many concurrent calls", () => {
  it(`${CALLS} queued saveState calls add no listener per call, and close rejects them all`, async () => {
    const service = new ServiceClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, transport: node, logLevel: "off" });
    const tc = await service.createLoraTrainingClient({ baseModel: BASE_MODEL, rank: 2 });
    const { result: outcomes, warnings } = await collectingWarnings(async () => {
      const futures = Array.from({ length: CALLS }, (_, i) => tc.saveState(`ckpt-${i}`));
      const settled = Promise.allSettled(futures.map((f) => f.result()));
      await new Promise((r) => setTimeout(r, 50));
      await service.close();
      return settled;
    });
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    expect(outcomes).toHaveLength(CALLS);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AbortError);
    }
  });

  it("races on one shared signal stay listener-free per call and all reject on abort", async () => {
    const shared = new AbortController();
    const { result: outcomes, warnings } = await collectingWarnings(async () => {
      const races = Array.from({ length: CALLS }, () => Deadline.from({ signal: shared.signal }, undefined, new AbortController().signal).race(new Promise(() => {})));
      const settled = Promise.allSettled(races);
      shared.abort();
      return settled;
    });
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof AbortError)).toBe(true);
  });
});
