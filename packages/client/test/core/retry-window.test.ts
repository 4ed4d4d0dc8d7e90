import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  APIConnectionError,
  APIStatusError,
  BadRequestError,
  BillingError,
  Deadline,
  DeadlineExceededError,
  InternalServerError,
  withRetryWindow,
  BillingPause,
  type Logger,
} from "../../src/core/index.js";

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(errors: (unknown | "ok")[]): { attempt: () => Promise<string>; times: number[] } {
  const times: number[] = [];
  const start = Date.now();
  let i = 0;
  return {
    times,
    attempt: async () => {
      times.push(Date.now() - start);
      const e = errors[Math.min(i++, errors.length - 1)];
      if (e === "ok") return "ok";
      throw e;
    },
  };
}

const e503 = () => new InternalServerError(503, "busy");

describe("withRetryWindow (Python execute_with_retries)", () => {
  it("sleeps min(2^n, 30) s between attempts", async () => {
    const r = recorder([e503(), e503(), e503(), e503(), e503(), e503(), e503(), "ok"]);
    const p = withRetryWindow(r.attempt, { deadline: Deadline.none(), billing: new BillingPause(() => 3_600_000, silent), logger: silent });
    await vi.advanceTimersByTimeAsync(200_000);
    await expect(p).resolves.toBe("ok");
    expect(r.times).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 61_000, 91_000]);
  });

  it.each([
    ["408", new APIStatusError(408, "x")],
    ["409", new APIStatusError(409, "x")],
    ["429", new APIStatusError(429, "x")],
    ["500", new InternalServerError(500, "x")],
    ["connection", new APIConnectionError()],
  ])("retries %s", async (_, error) => {
    const r = recorder([error, "ok"]);
    const p = withRetryWindow(r.attempt, { deadline: Deadline.none(), billing: new BillingPause(() => 0, silent), logger: silent });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(p).resolves.toBe("ok");
    expect(r.times).toHaveLength(2);
  });

  it.each([
    ["400", new BadRequestError(400, "x")],
    ["404", new APIStatusError(404, "x")],
    ["a plain Error", new Error("bug")],
    ["an abort", new AbortError()],
    ["a deadline", new DeadlineExceededError(5)],
  ])("does not retry %s", async (_, error) => {
    const r = recorder([error, "ok"]);
    await expect(withRetryWindow(r.attempt, { deadline: Deadline.none(), billing: new BillingPause(() => 0, silent), logger: silent })).rejects.toBe(error);
    expect(r.times).toHaveLength(1);
  });

  it("gives up after the 300 s window, shortening the last sleep to the window's end", async () => {
    const r = recorder([e503()]);
    const p = withRetryWindow(r.attempt, { deadline: Deadline.none(), billing: new BillingPause(() => 0, silent), logger: silent });
    p.catch(() => {});
    await vi.advanceTimersByTimeAsync(400_000);
    await expect(p).rejects.toBeInstanceOf(InternalServerError);
    expect(r.times.at(-1)).toBe(300_000);
    expect(r.times.at(-2)).toBe(271_000);
  });

  it("pauses on 402 every 5 s without counting, then gives up after the billing window", async () => {
    const r = recorder([new BillingError(402, "pay"), new BillingError(402, "pay"), e503(), "ok"]);
    const p = withRetryWindow(r.attempt, { deadline: Deadline.none(), billing: new BillingPause(() => 3_600_000, silent), logger: silent });
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(p).resolves.toBe("ok");
    // 402, 402 (+5 s each), then 503 → first backoff is still 1 s (402s did not count).
    expect(r.times).toEqual([0, 5_000, 10_000, 11_000]);

    const warn = vi.fn();
    const billing = new BillingPause(() => 12_000, { ...silent, warn });
    const r2 = recorder([new BillingError(402, "pay")]);
    const p2 = withRetryWindow(r2.attempt, { deadline: Deadline.none(), billing, logger: silent });
    p2.catch(() => {});
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(p2).rejects.toBeInstanceOf(BillingError);
    expect(r2.times).toEqual([0, 5_000, 10_000, 15_000]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("is bounded by the deadline: rejects at once when the next sleep would pass it", async () => {
    const r = recorder([e503()]);
    const deadline = Deadline.from({ timeout: 2_500 });
    const p = withRetryWindow(r.attempt, { deadline, billing: new BillingPause(() => 0, silent), logger: silent });
    p.catch(() => {});
    await vi.advanceTimersByTimeAsync(1_000);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect((err as Error).cause).toBeInstanceOf(InternalServerError);
    expect(r.times).toEqual([0, 1_000]);
  });

  it("aborts during a backoff sleep", async () => {
    const r = recorder([e503()]);
    const controller = new AbortController();
    const p = withRetryWindow(r.attempt, { deadline: Deadline.from({ signal: controller.signal }), billing: new BillingPause(() => 0, silent), logger: silent });
    p.catch(() => {});
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(r.times).toEqual([0]);
  });
});
