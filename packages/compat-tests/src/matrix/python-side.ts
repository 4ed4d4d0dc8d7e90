/**
 * The Python side of the matrix: tools/capture-python/matrix.py in `serve` mode, one process for the
 * whole test file (the SDK is imported once), with the pinned SDK's venv.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { CAPTURE_DIR, type LoadResult, type MatrixSide, type SaveResult } from "./recipe.js";

/** Why the Python side cannot run here, or undefined when it can. */
export function pythonUnavailableReason(venv: string | undefined): string | undefined {
  if (!venv) return "TINKER_PYTHON_VENV is not set (bash scripts/run test sets it from tools/capture-python/ensure-venv.sh)";
  if (!existsSync(join(venv, "bin", "python"))) return `TINKER_PYTHON_VENV=${venv} has no bin/python`;
  return undefined;
}

type Op = "save" | "load" | "load-weights-only" | "from-state";
export type LoadMode = Exclude<Op, "save">;

const LOAD_MODE_NAMES: Readonly<Record<LoadMode, string>> = {
  load: "Python",
  "load-weights-only": "Python (load_state, weights only)",
  "from-state": "Python (create_training_client_from_state_with_optimizer)",
};

/** One matrix.py process answering commands in order. */
export class PythonMatrixWorker {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: Array<{ resolve: (v: unknown) => void; reject: (e: Error) => void; op: Op }> = [];
  #stderr = "";
  #exited: string | undefined;

  constructor(venv: string) {
    this.#child = spawn(join(venv, "bin", "python"), [resolve(CAPTURE_DIR, "matrix.py"), "serve"], {
      env: { ...process.env, TINKER_TELEMETRY: "0" },
    });
    this.#child.stderr.on("data", (d: Buffer) => {
      this.#stderr = (this.#stderr + d.toString()).slice(-8000);
    });
    createInterface({ input: this.#child.stdout }).on("line", (line) => {
      const waiter = this.#waiting.shift();
      if (!waiter) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return waiter.reject(new Error(`matrix.py ${waiter.op} printed no JSON: ${line}\n${this.#stderr}`));
      }
      const error = (value as { error?: unknown }).error;
      if (typeof error === "string") return waiter.reject(new Error(`matrix.py ${waiter.op} failed: ${error}\n${this.#stderr}`));
      waiter.resolve(value);
    });
    this.#child.on("exit", (code, signal) => {
      this.#exited = `matrix.py exited (${code ?? signal})\n${this.#stderr}`;
      for (const w of this.#waiting.splice(0)) w.reject(new Error(this.#exited));
    });
  }

  run(op: Op, baseUrl: string, apiKey: string, arg: string): Promise<unknown> {
    if (this.#exited) return Promise.reject(new Error(this.#exited));
    return new Promise((resolvePromise, reject) => {
      this.#waiting.push({ resolve: resolvePromise, reject, op });
      this.#child.stdin.write(`${JSON.stringify({ op, base_url: baseUrl, api_key: apiKey, arg })}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((r) => this.#child.once("exit", () => r()));
    this.#child.stdin.end();
    await exited;
  }
}

export function pythonSide(worker: PythonMatrixWorker, loadMode: LoadMode = "load"): MatrixSide {
  return {
    name: LOAD_MODE_NAMES[loadMode],
    save: async (baseUrl, apiKey, name) => (await worker.run("save", baseUrl, apiKey, name)) as SaveResult,
    load: async (baseUrl, apiKey, path) => (await worker.run(loadMode, baseUrl, apiKey, path)) as LoadResult,
  };
}
