// The emulator the CLI command tests share: started once per file, with two seeded runs and a
// scratch directory, and the environment that points the CLI at it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { seedRun as seedEmulatorRun, type SeedOptions, type SeededRun } from "@tinker-ts/emulator/testing";

export type { SeededRun };

export const KEY = "tml-cli-main-user-key";

/** A run seeded over plain HTTP; the CLI tests' runs have LoRA rank 4. */
export function seedRun(url: string, apiKey: string, options: SeedOptions): Promise<SeededRun> {
  return seedEmulatorRun(url, apiKey, { loraRank: 4, ...options });
}

export interface SeededEmulator {
  emulator: Emulator;
  /** A scratch directory, removed after the file's tests. */
  work: string;
  /** KEY's run with training checkpoints step-1, step-2 and sampler checkpoint final. */
  main: SeededRun;
  /** KEY's second run, with one training checkpoint "only". */
  second: SeededRun;
  /** The environment that points the CLI at the emulator with `apiKey`. */
  env(apiKey?: string): { TINKER_BASE_URL: string; TINKER_API_KEY: string };
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function useSeededEmulator(): SeededEmulator {
  const fixture = {
    env: (apiKey = KEY) => ({ TINKER_BASE_URL: fixture.emulator.url, TINKER_API_KEY: apiKey }),
  } as SeededEmulator;
  beforeAll(async () => {
    fixture.emulator = await startEmulator();
    fixture.work = await mkdtemp(join(tmpdir(), "tinker-cli-"));
    fixture.main = await seedRun(fixture.emulator.url, KEY, { training: ["step-1", "step-2"], sampler: ["final"] });
    fixture.second = await seedRun(fixture.emulator.url, KEY, { training: ["only"] });
  });
  afterAll(async () => {
    await fixture.emulator.close();
    await rm(fixture.work, { recursive: true, force: true });
  });
  return fixture;
}
