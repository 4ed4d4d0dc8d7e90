import { createRequire } from "node:module";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Directory of a workspace package, found through its package.json. */
export function packageDir(name: string): string {
  return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
}

/**
 * Imports internal modules of a package from the `src/` it ships. The packages publish bundled
 * entry points only, so their internals are not files of `dist/`: `exportLines` (e.g.
 * `export { prepareData } from "./src/data/datum.ts";`) are bundled with esbuild into one ESM
 * file — the same code the package runs — which is imported and deleted.
 */
export async function importPackageSources<T>(dir: string, exportLines: readonly string[]): Promise<T> {
  // Fully bundled (only node: built-ins stay imports), so it can live outside the repository.
  const outfile = join(tmpdir(), `tinker-ts-bench-sources-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  const { build } = await import("esbuild");
  await build({
    stdin: { contents: exportLines.join("\n"), resolveDir: dir, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    outfile,
    logLevel: "silent",
  });
  return (await import(pathToFileURL(outfile).href).finally(() => rm(outfile, { force: true }))) as T;
}
