import { describe, expect, it } from "vitest";
import { APIFuture } from "../../src/core/api-future.js";

function part<T>(value: Promise<T>, requestId: string, cancelled: unknown[]): APIFuture<T> {
  return new APIFuture(Promise.resolve({ requestId, modelId: undefined }), value, (reason) => cancelled.push([requestId, reason]));
}

describe("APIFuture.combine", () => {
  for (const n of [1, 3]) {
    it(`${n} part(s): submitted with the first part's ids, the combined result, cancel reaching every part`, async () => {
      const cancelled: unknown[] = [];
      const parts = Array.from({ length: n }, (_, i) => part(Promise.resolve(i + 1), `r${i}`, cancelled));
      const combined = APIFuture.combine(parts, (results) => results.reduce((a, b) => a + b, 0));
      await expect(combined.submitted).resolves.toEqual({ requestId: "r0", modelId: undefined });
      await expect(combined).resolves.toBe((n * (n + 1)) / 2);
      const never = APIFuture.combine(
        Array.from({ length: n }, (_, i) => part(new Promise<number>(() => {}), `p${i}`, cancelled)),
        (results) => results.length,
      );
      const giveUp = new AbortController();
      const waiting = never.result({ signal: giveUp.signal });
      giveUp.abort();
      await expect(waiting).rejects.toThrow(/aborted/);
      expect(cancelled.map((c) => (c as [string])[0])).toEqual(Array.from({ length: n }, (_, i) => `p${i}`));
    });
  }

  it("a failing part fails the combined future", async () => {
    const failed = APIFuture.combine([part(Promise.reject(new Error("boom")), "r", [])], (r) => r);
    await expect(failed).rejects.toThrow("boom");
  });
});
