import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const repoRoot = resolve(packageDir, "../..");
export const specPath = resolve(repoRoot, "spec/openapi.yaml");
export const fixturesDir = resolve(packageDir, "test/fixtures");
/** The shared reference sits next to the repository (CI checks it out there); tests fall back to fixtures without it. */
export const referencePath = resolve(repoRoot, "../shared/reference/wire-protocol.md");
