import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, APITimeoutError, Deadline, DeadlineExceededError } from "../../src/core/index.js";
import { TransportTimeoutError } from "../../src/transport/types.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("Deadline", () => {
  it("nests: the tighter time bound wins and every signal applies", () => {
    vi.useFakeTimers();
    const outer = new AbortController();
    const parent = Deadline.from({ timeout: 1_000, signal: outer.signal });
    const child = Deadline.from({ timeout: 5_000 }, parent);
    expect(child.remaining()).toBe(1_000);
    expect(child.timeoutMs).toBe(1_000);
    expect(Deadline.from({ timeout: 10 }, parent).remaining()).toBe(10);
    outer.abort();
    expect(() => child.check()).toThrow(AbortError);
  });

  it("sleep rejects at once when the deadline would pass first, carrying the last error", async () => {
    vi.useFakeTimers();
    const d = Deadline.from({ timeout: 100 });
    const last = new Error("503");
    const err = await d.sleep(500, last).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect((err as Error).cause).toBe(last);
    const ok = d.sleep(50);
    await vi.advanceTimersByTimeAsync(50);
    await expect(ok).resolves.toBeUndefined();
  });

  it("exchange passes one signal through, merges several, and classifies timeouts", () => {
    const a = new AbortController();
    const b = new AbortController();
    const one = Deadline.from({ signal: a.signal }).exchange(1_000);
    expect(one.signal).toBe(a.signal);
    expect(one.timeoutMs).toBe(1_000);
    expect(one.classify(new TransportTimeoutError(1_000))).toBeInstanceOf(APITimeoutError);
    expect(one.classify(new TransportTimeoutError(1_000))).not.toBeInstanceOf(DeadlineExceededError);
    expect(one.classify(new Error("ECONNRESET"))).toBeUndefined();

    const two = Deadline.from({ signal: a.signal, timeout: 50 }, undefined, b.signal).exchange(1_000);
    expect(two.signal).not.toBe(a.signal);
    expect(two.timeoutMs).toBeLessThanOrEqual(50);
    expect(two.classify(new TransportTimeoutError(50))).toBeInstanceOf(DeadlineExceededError);
    b.abort();
    expect(two.signal!.aborted).toBe(true);
    expect(two.classify(new Error("aborted"))).toBeInstanceOf(AbortError);
    two.dispose();
    expect(Deadline.none().exchange(undefined)).toMatchObject({ signal: undefined, timeoutMs: undefined });
  });

  it("race settles with the promise, or rejects on abort / deadline", async () => {
    await expect(Deadline.none().race(Promise.resolve(3))).resolves.toBe(3);
    const c = new AbortController();
    const pending = Deadline.from({ signal: c.signal }).race(new Promise(() => {}));
    c.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    vi.useFakeTimers();
    const timed = Deadline.from({ timeout: 20 }).race(new Promise(() => {}));
    timed.catch(() => {});
    await vi.advanceTimersByTimeAsync(25);
    await expect(timed).rejects.toBeInstanceOf(DeadlineExceededError);
  });
});
