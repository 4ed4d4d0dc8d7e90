import { describe, expect, it } from "vitest";
import { RequestSequencer } from "../../src/training/sequencer.js";

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe("RequestSequencer", () => {
  it("reserves ids synchronously in call order", () => {
    const s = new RequestSequencer();
    expect([s.reserve(), s.reserve(3), s.reserve()]).toEqual([0, 1, 4]);
    expect(s.reservedCount).toBe(5);
  });

  it("submits in id order even when later ids are ready first", async () => {
    const s = new RequestSequencer();
    const ids = Array.from({ length: 20 }, () => s.reserve());
    const order: number[] = [];
    // Start the submits in reverse order; each takes a varying number of ticks.
    const done = [...ids].reverse().map((id) =>
      s.inTurn(id, async () => {
        order.push(id);
        for (let i = 0; i < (id * 7) % 3; i++) await tick();
        return id;
      }),
    );
    expect(await Promise.all(done)).toEqual([...ids].reverse());
    expect(order).toEqual(ids);
  });

  it("lets a range of ids submit together and holds the next id until all of them are done", async () => {
    const s = new RequestSequencer();
    const first = s.reserve(3);
    const next = s.reserve();
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const chunk = (i: number) =>
      s.inTurn(first, async () => {
        events.push(`start ${i}`);
        await gate;
        events.push(`end ${i}`);
      });
    const after = s.inTurn(next, async () => events.push("next"));
    const chunks = [chunk(1), chunk(2), chunk(0)];
    await tick();
    expect(events).toEqual(["start 1", "start 2", "start 0"]);
    release();
    await Promise.all([...chunks, after]);
    expect(events.at(-1)).toBe("next");
  });

  it("a failed submit still passes the turn on", async () => {
    const s = new RequestSequencer();
    const a = s.reserve();
    const b = s.reserve();
    const second = s.inTurn(b, async () => "b");
    await expect(s.inTurn(a, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(second).resolves.toBe("b");
  });

  it("a submit that throws synchronously rejects its call and still passes the turn on", async () => {
    const s = new RequestSequencer();
    const a = s.reserve();
    const b = s.reserve();
    const second = s.inTurn(b, async () => "b");
    const first = s.inTurn(a, () => {
      throw new Error("sync boom");
    });
    await expect(first).rejects.toThrow("sync boom");
    await expect(second).resolves.toBe("b");
  });

  it("poisoning wakes every waiter and refuses later requests instead of hanging on ids that will never be sent", async () => {
    const s = new RequestSequencer();
    s.reserve(2); // ids 0 and 1 will never be sent
    const waiting = s.inTurn(s.reserve(), async () => "never");
    s.poison(new Error("loss failed"));
    await expect(waiting).rejects.toThrow(/cannot send more requests/);
    await expect(s.inTurn(s.reserve(), async () => "later")).rejects.toMatchObject({ cause: new Error("loss failed") });
  });
});
