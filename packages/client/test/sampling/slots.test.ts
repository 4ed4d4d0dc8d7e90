import { describe, expect, it } from "vitest";
import { Deadline } from "../../src/core/deadline.js";
import { AbortError } from "../../src/core/errors.js";
import { Slots } from "../../src/sampling/slots.js";

describe("Slots", () => {
  it("lets `size` holders in, queues the rest in order, and hands slots on as they are released", async () => {
    const slots = new Slots(2);
    const none = Deadline.none();
    const a = await slots.acquire(none);
    const b = await slots.acquire(none);
    const order: string[] = [];
    const c = slots.acquire(none).then((r) => (order.push("c"), r));
    const d = slots.acquire(none).then((r) => (order.push("d"), r));
    expect(slots.available).toBe(0);
    a();
    a(); // releasing twice gives back one slot only
    const releaseC = await c;
    b();
    const releaseD = await d;
    expect(order).toEqual(["c", "d"]);
    releaseC();
    releaseD();
    expect(slots.available).toBe(2);
  });

  it("a waiter that gives up never takes a slot", async () => {
    const slots = new Slots(1);
    const hold = await slots.acquire(Deadline.none());
    const controller = new AbortController();
    const waiting = slots.acquire(Deadline.from({ signal: controller.signal }));
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    hold();
    expect(slots.available).toBe(1);
  });
});
