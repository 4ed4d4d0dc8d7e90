import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface ClientBundle {
  /** The bundled ES module, ready to be served to a browser. */
  readonly code: string;
  /** Bytes of the minified bundle. */
  readonly minifiedBytes: number;
  /** Bytes of the minified bundle after gzip -9. */
  readonly gzippedBytes: number;
}

/**
 * Bundles the client's main entry point (`@tinker-ts/client`, its built output) for browsers,
 * resolved the way a browser bundler resolves it (the `browser`/`default` export conditions, not
 * `node`). `platform: "browser"` makes esbuild refuse any `node:` import, so a Node-only import
 * reachable from the main entry fails here with the module's name.
 */
export async function bundleClient(): Promise<ClientBundle> {
  const result = await build({
    stdin: {
      contents: 'export * from "@tinker-ts/client";',
      resolveDir: dirname(fileURLToPath(import.meta.url)),
      sourcefile: "browser-entry.js",
      loader: "js",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no output for @tinker-ts/client");
  return {
    code: output.text,
    minifiedBytes: output.contents.byteLength,
    gzippedBytes: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
