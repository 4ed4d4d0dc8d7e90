import { describe, expect, it } from "vitest";
import { Sequencer } from "../src/state/sequencer.js";

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("Sequencer", () => {
  it("runs operations in seq_id order whatever the arrival order", async () => {
    const sequencer = new Sequencer(1, 60_000);
    const ran: number[] = [];
    for (const seq of [3, 1, 4, 2]) sequencer.submit(seq, `r${seq}`, async () => void ran.push(seq));
    await flush();
    expect(ran).toEqual([1, 2, 3, 4]);
    expect(sequencer.duplicateOf(3)).toBe("r3");
    sequencer.close();
  });

  it("waits for a missing seq_id, then skips the gap after the timeout", async () => {
    const sequencer = new Sequencer(1, 20);
    const ran: number[] = [];
    sequencer.submit(2, "r2", async () => void ran.push(2));
    await flush();
    expect(ran).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ran).toEqual([2]);
    expect(sequencer.isStale(1)).toBe(true);
    sequencer.close();
  });

  it("a released seq_id lets the next one run at once, and a later request with it runs right away", async () => {
    const sequencer = new Sequencer(1, 60_000);
    const ran: number[] = [];
    sequencer.submit(2, "r2", async () => void ran.push(2));
    sequencer.release(1);
    await flush();
    expect(ran).toEqual([2]);
    expect(sequencer.isStale(1)).toBe(false);
    sequencer.submit(1, "r1", async () => void ran.push(1));
    await flush();
    expect(ran).toEqual([2, 1]);
    sequencer.close();
  });

  it("forgets duplicates older than its window", async () => {
    const sequencer = new Sequencer(1, 60_000);
    for (let seq = 1; seq <= 5000; seq++) sequencer.submit(seq, `r${seq}`, async () => undefined);
    await flush();
    expect(sequencer.duplicateOf(1)).toBeUndefined();
    expect(sequencer.duplicateOf(5000)).toBe("r5000");
    sequencer.close();
  });
});
