/**
 * A future's cancellation is a CancelSource (no AbortSignal per future): the package's transports
 * wait on it directly, any other transport still gets a real AbortSignal, and both are aborted when
 * the future is cancelled or the client closes.
 */
import { describe, expect, it } from "vitest";
import { CancelSource, onAbort, onAnyAbort } from "../../src/core/abort-fanout.js";
import { AbortError, BillingPause, Deadline, HttpEngine, resolveClientOptions, submitFuture, type Logger } from "../../src/core/index.js";
import { abortSourceOf, acceptsCancelSource, boundRequest, takesCancelSource } from "../../src/transport/abort-source.js";
import type { Transport, TransportRequest, TransportResponse } from "../../src/transport/types.js";

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("CancelSource", () => {
  it("aborts once, with the first reason, and runs its waiters once", async () => {
    const source = new CancelSource();
    const seen: unknown[] = [];
    onAbort(source, (s) => seen.push(s.reason));
    const off = onAbort(source, () => seen.push("removed"));
    off();
    source.abort("first");
    source.abort("second");
    expect(source.aborted).toBe(true);
    expect(source.reason).toBe("first");
    expect(seen).toEqual(["first"]);
    // A waiter added after the abort runs on a later turn.
    onAbort(source, (s) => seen.push(`late ${String(s.reason)}`));
    expect(seen).toEqual(["first"]);
    await flush();
    expect(seen).toEqual(["first", "late first"]);
  });

  it("follows its links (at any depth) until unlinked, and starts aborted when a link has", () => {
    const close = new AbortController();
    const caller = new AbortController();
    const future = new CancelSource([caller.signal, close.signal]);
    const exchange = new CancelSource([future]);
    expect(exchange.follows(close.signal)).toBe(true);
    expect(future.follows(new AbortController().signal)).toBe(false);
    close.abort("closed");
    expect(future.reason).toBe("closed");
    expect(exchange.reason).toBe("closed");

    const unlinked = new CancelSource([caller.signal]);
    unlinked.unlink();
    caller.abort("late");
    expect(unlinked.aborted).toBe(false);

    expect(new CancelSource([caller.signal]).reason).toBe("late");
  });

  it("makes a real AbortSignal only on request, aborted with it", () => {
    const source = new CancelSource();
    const signal = source.signal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(source.signal).toBe(signal);
    source.abort("gone");
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("gone");
    const already = new CancelSource();
    already.abort("before");
    expect(already.signal.reason).toBe("before");
  });

  it("onAnyAbort mixes signals and sources", () => {
    const controller = new AbortController();
    const source = new CancelSource();
    const seen: unknown[] = [];
    onAnyAbort([controller.signal, source], (s) => seen.push(s.reason));
    source.abort("s");
    controller.abort("c");
    expect(seen).toEqual(["s"]);
  });
});

describe("Deadline with a future's CancelSource", () => {
  it("does not add a signal the source already follows, so exchanges pass the source through", () => {
    const close = new AbortController();
    const source = new CancelSource([close.signal]);
    const bounded = Deadline.from(undefined, undefined, close.signal).withLinkedSignal(source);
    const nested = Deadline.from(undefined, bounded, close.signal);
    expect(nested.signals).toEqual([source]);
    expect(nested.exchange(1_000).signal).toBe(source);
    const other = new AbortController();
    const merged = Deadline.from({ signal: other.signal }, bounded).exchange(1_000);
    expect(merged.signal).toBeInstanceOf(CancelSource);
    other.abort("other");
    expect(merged.signal!.reason).toBe("other");
    merged.dispose();
  });
});

describe("exchanges bounded by a CancelSource", () => {
  const response: TransportResponse = { status: 200, headers: { get: () => "application/json", entries: () => [] }, body: new Uint8Array(), text: () => "" };

  it("boundRequest passes a signal as is, a source to aware transports, and a real signal to others", () => {
    const plain: Transport = () => Promise.resolve(response);
    const aware = acceptsCancelSource((() => Promise.resolve(response)) as Transport);
    expect(takesCancelSource(aware)).toBe(true);
    expect(takesCancelSource(plain)).toBe(false);
    const request = (t: Transport, source: Parameters<typeof boundRequest>[7]) => boundRequest(takesCancelSource(t), "POST", "http://x/", {}, "{}", 1_000, "follow", source);
    const controller = new AbortController();
    expect(request(plain, controller.signal).signal).toBe(controller.signal);
    expect(request(aware, controller.signal).signal).toBe(controller.signal);
    const source = new CancelSource();
    const toAware = request(aware, source);
    expect(toAware.signal).toBeUndefined();
    expect(abortSourceOf(toAware)).toBe(source);
    const toPlain = request(plain, source);
    expect(toPlain.signal).toBe(source.signal);
    expect(abortSourceOf(toPlain)).toBe(source.signal);
  });

  for (const kind of ["aware", "plain"] as const) {
    it(`a ${kind} transport's poll is aborted when result({ signal }) gives up`, async () => {
      const seen: TransportRequest[] = [];
      const inner: Transport = (req) => {
        seen.push(req);
        if (req.url.endsWith("/save_weights")) return Promise.resolve({ ...response, text: () => '{"request_id":"r"}', body: new TextEncoder().encode('{"request_id":"r"}') });
        return new Promise((_, reject) => {
          const source = abortSourceOf(req)!;
          onAbort(source, (s) => reject(s.reason));
        });
      };
      const transport = kind === "aware" ? acceptsCancelSource(inner) : inner;
      const options = resolveClientOptions({ apiKey: "tml-test", baseUrl: "http://127.0.0.1:1", env: {}, logLevel: "off", transport });
      const close = new AbortController();
      const http = new HttpEngine(options, { token: () => options.apiKey }, close.signal);
      const future = submitFuture(
        { http, billing: new BillingPause(() => 0, silent), logger: silent },
        {
          requestType: "SaveWeights",
          resultFormat: "json",
          decode: (p) => p,
          submit: (deadline) => http.request<{ request_id: string }>({ method: "POST", path: "/api/v1/save_weights", body: "{}" }, { deadline, maxRetries: 0 }).then((r) => r.data),
        },
      );
      await future.submitted;
      await flush();
      const poll = seen[1]!;
      if (kind === "aware") expect(poll.signal).toBeUndefined();
      else expect(poll.signal).toBeInstanceOf(AbortSignal);
      const giveUp = new AbortController();
      const waiting = future.result({ signal: giveUp.signal });
      giveUp.abort();
      await expect(waiting).rejects.toBeInstanceOf(AbortError);
      await expect(future).rejects.toBeInstanceOf(AbortError);
      expect(abortSourceOf(poll)!.aborted).toBe(true);
    });
  }
});
