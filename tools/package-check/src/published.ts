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
      ".": ["ServiceClient", "TrainingClient", "SamplingClient", "RestClient"],
    },
  },
  {
    name: "@tinker-ts/emulator",
    dir: join(repoRoot, "packages", "emulator"),
    entryPoints: { ".": ["startEmulator"] },
  },
  {
    name: "@tinker-ts/cli",
    dir: join(repoRoot, "packages", "cli"),
    entryPoints: { ".": [] },
  },
];

/**
 * True while a package is still the skeleton's placeholder (its entry exports only
 * `placeholder`). Its checks are skipped, with that reason, until its owner lands it.
 */
export async function isPlaceholder(pkg: PublishedPackage): Promise<boolean> {
  try {
    const entry = (await import(pkg.name)) as Record<string, unknown>;
    return Object.keys(entry).join() === "placeholder";
  } catch {
    return false;
  }
}
