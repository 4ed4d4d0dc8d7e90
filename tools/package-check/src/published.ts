import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface PublishedPackage {
  /** npm name, e.g. `@tinker-ts/client`. */
  readonly name: string;
  /** Directory inside the repository. */
  readonly dir: string;
  /**
   * Runtime names each entry point must export (entry point → names). Entry points that
   * only export types map to an empty list: they must still load.
   */
  readonly entryPoints: Readonly<Record<string, readonly string[]>>;
  /** Commands of its `bin` map: arguments of a harmless invocation and what it must print. */
  readonly bins?: Readonly<Record<string, { readonly args: readonly string[]; readonly prints: RegExp }>>;
}

/** Every package this repository publishes to npm. */
export const publishedPackages: readonly PublishedPackage[] = [
  {
    name: "@tinker-ts/types",
    dir: join(repoRoot, "packages", "types"),
    entryPoints: { ".": [], "./proto": [], "./schemas": ["componentSchemas"] },
  },
  {
    name: "@tinker-ts/client",
    dir: join(repoRoot, "packages", "client"),
    entryPoints: {
      ".": ["ServiceClient", "TrainingClient", "SamplingClient", "RestClient", "ModelInput", "TinkerError"],
      "./node": ["downloadCheckpoint"],
    },
  },
  {
    name: "@tinker-ts/emulator",
    dir: join(repoRoot, "packages", "emulator"),
    entryPoints: { ".": ["startEmulator"], "./testing": ["seedRun"] },
    bins: { "tinker-emulator": { args: ["--help"], prints: /usage: tinker-emulator/ } },
  },
  {
    name: "@tinker-ts/cli",
    dir: join(repoRoot, "packages", "cli"),
    entryPoints: { ".": ["main"] },
    bins: { "tinker-ts": { args: ["version"], prints: /tinker-ts \d+\.\d+\.\d+/ } },
  },
];

