// Bundles each entry point into one ESM file (run by `build` after tsc, which emits only the .d.ts
// files). Importing ~120 separate modules (our own plus @bufbuild/protobuf's) made
// `import("@tinker-ts/client")` take 120–290 ms; the bundle imports in about 40–55 ms.
//
// One esbuild run with code splitting over every entry point, so "." (default and "node"
// conditions) and "./node" share their chunks: a class such as TinkerError is one class whichever
// entry a user imports it from. @hpcc-js/wasm-zstd (loaded lazily, only for compressed
// forward/backward) and tar (./node only) stay external and resolve at run time as before.
import { build } from "esbuild";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

const src = new URL("../src/", import.meta.url).pathname;
const dist = new URL("../dist/", import.meta.url).pathname;

// JavaScript left in dist/ by an earlier per-module build would be shipped too.
async function removeJs(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await removeJs(path);
    else if (/\.js(\.map)?$/.test(entry.name)) await rm(path);
  }
}
await removeJs(dist);

await build({
  entryPoints: {
    index: `${src}index.ts`,
    "transport/node-entry": `${src}transport/node-entry.ts`,
    "node/index": `${src}node/index.ts`,
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  mainFields: ["module", "main"],
  conditions: ["import", "default"],
  external: ["node:*", "@hpcc-js/wasm-zstd", "tar"],
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  logLevel: "warning",
});
