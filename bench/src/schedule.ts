/**
 * The order in which drivers run: A B C D, D C B A, A B C D, … Every driver runs once per round, and
 * the order reverses every other round, so a drift during the run (a machine or server still warming
 * up, or slowing down) favours no driver: with one fixed order, the driver always measured last in a
 * round would gain (or lose) against the first in every round alike.
 */

export interface Slot<D> {
  round: number;
  driver: D;
}

export function interleave<D>(drivers: readonly D[], rounds: number): Slot<D>[] {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  const slots: Slot<D>[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? drivers : [...drivers].reverse();
    for (const driver of order) slots.push({ round, driver });
  }
  return slots;
}

/** Runs `measure` over the interleaved schedule; returns one list of per-round values per driver. */
export async function runInterleaved<D extends string, V>(
  drivers: readonly D[],
  rounds: number,
  measure: (driver: D, round: number) => Promise<V>,
): Promise<Record<D, V[]>> {
  const out = Object.fromEntries(drivers.map((d) => [d, [] as V[]])) as Record<D, V[]>;
  for (const { driver, round } of interleave(drivers, rounds)) {
    out[driver].push(await measure(driver, round));
  }
  return out;
}
