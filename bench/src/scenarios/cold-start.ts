import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { promisify } from "node:util";
import { metric, type ScenarioResult, type Target } from "../results.js";
import { runInterleaved } from "../schedule.js";

const exec = promisify(execFile);

const IMPORT_SCRIPT = (specifier: string) =>
  `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); ` +
  `process.stdout.write(JSON.stringify({ importMs: performance.now() - t0 }));`;

const PY_IMPORT = "import time; t = time.perf_counter(); import tinker; print((time.perf_counter() - t) * 1000)";

async function nodeImportMs(specifier: string, cwd: string): Promise<number> {
  const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", IMPORT_SCRIPT(specifier)], { cwd });
  return (JSON.parse(stdout) as { importMs: number }).importMs;
}

async function pythonImportMs(python: string): Promise<number> {
  const { stdout } = await exec(python, ["-c", PY_IMPORT], { env: { ...process.env, TINKER_TELEMETRY: "0" } });
  return Number(stdout.trim());
}

/** esbuild (pinned in bench/package.json) of `export * from specifier`, minified ESM, in memory. */
async function bundleOf(specifier: string, resolveDir: string, options: { platform: "node" | "browser"; outdir?: string }) {
  const esbuild = await import("esbuild");
  return esbuild.build({
    // Through the package's exports map, so each platform gets its own condition ("node" / "browser"/"default").
    stdin: { contents: `export * from ${JSON.stringify(specifier)};`, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: options.platform,
    ...(options.outdir === undefined ? {} : { splitting: true, outdir: options.outdir }),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
}

/** The package as one file (every dependency inlined), minified, then gzip -9. */
export async function bundleSize(
  specifier: string,
  resolveDir: string,
  platform: "node" | "browser",
  outfile?: string,
): Promise<{ minBytes: number; gzipBytes: number }> {
  const code = (await bundleOf(specifier, resolveDir, { platform })).outputFiles[0]!.contents;
  if (outfile !== undefined) await writeFile(outfile, code);
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * The same bundle with code splitting, as an application bundler makes it: what a page loads up
 * front, and the lazy chunks (the zstd decoder, loaded only when the server asks for compressed
 * protobuf), min+gzip each.
 */
export async function splitBundleSize(specifier: string, resolveDir: string, outdir: string): Promise<{ upFrontGzip: number; upFrontMin: number; lazyGzip: number; lazyChunks: number }> {
  const out = await bundleOf(specifier, resolveDir, { platform: "browser", outdir });
  const entryPath = Object.entries(out.metafile.outputs).find(([, o]) => o.entryPoint === "<stdin>")?.[0];
  let upFrontGzip = 0;
  let upFrontMin = 0;
  let lazyGzip = 0;
  let lazyChunks = 0;
  for (const file of out.outputFiles) {
    const gzip = gzipSync(file.contents, { level: 9 }).byteLength;
    // Metafile paths are relative to esbuild's working directory (this process's cwd).
    if (entryPath !== undefined && file.path === resolve(entryPath)) {
      upFrontGzip = gzip;
      upFrontMin = file.contents.byteLength;
    } else {
      lazyGzip += gzip;
      lazyChunks++;
    }
  }
  if (upFrontMin === 0) throw new Error("esbuild produced no entry chunk");
  return { upFrontGzip, upFrontMin, lazyGzip, lazyChunks };
}

const TARGETS: Target[] = [{ label: "import < 100 ms", numerator: "tinker-ts", op: "<=", limit: 100 }];

export async function coldStartScenario(opts: { rounds: number; cwd: string; python: string | null; tmpDir: string }): Promise<ScenarioResult> {
  const facts: Array<{ label: string; value: string }> = [];
  const notes: string[] = [];
  // The same package as one esbuild file: what the import would cost without a module graph.
  const bundled = join(opts.tmpDir, "client-bundle.mjs");
  let haveBundle = false;
  for (const platform of ["browser", "node"] as const) {
    try {
      const { minBytes, gzipBytes } = await bundleSize("@tinker-ts/client", opts.cwd, platform, platform === "node" ? bundled : undefined);
      if (platform === "node") haveBundle = true;
      facts.push({ label: `bundle of @tinker-ts/client as one file, lazy zstd decoder inlined (esbuild, platform=${platform}, min)`, value: `${(minBytes / 1024).toFixed(1)} KiB` });
      facts.push({ label: `bundle of @tinker-ts/client as one file, lazy zstd decoder inlined (esbuild, platform=${platform}, min+gzip)`, value: `${(gzipBytes / 1024).toFixed(1)} KiB` });
    } catch (err) {
      notes.push(`esbuild platform=${platform} failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    }
  }
  try {
    const split = await splitBundleSize("@tinker-ts/client", opts.cwd, join(opts.tmpDir, "split"));
    facts.push({
      label: "with code splitting (esbuild, platform=browser): loaded up front, min / min+gzip",
      value: `${(split.upFrontMin / 1024).toFixed(1)} KiB / ${(split.upFrontGzip / 1024).toFixed(1)} KiB`,
    });
    facts.push({ label: "with code splitting: lazy chunks (zstd decoder, only for compressed protobuf), min+gzip", value: `${split.lazyChunks} / ${(split.lazyGzip / 1024).toFixed(1)} KiB` });
  } catch (err) {
    notes.push(`esbuild with code splitting failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  const drivers = ["tinker-ts", ...(haveBundle ? ["tinker-ts, one bundled file"] : []), ...(opts.python === null ? [] : ["python"])];
  const rounds = await runInterleaved(drivers, opts.rounds, (d) =>
    d === "tinker-ts"
      ? nodeImportMs("@tinker-ts/client", opts.cwd)
      : d === "python"
        ? pythonImportMs(opts.python!)
        : nodeImportMs(pathToFileURL(bundled).href, opts.cwd),
  );
  return {
    id: "cold-start",
    title: "5. Cold start (import in a fresh process) and bundle size",
    params: { rounds: opts.rounds },
    metrics: [metric("import of the package", "ms", rounds, [["python", "tinker-ts"], ["tinker-ts", "tinker-ts, one bundled file"]], TARGETS)],
    facts,
    notes: [
      ...notes,
      "tinker-ts: `await import('@tinker-ts/client')` timed inside a fresh `node` process; python: `import tinker` timed inside a fresh interpreter.",
      "`tinker-ts, one bundled file` imports the same package bundled by esbuild (platform=node, minified) into one ESM file: the import cost without the package's own few files.",
      "Bundle: esbuild (version pinned in bench/package.json) of `export * from '@tinker-ts/client'`, minified ESM, every dependency included, then gzip -9. As one file it inlines the zstd decoder (a wasm module, ~180 KiB gzip) that the client only imports when the server turns on compressed protobuf; with code splitting, as application bundlers do, that is a lazy chunk.",
    ],
  };
}
