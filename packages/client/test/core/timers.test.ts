import { expect, test } from "vitest";
import { unrefTimeout } from "../../src/core/timers.js";

test("a delay beyond the timer range waits instead of overflowing into an immediate call", async () => {
  let fired = false;
  const tenYears = 10 * 365 * 24 * 3600 * 1000;
  const timer = unrefTimeout(() => {
    fired = true;
  }, tenYears);
  await new Promise((resolve) => setTimeout(resolve, 50));
  clearTimeout(timer);
  expect(fired).toBe(false);
});
