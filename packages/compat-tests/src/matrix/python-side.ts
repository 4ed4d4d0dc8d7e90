/** The Python side of the matrix: tools/capture-python/matrix.py run with the pinned SDK's venv. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { CAPTURE_DIR, type LoadResult, type MatrixSide, type SaveResult } from "./recipe.js";

/** Why the Python side cannot run here, or undefined when it can. */
export function pythonUnavailableReason(venv: string | undefined): string | undefined {
  if (!venv) return "TINKER_PYTHON_VENV is not set (bash scripts/run test sets it from tools/capture-python/ensure-venv.sh)";
  if (!existsSync(join(venv, "bin", "python"))) return `TINKER_PYTHON_VENV=${venv} has no bin/python`;
  return undefined;
}

function run(venv: string, args: readonly string[]): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      join(venv, "bin", "python"),
      [resolve(CAPTURE_DIR, "matrix.py"), ...args],
      { env: { ...process.env, TINKER_TELEMETRY: "0" }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`matrix.py ${args[0]} failed: ${err.message}\n${stderr}`));
        try {
          resolvePromise(JSON.parse(stdout));
        } catch {
          reject(new Error(`matrix.py ${args[0]} printed no JSON:\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

export function pythonSide(venv: string, loadMode: "load" | "load-weights-only" = "load"): MatrixSide {
  return {
    name: loadMode === "load" ? "Python" : "Python (load_state, weights only)",
    save: async (baseUrl, apiKey, name) => (await run(venv, ["save", baseUrl, apiKey, name])) as SaveResult,
    load: async (baseUrl, apiKey, path) => (await run(venv, [loadMode, baseUrl, apiKey, path])) as LoadResult,
  };
}
