import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

const entryFile = join(import.meta.dirname, "..", "browser", "entry.js");
const outdir = join(import.meta.dirname, "..", "dist", "browser-bundle");

export interface BundleFile {
  /** File name, e.g. `entry.js` or `chunk-AB12CD.js`. */
  readonly name: string;
  readonly code: string;
  readonly minifiedBytes: number;
  readonly gzippedBytes: number;
  /** True when the entry loads it only through a dynamic `import()` (e.g. the zstd codec). */
  readonly lazy: boolean;
}

export interface ClientBundle {
  /** Every output file; `entry.js` is the one a page imports. */
  readonly files: readonly BundleFile[];
  /** Names the entry exports. */
  readonly exports: readonly string[];
  /** min / min+gzip bytes a page loads up front (the entry and its static imports). */
  readonly eager: { readonly minifiedBytes: number; readonly gzippedBytes: number };
  /** min / min+gzip bytes loaded only when needed. */
  readonly lazy: { readonly minifiedBytes: number; readonly gzippedBytes: number };
}

/**
 * Bundles the client's main entry point (`@tinker-ts/client`, its built output) for browsers the
 * way an application bundler would: `browser`/`default` export conditions (not `node`), ES module
 * output, code splitting so that dynamic imports become chunks loaded on demand.
 * `platform: "browser"` makes esbuild refuse any `node:` import, so a Node-only import reachable
 * from the main entry fails here with the module's name.
 */
export async function bundleClient(): Promise<ClientBundle> {
  const result = await build({
    entryPoints: { entry: entryFile },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    outdir,
    logLevel: "silent",
    legalComments: "none",
  });
  const eagerNames = staticClosure(result.metafile, "entry.js");
  const files = result.outputFiles
    .filter((file) => file.path.endsWith(".js"))
    .map((file): BundleFile => {
      const name = basename(file.path);
      return {
        name,
        code: file.text,
        minifiedBytes: file.contents.byteLength,
        gzippedBytes: gzipSync(file.contents, { level: 9 }).byteLength,
        lazy: !eagerNames.has(name),
      };
    });
  const sum = (list: readonly BundleFile[]) => ({
    minifiedBytes: list.reduce((n, f) => n + f.minifiedBytes, 0),
    gzippedBytes: list.reduce((n, f) => n + f.gzippedBytes, 0),
  });
  const entryOutput = Object.entries(result.metafile.outputs).find(([path]) => basename(path) === "entry.js");
  return {
    files,
    exports: entryOutput?.[1].exports ?? [],
    eager: sum(files.filter((f) => !f.lazy)),
    lazy: sum(files.filter((f) => f.lazy)),
  };
}

/** Names of the output files reachable from `entry` through static imports only. */
function staticClosure(metafile: Metafile, entry: string): Set<string> {
  const byName = new Map(Object.entries(metafile.outputs).map(([path, output]) => [basename(path), output]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of byName.get(name)?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(basename(imported.path));
    }
  };
  visit(entry);
  return seen;
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
